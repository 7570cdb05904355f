#include "cart/unit_buckets.h"

#include <algorithm>
#include <numeric>

namespace shopcore {
namespace cart {

Result<std::vector<UnitBucket>> SplitOverUnits(int64_t quantity, int64_t unit_list_price,
                                               const std::vector<Adjustment>& adjustments) {
  std::vector<UnitBucket> buckets(1, UnitBucket{quantity, unit_list_price, {}});
  buckets[0].adjustments.reserve(adjustments.size());
  for (const Adjustment& adjustment : adjustments) {
    __int128 weight_total = 0;
    for (const auto& bucket : buckets) weight_total += static_cast<__int128>(bucket.count) * bucket.unit_payable;
    if (adjustment.amount > weight_total) {
      return MakeError(ErrorCode::kInvalidArgument, "adjustment larger than what is left of the line",
                       adjustment.source_id);
    }
    if (adjustment.amount == 0) continue;
    auto charge = [&](UnitBucket& bucket, int64_t share) {
      bucket.unit_payable -= share;
      if (share > 0) bucket.adjustments.push_back(Adjustment{adjustment.source_id, adjustment.phase, share});
    };
    if (buckets.size() == 1 && adjustment.amount % buckets[0].count == 0) {
      // One run of equal units split evenly: the common case, no bookkeeping.
      charge(buckets[0], adjustment.amount / buckets[0].count);
      continue;
    }
    // Per unit of bucket b: floor(A*w/W) and remainder A*w mod W, equal for all its units.
    const size_t n = buckets.size();
    std::vector<int64_t> shares(n);
    std::vector<int64_t> extra(n, 0);  // units at the front of bucket b that get one more
    if (n == 1) {
      // One run of equal units (every line starts so): A/count each, the
      // first A mod count units one more.
      shares[0] = adjustment.amount / buckets[0].count;
      extra[0] = adjustment.amount % buckets[0].count;
    } else {
      std::vector<__int128> remainders(n);
      __int128 assigned = 0;
      for (size_t b = 0; b < n; ++b) {
        const __int128 share = static_cast<__int128>(adjustment.amount) * buckets[b].unit_payable;
        shares[b] = static_cast<int64_t>(share / weight_total);
        remainders[b] = share % weight_total;
        assigned += static_cast<__int128>(shares[b]) * buckets[b].count;
      }
      int64_t left = static_cast<int64_t>(adjustment.amount - assigned);  // < number of units
      std::vector<size_t> order(n);
      std::iota(order.begin(), order.end(), 0);
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
      for (size_t b : order) {
        if (left == 0) break;
        extra[b] = std::min(left, buckets[b].count);
        left -= extra[b];
      }
    }
    bool splits = false;
    for (size_t b = 0; b < n; ++b) splits = splits || (extra[b] > 0 && extra[b] < buckets[b].count);
    if (!splits) {
      for (size_t b = 0; b < n; ++b) charge(buckets[b], extra[b] > 0 ? shares[b] + 1 : shares[b]);
      continue;
    }
    std::vector<UnitBucket> next;
    next.reserve(n * 2);
    for (size_t b = 0; b < n; ++b) {
      if (extra[b] == buckets[b].count) {
        charge(buckets[b], shares[b] + 1);
      } else if (extra[b] > 0) {
        // Split: the first extra[b] units pay one more.
        UnitBucket front = buckets[b];
        front.count = extra[b];
        charge(front, shares[b] + 1);
        next.push_back(std::move(front));
        buckets[b].count -= extra[b];
        charge(buckets[b], shares[b]);
      } else {
        charge(buckets[b], shares[b]);
      }
      next.push_back(std::move(buckets[b]));
    }
    buckets = std::move(next);
  }
  return buckets;
}

}  // namespace cart
}  // namespace shopcore
