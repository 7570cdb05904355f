// Largest-remainder allocation of a discount over non-negative weights, with
// exactly shopcore::Allocate's result (floor shares, one more unit to the
// largest remainders, ties to the lower index), computed in 64-bit
// arithmetic when amount x weight cannot overflow and delegating to
// Allocate otherwise.
//
// Why it exists: pricing allocates on every phase of every candidate coupon
// set, and in wasm Allocate's 128-bit divisions (software __udivmodti4) and
// full stable sort were ~40% of price(). Candidate for moving into
// money/allocation.cc as Allocate's fast path; tests pin it to Allocate.
#ifndef SHOPCORE_SRC_CART_SHARE_ALLOCATION_H_
#define SHOPCORE_SRC_CART_SHARE_ALLOCATION_H_

#include <cstdint>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// amount >= 0; weights >= 0 with a positive sum (as Allocate requires).
Result<std::vector<int64_t>> AllocateShares(int64_t amount, const std::vector<int64_t>& weights);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_SHARE_ALLOCATION_H_
