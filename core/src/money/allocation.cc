#include "shopcore/money/allocation.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace shopcore {
namespace {

// Largest remainder over a non-negative magnitude: floor shares, then one
// more unit to the largest remainders, equal remainders to the earlier index.
// Wide is int64_t when magnitude x every weight fits, __int128 otherwise:
// pricing allocates on every phase of every candidate coupon set, and in
// wasm the 128-bit divisions (software __udivmodti4) were ~40% of price().
template <typename Wide>
std::vector<int64_t> SplitMagnitude(Wide magnitude, const std::vector<int64_t>& weights, Wide total) {
  const size_t n = weights.size();
  std::vector<int64_t> parts(n);
  std::vector<Wide> remainders(n);
  Wide assigned = 0;
  for (size_t i = 0; i < n; ++i) {
    const Wide share = magnitude * weights[i];
    parts[i] = static_cast<int64_t>(share / total);
    remainders[i] = share % total;
    assigned += parts[i];
  }
  // Fewer than n units are left; only their recipients need ordering, and
  // (remainder desc, index asc) is a total order, so a partial sort gives
  // exactly what a stable sort of all remainders would.
  const size_t left = static_cast<size_t>(magnitude - assigned);
  if (left == 0) return parts;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(left), order.end(),
                    [&](size_t a, size_t b) { return remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b; });
  for (size_t k = 0; k < left; ++k) ++parts[order[k]];
  return parts;
}

}  // namespace

Result<std::vector<int64_t>> Allocate(int64_t amount, const std::vector<int64_t>& weights) {
  if (weights.empty()) return MakeError(ErrorCode::kInvalidArgument, "no weights to allocate over", "weights");
  if (weights.size() > kMaxAllocationParts) {
    return MakeError(ErrorCode::kInvalidArgument, "more than " + std::to_string(kMaxAllocationParts) + " weights", "weights");
  }
  __int128 total = 0;
  int64_t largest = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return MakeError(ErrorCode::kInvalidArgument, "weight is negative", "weights[" + std::to_string(i) + "]");
    }
    total += weights[i];
    largest = std::max(largest, weights[i]);
  }
  if (total == 0) return MakeError(ErrorCode::kInvalidArgument, "weights sum to zero", "weights");
  // Its magnitude (2^63) has no int64 part to hold it.
  if (amount == INT64_MIN) return MakeError(ErrorCode::kOverflow, "amount -2^63 cannot be allocated", "amount");

  // Split the magnitude; the sign is applied at the end so a refund mirrors
  // its charge unit for unit.
  const bool negative = amount < 0;
  const int64_t magnitude = negative ? -amount : amount;
  const bool fits_int64 = total <= INT64_MAX && (largest == 0 || magnitude <= INT64_MAX / largest);
  // Otherwise magnitude < 2^63 and weight < 2^63: every product fits in 127 bits.
  std::vector<int64_t> parts = fits_int64
      ? SplitMagnitude<int64_t>(magnitude, weights, static_cast<int64_t>(total))
      : SplitMagnitude<__int128>(magnitude, weights, total);
  if (negative) {
    for (auto& part : parts) part = -part;
  }
  return parts;
}

}  // namespace shopcore
