// ACTIVITY: flash-sale, group-buy and bargain prices. Per line the activity
// price saving most wins (ties: the earlier promotion). A flash-sale price
// covers at most the shopper's remaining quota of units; the rest stay at
// list price.
#include <algorithm>

#include "cart/phases.h"
#include "shopcore/money/checked.h"

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

Status RunActivityPhase(PricingState& state, const PromotionList& promotions) {
  PromotionList running;
  for (const Promotion* promotion : promotions) {
    if (!PromotionRunsHere(state, *promotion)) continue;
    const bool needs_joining = promotion->kind != PromotionKind::kFlashSale;
    const auto& joined = state.request->joined_activities;
    if (needs_joining && std::find(joined.begin(), joined.end(), promotion->id) == joined.end()) {
      state.SetPromotionStatus(promotion->id, "NOT_JOINED");
      continue;
    }
    state.SetPromotionStatus(promotion->id, "NO_ELIGIBLE_ITEMS");
    running.push_back(promotion);
  }
  for (WorkLine& line : state.lines) {
    const Promotion* best = nullptr;
    int64_t best_saving = 0;
    for (const Promotion* promotion : running) {
      for (const SkuPrice& price : promotion->sku_prices) {
        if (price.sku_id != line.sku->id) continue;
        const int64_t units = price.quota == kUnlimited ? line.quantity : std::min(line.quantity, price.quota);
        auto saving = CheckedMultiply(std::max<int64_t>(line.unit_list - price.price, 0), units);
        if (!saving.ok()) return saving.error();
        if (*saving > 0 && state.promotion_outcomes[promotion->id].status != "APPLIED") {
          state.SetPromotionStatus(promotion->id, "NOT_BETTER");
        }
        if (*saving > best_saving) {
          best = promotion;
          best_saving = *saving;
        }
      }
    }
    if (best == nullptr) continue;
    const int64_t taken = TakeOffLine(line, best->id, Phase::kActivity, best_saving);
    line.activity_priced = true;
    state.activity_order = true;
    PromotionOutcome& outcome = state.promotion_outcomes[best->id];
    outcome.status = "APPLIED";
    outcome.amount += taken;
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
