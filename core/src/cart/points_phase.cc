// POINTS: 积分抵扣. The first running POINTS_REDEMPTION promotion (by
// priority, id) converts whole blocks of points_per_block points into
// block_value each, up to cap_bp of the eligible payable, the shopper's
// balance and the points they chose to use. Only whole blocks are spent, so
// the points used always buy exactly the deduction.
#include <algorithm>

#include "cart/phases.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {

Status RunPointsPhase(PricingState& state, const PromotionList& promotions) {
  bool done = false;
  for (const Promotion* promotion : promotions) {
    if (done) {
      state.SetPromotionStatus(promotion->id, "STOPPED_BY_PREVIOUS");
      continue;
    }
    if (!PromotionRunsHere(state, *promotion)) continue;
    done = true;
    const std::vector<size_t> eligible = EligibleLines(state, promotion->skus, promotion->categories);
    const int64_t base = PayableOf(state, eligible);
    auto cap = RoundQuotient(static_cast<__int128>(base) * promotion->cap_bp, 10000, RoundingMode::kFloor);
    if (!cap.ok()) return cap.error();
    const int64_t most = std::min(*cap, state.OrderRoom());
    int64_t points = std::max<int64_t>(state.request->points_balance, 0);
    if (state.request->points_to_use != kUnlimited) points = std::min(points, std::max<int64_t>(state.request->points_to_use, 0));
    const int64_t blocks = std::min(points / promotion->points_per_block, most / promotion->block_value);
    if (blocks == 0) {
      state.SetPromotionStatus(promotion->id, eligible.empty() ? "NO_ELIGIBLE_ITEMS" : "BELOW_THRESHOLD");
      continue;
    }
    // blocks x block_value <= most and blocks x points_per_block <= points: both fit.
    auto taken = TakeOffOrder(state, eligible, blocks * promotion->block_value, promotion->id, Phase::kPoints);
    if (!taken.ok()) return taken.error();
    state.points_used = blocks * promotion->points_per_block;
    state.promotion_outcomes[promotion->id] = PromotionOutcome{promotion->id, *taken, "APPLIED"};
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
