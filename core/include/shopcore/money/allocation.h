// Splitting an amount by weights so the parts add up exactly.
//
// Largest remainder: each part first gets floor(amount * w_i / sum); the
// units left over go one each to the largest remainders, ties to the earlier
// index. Decided in exact integer arithmetic (128-bit), never floating point.
// A negative amount is split as its absolute value and negated, so a
// discount and its refund allocate symmetrically.
#ifndef SHOPCORE_MONEY_ALLOCATION_H_
#define SHOPCORE_MONEY_ALLOCATION_H_

#include <cstdint>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

// Weights must be >= 0 with a positive sum (INVALID_ARGUMENT otherwise);
// a zero weight gets zero. {299, [4300,1400,2300]} -> [161,52,86].
Result<std::vector<int64_t>> Allocate(int64_t amount, const std::vector<int64_t>& weights);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_ALLOCATION_H_
