// A small shop for the reco tests: three markets, four categories, a
// restricted item, an out-of-stock item, a consumable, neighbours, factors,
// popularity, bought-together rules and one A/B experiment. Built with the
// ModelBuilder, the way the snapshot adapter's output will look.
#ifndef SHOPCORE_TESTS_UNIT_RECO_FIXTURE_H_
#define SHOPCORE_TESTS_UNIT_RECO_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shopcore/reco.h"

namespace shopcore::reco::testing {

constexpr int64_t kDay = 86400000;
constexpr int64_t kNow = 1790000000000;  // 2026-09-21T...Z

inline ContextConfig Config(Context context, BlendWeights blend, float anchor_weight, bool exclude_cart) {
  ContextConfig config;
  config.context = context;
  config.blend = blend;
  const float weights[kEventTypeCount] = {1, 2, 1, 3, -1, 4, 2, 2, 1, 1, 3, 2, 2, 0};
  for (int i = 0; i < kEventTypeCount; ++i) config.event_weight[i] = weights[i];
  config.half_life_ms = 14 * kDay;
  config.anchor_weight = anchor_weight;
  config.exclude_cart_items = exclude_cart;
  return config;
}

//                                  item_item embedding content popularity social together
inline BlendWeights HomeBlend() { return BlendWeights{{1.0f, 0.5f, 0.8f, 0.6f, 1.2f, 0.0f}}; }

inline ItemSpec Item(const std::string& id, std::vector<std::string> path, const std::string& brand,
                     std::vector<std::string> markets, uint8_t band = 1) {
  ItemSpec item;
  item.id = id;
  item.category_path = std::move(path);
  item.brand = brand;
  item.markets = std::move(markets);
  item.price_band = band;
  return item;
}

inline ModelBuilder ShopBuilder() {
  ModelBuilder b;
  const std::vector<std::string> all = {"DE", "FR", "CN"};
  const std::vector<std::string> sneakers = {"Fashion", "Sneakers"};
  const std::vector<std::string> bags = {"Fashion", "Bags"};
  const std::vector<std::string> skincare = {"Beauty", "Skincare"};
  const std::vector<std::string> audio = {"Electronics", "Audio"};
  b.AddItem(Item("s1", sneakers, "Nike", all));
  b.AddItem(Item("s2", sneakers, "Adidas", all));
  b.AddItem(Item("s3", sneakers, "Nike", all));
  b.AddItem(Item("s4", sneakers, "Puma", all));
  b.AddItem(Item("s5", sneakers, "Adidas", all, 2));
  b.AddItem(Item("b1", bags, "Coach", all, 2));
  b.AddItem(Item("b2", bags, "Coach", all, 2));
  b.AddItem(Item("b3", bags, "Kate", all));
  b.AddItem(Item("b4", bags, "Kate", all));
  ItemSpec cream = Item("k1", skincare, "Nivea", all, 0);
  cream.repurchase_cycle_days = 30;
  cream.tags = {"moisturizer"};
  b.AddItem(cream);
  ItemSpec serum = Item("k2", skincare, "Nivea", all, 0);
  serum.tags = {"serum"};
  serum.creator = "lily";
  b.AddItem(serum);
  ItemSpec toner = Item("k3", skincare, "Sulwhasoo", all, 0);
  toner.creator = "lily";
  b.AddItem(toner);
  b.AddItem(Item("e1", audio, "Sony", all, 3));
  b.AddItem(Item("e2", audio, "Sony", all, 3));
  b.AddItem(Item("e3", audio, "Bose", all, 3));
  // Sold only in CN (a cross-border restriction elsewhere).
  b.AddItem(Item("r1", audio, "Huawei", {"CN"}, 3));
  ItemSpec gone = Item("o1", audio, "Bose", all, 3);
  gone.stock = 0;
  b.AddItem(gone);

  // Neighbours within categories (cosine-like weights).
  b.AddNeighbour("s1", "s2", 0.8f);
  b.AddNeighbour("s1", "s3", 0.6f);
  b.AddNeighbour("s2", "s4", 0.7f);
  b.AddNeighbour("s2", "s5", 0.5f);
  b.AddNeighbour("s3", "s4", 0.4f);
  b.AddNeighbour("b1", "b2", 0.9f);
  b.AddNeighbour("b2", "b3", 0.3f);
  b.AddNeighbour("k1", "k2", 0.7f);
  b.AddNeighbour("e1", "e2", 0.8f);
  b.AddNeighbour("e1", "r1", 0.9f);
  b.AddNeighbour("e2", "e3", 0.5f);

  // Four latent directions, one per top category.
  const std::vector<std::pair<std::string, std::vector<float>>> factors = {
      {"s1", {1.0f, 0.1f, 0, 0}},  {"s2", {0.9f, 0.2f, 0, 0}}, {"s3", {0.8f, 0, 0.1f, 0}},
      {"s4", {0.9f, 0, 0, 0.1f}},  {"s5", {0.7f, 0.3f, 0, 0}}, {"b1", {0.3f, 0.9f, 0, 0}},
      {"b2", {0.2f, 1.0f, 0, 0}},  {"b3", {0.1f, 0.8f, 0, 0}}, {"b4", {0, 0.7f, 0, 0.1f}},
      {"k1", {0, 0, 1.0f, 0}},     {"k2", {0, 0.1f, 0.9f, 0}}, {"k3", {0, 0, 0.8f, 0.1f}},
      {"e1", {0, 0, 0, 1.0f}},     {"e2", {0.1f, 0, 0, 0.9f}}, {"e3", {0, 0, 0.1f, 0.8f}},
      {"r1", {0, 0, 0, 0.9f}},     {"o1", {0, 0, 0, 0.7f}}};
  for (const auto& [id, factor] : factors) b.SetFactor(id, factor);
  b.SetFoldIn(0.5f, 2.0f);

  // DE: audio and bags lead; r1 is popular there too but may not be sold.
  b.AddPopularity("DE", "r1", 1.0f, 0.0f);
  b.AddPopularity("DE", "o1", 0.95f, 0.0f);
  b.AddPopularity("DE", "e1", 0.9f, 0.2f);
  b.AddPopularity("DE", "b1", 0.8f, -0.1f);
  b.AddPopularity("DE", "k1", 0.7f, 0.0f);
  b.AddPopularity("DE", "s1", 0.6f, 0.5f);
  b.AddPopularity("DE", "e2", 0.3f, 0.0f);
  b.AddPopularity("FR", "b3", 0.9f, 0.0f);
  b.AddPopularity("FR", "s2", 0.5f, 0.0f);
  b.AddPopularity("CN", "r1", 0.9f, 0.3f);
  b.AddPopularity("CN", "k3", 0.8f, 0.0f);

  b.AddBoughtTogether("s1", "k1", 0.4f, 2.0f);
  b.AddBoughtTogether("s1", "b4", 0.3f, 1.5f);
  b.AddBoughtTogether("e1", "e3", 0.6f, 3.0f);

  b.SetContext(Config(Context::kHomeFeed, HomeBlend(), 0.0f, true));
  b.SetContext(Config(Context::kSimilarItem, BlendWeights{{1.0f, 0.3f, 0.5f, 0.1f, 0.2f, 0.0f}}, 5.0f, false));
  b.SetContext(Config(Context::kFrequentlyBoughtTogether, BlendWeights{{0.3f, 0.1f, 0.1f, 0.1f, 0.1f, 1.0f}}, 1.0f, true));
  b.SetContext(Config(Context::kPostPurchase, BlendWeights{{0.5f, 0.2f, 0.2f, 0.1f, 0.2f, 1.0f}}, 1.0f, true));
  return b;
}

inline OwnedModel Shop() {
  auto model = ShopBuilder().Build();
  EXPECT_TRUE(model.ok()) << model.error().ToString();
  return *model;
}

inline Event ItemEvent(EventType type, const std::string& item, int64_t time_ms) {
  Event event;
  event.type = type;
  event.item = item;
  event.time_ms = time_ms;
  return event;
}

inline RecommendRequest HomeRequest(const std::string& market = "DE", uint32_t page_size = 5) {
  RecommendRequest request;
  request.context = Context::kHomeFeed;
  request.market = market;
  request.now_ms = kNow;
  request.page_size = page_size;
  return request;
}

inline std::vector<std::string> Ids(const Recommendation& r) {
  std::vector<std::string> ids;
  for (const auto& item : r.items) ids.push_back(item.id);
  return ids;
}

// Every item the request would ever show, page by page to the end.
inline std::vector<std::string> AllPages(const ModelView& model, const Profile& profile, RecommendRequest request) {
  std::vector<std::string> ids;
  for (request.page = 0; request.page < 100; ++request.page) {
    auto result = Recommend(model, profile, request);
    EXPECT_TRUE(result.ok());
    if (!result.ok() || result->items.empty()) break;
    for (const auto& item : result->items) ids.push_back(item.id);
    if (!result->has_more) break;
  }
  return ids;
}

}  // namespace shopcore::reco::testing

#endif  // SHOPCORE_TESTS_UNIT_RECO_FIXTURE_H_
