// POINTS_EARNED: the first running POINTS_EARNED rule gives points_per_block
// points per whole block_value of eligible goods payable (postage earns
// nothing), computed on what the shopper finally pays.
#include "cart/phases.h"
#include "shopcore/money/checked.h"

namespace shopcore {
namespace cart {

Status RunPointsEarnedPhase(PricingState& state, const PromotionList& promotions) {
  bool done = false;
  for (const Promotion* promotion : promotions) {
    if (done) {
      state.SetPromotionStatus(promotion->id, "STOPPED_BY_PREVIOUS");
      continue;
    }
    if (!PromotionRunsHere(state, *promotion)) continue;
    done = true;
    const int64_t base = PayableOf(state, EligibleLines(state, promotion->skus, promotion->categories));
    auto points = CheckedMultiply(base / promotion->block_value, promotion->points_per_block);
    if (!points.ok()) return points.error();
    state.points_earned = *points;
    state.promotion_outcomes[promotion->id] =
        PromotionOutcome{promotion->id, *points, *points > 0 ? "APPLIED" : "BELOW_THRESHOLD"};
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
