// Splitting an amount by weights so the parts add up exactly.
//
// Largest remainder: each part first gets floor(amount * w_i / sum); the
// units left over go one each to the largest remainders, ties to the earlier
// index. Decided in exact integer arithmetic (128-bit), never floating point.
// A negative amount is split as its absolute value and negated, so a
// discount and its refund allocate symmetrically.
#ifndef SHOPCORE_MONEY_ALLOCATION_H_
#define SHOPCORE_MONEY_ALLOCATION_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

// More parts than any order has lines or shares: refused, so that a hostile
// list cannot exhaust memory (the wasm heap is capped at 256 MB).
constexpr size_t kMaxAllocationParts = 1000000;

// Weights must be >= 0 with a positive sum, at most kMaxAllocationParts of
// them (INVALID_ARGUMENT otherwise); a zero weight gets zero.
// {299, [4300,1400,2300]} -> [161,52,86].
Result<std::vector<int64_t>> Allocate(int64_t amount, const std::vector<int64_t>& weights);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_ALLOCATION_H_
