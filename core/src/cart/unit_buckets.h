// Splitting a line's adjustments over its units, so each unit has an exact
// payable for refunds and commission (a partial refund must not re-prorate).
#ifndef SHOPCORE_SRC_CART_UNIT_BUCKETS_H_
#define SHOPCORE_SRC_CART_UNIT_BUCKETS_H_

#include <vector>

#include "shopcore/cart/priced_cart.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// Each adjustment, in order, is split over the units by exact largest
// remainder with the units' current payables as weights (ties to the
// earlier unit): the same result as shopcore::Allocate over `quantity`
// weights, computed on runs of equal units so a line of 10^6 units costs
// as little as a line of one. Adjustments must not exceed the line.
Result<std::vector<UnitBucket>> SplitOverUnits(int64_t quantity, int64_t unit_list_price,
                                               const std::vector<Adjustment>& adjustments);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_UNIT_BUCKETS_H_
