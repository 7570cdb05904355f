// SHIPPING: postage from the first running SHIPPING rule (by priority, id):
// a flat fee, waived once the goods payable reaches free_over; nothing when
// collecting at a pickup point. Then shipping coupons, each clamped to what
// postage is left, so no discount ever makes postage negative.
#include <algorithm>

#include "cart/phases.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {
Status RunShippingPhase(PricingState& state, const PromotionList& promotions) {
  bool done = false;
  for (const Promotion* promotion : promotions) {
    if (done) {
      state.SetPromotionStatus(promotion->id, "STOPPED_BY_PREVIOUS");
      continue;
    }
    if (!PromotionRunsHere(state, *promotion)) continue;
    done = true;
    if (state.request->pickup) {
      state.SetPromotionStatus(promotion->id, "PICKUP");
      continue;
    }
    state.shipping_fee = promotion->flat_fee;
    state.SetPromotionStatus(promotion->id, "APPLIED");
    if (promotion->free_over == kUnlimited || state.shipping_fee == 0) continue;
    const int64_t goods = state.GoodsPayable();
    if (goods >= promotion->free_over) {
      state.shipping_adjustments.push_back(Adjustment{promotion->id, Phase::kShipping, state.shipping_fee});
      state.promotion_outcomes[promotion->id].amount = state.shipping_fee;
    } else {
      state.nudges.push_back(Nudge{promotion->id, "FREE_SHIPPING", promotion->free_over - goods, state.shipping_fee});
    }
  }
  for (const Coupon* coupon : state.shipping_coupons) {
    const int64_t left = state.ShippingPayable();
    int64_t off = coupon->amount_off == kUnlimited ? left : coupon->amount_off;
    if (coupon->percent_off_bp > 0) {
      auto percent = RoundQuotient(static_cast<__int128>(state.shipping_fee) * coupon->percent_off_bp, 10000,
                                   state.rules->rounding);
      if (!percent.ok()) return percent.error();
      off = *percent;
    }
    off = std::min(off, left);
    if (off <= 0) continue;
    state.shipping_adjustments.push_back(Adjustment{coupon->id, Phase::kShipping, off});
    state.coupon_outcomes[coupon->id].amount = off;
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
