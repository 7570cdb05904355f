// The phases of the pipeline, each a transformation of the PricingState.
// Every function receives only its phase's promotions, already sorted by
// (priority, id), and records an outcome for each of them.
#ifndef SHOPCORE_SRC_CART_PHASES_H_
#define SHOPCORE_SRC_CART_PHASES_H_

#include <vector>

#include "cart/pricing_state.h"

namespace shopcore {
namespace cart {

using PromotionList = std::vector<const Promotion*>;

// Whether the promotion runs now in this market; records why not.
bool PromotionRunsHere(PricingState& state, const Promotion& promotion);

Status RunActivityPhase(PricingState& state, const PromotionList& promotions);
Status RunItemPricePhase(PricingState& state, const PromotionList& promotions);
Status RunThresholdPhase(PricingState& state, const PromotionList& promotions);
// One THRESHOLD-phase promotion on its own; returns the amount it took off
// and sets its outcome (and nudges).
Result<int64_t> ApplyThresholdPromotion(PricingState& state, const Promotion& promotion);

// Why a coupon cannot be used on the state as it enters the coupon phase.
CouponRefusal CheckCoupon(const PricingState& state, const Coupon& coupon, int64_t* short_by);
// Applies a set of usable coupons (at most one per class, sorted by id).
// Each is measured on the amount as the phase began, so the order inside
// the set changes nothing but the clamps. Shipping coupons wait for the
// shipping phase.
Status ApplyCoupons(PricingState& state, const std::vector<const Coupon*>& coupons);

Status RunPointsPhase(PricingState& state, const PromotionList& promotions);
Status RunShippingPhase(PricingState& state, const PromotionList& promotions);
Status RunPointsEarnedPhase(PricingState& state, const PromotionList& promotions);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_PHASES_H_
