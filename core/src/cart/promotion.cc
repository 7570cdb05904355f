#include "shopcore/cart/promotion.h"

#include <set>

namespace shopcore {
namespace cart {

const char* PromotionKindName(PromotionKind kind) {
  switch (kind) {
    case PromotionKind::kFlashSale: return "FLASH_SALE";
    case PromotionKind::kGroupBuy: return "GROUP_BUY";
    case PromotionKind::kBargain: return "BARGAIN";
    case PromotionKind::kMemberPrice: return "MEMBER_PRICE";
    case PromotionKind::kLimitedTime: return "LIMITED_TIME";
    case PromotionKind::kThresholdOff: return "THRESHOLD_OFF";
    case PromotionKind::kThresholdPercent: return "THRESHOLD_PERCENT";
    case PromotionKind::kNthItem: return "NTH_ITEM";
    case PromotionKind::kBuyXGetY: return "BUY_X_GET_Y";
    case PromotionKind::kBundle: return "BUNDLE";
    case PromotionKind::kPointsRedemption: return "POINTS_REDEMPTION";
    case PromotionKind::kShipping: return "SHIPPING";
    case PromotionKind::kPointsEarned: return "POINTS_EARNED";
  }
  return "UNKNOWN";
}

Phase PhaseOf(PromotionKind kind) {
  switch (kind) {
    case PromotionKind::kFlashSale:
    case PromotionKind::kGroupBuy:
    case PromotionKind::kBargain: return Phase::kActivity;
    case PromotionKind::kMemberPrice:
    case PromotionKind::kLimitedTime: return Phase::kItemPrice;
    case PromotionKind::kThresholdOff:
    case PromotionKind::kThresholdPercent:
    case PromotionKind::kNthItem:
    case PromotionKind::kBuyXGetY:
    case PromotionKind::kBundle: return Phase::kThreshold;
    case PromotionKind::kPointsRedemption: return Phase::kPoints;
    case PromotionKind::kShipping: return Phase::kShipping;
    case PromotionKind::kPointsEarned: return Phase::kPointsEarned;
  }
  return Phase::kThreshold;
}

namespace {

bool ValidBasisPoints(int64_t bp) { return bp > 0 && bp <= 10000; }

Status ValidateOne(const Promotion& p, const std::string& path) {
  auto bad = [&](const char* field, const std::string& what) {
    return MakeError(ErrorCode::kInvalidArgument, what, path + "." + field);
  };
  if (p.starts_at > p.ends_at) return bad("ends_at", "ends before it starts");
  if (p.max_applications != kUnlimited && p.max_applications <= 0) {
    return bad("max_applications", "must be positive or unlimited");
  }
  for (size_t i = 0; i < p.sku_prices.size(); ++i) {
    if (p.sku_prices[i].price < 0) return bad("sku_prices", "price is negative");
    if (p.sku_prices[i].quota != kUnlimited && p.sku_prices[i].quota < 0) return bad("sku_prices", "quota is negative");
  }
  switch (p.kind) {
    case PromotionKind::kFlashSale:
    case PromotionKind::kGroupBuy:
    case PromotionKind::kBargain:
      if (p.sku_prices.empty()) return bad("sku_prices", "an activity needs SKU prices");
      break;
    case PromotionKind::kMemberPrice:
      if (p.member_tier.empty()) return bad("member_tier", "a member price needs a tier");
      if (!ValidBasisPoints(p.percent_off_bp)) return bad("percent_off_bp", "must be 1..10000 basis points");
      break;
    case PromotionKind::kLimitedTime:
      if (p.sku_prices.empty() && !ValidBasisPoints(p.percent_off_bp)) {
        return bad("percent_off_bp", "needs SKU prices or 1..10000 basis points");
      }
      break;
    case PromotionKind::kThresholdOff:
    case PromotionKind::kThresholdPercent: {
      if (p.tiers.empty()) return bad("tiers", "needs at least one tier");
      if (p.repeat && (p.kind != PromotionKind::kThresholdOff || p.tiers.size() != 1)) {
        return bad("repeat", "repeat (每满) needs THRESHOLD_OFF with exactly one tier");
      }
      int64_t previous = -1;
      for (const Tier& tier : p.tiers) {
        if (tier.threshold <= previous) return bad("tiers", "thresholds must be ascending and distinct");
        if (tier.threshold < 0 || (p.repeat && tier.threshold == 0)) return bad("tiers", "threshold out of range");
        if (p.kind == PromotionKind::kThresholdOff ? tier.value <= 0 : !ValidBasisPoints(tier.value)) {
          return bad("tiers", "tier value out of range");
        }
        previous = tier.threshold;
      }
      break;
    }
    case PromotionKind::kNthItem:
      if (p.nth < 2) return bad("nth", "nth must be at least 2");
      if (!ValidBasisPoints(p.percent_off_bp)) return bad("percent_off_bp", "must be 1..10000 basis points");
      break;
    case PromotionKind::kBuyXGetY:
      if (p.buy_quantity <= 0 || p.buy_quantity > 1000000) return bad("buy_quantity", "must be 1..10^6");
      if (p.get_quantity <= 0 || p.get_quantity > 1000000) return bad("get_quantity", "must be 1..10^6");
      if (!ValidBasisPoints(p.percent_off_bp)) return bad("percent_off_bp", "must be 1..10000 basis points");
      break;
    case PromotionKind::kBundle: {
      if (p.bundle.size() < 2) return bad("bundle", "a bundle has at least two components");
      std::set<std::string> skus;
      for (const auto& component : p.bundle) {
        if (component.quantity <= 0) return bad("bundle", "component quantity must be positive");
        if (!skus.insert(component.sku_id).second) return bad("bundle", "component listed twice");
      }
      if (p.bundle_price < 0) return bad("bundle_price", "bundle price is negative");
      break;
    }
    case PromotionKind::kPointsRedemption:
      if (p.cap_bp <= 0 || p.cap_bp > 10000) return bad("cap_bp", "must be 1..10000 basis points");
      [[fallthrough]];
    case PromotionKind::kPointsEarned:
      if (p.points_per_block <= 0) return bad("points_per_block", "must be positive");
      if (p.block_value <= 0) return bad("block_value", "must be positive");
      break;
    case PromotionKind::kShipping:
      if (p.flat_fee < 0) return bad("flat_fee", "fee is negative");
      if (p.free_over != kUnlimited && p.free_over < 0) return bad("free_over", "must be >= 0 or unlimited");
      break;
  }
  return Status::Ok();
}

}  // namespace

Status ValidatePromotions(const std::vector<Promotion>& promotions) {
  std::set<std::string> ids;
  for (size_t i = 0; i < promotions.size(); ++i) {
    const std::string path = "promotions[" + std::to_string(i) + "]";
    if (promotions[i].id.empty()) return MakeError(ErrorCode::kInvalidArgument, "empty promotion id", path + ".id");
    if (!ids.insert(promotions[i].id).second) {
      return MakeError(ErrorCode::kConflict, "promotion id " + promotions[i].id + " appears twice", path + ".id");
    }
    SHOPCORE_RETURN_IF_ERROR(ValidateOne(promotions[i], path));
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
