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
  if (promotion.percent_off_bp == 0) return int64_t{0};
  const size_t index = static_cast<size_t>(&line - state.lines.data());
  if (!LineInScope(state, index, promotion.skus, promotion.categories)) return int64_t{0};
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
  // Per running promotion: what it took, and whether it offered anything.
  std::vector<int64_t> taken(running.size(), 0);
  std::vector<bool> offered(running.size(), false);
  for (WorkLine& line : state.lines) {
    if (line.payable == 0) continue;
    size_t best = running.size();
    int64_t best_saving = 0;
    for (size_t k = 0; k < running.size(); ++k) {
      auto unit_saving = UnitSaving(state, *running[k], line);
      if (!unit_saving.ok()) return unit_saving.error();
      auto saving = CheckedMultiply(*unit_saving, line.quantity);
      if (!saving.ok()) return saving.error();
      if (*saving > 0) offered[k] = true;
      if (*saving > best_saving) {
        best = k;
        best_saving = *saving;
      }
    }
    if (best == running.size()) continue;
    taken[best] += TakeOffLine(line, running[best]->id, Phase::kItemPrice, best_saving);
  }
  for (size_t k = 0; k < running.size(); ++k) {
    if (taken[k] > 0) {
      state.promotion_outcomes[running[k]->id] = PromotionOutcome{running[k]->id, taken[k], "APPLIED"};
    } else if (offered[k]) {
      state.SetPromotionStatus(running[k]->id, "NOT_BETTER");
    }
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
