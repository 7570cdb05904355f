#include "shopcore/money/allocation.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace shopcore {

Result<std::vector<int64_t>> Allocate(int64_t amount, const std::vector<int64_t>& weights) {
  if (weights.empty()) return MakeError(ErrorCode::kInvalidArgument, "no weights to allocate over", "weights");
  if (weights.size() > kMaxAllocationParts) {
    return MakeError(ErrorCode::kInvalidArgument, "more than " + std::to_string(kMaxAllocationParts) + " weights", "weights");
  }
  __int128 total = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return MakeError(ErrorCode::kInvalidArgument, "weight is negative", "weights[" + std::to_string(i) + "]");
    }
    total += weights[i];
  }
  if (total == 0) return MakeError(ErrorCode::kInvalidArgument, "weights sum to zero", "weights");
  // Its magnitude (2^63) has no int64 part to hold it.
  if (amount == INT64_MIN) return MakeError(ErrorCode::kOverflow, "amount -2^63 cannot be allocated", "amount");

  // Split the magnitude; the sign is applied at the end so a refund mirrors
  // its charge unit for unit.
  const bool negative = amount < 0;
  const __int128 magnitude = negative ? -static_cast<__int128>(amount) : amount;

  std::vector<int64_t> parts(weights.size());
  std::vector<__int128> remainders(weights.size());
  __int128 assigned = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    // magnitude < 2^63 and weight < 2^63: the product fits in 127 bits.
    const __int128 share = magnitude * weights[i];
    parts[i] = static_cast<int64_t>(share / total);
    remainders[i] = share % total;
    assigned += parts[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  // Largest remainder first; equal remainders go to the earlier index.
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
  for (__int128 left = magnitude - assigned, k = 0; left > 0; --left, ++k) ++parts[order[static_cast<size_t>(k)]];
  if (negative) {
    for (auto& part : parts) part = -part;
  }
  return parts;
}

}  // namespace shopcore
