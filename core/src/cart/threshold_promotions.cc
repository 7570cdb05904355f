// The THRESHOLD-phase promotion kinds, each measured on the amounts left by
// the phases and promotions before it.
//
// Unit-based kinds (Nth item, buy-X-get-Y) look at units ordered by unit
// price, highest first, ties by SKU id: the order lines were added never
// matters. A line's unit price here is its payable / quantity, rounded down.
#include <algorithm>
#include <map>

#include "cart/phases.h"
#include "shopcore/money/allocation.h"
#include "shopcore/money/checked.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {
namespace {

struct UnitRun {
  size_t line;
  int64_t unit_price;
  int64_t count;
};

// Runs of equal units, highest unit price first; lines are already in SKU
// id order, so a stable sort keeps ties by SKU id.
std::vector<UnitRun> UnitRuns(const PricingState& state, const std::vector<size_t>& lines) {
  std::vector<UnitRun> runs;
  for (size_t i : lines) {
    const WorkLine& line = state.lines[i];
    runs.push_back(UnitRun{i, line.payable / line.quantity, line.quantity});
  }
  std::stable_sort(runs.begin(), runs.end(),
                   [](const UnitRun& a, const UnitRun& b) { return a.unit_price > b.unit_price; });
  return runs;
}

Result<int64_t> PercentOf(const PricingState& state, int64_t amount, int64_t basis_points) {
  return RoundQuotient(static_cast<__int128>(amount) * basis_points, 10000, state.rules->rounding);
}

// Takes per-line amounts off their lines, scaled down (exact largest
// remainder) when together they would pass the order room.
Result<int64_t> TakeOffLines(PricingState& state, const std::map<size_t, int64_t>& amounts, const Promotion& promotion) {
  std::vector<size_t> lines;
  std::vector<int64_t> wanted;
  int64_t total = 0;
  for (const auto& entry : amounts) {
    const int64_t amount = std::min(entry.second, state.lines[entry.first].payable);
    if (amount <= 0) continue;
    lines.push_back(entry.first);
    wanted.push_back(amount);
    total += amount;
  }
  if (total == 0) return int64_t{0};
  const int64_t room = state.OrderRoom();
  if (total > room) {
    if (room == 0) return int64_t{0};
    auto scaled = Allocate(room, wanted);
    if (!scaled.ok()) return scaled.error();
    wanted = *scaled;
  }
  int64_t taken = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    taken += TakeOffLine(state.lines[lines[k]], promotion.id, Phase::kThreshold, wanted[k]);
  }
  return taken;
}

void AddNudge(PricingState& state, const Promotion& promotion, int64_t short_by, int64_t reward) {
  state.nudges.push_back(
      Nudge{promotion.id, "THRESHOLD", short_by, reward, promotion.kind == PromotionKind::kThresholdPercent});
}

Result<int64_t> ApplyThresholdTiers(PricingState& state, const Promotion& promotion,
                                    const std::vector<size_t>& eligible) {
  const int64_t base = PayableOf(state, eligible);
  const Tier* reached = nullptr;
  const Tier* next = nullptr;
  for (const Tier& tier : promotion.tiers) {
    if (tier.threshold <= base) {
      reached = &tier;
    } else if (next == nullptr) {
      next = &tier;
    }
  }
  int64_t off = 0;
  if (promotion.kind == PromotionKind::kThresholdOff && promotion.repeat) {
    const Tier& step = promotion.tiers.front();
    int64_t times = base / step.threshold;
    if (promotion.max_applications != kUnlimited) times = std::min(times, promotion.max_applications);
    if (promotion.max_applications == kUnlimited || times < promotion.max_applications) {
      // Next multiple: (times + 1) x threshold, which fits as base < it <= base + threshold.
      AddNudge(state, promotion, (times + 1) * step.threshold - base, step.value);
    }
    auto repeated = CheckedMultiply(times, step.value);
    if (!repeated.ok()) return repeated.error();
    off = *repeated;
  } else {
    if (next != nullptr) AddNudge(state, promotion, next->threshold - base, next->value);
    if (reached != nullptr) {
      if (promotion.kind == PromotionKind::kThresholdOff) {
        off = reached->value;
      } else {
        auto percent = PercentOf(state, base, reached->value);
        if (!percent.ok()) return percent.error();
        off = *percent;
      }
    }
  }
  if (off == 0) {
    state.SetPromotionStatus(promotion.id, "BELOW_THRESHOLD");
    return int64_t{0};
  }
  return TakeOffOrder(state, eligible, off, promotion.id, Phase::kThreshold);
}

Result<int64_t> ApplyNthItem(PricingState& state, const Promotion& promotion, const std::vector<size_t>& eligible) {
  std::map<size_t, int64_t> amounts;
  int64_t position = 0;  // units before this run
  for (const UnitRun& run : UnitRuns(state, eligible)) {
    // Units at 1-based positions that are multiples of nth.
    const int64_t discounted = (position + run.count) / promotion.nth - position / promotion.nth;
    position += run.count;
    if (discounted == 0) continue;
    auto unit_off = PercentOf(state, run.unit_price, promotion.percent_off_bp);
    if (!unit_off.ok()) return unit_off.error();
    amounts[run.line] += *unit_off * discounted;  // <= the line's payable
  }
  if (amounts.empty()) {
    state.SetPromotionStatus(promotion.id, "BELOW_THRESHOLD");
    return int64_t{0};
  }
  return TakeOffLines(state, amounts, promotion);
}

// Discounts `units` of the cheapest units among runs (sorted high to low).
Result<int64_t> DiscountCheapest(PricingState& state, const Promotion& promotion, const std::vector<UnitRun>& runs,
                                 int64_t units) {
  std::map<size_t, int64_t> amounts;
  for (auto run = runs.rbegin(); run != runs.rend() && units > 0; ++run) {
    const int64_t count = std::min(units, run->count);
    units -= count;
    auto unit_off = PercentOf(state, run->unit_price, promotion.percent_off_bp);
    if (!unit_off.ok()) return unit_off.error();
    amounts[run->line] += *unit_off * count;
  }
  return TakeOffLines(state, amounts, promotion);
}

Result<int64_t> ApplyBuyXGetY(PricingState& state, const Promotion& promotion, const std::vector<size_t>& eligible) {
  const std::vector<UnitRun> runs = UnitRuns(state, eligible);
  int64_t units = 0;
  for (const UnitRun& run : runs) units += run.count;
  int64_t applications = 0;
  std::vector<UnitRun> get_runs = runs;
  if (promotion.get_skus.empty()) {
    // One pool: every buy+get units, the get cheapest of them are discounted.
    applications = units / (promotion.buy_quantity + promotion.get_quantity);
  } else {
    applications = units / promotion.buy_quantity;
    get_runs = UnitRuns(state, EligibleLines(state, promotion.get_skus, {}));
  }
  if (promotion.max_applications != kUnlimited) applications = std::min(applications, promotion.max_applications);
  if (applications == 0 || get_runs.empty()) {
    state.SetPromotionStatus(promotion.id, "BELOW_THRESHOLD");
    return int64_t{0};
  }
  return DiscountCheapest(state, promotion, get_runs, applications * promotion.get_quantity);
}

Result<int64_t> ApplyBundle(PricingState& state, const Promotion& promotion) {
  std::vector<size_t> lines;
  int64_t bundles = kUnlimited;
  int64_t bundle_value = 0;
  for (const BundleComponent& component : promotion.bundle) {
    auto it = std::find_if(state.lines.begin(), state.lines.end(),
                           [&](const WorkLine& line) { return line.sku->id == component.sku_id; });
    if (it == state.lines.end() || it->payable == 0) {
      state.SetPromotionStatus(promotion.id, "NO_ELIGIBLE_ITEMS");
      return int64_t{0};
    }
    lines.push_back(static_cast<size_t>(it - state.lines.begin()));
    const int64_t fits = it->quantity / component.quantity;
    bundles = bundles == kUnlimited ? fits : std::min(bundles, fits);
    auto component_value = CheckedMultiply(it->payable / it->quantity, component.quantity);
    if (!component_value.ok()) return component_value.error();
    auto sum = CheckedAdd(bundle_value, *component_value);
    if (!sum.ok()) return sum.error();
    bundle_value = *sum;
  }
  if (promotion.max_applications != kUnlimited) bundles = std::min(bundles, promotion.max_applications);
  if (bundles <= 0) {
    state.SetPromotionStatus(promotion.id, "BELOW_THRESHOLD");
    return int64_t{0};
  }
  auto saving = CheckedMultiply(std::max<int64_t>(bundle_value - promotion.bundle_price, 0), bundles);
  if (!saving.ok()) return saving.error();
  std::sort(lines.begin(), lines.end());
  return TakeOffOrder(state, lines, *saving, promotion.id, Phase::kThreshold);
}

}  // namespace

Result<int64_t> ApplyThresholdPromotion(PricingState& state, const Promotion& promotion) {
  state.SetPromotionStatus(promotion.id, "");  // each kind records why it took nothing
  Result<int64_t> amount = int64_t{0};
  if (promotion.kind == PromotionKind::kBundle) {
    amount = ApplyBundle(state, promotion);
  } else {
    const std::vector<size_t> eligible = EligibleLines(state, promotion.skus, promotion.categories);
    if (eligible.empty()) {
      state.SetPromotionStatus(promotion.id, "NO_ELIGIBLE_ITEMS");
      return int64_t{0};
    }
    switch (promotion.kind) {
      case PromotionKind::kThresholdOff:
      case PromotionKind::kThresholdPercent: amount = ApplyThresholdTiers(state, promotion, eligible); break;
      case PromotionKind::kNthItem: amount = ApplyNthItem(state, promotion, eligible); break;
      case PromotionKind::kBuyXGetY: amount = ApplyBuyXGetY(state, promotion, eligible); break;
      default: return MakeError(ErrorCode::kInvalidArgument, "not a THRESHOLD-phase promotion", promotion.id);
    }
  }
  if (!amount.ok()) return amount;
  PromotionOutcome& outcome = state.promotion_outcomes[promotion.id];
  if (*amount > 0) {
    outcome.status = "APPLIED";
    outcome.amount = *amount;
  } else if (outcome.status.empty()) {
    // Reached its condition but every line it could touch was already at
    // zero or the order at its minimum.
    outcome.status = "NOT_BETTER";
  }
  return amount;
}

}  // namespace cart
}  // namespace shopcore
