// On-device recommendation at catalogue scale: 100,000 items, 64-dimension
// int8 factors, 50 neighbours per item, a 200-event profile, top 50 with
// filters and category/brand caps. The model is a ModelView over plain
// arrays, as the snapshot adapter will give it (zero-copy spans).
// Baseline in the same run: the bare int8 dot-product scan plus a top-50
// partial sort, i.e. the least any embedding recommender must do.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "shopcore/reco.h"

namespace {

using namespace shopcore::reco;

constexpr uint32_t kItems = 100000;
constexpr uint32_t kDim = 64;
constexpr uint32_t kNeighbours = 50;
constexpr uint32_t kMarkets = 10;
constexpr int64_t kNow = 1790000000000;

struct BenchModel {
  std::vector<std::string> ids, categories, brands, tags, markets;
  std::vector<std::string_view> id_views, category_views, brand_views, tag_views, market_views, creator_views;
  std::vector<uint32_t> by_id, category_offsets, category_nodes, brand, creator, tag_offsets, tag_ids;
  std::vector<uint8_t> band;
  std::vector<uint64_t> sellable;
  std::vector<int32_t> stock;
  std::vector<uint16_t> repurchase;
  std::vector<uint32_t> neighbour_offsets, neighbour_items;
  std::vector<float> neighbour_weights;
  std::vector<int8_t> factors;
  std::vector<float> scales, gram;
  std::vector<uint32_t> popularity_offsets, popularity_items;
  std::vector<float> popularity_scores, popularity_trends;
  std::vector<ContextConfig> contexts;
  ModelView view;
};

const BenchModel& Model() {
  static BenchModel* m = [] {
    auto* m = new BenchModel;
    std::mt19937 rng(7);
    char buffer[32];
    for (uint32_t i = 0; i < kItems; ++i) {
      std::snprintf(buffer, sizeof buffer, "item-%06u", i);
      m->ids.push_back(buffer);
    }
    for (int c = 0; c < 220; ++c) m->categories.push_back("category-" + std::to_string(c));
    for (int b = 0; b < 1000; ++b) m->brands.push_back("brand-" + std::to_string(b));
    for (int t = 0; t < 500; ++t) m->tags.push_back("tag-" + std::to_string(t));
    for (uint32_t k = 0; k < kMarkets; ++k) m->markets.push_back("M" + std::to_string(k));
    for (const auto& s : m->ids) m->id_views.push_back(s);
    for (const auto& s : m->categories) m->category_views.push_back(s);
    for (const auto& s : m->brands) m->brand_views.push_back(s);
    for (const auto& s : m->tags) m->tag_views.push_back(s);
    for (const auto& s : m->markets) m->market_views.push_back(s);
    m->by_id.resize(kItems);
    std::iota(m->by_id.begin(), m->by_id.end(), 0u);  // ids are zero-padded: index order is id order
    m->category_offsets.push_back(0);
    m->tag_offsets.push_back(0);
    m->neighbour_offsets.push_back(0);
    for (uint32_t i = 0; i < kItems; ++i) {
      const uint32_t leaf = 20 + rng() % 200;
      m->category_nodes.push_back((leaf - 20) / 10);  // root, then leaf
      m->category_nodes.push_back(leaf);
      m->category_offsets.push_back(static_cast<uint32_t>(m->category_nodes.size()));
      m->brand.push_back(rng() % 1000);
      m->creator.push_back(kNone);
      m->tag_ids.push_back(rng() % 500);
      m->tag_ids.push_back(rng() % 500);
      m->tag_offsets.push_back(static_cast<uint32_t>(m->tag_ids.size()));
      m->band.push_back(static_cast<uint8_t>(rng() % 5));
      uint64_t mask = (uint64_t{1} << kMarkets) - 1;
      if (rng() % 20 == 0) mask &= ~uint64_t{1};  // 5% restricted in M0
      m->sellable.push_back(mask);
      m->stock.push_back(rng() % 50 == 0 ? 0 : 10);
      m->repurchase.push_back(rng() % 10 == 0 ? 30 : 0);
      for (uint32_t n = 0; n < kNeighbours; ++n) {
        m->neighbour_items.push_back(rng() % kItems);
        m->neighbour_weights.push_back(static_cast<float>(rng() % 1000) / 1000.0f);
      }
      m->neighbour_offsets.push_back(static_cast<uint32_t>(m->neighbour_items.size()));
      for (uint32_t k = 0; k < kDim; ++k) m->factors.push_back(static_cast<int8_t>(static_cast<int>(rng() % 255) - 127));
      m->scales.push_back(0.001f + static_cast<float>(rng() % 100) / 10000.0f);
    }
    std::vector<double> gram(kDim * kDim, 0.0);
    for (uint32_t i = 0; i < kItems; ++i) {
      const int8_t* row = &m->factors[size_t{i} * kDim];
      const double s2 = double{m->scales[i]} * m->scales[i];
      for (uint32_t a = 0; a < kDim; ++a) {
        for (uint32_t b = 0; b < kDim; ++b) gram[a * kDim + b] += s2 * row[a] * row[b];
      }
    }
    m->gram.assign(gram.begin(), gram.end());
    m->popularity_offsets.push_back(0);
    for (uint32_t k = 0; k < kMarkets; ++k) {
      for (uint32_t e = 0; e < 5000; ++e) {
        m->popularity_items.push_back(rng() % kItems);
        m->popularity_scores.push_back(static_cast<float>(rng() % 10000) / 10000.0f);
        m->popularity_trends.push_back(static_cast<float>(static_cast<int>(rng() % 200) - 100) / 100.0f);
      }
      m->popularity_offsets.push_back(static_cast<uint32_t>(m->popularity_items.size()));
    }
    ContextConfig home;
    home.context = Context::kHomeFeed;
    home.blend = BlendWeights{{1.0f, 0.5f, 0.8f, 0.6f, 1.2f, 0.0f}};
    const float weights[kEventTypeCount] = {1, 2, 1, 3, -1, 4, 2, 2, 1, 1, 3, 2, 2, 0};
    std::copy(weights, weights + kEventTypeCount, home.event_weight);
    home.half_life_ms = 14LL * 86400000;
    m->contexts.push_back(home);

    ModelView& v = m->view;
    v.item_count = kItems;
    v.item_ids = m->id_views;
    v.items_by_id = m->by_id;
    v.category_path_offsets = m->category_offsets;
    v.category_path_nodes = m->category_nodes;
    v.category_names = m->category_views;
    v.brand = m->brand;
    v.brand_names = m->brand_views;
    v.creator = m->creator;
    v.creator_names = m->creator_views;
    v.tag_offsets = m->tag_offsets;
    v.tag_ids = m->tag_ids;
    v.tag_names = m->tag_views;
    v.price_band = m->band;
    v.price_band_count = 5;
    v.sellable_markets = m->sellable;
    v.market_codes = m->market_views;
    v.stock = m->stock;
    v.repurchase_cycle_days = m->repurchase;
    v.neighbour_offsets = m->neighbour_offsets;
    v.neighbour_items = m->neighbour_items;
    v.neighbour_weights = m->neighbour_weights;
    v.factor_dim = kDim;
    v.item_factors = m->factors;
    v.factor_scales = m->scales;
    v.gram = m->gram;
    v.popularity_offsets = m->popularity_offsets;
    v.popularity_items = m->popularity_items;
    v.popularity_scores = m->popularity_scores;
    v.popularity_trends = m->popularity_trends;
    v.contexts = m->contexts;
    shopcore::Status status = ValidateModel(v);
    if (!status.ok()) std::fprintf(stderr, "bench model invalid: %s\n", status.error().ToString().c_str());
    return m;
  }();
  return *m;
}

Profile TwoHundredEventProfile() {
  Profile profile("bench-shopper", ProfileLimits{200, 1000});
  std::mt19937 rng(11);
  const EventType types[] = {EventType::kView, EventType::kView, EventType::kView, EventType::kClick,
                             EventType::kAddToCart, EventType::kLike, EventType::kPurchase, EventType::kShare};
  for (int e = 0; e < 200; ++e) {
    Event event;
    event.type = types[rng() % 8];
    event.item = Model().ids[rng() % kItems];
    event.time_ms = kNow - static_cast<int64_t>(rng() % (60LL * 86400000));
    (void)profile.Track(event);
  }
  return profile;
}

RecommendRequest Top50() {
  RecommendRequest request;
  request.context = Context::kHomeFeed;
  request.market = "M0";
  request.now_ms = kNow;
  request.page_size = 50;
  request.diversity.mode = DiversityMode::kCaps;
  request.diversity.max_per_category = 5;
  request.diversity.max_per_brand = 3;
  request.deny = {Model().ids[1], Model().ids[2], Model().ids[3]};
  return request;
}

void BM_BaselineDotScanTop50(benchmark::State& state) {
  const BenchModel& m = Model();
  std::vector<int16_t> user(kDim);
  for (uint32_t k = 0; k < kDim; ++k) user[k] = static_cast<int16_t>(k * 311 % 2000 - 1000);
  std::vector<std::pair<int32_t, uint32_t>> scores(kItems);
  for (auto _ : state) {
    const int8_t* row = m.factors.data();
    for (uint32_t i = 0; i < kItems; ++i, row += kDim) {
      int32_t dot = 0;
      for (uint32_t k = 0; k < kDim; ++k) dot += int32_t{row[k]} * user[k];
      scores[i] = {dot, i};
    }
    std::partial_sort(scores.begin(), scores.begin() + 50, scores.end(), std::greater<>());
    benchmark::DoNotOptimize(scores.data());
  }
}
BENCHMARK(BM_BaselineDotScanTop50)->Unit(benchmark::kMicrosecond);

void BM_RecommendTop50FiltersAndCaps(benchmark::State& state) {
  const BenchModel& m = Model();
  const Profile profile = TwoHundredEventProfile();
  const RecommendRequest request = Top50();
  for (auto _ : state) {
    auto result = Recommend(m.view, profile, request);
    if (!result.ok() || result->items.size() != 50) state.SkipWithError("recommend failed");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_RecommendTop50FiltersAndCaps)->Unit(benchmark::kMicrosecond);

void BM_RecommendColdStartTop50(benchmark::State& state) {
  const BenchModel& m = Model();
  const Profile fresh("new-shopper");
  const RecommendRequest request = Top50();
  for (auto _ : state) {
    auto result = Recommend(m.view, fresh, request);
    if (!result.ok() || result->items.size() != 50) state.SkipWithError("recommend failed");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_RecommendColdStartTop50)->Unit(benchmark::kMicrosecond);

// Page 20 of 50: the 19 pages before it are replayed to keep pages disjoint.
void BM_RecommendPage20(benchmark::State& state) {
  const BenchModel& m = Model();
  const Profile profile = TwoHundredEventProfile();
  RecommendRequest request = Top50();
  request.page = 20;
  for (auto _ : state) {
    auto result = Recommend(m.view, profile, request);
    if (!result.ok() || result->items.size() != 50) state.SkipWithError("recommend failed");
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_RecommendPage20)->Unit(benchmark::kMicrosecond);

void BM_TrackOneEventOnFullProfile(benchmark::State& state) {
  Profile profile = TwoHundredEventProfile();  // at its 200-event bound: every track also evicts
  Event event;
  event.type = EventType::kView;
  event.item = Model().ids[4242];
  int64_t time = kNow;
  for (auto _ : state) {
    event.time_ms = ++time;
    benchmark::DoNotOptimize(profile.Track(event));
  }
}
BENCHMARK(BM_TrackOneEventOnFullProfile);

}  // namespace
