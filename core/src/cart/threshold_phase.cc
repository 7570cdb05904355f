// THRESHOLD: the phase's promotions run in (priority, id) order, each on the
// amounts left by the ones before. Of an exclusivity group only the member
// saving most applies (each is tried on a light copy of the same state, the
// winner is then applied for real; ties: the earlier one). A promotion with
// stop_after that applied ends the phase. Nudges come from the promotions
// that ran for real, not from the losers of a group.
#include <set>

#include "cart/phases.h"

namespace shopcore {
namespace cart {
namespace {

void RecordApplied(PricingState& state, const Promotion& promotion, int64_t amount) {
  PromotionOutcome& outcome = state.promotion_outcomes[promotion.id];
  outcome.promotion_id = promotion.id;
  outcome.status = "APPLIED";
  outcome.amount = amount;
  state.threshold_promotion_applied = true;
  if (promotion.excludes_coupons && state.coupons_excluded_by.empty()) state.coupons_excluded_by = promotion.id;
}

}  // namespace

Status RunThresholdPhase(PricingState& state, const PromotionList& promotions) {
  std::set<std::string> decided_groups;
  bool stopped = false;
  for (const Promotion* promotion : promotions) {
    // A group is decided, for all its members, at its first member's place.
    if (!promotion->exclusivity_group.empty() && decided_groups.count(promotion->exclusivity_group) > 0) continue;
    if (stopped) {
      state.SetPromotionStatus(promotion->id, "STOPPED_BY_PREVIOUS");
      continue;
    }
    if (promotion->exclusivity_group.empty()) {
      if (!PromotionRunsHere(state, *promotion)) continue;
      auto amount = ApplyThresholdPromotion(state, *promotion);
      if (!amount.ok()) return amount.error();
      if (*amount > 0) {
        RecordApplied(state, *promotion, *amount);
        stopped = promotion->stop_after;
      }
      continue;
    }
    decided_groups.insert(promotion->exclusivity_group);

    // Statuses of members that do not run are recorded before any trial, so
    // every trial state carries them.
    PromotionList members;
    for (const Promotion* member : promotions) {
      if (member->exclusivity_group == promotion->exclusivity_group && PromotionRunsHere(state, *member)) {
        members.push_back(member);
      }
    }
    // Try every running member on a light copy of the same state; apply
    // the best for real.
    const Promotion* winner = nullptr;
    int64_t winner_amount = 0;
    std::vector<std::pair<const Promotion*, PromotionOutcome>> losers;
    for (const Promotion* member : members) {
      PricingState trial = state.SearchCopy();
      auto amount = ApplyThresholdPromotion(trial, *member);
      if (!amount.ok()) return amount.error();
      PromotionOutcome own = trial.promotion_outcomes[member->id];
      if (*amount > 0) own = PromotionOutcome{member->id, 0, "EXCLUDED_BY_GROUP"};
      losers.push_back({member, own});
      if (*amount > winner_amount) {
        winner = member;
        winner_amount = *amount;
      }
    }
    for (const auto& loser : losers) {
      if (loser.first != winner) state.promotion_outcomes[loser.first->id] = loser.second;
    }
    if (winner == nullptr) continue;
    auto applied = ApplyThresholdPromotion(state, *winner);
    if (!applied.ok()) return applied.error();
    winner_amount = *applied;
    RecordApplied(state, *winner, winner_amount);
    stopped = winner->stop_after;
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
