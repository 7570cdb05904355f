// Which promotions of a phase take part: the time window and market checks
// every phase makes, and the single-rule selection of the phases where only
// one rule applies.
#include <algorithm>

#include "cart/phases.h"

namespace shopcore {
namespace cart {

bool PromotionRunsHere(PricingState& state, const Promotion& promotion) {
  if (!promotion.ActiveAt(state.request->now)) {
    state.SetPromotionStatus(promotion.id, "NOT_ACTIVE");
    return false;
  }
  const auto& markets = promotion.markets;
  if (!markets.empty() && std::find(markets.begin(), markets.end(), state.catalog->market) == markets.end()) {
    state.SetPromotionStatus(promotion.id, "WRONG_MARKET");
    return false;
  }
  return true;
}

const Promotion* FirstRunningPromotion(PricingState& state, const PromotionList& promotions) {
  const Promotion* first = nullptr;
  for (const Promotion* promotion : promotions) {
    if (first != nullptr) {
      state.SetPromotionStatus(promotion->id, "STOPPED_BY_PREVIOUS");
    } else if (PromotionRunsHere(state, *promotion)) {
      first = promotion;
    }
  }
  return first;
}

}  // namespace cart
}  // namespace shopcore
