// COUPON: whether a coupon can be used, and applying a chosen set of them.
// Which set is chosen is best_coupon_set.cc's business.
#include <algorithm>

#include "cart/phases.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {

CouponRefusal CheckCoupon(const PricingState& state, const Coupon& coupon, int64_t* short_by) {
  *short_by = 0;
  const int64_t now = state.request->now;
  if (coupon.used) return CouponRefusal::kUsed;
  if (now < coupon.starts_at) return CouponRefusal::kNotStarted;
  if (now >= coupon.expires_at) return CouponRefusal::kExpired;
  const auto& markets = coupon.markets;
  if (!markets.empty() && std::find(markets.begin(), markets.end(), state.catalog->market) == markets.end()) {
    return CouponRefusal::kWrongMarket;
  }
  if (state.activity_order) return CouponRefusal::kActivityOrder;
  if (!state.coupons_excluded_by.empty()) return CouponRefusal::kExcludedByPromotion;
  if (!coupon.combinable_with_promotions && state.threshold_promotion_applied) {
    return CouponRefusal::kExcludedByPromotion;
  }
  const std::vector<size_t> eligible = EligibleLines(state, coupon.skus, coupon.categories);
  if (eligible.empty()) return CouponRefusal::kNoEligibleItems;
  const int64_t base = PayableOf(state, eligible);
  if (base < coupon.threshold) {
    *short_by = coupon.threshold - base;
    return CouponRefusal::kBelowThreshold;
  }
  return CouponRefusal::kNone;
}

Status ApplyCoupons(PricingState& state, const std::vector<const Coupon*>& coupons) {
  // Measure every coupon on the amounts as the phase began.
  std::vector<int64_t> offs;
  for (const Coupon* coupon : coupons) {
    const int64_t base = PayableOf(state, EligibleLines(state, coupon->skus, coupon->categories));
    int64_t off = 0;
    if (coupon->kind == CouponKind::kFixed) {
      off = coupon->amount_off;
    } else if (coupon->kind == CouponKind::kPercent) {
      auto percent = RoundQuotient(static_cast<__int128>(base) * coupon->percent_off_bp, 10000, state.rules->rounding);
      if (!percent.ok()) return percent.error();
      off = coupon->cap == kUnlimited ? *percent : std::min(*percent, coupon->cap);
    }
    offs.push_back(off);
  }
  for (size_t k = 0; k < coupons.size(); ++k) {
    const Coupon& coupon = *coupons[k];
    CouponOutcome& outcome = state.coupon_outcomes[coupon.id];
    outcome = CouponOutcome{coupon.id, true, 0, CouponRefusal::kNone, 0};
    if (coupon.kind == CouponKind::kShipping) {
      state.shipping_coupons.push_back(&coupon);
      continue;
    }
    auto taken = TakeOffOrder(state, EligibleLines(state, coupon.skus, coupon.categories), offs[k], coupon.id,
                              Phase::kCoupon);
    if (!taken.ok()) return taken.error();
    outcome.amount = *taken;
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
