#include "cart/share_allocation.h"

#include <algorithm>

#include "shopcore/money/allocation.h"

namespace shopcore {
namespace cart {

Result<std::vector<int64_t>> AllocateShares(int64_t amount, const std::vector<int64_t>& weights) {
  int64_t total = 0;
  int64_t largest = 0;
  bool fits = amount >= 0 && !weights.empty();
  for (int64_t weight : weights) {
    if (weight < 0 || weight > INT64_MAX - total) {
      fits = false;
      break;
    }
    total += weight;
    largest = std::max(largest, weight);
  }
  // amount x weight must fit in int64 for the 64-bit path.
  if (!fits || total == 0 || (largest > 0 && amount > INT64_MAX / largest)) return Allocate(amount, weights);

  const size_t n = weights.size();
  std::vector<int64_t> parts(n);
  std::vector<int64_t> remainders(n);
  int64_t assigned = 0;
  for (size_t i = 0; i < n; ++i) {
    const int64_t share = amount * weights[i];
    parts[i] = share / total;
    remainders[i] = share % total;
    assigned += parts[i];
  }
  const int64_t left = amount - assigned;  // < n
  if (left == 0) return parts;
  // Only the first `left` of the order (remainder desc, index asc) matter;
  // that order is total, so a partial sort gives what the stable sort gives.
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::partial_sort(order.begin(), order.begin() + left, order.end(), [&](size_t a, size_t b) {
    return remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b;
  });
  for (int64_t k = 0; k < left; ++k) ++parts[order[static_cast<size_t>(k)]];
  return parts;
}

}  // namespace cart
}  // namespace shopcore
