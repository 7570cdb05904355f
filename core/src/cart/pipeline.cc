#include "cart/pipeline.h"

#include <algorithm>

namespace shopcore {
namespace cart {
namespace {

bool ActivityOrderSkips(const PricingState& state, Phase phase) {
  const auto& skips = state.rules->activity_order_skips;
  return state.activity_order && std::find(skips.begin(), skips.end(), phase) != skips.end();
}

}  // namespace

Status RunPhases(PricingState& state, const Pipeline& pipeline, size_t from,
                 const std::vector<const Coupon*>* coupon_set) {
  for (size_t index = from; index < pipeline.phases.size(); ++index) {
    const Phase phase = pipeline.phases[index].first;
    const PromotionList& promotions = pipeline.phases[index].second;
    if (ActivityOrderSkips(state, phase)) {
      for (const Promotion* promotion : promotions) state.SetPromotionStatus(promotion->id, "ACTIVITY_ORDER");
      if (phase == Phase::kCoupon) {
        for (const Coupon* coupon : pipeline.wallet) {
          state.coupon_outcomes[coupon->id] = CouponOutcome{coupon->id, false, 0, CouponRefusal::kActivityOrder, 0};
        }
      }
      continue;
    }
    Status status;
    switch (phase) {
      case Phase::kActivity: status = RunActivityPhase(state, promotions); break;
      case Phase::kItemPrice: status = RunItemPricePhase(state, promotions); break;
      case Phase::kThreshold: status = RunThresholdPhase(state, promotions); break;
      case Phase::kCoupon:
        if (coupon_set == nullptr) return SelectCouponsAndFinish(state, pipeline, index);
        status = ApplyCoupons(state, *coupon_set);
        break;
      case Phase::kPoints: status = RunPointsPhase(state, promotions); break;
      case Phase::kShipping: status = RunShippingPhase(state, promotions); break;
      case Phase::kPointsEarned: status = RunPointsEarnedPhase(state, promotions); break;
    }
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
