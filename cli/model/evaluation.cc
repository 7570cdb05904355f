#include "evaluation.h"

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

#include "ials.h"
#include "neighbours.h"
#include "model_build.h"
#include "shopcore/reco/snapshot_model.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/recommend.h"

namespace shopcore::modelbuild {
namespace {

constexpr uint32_t kTopN = 20;
using TopList = std::vector<uint32_t>;
using Ranker = std::function<TopList(uint32_t user, const std::vector<uint32_t>& seen)>;

uint64_t Next(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Per-user items of the training part, and the held-out items of the users evaluated.
struct Split {
  UserItems train;
  std::vector<std::vector<uint32_t>> test;  // per user, empty: not evaluated
};

// Each user with >= min_positives items keeps a seeded random 80% for training
// and holds out the rest (at least one); other users train with everything.
Split SplitUsers(const UserItems& all, uint32_t min_positives, uint64_t seed) {
  Split split;
  const size_t users = all.offsets.size() - 1;
  split.test.resize(users);
  split.train.offsets.push_back(0);
  uint64_t state = seed;
  std::vector<uint32_t> items;
  for (size_t u = 0; u < users; ++u) {
    items.assign(all.items.begin() + all.offsets[u], all.items.begin() + all.offsets[u + 1]);
    size_t held = 0;
    if (items.size() >= min_positives) {
      for (size_t k = items.size() - 1; k > 0; --k) std::swap(items[k], items[Next(&state) % (k + 1)]);
      held = std::max<size_t>(1, static_cast<size_t>(std::lround(items.size() * 0.2)));
    }
    std::vector<uint32_t> train(items.begin() + held, items.end());
    split.test[u].assign(items.begin(), items.begin() + held);
    std::sort(train.begin(), train.end());
    std::sort(split.test[u].begin(), split.test[u].end());
    for (uint32_t item : train) {
      split.train.items.push_back(item);
      split.train.weights.push_back(1.0f);
    }
    split.train.offsets.push_back(static_cast<uint32_t>(split.train.items.size()));
  }
  return split;
}

struct Metrics {
  double recall = 0, ndcg = 0, hit_rate = 0, coverage = 0;
  size_t users = 0;
};

Metrics Measure(const Split& split, uint32_t item_count, const Ranker& rank) {
  Metrics m;
  std::vector<uint8_t> shown(item_count, 0);
  std::vector<uint32_t> seen;
  for (uint32_t u = 0; u < split.test.size(); ++u) {
    const auto& test = split.test[u];
    if (test.empty()) continue;
    seen.assign(split.train.items.begin() + split.train.offsets[u], split.train.items.begin() + split.train.offsets[u + 1]);
    TopList top = rank(u, seen);
    double hits = 0, dcg = 0, idcg = 0;
    bool hit10 = false;
    for (size_t r = 0; r < top.size() && r < kTopN; ++r) {
      shown[top[r]] = 1;
      if (std::binary_search(test.begin(), test.end(), top[r])) {
        hits += 1;
        dcg += 1.0 / std::log2(r + 2.0);
        if (r < 10) hit10 = true;
      }
    }
    const size_t ideal = std::min<size_t>(kTopN, test.size());
    for (size_t r = 0; r < ideal; ++r) idcg += 1.0 / std::log2(r + 2.0);
    m.recall += hits / ideal;
    m.ndcg += dcg / idcg;
    m.hit_rate += hit10 ? 1 : 0;
    ++m.users;
  }
  size_t covered = 0;
  for (uint8_t s : shown) covered += s;
  if (m.users > 0) {
    m.recall /= m.users;
    m.ndcg /= m.users;
    m.hit_rate /= m.users;
  }
  m.coverage = item_count > 0 ? static_cast<double>(covered) / item_count : 0;
  return m;
}

// Top N of dense scores, seen items excluded, ties by item index.
TopList TopOf(std::vector<double>& scores, const std::vector<uint32_t>& seen) {
  for (uint32_t s : seen) scores[s] = -1e300;
  std::vector<uint32_t> order(scores.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const size_t keep = std::min<size_t>(kTopN, order.size());
  std::partial_sort(order.begin(), order.begin() + keep, order.end(), [&](uint32_t a, uint32_t b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  });
  order.resize(keep);
  return order;
}

Ranker PopularityRanker(const UserItems& train, uint32_t item_count) {
  auto counts = std::make_shared<std::vector<double>>(item_count, 0.0);
  for (uint32_t item : train.items) (*counts)[item] += 1;
  return [counts](uint32_t, const std::vector<uint32_t>& seen) {
    std::vector<double> scores = *counts;
    return TopOf(scores, seen);
  };
}

Ranker ListsRanker(std::shared_ptr<NeighbourLists> lists, uint32_t item_count) {
  return [lists, item_count](uint32_t, const std::vector<uint32_t>& seen) {
    std::vector<double> scores(item_count, 0.0);
    for (uint32_t i : seen) {
      for (uint32_t k = lists->offsets[i]; k < lists->offsets[i + 1]; ++k) scores[lists->items[k]] += lists->weights[k];
    }
    return TopOf(scores, seen);
  };
}

Ranker DenseRanker(std::shared_ptr<DenseWeights> dense) {
  return [dense](uint32_t, const std::vector<uint32_t>& seen) {
    const size_t n = dense->item_count;
    std::vector<double> scores(n, 0.0);
    for (uint32_t i : seen) {
      const float* row = dense->weights.data() + static_cast<size_t>(i) * n;
      for (size_t j = 0; j < n; ++j) scores[j] += row[j];
    }
    return TopOf(scores, seen);
  };
}

// The device, exactly as a phone gets it: the catalog JSON with the model
// sections `shopcore model build` writes (WriteModelSections), built into
// snapshot bytes, opened and verified, read through reco::SnapshotModel; a
// profile of the user's training events (purchases, so reco's "already
// purchased" filter removes the seen items) and Recommend's first page.
// Whatever the snapshot loses (a field the schema lacks, float rounding of
// the JSON) the evaluation loses too.
struct DeviceSetup {
  std::vector<std::string> ids;
  std::shared_ptr<NeighbourLists> neighbours;
  const QuantizedFactors* factors = nullptr;
  std::vector<float> popularity;
  double fold_in_lambda = 0.1, fold_in_alpha = 1;
  float w_item = 0, w_embedding = 0, w_popularity = 0;
};

constexpr const char* kEvalMarket = "US";

Result<std::shared_ptr<const reco::SnapshotModel>> BuildDeviceModel(const DeviceSetup& setup) {
  const size_t n = setup.ids.size();
  nlohmann::json catalog = {{"snapshot_id", "eval"},
                            {"markets", {{{"id", kEvalMarket}, {"currency", "USD"}, {"locale", "en-US"}}}}};
  nlohmann::json items = nlohmann::json::array();
  for (const std::string& id : setup.ids) {
    // An item is sellable where one of its SKUs has a price.
    items.push_back({{"id", id},
                     {"sellable_markets", {kEvalMarket}},
                     {"skus", {{{"id", id + "/sku"}, {"price", {{kEvalMarket, {{"amount", 100}}}}}}}}});
  }
  catalog["items"] = std::move(items);

  Interactions item_ids;
  item_ids.items = setup.ids;
  BuiltModel model;
  model.algorithm = "eval";
  model.neighbours = setup.neighbours ? *setup.neighbours : NeighbourLists{std::vector<uint32_t>(n + 1, 0), {}, {}};
  if (setup.factors) model.factors = *setup.factors;
  model.popularity.score = setup.popularity;
  model.popularity.trend.assign(n, 0.0f);
  BuildOptions options;
  options.ials.lambda = setup.fold_in_lambda;
  options.ials.alpha = setup.fold_in_alpha;
  SHOPCORE_RETURN_IF_ERROR(WriteModelSections(item_ids, model, options, &catalog));
  catalog["blend_contexts"] = {{{"id", "home"},
                                {"signals", {{"item_item", setup.w_item},
                                             {"embedding", setup.w_embedding},
                                             {"popularity", setup.w_popularity}}},
                                {"event_weights", {{"purchase", 1}}}}};

  auto bytes = BuildSnapshot(catalog.dump());
  if (!bytes.ok()) return bytes.error();
  auto snapshot = Snapshot::Open(std::move(*bytes));
  if (!snapshot.ok()) return snapshot.error();
  return reco::SnapshotModel::Open(*snapshot);
}

Ranker DeviceRanker(std::shared_ptr<const reco::SnapshotModel> model, std::shared_ptr<std::vector<std::string>> ids) {
  return [model, ids](uint32_t, const std::vector<uint32_t>& seen) {
    reco::Profile profile("eval", reco::ProfileLimits{1000000, 1000000});
    for (uint32_t i : seen) {
      reco::Event event;
      event.type = reco::EventType::kPurchase;
      event.time_ms = 1;
      event.item = (*ids)[i];
      profile.Track(event);
    }
    reco::RecommendRequest request;
    request.market = kEvalMarket;
    request.now_ms = 2;
    request.page_size = kTopN;
    TopList top;
    auto result = reco::Recommend(model->view(), profile, request);
    if (!result.ok()) return top;
    for (const auto& item : result->items) {
      auto at = std::lower_bound(ids->begin(), ids->end(), item.id);
      top.push_back(static_cast<uint32_t>(at - ids->begin()));
    }
    return top;
  };
}

std::vector<float> PopularityScores(const UserItems& train, uint32_t item_count) {
  std::vector<float> counts(item_count, 0);
  float max_count = 0;
  for (uint32_t item : train.items) max_count = std::max(max_count, counts[item] += 1);
  for (auto& c : counts) c = max_count > 0 ? c / max_count : 0;
  return counts;
}

std::string Fixed(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

Result<std::string> Evaluate(const Interactions& positives, const EvalOptions& options) {
  const uint32_t n = static_cast<uint32_t>(positives.items.size());
  UserItems all = GroupByUser(positives);
  Split test_split = SplitUsers(all, options.min_positives, options.seed);
  // Validation: the same protocol inside the training part, never the test items.
  Split val_split = SplitUsers(test_split.train, options.min_positives, options.seed + 1);
  auto ids = std::make_shared<std::vector<std::string>>(positives.items);
  std::string log;

  const std::vector<double> lambdas = options.quick ? std::vector<double>{50} : std::vector<double>{250, 500};
  const std::vector<double> shrinks = options.quick ? std::vector<double>{10} : std::vector<double>{0, 10};
  const std::vector<double> alphas = options.quick ? std::vector<double>{10} : std::vector<double>{10};

  // 1. Hyperparameters on validation.
  double best_lambda = lambdas[0], best_recall = -1;
  for (double lambda : lambdas) {
    auto dense = EaseWeights(val_split.train, n, lambda);
    if (!dense.ok()) return dense.error();
    double recall = Measure(val_split, n, DenseRanker(std::make_shared<DenseWeights>(std::move(*dense)))).recall;
    log += "validation: ease lambda " + Fixed(lambda, 0) + " recall@20 " + Fixed(recall, 4) + "\n";
    if (recall > best_recall) best_recall = recall, best_lambda = lambda;
  }
  double best_shrink = shrinks[0];
  best_recall = -1;
  for (double shrink : shrinks) {
    auto lists = std::make_shared<NeighbourLists>(CosineNeighbours(val_split.train, n, shrink, n));
    double recall = Measure(val_split, n, ListsRanker(lists, n)).recall;
    log += "validation: cosine shrink " + Fixed(shrink, 0) + " recall@20 " + Fixed(recall, 4) + "\n";
    if (recall > best_recall) best_recall = recall, best_shrink = shrink;
  }
  IalsOptions ials;
  ials.factors = options.factors;
  ials.seed = options.seed;
  ials.lambda = 1.0;
  double best_alpha = alphas[0];
  best_recall = -1;
  QuantizedFactors val_factors;
  DeviceSetup val_setup;
  val_setup.ids = *ids;
  val_setup.popularity = PopularityScores(val_split.train, n);
  for (double alpha : alphas) {
    ials.alpha = alpha;
    QuantizedFactors factors = Quantize(TrainIals(val_split.train, n, ials));
    DeviceSetup setup = val_setup;
    setup.factors = &factors;
    setup.fold_in_lambda = ials.lambda;
    setup.fold_in_alpha = alpha;
    setup.w_embedding = 1;
    auto model = BuildDeviceModel(setup);
    if (!model.ok()) return model.error();
    double recall = Measure(val_split, n, DeviceRanker(*model, ids)).recall;
    log += "validation: ials alpha " + Fixed(alpha, 0) + " recall@20 " + Fixed(recall, 4) + "\n";
    if (recall > best_recall) best_recall = recall, best_alpha = alpha, val_factors = std::move(factors);
  }
  ials.alpha = best_alpha;
  // Hybrid blend weights on validation, over sparse EASE neighbours.
  auto val_dense = EaseWeights(val_split.train, n, best_lambda);
  if (!val_dense.ok()) return val_dense.error();
  val_setup.neighbours = std::make_shared<NeighbourLists>(TopK(*val_dense, options.neighbours));
  val_setup.factors = &val_factors;
  val_setup.fold_in_lambda = ials.lambda;
  val_setup.fold_in_alpha = best_alpha;
  val_setup.w_item = 1;
  float best_embedding = 0, best_popularity = 0;
  best_recall = -1;
  const std::vector<float> embedding_weights = options.quick ? std::vector<float>{0.3f} : std::vector<float>{0, 0.3f};
  const std::vector<float> popularity_weights = options.quick ? std::vector<float>{0.05f} : std::vector<float>{0, 0.05f};
  for (float we : embedding_weights) {
    for (float wp : popularity_weights) {
      DeviceSetup setup = val_setup;
      setup.w_embedding = we;
      setup.w_popularity = wp;
      auto model = BuildDeviceModel(setup);
      if (!model.ok()) return model.error();
      double recall = Measure(val_split, n, DeviceRanker(*model, ids)).recall;
      log += "validation: hybrid item_item 1 embedding " + Fixed(we, 2) + " popularity " + Fixed(wp, 2) +
             " recall@20 " + Fixed(recall, 4) + "\n";
      if (recall > best_recall) best_recall = recall, best_embedding = we, best_popularity = wp;
    }
  }

  // 2. Final models on the whole training part, measured on test.
  struct Row {
    std::string name;
    Metrics metrics;
    double seconds;
  };
  std::vector<Row> rows;
  auto start = std::chrono::steady_clock::now();
  rows.push_back({"popularity", Measure(test_split, n, PopularityRanker(test_split.train, n)), Seconds(start)});
  start = std::chrono::steady_clock::now();
  auto cosine_all = std::make_shared<NeighbourLists>(CosineNeighbours(test_split.train, n, best_shrink, n));
  rows.push_back({"item-kNN cosine (all neighbours)", Measure(test_split, n, ListsRanker(cosine_all, n)), Seconds(start)});
  cosine_all.reset();
  start = std::chrono::steady_clock::now();
  auto cosine_k = std::make_shared<NeighbourLists>(CosineNeighbours(test_split.train, n, best_shrink, options.neighbours));
  rows.push_back({"item-kNN cosine (k=" + std::to_string(options.neighbours) + ")",
                  Measure(test_split, n, ListsRanker(cosine_k, n)), Seconds(start)});
  start = std::chrono::steady_clock::now();
  auto dense = EaseWeights(test_split.train, n, best_lambda);
  if (!dense.ok()) return dense.error();
  auto dense_shared = std::make_shared<DenseWeights>(std::move(*dense));
  const double ease_seconds = Seconds(start);
  rows.push_back({"EASE dense", Measure(test_split, n, DenseRanker(dense_shared)), Seconds(start)});
  start = std::chrono::steady_clock::now();
  auto ease_k = std::make_shared<NeighbourLists>(TopK(*dense_shared, options.neighbours));
  dense_shared.reset();
  rows.push_back({"EASE sparse (k=" + std::to_string(options.neighbours) + ")",
                  Measure(test_split, n, ListsRanker(ease_k, n)), Seconds(start) + ease_seconds});
  start = std::chrono::steady_clock::now();
  QuantizedFactors factors = Quantize(TrainIals(test_split.train, n, ials));
  const double ials_seconds = Seconds(start);

  DeviceSetup setup;
  setup.ids = *ids;
  setup.popularity = PopularityScores(test_split.train, n);
  setup.fold_in_lambda = ials.lambda;
  setup.fold_in_alpha = best_alpha;
  auto device_row = [&](const std::string& name, DeviceSetup s, double extra_seconds) -> Status {
    auto begin = std::chrono::steady_clock::now();
    auto model = BuildDeviceModel(s);
    if (!model.ok()) return model.error();
    rows.push_back({name, Measure(test_split, n, DeviceRanker(*model, ids)), Seconds(begin) + extra_seconds});
    return Status();
  };
  DeviceSetup only_popularity = setup;
  only_popularity.w_popularity = 1;
  if (auto s = device_row("device: popularity", only_popularity, 0); !s.ok()) return s.error();
  DeviceSetup only_items = setup;
  only_items.neighbours = ease_k;
  only_items.w_item = 1;
  if (auto s = device_row("device: item-item (sparse EASE)", only_items, 0); !s.ok()) return s.error();
  DeviceSetup only_embedding = setup;
  only_embedding.factors = &factors;
  only_embedding.w_embedding = 1;
  if (auto s = device_row("device: embedding (iALS int8, fold-in)", only_embedding, ials_seconds); !s.ok()) return s.error();
  DeviceSetup hybrid = setup;
  hybrid.neighbours = ease_k;
  hybrid.factors = &factors;
  hybrid.w_item = 1;
  hybrid.w_embedding = best_embedding;
  hybrid.w_popularity = best_popularity;
  if (auto s = device_row("device: hybrid", hybrid, ials_seconds); !s.ok()) return s.error();

  std::string out = log;
  out += "chosen on validation: ease lambda " + Fixed(best_lambda, 0) + ", cosine shrink " + Fixed(best_shrink, 0) +
         ", ials factors " + std::to_string(options.factors) + " lambda " + Fixed(ials.lambda, 1) + " alpha " +
         Fixed(best_alpha, 0) + ", hybrid weights item_item 1 embedding " + Fixed(best_embedding, 2) +
         " popularity " + Fixed(best_popularity, 2) + "\n";
  out += "items " + std::to_string(n) + ", users evaluated " + std::to_string(rows[0].metrics.users) + ", seed " +
         std::to_string(options.seed) + "\n\n";
  out += "| model | Recall@20 | NDCG@20 | HR@10 | coverage | seconds (build + rank) |\n";
  out += "|---|---|---|---|---|---|\n";
  for (const Row& row : rows) {
    out += "| " + row.name + " | " + Fixed(row.metrics.recall, 4) + " | " + Fixed(row.metrics.ndcg, 4) + " | " +
           Fixed(row.metrics.hit_rate, 4) + " | " + Fixed(row.metrics.coverage, 4) + " | " + Fixed(row.seconds, 1) +
           " |\n";
  }
  return out;
}

}  // namespace shopcore::modelbuild
