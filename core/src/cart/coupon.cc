#include "shopcore/cart/coupon.h"

#include <set>

namespace shopcore {
namespace cart {

const char* CouponKindName(CouponKind kind) {
  switch (kind) {
    case CouponKind::kFixed: return "FIXED";
    case CouponKind::kPercent: return "PERCENT";
    case CouponKind::kShipping: return "SHIPPING";
  }
  return "UNKNOWN";
}

const char* CouponRefusalName(CouponRefusal refusal) {
  switch (refusal) {
    case CouponRefusal::kNone: return "NONE";
    case CouponRefusal::kUsed: return "USED";
    case CouponRefusal::kNotStarted: return "NOT_STARTED";
    case CouponRefusal::kExpired: return "EXPIRED";
    case CouponRefusal::kWrongMarket: return "WRONG_MARKET";
    case CouponRefusal::kNoEligibleItems: return "NO_ELIGIBLE_ITEMS";
    case CouponRefusal::kBelowThreshold: return "BELOW_THRESHOLD";
    case CouponRefusal::kActivityOrder: return "ACTIVITY_ORDER";
    case CouponRefusal::kExcludedByPromotion: return "EXCLUDED_BY_PROMOTION";
    case CouponRefusal::kPhaseDisabled: return "PHASE_DISABLED";
    case CouponRefusal::kClassConflict: return "CLASS_CONFLICT";
    case CouponRefusal::kNotBest: return "NOT_BEST";
    case CouponRefusal::kNotSelected: return "NOT_SELECTED";
  }
  return "UNKNOWN";
}

Status ValidateCoupons(const std::vector<Coupon>& coupons) {
  std::set<std::string> ids;
  for (size_t i = 0; i < coupons.size(); ++i) {
    const Coupon& coupon = coupons[i];
    const std::string path = "coupons[" + std::to_string(i) + "]";
    auto bad = [&](const char* field, const std::string& what) {
      return MakeError(ErrorCode::kInvalidArgument, what, path + "." + field);
    };
    if (coupon.id.empty()) return bad("id", "empty coupon id");
    if (!ids.insert(coupon.id).second) {
      return MakeError(ErrorCode::kConflict, "coupon id " + coupon.id + " appears twice", path + ".id");
    }
    if (coupon.threshold < 0) return bad("threshold", "threshold is negative");
    if (coupon.starts_at > coupon.expires_at) return bad("expires_at", "expires before it starts");
    switch (coupon.kind) {
      case CouponKind::kFixed:
        if (coupon.amount_off <= 0) return bad("amount_off", "a fixed coupon takes off a positive amount");
        break;
      case CouponKind::kPercent:
        if (coupon.percent_off_bp <= 0 || coupon.percent_off_bp > 10000) {
          return bad("percent_off_bp", "percent off must be 1..10000 basis points");
        }
        if (coupon.cap != kUnlimited && coupon.cap <= 0) return bad("cap", "cap must be positive or unlimited");
        break;
      case CouponKind::kShipping:
        if (coupon.percent_off_bp < 0 || coupon.percent_off_bp > 10000) {
          return bad("percent_off_bp", "percent off must be 0..10000 basis points");
        }
        if (coupon.percent_off_bp == 0 && coupon.amount_off != kUnlimited && coupon.amount_off <= 0) {
          return bad("amount_off", "a shipping coupon takes off a positive amount, all postage or a percentage");
        }
        break;
    }
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
