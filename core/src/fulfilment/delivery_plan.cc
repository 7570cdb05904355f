#include "shopcore/fulfilment/delivery_plan.h"

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>

#include "shopcore/money/checked.h"
#include "shopcore/money/currency.h"

namespace shopcore::fulfilment {
namespace {

constexpr int64_t kMsPerMinute = 60 * 1000;
constexpr int64_t kMsPerDay = 24 * 60 * kMsPerMinute;
// Local search stops after this many improving moves per start; each move
// strictly improves a finite score, this only bounds pathological data.
constexpr int kMaxMoves = 10000;
// 9999-12-01T00:00Z. Keeps now + offsets and day arithmetic far from
// overflow; a promise that still lands after 9999 (a calendar with one
// working day a week) is refused by the date formatter, not mis-printed.
constexpr int64_t kMaxNowMs = 253399622400000;

std::string ItemPath(size_t index, const char* field) {
  return "items[" + std::to_string(index) + "]." + field;
}

// One cart line with its totals, computed once with overflow checks.
struct Line {
  const CartItem* item = nullptr;
  int64_t grams = 0;
  int64_t volume_mm3 = 0;
  int64_t value_minor = 0;
};

// A method usable from one warehouse to the market, with its dates for `now`.
struct MethodOption {
  const ShippingMethod* method = nullptr;
  Cutoff cutoff;
  int64_t ship_day = 0, earliest_day = 0, latest_day = 0;
};

struct Candidate {
  const Warehouse* warehouse = nullptr;
  std::vector<MethodOption> options;  // data order; only the chosen one if the shopper chose
};

// What a parcel adds up to: sums over its lines.
struct Totals {
  int64_t grams = 0, volume_mm3 = 0, value_minor = 0;
  int lines = 0;
};

struct ParcelChoice {
  bool feasible = false;
  bool overflow = false;  // the cost does not fit in int64: reported as OVERFLOW
  const MethodOption* option = nullptr;
  int64_t volumetric_grams = 0, chargeable_grams = 0, cost_minor = 0;
  bool free_shipping = false;
};

int64_t CeilDiv(int64_t a, int64_t b) { return a / b + (a % b != 0 ? 1 : 0); }

// The planner's inner loop prices thousands of parcels: overflow is checked
// with the compiler builtins (GCC and Clang) instead of Result-returning
// helpers, and reported once, as an Error, by the caller.
bool AddOverflows(int64_t a, int64_t b, int64_t* sum) { return __builtin_add_overflow(a, b, sum); }
bool MultiplyOverflows(int64_t a, int64_t b, int64_t* product) { return __builtin_mul_overflow(a, b, product); }

Error CostOverflow() { return MakeError(ErrorCode::kOverflow, "a shipping cost or parcel total does not fit in int64", "items"); }

Status Accumulate(int64_t* total, int64_t quantity, int64_t unit, const std::string& path) {
  auto product = CheckedMultiply(quantity, unit);
  if (!product.ok()) return MakeError(ErrorCode::kOverflow, product.error().message, path);
  auto sum = CheckedAdd(*total, *product);
  if (!sum.ok()) return MakeError(ErrorCode::kOverflow, sum.error().message, path);
  *total = *sum;
  return Status::Ok();
}

Result<std::vector<Line>> CheckItems(const DeliveryRequest& request) {
  if (request.items.empty()) return MakeError(ErrorCode::kInvalidArgument, "the cart is empty", "items");
  std::vector<Line> lines;
  std::set<std::string_view> skus;
  for (size_t i = 0; i < request.items.size(); ++i) {
    const CartItem& item = request.items[i];
    if (item.sku.empty()) return MakeError(ErrorCode::kInvalidArgument, "must not be empty", ItemPath(i, "sku"));
    // One line per SKU: stock is checked per line, so a SKU split over two
    // lines could be promised twice from the same units.
    if (!skus.insert(item.sku).second) return MakeError(ErrorCode::kConflict, "SKU '" + item.sku + "' is on two lines", ItemPath(i, "sku"));
    if (item.quantity < 1) return MakeError(ErrorCode::kInvalidArgument, "must be >= 1", ItemPath(i, "quantity"));
    struct {
      const char* name;
      int64_t value;
    } fields[] = {{"unit_price_minor", item.unit_price_minor}, {"unit_grams", item.unit_grams}, {"length_mm", item.length_mm},
                  {"width_mm", item.width_mm}, {"height_mm", item.height_mm}};
    for (const auto& field : fields) {
      if (field.value < 0) return MakeError(ErrorCode::kInvalidArgument, "must be >= 0", ItemPath(i, field.name));
    }
    Line line;
    line.item = &item;
    SHOPCORE_RETURN_IF_ERROR(Accumulate(&line.grams, item.quantity, item.unit_grams, ItemPath(i, "unit_grams")));
    SHOPCORE_RETURN_IF_ERROR(Accumulate(&line.value_minor, item.quantity, item.unit_price_minor, ItemPath(i, "unit_price_minor")));
    auto area = CheckedMultiply(item.length_mm, item.width_mm);
    auto volume = area.ok() ? CheckedMultiply(*area, item.height_mm) : area;
    if (!volume.ok()) return MakeError(ErrorCode::kOverflow, "the box volume does not fit in int64", ItemPath(i, "height_mm"));
    SHOPCORE_RETURN_IF_ERROR(Accumulate(&line.volume_mm3, item.quantity, *volume, ItemPath(i, "quantity")));
    lines.push_back(line);
  }
  return lines;
}

MethodOption DatesOf(const ShippingMethod& method, const Warehouse& warehouse, const FulfilmentData& data, int64_t now_ms) {
  const WorkingCalendar& dispatch = *data.FindCalendar(warehouse.calendar);
  const WorkingCalendar& transit = *data.FindCalendar(method.transit_calendar);
  int64_t local_ms = now_ms + int64_t{warehouse.utc_offset_minutes} * kMsPerMinute;
  int64_t today = FloorDiv(local_ms, kMsPerDay);
  int64_t ms_of_day = local_ms - today * kMsPerDay;
  int64_t cutoff_ms = int64_t{method.cutoff_minute} * kMsPerMinute;
  MethodOption option;
  option.method = &method;
  int64_t order_day = today;
  option.cutoff.today = dispatch.IsWorkingDay(today) && ms_of_day < cutoff_ms;
  if (!option.cutoff.today) order_day = dispatch.NextWorkingDay(today);
  option.cutoff.minutes_left = ((order_day - today) * kMsPerDay + cutoff_ms - ms_of_day) / kMsPerMinute;
  option.cutoff.order_day = CivilFromDays(order_day);
  option.ship_day = dispatch.AddWorkingDays(order_day, method.handling_days);
  option.earliest_day = transit.AddWorkingDays(option.ship_day, method.transit_min_days);
  option.latest_day = transit.AddWorkingDays(option.ship_day, method.transit_max_days);
  return option;
}

// The freight and fees of one parcel by one method (see shipping_method.h).
ParcelChoice Price(const MethodOption& option, const Totals& totals) {
  const CostRule& cost = option.method->cost;
  ParcelChoice choice;
  choice.option = &option;
  if (cost.volumetric_divisor > 0) choice.volumetric_grams = CeilDiv(totals.volume_mm3, cost.volumetric_divisor);
  choice.chargeable_grams = std::max(totals.grams, choice.volumetric_grams);
  if (option.method->max_chargeable_grams && choice.chargeable_grams > *option.method->max_chargeable_grams) return choice;
  choice.feasible = true;
  choice.free_shipping = cost.free_over_minor && totals.value_minor >= *cost.free_over_minor;
  int64_t freight = 0;
  if (!choice.free_shipping) {
    freight = cost.base_minor;
    int64_t above = choice.chargeable_grams - cost.included_grams;
    if (above > 0 && cost.per_step_minor > 0) {
      int64_t extra = 0;
      if (MultiplyOverflows(CeilDiv(above, cost.step_grams), cost.per_step_minor, &extra) || AddOverflows(freight, extra, &freight)) {
        choice.overflow = true;
      }
    }
  }
  if (AddOverflows(freight, cost.per_parcel_fee_minor, &choice.cost_minor)) choice.overflow = true;
  return choice;
}

bool Better(const ParcelChoice& a, const ParcelChoice& b, Objective objective) {
  auto cost_key = [](const ParcelChoice& c) { return std::make_tuple(c.cost_minor, c.option->latest_day, c.option->earliest_day); };
  auto time_key = [](const ParcelChoice& c) { return std::make_tuple(c.option->latest_day, c.option->earliest_day, c.cost_minor); };
  return objective == Objective::kFastest ? time_key(a) < time_key(b) : cost_key(a) < cost_key(b);
}

// The best method for a parcel; ties keep the earlier method in data order.
// An overflow in any method's price makes the result an overflow.
ParcelChoice Choose(const Candidate& candidate, const Totals& totals, Objective objective) {
  ParcelChoice best;
  for (const auto& option : candidate.options) {
    ParcelChoice choice = Price(option, totals);
    if (choice.overflow) return choice;
    if (choice.feasible && (!best.feasible || Better(choice, best, objective))) best = choice;
  }
  return best;
}

// A score to minimise; infeasible assignments never win.
struct Score {
  bool feasible = false;
  int64_t cost = 0, latest = 0;
  int parcels = 0;
  std::tuple<int64_t, int64_t, int> Key(Objective objective) const {
    switch (objective) {
      case Objective::kFastest: return {latest, cost, parcels};
      case Objective::kFewestParcels: return {parcels, cost, latest};
      case Objective::kCheapest: break;
    }
    return {cost, latest, parcels};
  }
};

bool ScoreBetter(const Score& a, const Score& b, Objective objective) {
  if (a.feasible != b.feasible) return a.feasible;
  return a.Key(objective) < b.Key(objective);
}

// False when a sum overflows int64 (a cart that heavy or dear is not a
// cart, but the answer stays defined).
bool Plus(const Totals& totals, const Line& line, Totals* out) {
  out->lines = totals.lines + 1;
  return !AddOverflows(totals.grams, line.grams, &out->grams) && !AddOverflows(totals.volume_mm3, line.volume_mm3, &out->volume_mm3) &&
         !AddOverflows(totals.value_minor, line.value_minor, &out->value_minor);
}

Totals Minus(const Totals& totals, const Line& line) {
  return Totals{totals.grams - line.grams, totals.volume_mm3 - line.volume_mm3, totals.value_minor - line.value_minor, totals.lines - 1};
}

// Local search over line -> warehouse assignments for one objective. Moves
// are evaluated incrementally: only the two parcels a line leaves and joins
// are re-priced, which keeps a 50-line, 5-warehouse cart well under a
// millisecond.
class Search {
 public:
  Search(const std::vector<Line>& lines, const std::vector<Candidate>& candidates, Objective objective)
      : lines_(lines), candidates_(candidates), objective_(objective) {}

  Status Start(std::vector<int> assign) {
    assign_ = std::move(assign);
    totals_.assign(candidates_.size(), Totals{});
    choices_.assign(candidates_.size(), ParcelChoice{});
    for (size_t i = 0; i < lines_.size(); ++i) {
      Totals sum;
      if (!Plus(totals_[assign_[i]], lines_[i], &sum)) return CostOverflow();
      totals_[assign_[i]] = sum;
    }
    for (size_t w = 0; w < candidates_.size(); ++w) {
      if (totals_[w].lines == 0) continue;
      choices_[w] = Choose(candidates_[w], totals_[w], objective_);
      if (choices_[w].overflow) return CostOverflow();
    }
    if (!ScoreOf(-1, nullptr, nullptr, -1, nullptr, nullptr, &score_)) return CostOverflow();
    return Status::Ok();
  }

  enum class Move { kKept, kMoved, kOverflow };

  // Moves line `i` to warehouse `to` if that improves the score.
  Move TryMove(size_t i, int to) {
    const int from = assign_[i];
    Totals from_totals = Minus(totals_[from], lines_[i]);
    Totals to_totals;
    if (!Plus(totals_[to], lines_[i], &to_totals)) return Move::kOverflow;
    ParcelChoice from_choice;
    if (from_totals.lines > 0) from_choice = Choose(candidates_[from], from_totals, objective_);
    ParcelChoice to_choice = Choose(candidates_[to], to_totals, objective_);
    if (from_choice.overflow || to_choice.overflow) return Move::kOverflow;
    Score score;
    if (!ScoreOf(from, &from_totals, &from_choice, to, &to_totals, &to_choice, &score)) return Move::kOverflow;
    if (!ScoreBetter(score, score_, objective_)) return Move::kKept;
    assign_[i] = to;
    totals_[from] = from_totals;
    choices_[from] = from_choice;
    totals_[to] = to_totals;
    choices_[to] = to_choice;
    score_ = score;
    return Move::kMoved;
  }

  const Score& score() const { return score_; }
  const std::vector<int>& assign() const { return assign_; }
  // The chosen method per warehouse; option is null for an empty one.
  std::vector<ParcelChoice> parcels() const {
    std::vector<ParcelChoice> out = choices_;
    for (size_t w = 0; w < out.size(); ++w) {
      if (totals_[w].lines == 0) out[w] = ParcelChoice{};
    }
    return out;
  }

 private:
  // The score with warehouses a and b (when >= 0) replaced; false on overflow.
  bool ScoreOf(int a, const Totals* a_totals, const ParcelChoice* a_choice, int b, const Totals* b_totals,
               const ParcelChoice* b_choice, Score* out) const {
    Score score;
    score.feasible = true;
    for (size_t w = 0; w < candidates_.size(); ++w) {
      const int index = static_cast<int>(w);
      const Totals& totals = index == a ? *a_totals : index == b ? *b_totals : totals_[w];
      const ParcelChoice& choice = index == a ? *a_choice : index == b ? *b_choice : choices_[w];
      if (totals.lines == 0) continue;
      if (!choice.feasible) {
        score.feasible = false;
        continue;
      }
      if (AddOverflows(score.cost, choice.cost_minor, &score.cost)) return false;
      score.latest = std::max(score.latest, choice.option->latest_day);
      ++score.parcels;
    }
    *out = score;
    return true;
  }

  const std::vector<Line>& lines_;
  const std::vector<Candidate>& candidates_;
  const Objective objective_;
  std::vector<int> assign_;
  std::vector<Totals> totals_;
  std::vector<ParcelChoice> choices_;
  Score score_;
};

Plan BuildPlan(const std::vector<Line>& lines, const std::vector<Candidate>& candidates, const std::vector<int>& assign,
               const std::vector<ParcelChoice>& choices, const std::string& market) {
  std::vector<size_t> order;
  for (size_t w = 0; w < candidates.size(); ++w) {
    if (choices[w].option) order.push_back(w);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return candidates[a].warehouse->id < candidates[b].warehouse->id; });
  Plan plan;
  int64_t earliest = 0, latest = 0;
  for (size_t w : order) {
    const Warehouse& warehouse = *candidates[w].warehouse;
    const ParcelChoice& choice = choices[w];
    const MethodOption& option = *choice.option;
    Parcel parcel;
    parcel.warehouse = warehouse.id;
    parcel.warehouse_kind = WarehouseKindName(warehouse.kind);
    parcel.origin = warehouse.customs_origin.empty() ? warehouse.country : warehouse.customs_origin;
    parcel.cross_border = parcel.origin != market;
    parcel.method = option.method->id;
    parcel.service = ServiceClassName(option.method->service);
    for (size_t i = 0; i < lines.size(); ++i) {
      if (assign[i] != static_cast<int>(w)) continue;
      parcel.lines.push_back(ParcelLine{lines[i].item->sku, lines[i].item->quantity, lines[i].value_minor});
      parcel.actual_grams += lines[i].grams;
      parcel.consignment_value_minor += lines[i].value_minor;
    }
    parcel.volumetric_grams = choice.volumetric_grams;
    parcel.chargeable_grams = choice.chargeable_grams;
    parcel.free_shipping = choice.free_shipping;
    parcel.shipping_minor = choice.cost_minor;
    parcel.cutoff = option.cutoff;
    parcel.ship_date = CivilFromDays(option.ship_day);
    parcel.earliest = CivilFromDays(option.earliest_day);
    parcel.latest = CivilFromDays(option.latest_day);
    earliest = plan.parcels.empty() ? option.earliest_day : std::min(earliest, option.earliest_day);
    latest = std::max(latest, option.latest_day);
    plan.shipping_minor += choice.cost_minor;
    plan.parcels.push_back(std::move(parcel));
  }
  plan.earliest = CivilFromDays(earliest);
  plan.latest = CivilFromDays(latest);
  return plan;
}

// Identity of a plan: who ships what by which method.
std::string PlanKey(const Plan& plan) {
  std::string key;
  for (const auto& parcel : plan.parcels) {
    key += parcel.warehouse + "/" + parcel.method + ":";
    for (const auto& line : parcel.lines) key += line.sku + ",";
    key += ";";
  }
  return key;
}

}  // namespace

Result<DeliveryOptions> PlanDelivery(const FulfilmentData& data, const DeliveryRequest& request) {
  // Dates are promised in years 1970..9999 (what FormatIsoDate and the date
  // formatter print); this also keeps now + a time-zone offset far from overflow.
  if (request.now_ms < 0 || request.now_ms > kMaxNowMs) {
    return MakeError(ErrorCode::kInvalidArgument, "must be within 1970-01-01 and 9999-12-31 (epoch milliseconds)", "now_ms");
  }
  if (request.market.size() != 2) return MakeError(ErrorCode::kInvalidArgument, "must be an ISO 3166-1 alpha-2 code", "market");
  if (!FindCurrency(request.currency).ok()) {
    return MakeError(ErrorCode::kUnknownCurrency, "'" + request.currency + "' is not an ISO 4217 code", "currency");
  }
  auto checked = CheckItems(request);
  if (!checked.ok()) return checked.error();
  const std::vector<Line>& lines = *checked;

  for (const auto& [warehouse_id, method_id] : request.chosen_methods) {
    const std::string path = "chosen_methods." + warehouse_id;
    if (!data.FindWarehouse(warehouse_id)) return MakeError(ErrorCode::kNotFound, "no warehouse '" + warehouse_id + "'", path);
    const ShippingMethod* found = nullptr;
    for (const auto& method : data.methods) {
      if (method.id == method_id) found = &method;
    }
    if (!found || found->warehouse != warehouse_id || found->market != request.market) {
      return MakeError(ErrorCode::kNotFound, "no method '" + method_id + "' from warehouse '" + warehouse_id + "' to " + request.market, path);
    }
  }

  // Warehouses that hold enough of some line and have a method to the market.
  std::vector<Candidate> candidates;
  std::vector<std::vector<int>> eligible(lines.size());
  std::vector<bool> stocked(lines.size(), false);
  for (const auto& warehouse : data.warehouses) {
    Candidate candidate;
    candidate.warehouse = &warehouse;
    auto chosen = request.chosen_methods.find(warehouse.id);
    for (const auto& method : data.methods) {
      if (method.warehouse != warehouse.id || method.market != request.market) continue;
      if (chosen != request.chosen_methods.end() && chosen->second != method.id) continue;
      if (method.cost.currency != request.currency) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "method '" + method.id + "' is priced in " + method.cost.currency + ", the cart in " + request.currency, "currency");
      }
      candidate.options.push_back(DatesOf(method, warehouse, data, request.now_ms));
    }
    bool useful = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      auto stock = warehouse.stock.find(lines[i].item->sku);
      if (stock == warehouse.stock.end() || stock->second < lines[i].item->quantity) continue;
      stocked[i] = true;
      if (candidate.options.empty()) continue;
      eligible[i].push_back(static_cast<int>(candidates.size()));
      useful = true;
    }
    if (useful) candidates.push_back(std::move(candidate));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!stocked[i]) {
      return MakeError(ErrorCode::kOutOfStock, "no warehouse holds " + std::to_string(lines[i].item->quantity) + " of '" + lines[i].item->sku + "'",
                       ItemPath(i, "sku"));
    }
    if (eligible[i].empty()) {
      return MakeError(ErrorCode::kUndeliverable, "no warehouse holding '" + lines[i].item->sku + "' ships to " + request.market,
                       ItemPath(i, "sku"));
    }
  }
  if (candidates.size() > static_cast<size_t>(kMaxCandidateWarehouses)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::to_string(candidates.size()) + " warehouses could ship this cart; the planner considers at most " +
                         std::to_string(kMaxCandidateWarehouses),
                     "items");
  }

  std::vector<Plan> plans;
  std::set<std::string> seen;
  const uint32_t subsets = 1u << candidates.size();
  for (uint32_t mask = 1; mask < subsets; ++mask) {
    std::vector<int> assign(lines.size(), -1);
    bool covers = true;
    for (size_t i = 0; i < lines.size() && covers; ++i) {
      for (int w : eligible[i]) {
        if (mask & (1u << w)) {
          assign[i] = w;
          break;
        }
      }
      covers = assign[i] >= 0;
    }
    if (!covers) continue;
    for (Objective objective : {Objective::kCheapest, Objective::kFastest}) {
      Search search(lines, candidates, objective);
      SHOPCORE_RETURN_IF_ERROR(search.Start(assign));
      for (int moves = 0; moves < kMaxMoves;) {
        bool improved = false;
        for (size_t i = 0; i < lines.size(); ++i) {
          for (int w : eligible[i]) {
            if (!(mask & (1u << w)) || w == search.assign()[i]) continue;
            auto moved = search.TryMove(i, w);
            if (moved == Search::Move::kOverflow) return CostOverflow();
            if (moved == Search::Move::kMoved) {
              improved = true;
              ++moves;
            }
          }
        }
        if (!improved) break;
      }
      if (!search.score().feasible) continue;
      std::vector<ParcelChoice> choices = search.parcels();
      // A subset one of whose warehouses ended up empty is a smaller subset's plan.
      bool all_used = true;
      for (size_t w = 0; w < candidates.size(); ++w) {
        if ((mask & (1u << w)) && !choices[w].option) all_used = false;
      }
      if (!all_used) continue;
      const std::vector<int>& current = search.assign();
      Plan plan = BuildPlan(lines, candidates, current, choices, request.market);
      if (seen.insert(PlanKey(plan)).second) plans.push_back(std::move(plan));
    }
  }
  if (plans.empty()) {
    return MakeError(ErrorCode::kUndeliverable, "no shipping method can carry the parcels this cart needs (weight limits)", "items");
  }

  auto latest_of = [](const Plan& plan) { return DaysFromCivil(plan.latest); };
  std::vector<std::pair<std::string, size_t>> keys;
  for (size_t i = 0; i < plans.size(); ++i) keys.emplace_back(PlanKey(plans[i]), i);
  std::sort(keys.begin(), keys.end(), [&](const auto& x, const auto& y) {
    const Plan& a = plans[x.second];
    const Plan& b = plans[y.second];
    return std::make_tuple(a.shipping_minor, a.parcels.size(), latest_of(a), std::cref(x.first)) <
           std::make_tuple(b.shipping_minor, b.parcels.size(), latest_of(b), std::cref(y.first));
  });
  DeliveryOptions options;
  options.market = request.market;
  options.currency = request.currency;
  for (const auto& key : keys) options.plans.push_back(std::move(plans[key.second]));
  auto pick = [&](auto key) {
    size_t best = 0;
    for (size_t i = 1; i < options.plans.size(); ++i) {
      if (key(options.plans[i]) < key(options.plans[best])) best = i;
    }
    return best;
  };
  options.cheapest = 0;
  options.fastest = pick([&](const Plan& p) { return std::make_tuple(latest_of(p), p.shipping_minor, p.parcels.size()); });
  options.fewest_parcels = pick([&](const Plan& p) { return std::make_tuple(p.parcels.size(), p.shipping_minor, latest_of(p)); });
  return options;
}

}  // namespace shopcore::fulfilment
