// Running the phases of the rule set in order over a PricingState.
#ifndef SHOPCORE_SRC_CART_PIPELINE_H_
#define SHOPCORE_SRC_CART_PIPELINE_H_

#include <utility>
#include <vector>

#include "cart/phases.h"

namespace shopcore {
namespace cart {

struct Pipeline {
  // The rule set's phases in order, each with its promotions sorted by (priority, id).
  std::vector<std::pair<Phase, PromotionList>> phases;
  std::vector<const Coupon*> wallet;  // the shopper's coupons, sorted by id
};

// Runs phases[from..]. With coupon_set, the coupon phase applies exactly that
// set (used while searching); without, it selects the coupons as the request
// says and then finishes the pipeline itself.
Status RunPhases(PricingState& state, const Pipeline& pipeline, size_t from,
                 const std::vector<const Coupon*>* coupon_set);

// The coupon phase at phases[index] without a fixed set: chooses the set
// (the best one, or the request's selection), records every wallet coupon's
// outcome, and runs the rest of the pipeline.
Status SelectCouponsAndFinish(PricingState& state, const Pipeline& pipeline, size_t index);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_PIPELINE_H_
