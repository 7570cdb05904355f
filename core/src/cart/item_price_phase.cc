// ITEM_PRICE: member price against limited-time discount, the better one per
// line (ties: the earlier promotion), never both. A percentage is applied
// to the unit price and rounded per unit with the rule set's mode, so 19.99
// at 25% off is 14.99 (1499.25 half-up), and the line is that unit price
// times the quantity.
#include <algorithm>

#include "cart/phases.h"
#include "shopcore/money/checked.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {
namespace {

// The unit saving a promotion offers on a line, or 0 if none.
Result<int64_t> UnitSaving(const PricingState& state, const Promotion& promotion, const WorkLine& line) {
  for (const SkuPrice& price : promotion.sku_prices) {
    if (price.sku_id == line.sku->id) return std::max<int64_t>(line.unit_list - price.price, 0);
  }
  if (promotion.percent_off_bp == 0 || !InScope(*line.sku, promotion.skus, promotion.categories)) return int64_t{0};
  auto discounted = RoundQuotient(static_cast<__int128>(line.unit_list) * (10000 - promotion.percent_off_bp), 10000,
                                  state.rules->rounding);
  if (!discounted.ok()) return discounted.error();
  return std::max<int64_t>(line.unit_list - *discounted, 0);
}

}  // namespace

Status RunItemPricePhase(PricingState& state, const PromotionList& promotions) {
  PromotionList running;
  for (const Promotion* promotion : promotions) {
    if (!PromotionRunsHere(state, *promotion)) continue;
    if (promotion->kind == PromotionKind::kMemberPrice &&
        (state.request->member_tier.empty() || promotion->member_tier != state.request->member_tier)) {
      state.SetPromotionStatus(promotion->id, "NOT_TIER");
      continue;
    }
    state.SetPromotionStatus(promotion->id, "NO_ELIGIBLE_ITEMS");
    running.push_back(promotion);
  }
  for (WorkLine& line : state.lines) {
    if (line.payable == 0) continue;
    const Promotion* best = nullptr;
    int64_t best_saving = 0;
    for (const Promotion* promotion : running) {
      auto unit_saving = UnitSaving(state, *promotion, line);
      if (!unit_saving.ok()) return unit_saving.error();
      auto saving = CheckedMultiply(*unit_saving, line.quantity);
      if (!saving.ok()) return saving.error();
      if (*saving > 0 && state.promotion_outcomes[promotion->id].status != "APPLIED") {
        state.SetPromotionStatus(promotion->id, "NOT_BETTER");
      }
      if (*saving > best_saving) {
        best = promotion;
        best_saving = *saving;
      }
    }
    if (best == nullptr) continue;
    PromotionOutcome& outcome = state.promotion_outcomes[best->id];
    outcome.status = "APPLIED";
    outcome.amount += TakeOffLine(line, best->id, Phase::kItemPrice, best_saving);
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
