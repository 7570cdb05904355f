#include "cart/unit_buckets.h"

#include <algorithm>
#include <numeric>

namespace shopcore {
namespace cart {

Result<std::vector<UnitBucket>> SplitOverUnits(int64_t quantity, int64_t unit_list_price,
                                               const std::vector<Adjustment>& adjustments) {
  std::vector<UnitBucket> buckets = {UnitBucket{quantity, unit_list_price, {}}};
  for (const Adjustment& adjustment : adjustments) {
    __int128 weight_total = 0;
    for (const auto& bucket : buckets) weight_total += static_cast<__int128>(bucket.count) * bucket.unit_payable;
    if (adjustment.amount > weight_total) {
      return MakeError(ErrorCode::kInvalidArgument, "adjustment larger than what is left of the line",
                       adjustment.source_id);
    }
    if (adjustment.amount == 0) continue;
    // Per unit of bucket b: floor(A*w/W) and remainder A*w mod W, equal for all its units.
    std::vector<int64_t> shares(buckets.size());
    std::vector<__int128> remainders(buckets.size());
    __int128 assigned = 0;
    for (size_t b = 0; b < buckets.size(); ++b) {
      const __int128 share = static_cast<__int128>(adjustment.amount) * buckets[b].unit_payable;
      shares[b] = static_cast<int64_t>(share / weight_total);
      remainders[b] = share % weight_total;
      assigned += static_cast<__int128>(shares[b]) * buckets[b].count;
    }
    int64_t left = static_cast<int64_t>(adjustment.amount - assigned);  // < number of units
    std::vector<size_t> order(buckets.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    // How many units at the front of each bucket get one more.
    std::vector<int64_t> extra(buckets.size(), 0);
    for (size_t b : order) {
      if (left == 0) break;
      extra[b] = std::min(left, buckets[b].count);
      left -= extra[b];
    }
    std::vector<UnitBucket> next;
    for (size_t b = 0; b < buckets.size(); ++b) {
      auto take = [&](int64_t count, int64_t share) {
        if (count == 0) return;
        UnitBucket split = buckets[b];
        split.count = count;
        split.unit_payable -= share;
        if (share > 0) split.adjustments.push_back(Adjustment{adjustment.source_id, adjustment.phase, share});
        next.push_back(std::move(split));
      };
      take(extra[b], shares[b] + 1);
      take(buckets[b].count - extra[b], shares[b]);
    }
    buckets = std::move(next);
  }
  return buckets;
}

}  // namespace cart
}  // namespace shopcore
