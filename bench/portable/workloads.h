// The operations of scripts/bench, defined once and timed by two harnesses:
// Google Benchmark natively (bench/native/engine_ops.cc) and the portable
// runner (bench/portable/ops.cc), built natively and with emcc (baseline and
// -msimd128) and run under Node. Same inputs, same calls, so the wasm/native
// and SIMD/baseline ratios compare the same work.
//
// Inputs come from a data folder scripts/bench fills (bench/data.mjs):
//   snap-<size>.bin        catalog snapshots (size: 1k, 2k, 10k, 100k, ...)
//   delta-<size>.bin       a delta from snap-<size>.bin (1% of SKU prices
//                          changed, 0.1% of items removed)
//   tax-rules.json         data/tax-rules.json (import regimes included)
//   locale/de-DE.json      the locale pack the formatting benchmark uses
// A size whose files are missing simply has no operations.
#ifndef SHOPCORE_BENCH_WORKLOADS_H_
#define SHOPCORE_BENCH_WORKLOADS_H_

#include <cstdint>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "cart_scenario.h"
#include "shopcore/engine.h"
#include "shopcore/money.h"
#include "shopcore/reco/json.h"
#include "shopcore/reco/recommend.h"
#include "shopcore/reco/snapshot_model.h"
#include "shopcore/snapshot/delta.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/tax.h"

namespace shopcore::bench {

// "Now" for every request: Wed 2026-11-25 10:00 UTC, inside the generated
// catalogs' promotion windows. Nothing reads the clock.
constexpr int64_t kBenchNowMs = 1795600800000;

// Largest catalogue the delta rows run on (see MakeOps).
constexpr double kMaxDeltaItems = 2000;

// One timed operation. setup runs once (untimed) when the operation is
// selected; prepare runs before every timed call (untimed: e.g. a fresh
// copy of the bytes Open takes ownership of); run is the timed work.
struct Op {
  std::string name;   // "<operation>/<size>": the key of every table and of --check
  double items = 0;   // catalogue items, for cost per item (0: not a catalogue operation)
  std::function<Status()> setup;
  std::function<void()> prepare;  // may be empty
  std::function<Status()> run;
};

// The sizes the scaling curves use, smallest first.
inline const std::vector<std::pair<std::string, double>>& BenchSizes() {
  static const std::vector<std::pair<std::string, double>> sizes = {
      {"1k", 1e3}, {"2k", 2e3}, {"10k", 1e4}, {"100k", 1e5}, {"1m", 1e6}};
  return sizes;
}

inline bool ReadBenchFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream content;
  content << in.rdbuf();
  *out = content.str();
  return true;
}

// A 200-event profile over the snapshot's items (the issue's "200-event
// profile"), from a fixed LCG so every target tracks the same events.
inline Status FillProfile(const reco::ModelView& view, reco::Profile* profile) {
  const reco::EventType types[] = {reco::EventType::kView, reco::EventType::kView, reco::EventType::kView,
                                   reco::EventType::kClick, reco::EventType::kAddToCart, reco::EventType::kLike,
                                   reco::EventType::kPurchase, reco::EventType::kShare};
  uint64_t state = 11;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  };
  for (int e = 0; e < 200; ++e) {
    reco::Event event;
    event.type = types[next() % 8];
    event.item = std::string(view.item_ids[next() % view.item_count]);
    event.time_ms = kBenchNowMs - static_cast<int64_t>(next() % (30u * 86400u)) * 1000;
    Status tracked = profile->Track(event);
    if (!tracked.ok()) return tracked;
  }
  return Status::Ok();
}

// The request every recommend row uses: home feed in DE, top 50, at most 5
// per category and 3 per brand.
inline reco::RecommendRequest Top50Request() {
  reco::RecommendRequest request;
  request.context = reco::Context::kHomeFeed;
  request.market = "DE";
  request.now_ms = kBenchNowMs;
  request.page_size = 50;
  request.diversity.mode = reco::DiversityMode::kCaps;
  request.diversity.max_per_category = 5;
  request.diversity.max_per_brand = 3;
  return request;
}

// 20 order lines to France from China, with HS codes across chapters.
inline std::string LandedCostRequestJson() {
  const char* hs[] = {"620610", "620620", "330499", "851830", "950300", "420222", "640411", "711719", "392690",
                      "610910"};
  std::string lines;
  for (int i = 0; i < 20; ++i) {
    if (i) lines += ",";
    lines += "{\"id\":\"line-" + std::to_string(i) + "\",\"amount_minor\":" + std::to_string(499 + 137 * i) +
             ",\"quantity\":" + std::to_string(1 + i % 3) + ",\"hs_code\":\"" + hs[i % 10] + "\"}";
  }
  return "{\"market\":\"FR\",\"origin\":\"CN\",\"currency\":\"EUR\",\"locale\":\"fr-FR\",\"seller_ioss\":true,"
         "\"lines\":[" + lines + "],\"shipping_minor\":500,\"now\":\"2026-07-01\"}";
}

// 10,000 amounts from 0.01 to about 1,000,000.00: every digit count and grouping.
inline int64_t FormatAmount(int i) { return (static_cast<int64_t>(i) * 7919 * 7919) % 100000000 + 1; }

inline std::vector<Op> MakeOps(const std::string& data_dir) {
  std::vector<Op> ops;
  for (const auto& [size, items] : BenchSizes()) {
    const std::string snapshot_path = data_dir + "/snap-" + size + ".bin";
    if (!std::ifstream(snapshot_path)) continue;
    struct SizeState {
      std::string bytes, delta, copy;
      std::shared_ptr<const Snapshot> snapshot;
      std::shared_ptr<const reco::SnapshotModel> model;
      std::unique_ptr<reco::Profile> profile;
      Engine engine;
    };
    auto state = std::make_shared<SizeState>();
    auto load = [state, snapshot_path]() -> Status {
      if (!state->bytes.empty()) return Status::Ok();
      if (!ReadBenchFile(snapshot_path, &state->bytes)) return MakeError(ErrorCode::kIoError, "cannot read", snapshot_path);
      return Status::Ok();
    };
    auto open = [state, load]() -> Status {
      SHOPCORE_RETURN_IF_ERROR(load());
      if (state->snapshot) return Status::Ok();
      auto opened = Snapshot::Open(state->bytes);
      if (!opened.ok()) return opened.error();
      state->snapshot = *opened;
      return Status::Ok();
    };

    // Open + verify + index, from bytes the snapshot takes ownership of.
    ops.push_back(Op{"snapshot_open/" + size, items, load, [state] { state->copy = state->bytes; },
                     [state]() -> Status {
                       auto opened = Snapshot::Open(std::move(state->copy));
                       if (!opened.ok()) return opened.error();
                       return Status::Ok();
                     }});

    // What the engine does with a delta: apply to its current bytes, then
    // open (verify + index) the result and swap it in.
    // Only up to 2k items: applying a delta costs about 0.2-0.35 ms of CPU
    // per catalogue item (10k: 3.4 s natively), so larger sizes would take
    // minutes per repetition on this machine.
    const std::string delta_path = data_dir + "/delta-" + size + ".bin";
    if (items <= kMaxDeltaItems && std::ifstream(delta_path)) {
      ops.push_back(Op{"delta_apply/" + size, items,
                       [state, load, delta_path]() -> Status {
                         SHOPCORE_RETURN_IF_ERROR(load());
                         if (!ReadBenchFile(delta_path, &state->delta)) {
                           return MakeError(ErrorCode::kIoError, "cannot read", delta_path);
                         }
                         return Status::Ok();
                       },
                       [state] { (void)state->engine.OpenSnapshot(state->bytes); },
                       [state]() -> Status { return state->engine.ApplySnapshotDelta(state->delta); }});
    }

    // The recommender's model from the snapshot: the first recommend after
    // a snapshot swap pays this once.
    ops.push_back(Op{"reco_model_open/" + size, items, open, {}, [state]() -> Status {
                       auto model = reco::SnapshotModel::Open(*state->snapshot);
                       if (!model.ok()) return model.error();
                       return Status::Ok();
                     }});

    auto model_and_profile = [state, open]() -> Status {
      SHOPCORE_RETURN_IF_ERROR(open());
      if (state->model) return Status::Ok();
      auto model = reco::SnapshotModel::Open(state->snapshot);
      if (!model.ok()) return model.error();
      state->model = *model;
      state->profile = std::make_unique<reco::Profile>("bench-shopper", reco::ProfileLimits{200, 1000});
      return FillProfile(state->model->view(), state->profile.get());
    };
    // Top 50 for a 200-event profile, with filters and caps, as the JSON the
    // API hands back.
    ops.push_back(Op{"recommend_top50/" + size, items, model_and_profile, {}, [state]() -> Status {
                       static const reco::RecommendRequest request = Top50Request();
                       auto result = reco::Recommend(state->model->view(), *state->profile, request);
                       if (!result.ok()) return result.error();
                       if (result->items.size() != 50) return MakeError(ErrorCode::kInvalidArgument, "not 50 items", "");
                       std::string json = reco::RecommendationToJson(*result);
                       return json.empty() ? MakeError(ErrorCode::kInvalidArgument, "empty", "") : Status::Ok();
                     }});

    if (size == "2k") {
      // One event into a full 200-event profile (so it also evicts), as JSON,
      // through the engine as the API calls it.
      auto tracked = std::make_shared<std::pair<std::unique_ptr<Engine>, int64_t>>();
      ops.push_back(Op{"track_event/" + size, 0,
                       [state, tracked, model_and_profile]() -> Status {
                         SHOPCORE_RETURN_IF_ERROR(model_and_profile());
                         tracked->first = std::make_unique<Engine>(EngineLimits{{}, reco::ProfileLimits{200, 1000}});
                         SHOPCORE_RETURN_IF_ERROR(tracked->first->OpenSnapshot(state->bytes));
                         SHOPCORE_RETURN_IF_ERROR(tracked->first->RestoreProfile(reco::ProfileToJson(*state->profile)));
                         tracked->second = kBenchNowMs;
                         return Status::Ok();
                       },
                       {},
                       [state, tracked]() -> Status {
                         std::string event = "{\"type\":\"view\",\"time_ms\":" + std::to_string(++tracked->second) +
                                             ",\"item\":\"" + std::string(state->model->view().item_ids[42]) + "\"}";
                         auto result = tracked->first->TrackJson(event);
                         return result.ok() ? Status::Ok() : Status(result.error());
                       }});
    }
  }

  // Issue 4's cart: 50 lines, 30 promotions; then the same with the best set
  // of 20 coupons chosen. The priced cart is serialised as the API returns it.
  for (int coupons : {0, 20}) {
    auto scenario = std::make_shared<Scenario>();
    ops.push_back(Op{coupons == 0 ? "cart_price_50_lines_30_promotions" : "cart_best_coupon_set_of_20", 0,
                     [scenario, coupons]() -> Status {
                       *scenario = MakeScenario(coupons);
                       return Status::Ok();
                     },
                     {},
                     [scenario]() -> Status {
                       static const PricingRules rules;
                       auto priced = Price(scenario->cart, scenario->catalog, scenario->promotions, rules,
                                           scenario->request);
                       if (!priced.ok()) return priced.error();
                       return PricedCartToJson(*priced).empty() ? MakeError(ErrorCode::kInvalidArgument, "empty", "")
                                                                : Status::Ok();
                     }});
  }

  struct TaxState {
    tax::TaxRules rules;
    std::string request;
  };
  auto tax_state = std::make_shared<TaxState>();
  ops.push_back(Op{"landed_cost_20_lines", 0,
                   [tax_state, data_dir]() -> Status {
                     std::string text;
                     if (!ReadBenchFile(data_dir + "/tax-rules.json", &text)) {
                       return MakeError(ErrorCode::kIoError, "cannot read", data_dir + "/tax-rules.json");
                     }
                     auto rules = tax::ParseTaxRulesJson(text);
                     if (!rules.ok()) return rules.error();
                     tax_state->rules = std::move(*rules);
                     tax_state->request = LandedCostRequestJson();
                     return Status::Ok();
                   },
                   {},
                   [tax_state]() -> Status {
                     auto request = tax::ParseLandedCostRequestJson(tax_state->request);
                     if (!request.ok()) return request.error();
                     auto cost = tax::ComputeLandedCost(tax_state->rules, *request);
                     if (!cost.ok()) return cost.error();
                     auto text = tax::LandedCostToJson(*cost);
                     return text.ok() ? Status::Ok() : Status(text.error());
                   }});

  auto pack = std::make_shared<std::unique_ptr<LocalePack>>();
  ops.push_back(Op{"format_10000_prices", 0,
                   [pack, data_dir]() -> Status {
                     std::string bytes;
                     const std::string path = data_dir + "/locale/de-DE.json";
                     if (!ReadBenchFile(path, &bytes)) return MakeError(ErrorCode::kIoError, "cannot read", path);
                     auto parsed = LocalePack::Parse(bytes);
                     if (!parsed.ok()) return parsed.error();
                     *pack = std::make_unique<LocalePack>(std::move(*parsed));
                     return Status::Ok();
                   },
                   {},
                   [pack]() -> Status {
                     static const Currency& eur = **FindCurrency("EUR");
                     static const FormatOptions options;
                     size_t length = 0;
                     for (int i = 0; i < 10000; ++i) {
                       auto text = FormatMoney(Money::Of(FormatAmount(i), eur), **pack, options);
                       if (!text.ok()) return text.error();
                       length += text->size();
                     }
                     return length == 0 ? MakeError(ErrorCode::kInvalidArgument, "empty", "") : Status::Ok();
                   }});
  return ops;
}

}  // namespace shopcore::bench

#endif  // SHOPCORE_BENCH_WORKLOADS_H_
