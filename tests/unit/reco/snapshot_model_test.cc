// The recommender reading its model from a built catalog snapshot: the
// adapter's view (zero copy where schema 2 allows it) and RecommendJson's
// issue-7 behaviours end to end, from catalog JSON to result JSON.
#include <gtest/gtest.h>

#include "shopcore/json/checked.h"
#include "shopcore/reco/snapshot_model.h"
#include "shopcore/snapshot.h"

namespace shopcore::reco {
namespace {

using json::OrderedJson;

constexpr int64_t kNow = 1763683200000;  // 2025-11-21T00:00:00Z
constexpr int64_t kDay = 86400000;

// Three categories of four items, priced in CN, DE and US. h-x is sellable
// only in US although it has a DE price, and tops DE's popularity list: it
// must still never show in DE. Toys are popular nowhere.
OrderedJson RecoCatalog() {
  OrderedJson c;
  c["snapshot_id"] = "reco-test";
  c["markets"] = OrderedJson::array({{{"id", "CN"}, {"currency", "CNY"}, {"locale", "zh-CN"}},
                                     {{"id", "DE"}, {"currency", "EUR"}, {"locale", "de-DE"}},
                                     {{"id", "US"}, {"currency", "USD"}, {"locale", "en-US"}}});
  c["items"] = OrderedJson::array();
  const std::pair<const char*, const char*> categories[] = {{"b", "Beauty"}, {"t", "Toys"}, {"h", "Home"}};
  int n = 0;
  for (const auto& [prefix, name] : categories) {
    for (int k = 1; k <= 4; ++k, ++n) {
      std::string id = std::string(prefix) + "-" + std::to_string(k);
      OrderedJson price = {{"CN", {{"amount", 1000 + 100 * n}}}, {"DE", {{"amount", 200 + 10 * n}}}, {"US", {{"amount", 300 + 10 * n}}}};
      c["items"].push_back({{"id", id}, {"brand", std::string(name) + " Co"}, {"category_path", {name}},
                            {"sellable_markets", {"CN", "DE", "US"}},
                            {"skus", {{{"id", id + "-s"}, {"price", price}}}}});
    }
  }
  c["items"].push_back({{"id", "h-x"}, {"brand", "Home Co"}, {"category_path", {"Home"}}, {"sellable_markets", {"US"}},
                        {"skus", {{{"id", "h-x-s"}, {"price", {{"DE", {{"amount", 999}}}, {"US", {{"amount", 999}}}}}}}}});
  c["model"] = {{"algorithm", "test"}, {"dimensions", 2}, {"gram", {2.0, 0.0, 0.0, 2.0}}, {"regularization", "0.1"}, {"fold_in_alpha", "12.5"}};
  c["neighbours"] = OrderedJson::array();
  c["factors"] = OrderedJson::array();
  for (const auto& [prefix, name] : categories) {
    for (int k = 1; k <= 4; ++k) {
      std::string id = std::string(prefix) + "-" + std::to_string(k);
      OrderedJson peers = OrderedJson::array(), weights = OrderedJson::array();
      for (int j = 1; j <= 4; ++j) {
        if (j == k) continue;
        peers.push_back(std::string(prefix) + "-" + std::to_string(j));
        weights.push_back(0.5);
      }
      if (id == "h-1") {
        peers.push_back("h-x");
        weights.push_back(0.9);
      }
      c["neighbours"].push_back({{"item", id}, {"neighbours", peers}, {"weights", weights}});
      int axis = prefix[0] == 't' ? 0 : 1;
      c["factors"].push_back({{"item", id}, {"factors", {axis == 0 ? 100 : 0, axis == 1 ? 100 : 0}}, {"scale", 0.01}});
    }
  }
  c["popularity"] = OrderedJson::array(
      {{{"market", "DE"}, {"items", {"h-x", "h-1", "b-1", "b-2", "h-2"}}, {"scores", {100, 90, 80, 70, 60}}, {"trend", {0, 0, 0.5, 0, 0}}},
       {{"market", "US"}, {"items", {"h-x", "b-3"}}, {"scores", {100, 50}}}});
  c["fbt_rules"] = OrderedJson::array({{{"id", "r1"}, {"antecedent", {"b-1"}}, {"consequent", "h-3"}, {"confidence", 0.4}, {"lift", 2.0}}});
  OrderedJson events = {{"view", 1}, {"click", 2}, {"add_to_cart", 4}, {"purchase", 6}};
  c["blend_contexts"] = OrderedJson::array(
      {{{"id", "home"}, {"half_life_ms", 7 * kDay}, {"event_weights", events},
        {"signals", {{"item_item", 0.4}, {"embedding", 0.1}, {"content", 0.3}, {"popularity", 0.2}, {"social", 0.1}}}},
       {{"id", "search"}, {"signals", {{"text", 1.0}}}},
       {{"id", "similar"}, {"half_life_ms", 7 * kDay}, {"event_weights", events},
        {"signals", {{"item_item", 1.0}, {"anchor", 2.0}}}}});
  c["experiments"] = OrderedJson::array(
      {{{"id", "exp-1"}, {"variants", {{{"id", "control"}, {"weight", 1}},
                                       {{"id", "social"}, {"weight", 1}, {"blend", {{{"id", "home"}, {"signals", {{"item_item", 0.4}, {"embedding", 0.1}, {"content", 0.3}, {"popularity", 0.2}, {"social", 0.9}}}}}}}}}}});
  return c;
}

std::shared_ptr<const Snapshot> Built(const OrderedJson& catalog) {
  auto bytes = BuildSnapshot(json::Dump(catalog));
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  auto opened = Snapshot::Open(bytes.ok() ? *bytes : std::string());
  EXPECT_TRUE(opened.ok());
  return opened.ok() ? *opened : nullptr;
}

bool InBuffer(const Snapshot& s, const void* p) {
  auto* begin = reinterpret_cast<const uint8_t*>(s.bytes().data());
  auto* at = reinterpret_cast<const uint8_t*>(p);
  return at >= begin && at < begin + s.bytes().size();
}

TEST(SnapshotModel, ViewMatchesTheCatalog) {
  auto snapshot = Built(RecoCatalog());
  ASSERT_NE(snapshot, nullptr);
  auto model = SnapshotModel::Open(snapshot);
  ASSERT_TRUE(model.ok()) << model.error().ToString();
  const ModelView& v = (*model)->view();
  ASSERT_EQ(v.item_count, 13u);
  EXPECT_EQ(v.item_ids[0], "b-1");
  EXPECT_EQ(v.item_ids[12], "t-4");
  EXPECT_EQ(FindItem(v, "h-x"), 8u);
  EXPECT_EQ(v.market_codes.size(), 3u);
  // Zero copy: the CSR, factors and Gram matrix are the snapshot's bytes.
  EXPECT_TRUE(InBuffer(*snapshot, v.neighbour_items.data()));
  EXPECT_TRUE(InBuffer(*snapshot, v.neighbour_weights.data()));
  EXPECT_TRUE(InBuffer(*snapshot, v.item_factors.data()));
  EXPECT_TRUE(InBuffer(*snapshot, v.gram.data()));
  EXPECT_EQ(v.factor_dim, 2u);
  EXPECT_FLOAT_EQ(v.fold_in_lambda, 0.1f);
  EXPECT_FLOAT_EQ(v.fold_in_alpha, 12.5f);
  // h-1's row: h-2, h-3, h-4 and h-x.
  uint32_t h1 = FindItem(v, "h-1");
  std::vector<std::string_view> row;
  for (uint32_t k = v.neighbour_offsets[h1]; k < v.neighbour_offsets[h1 + 1]; ++k) row.push_back(v.item_ids[v.neighbour_items[k]]);
  EXPECT_EQ(row, (std::vector<std::string_view>{"h-2", "h-3", "h-4", "h-x"}));
  // h-x: sellable only in US (bit 2), though priced in DE too.
  EXPECT_EQ(v.sellable_markets[FindItem(v, "h-x")], uint64_t{1} << 2);
  EXPECT_EQ(v.sellable_markets[FindItem(v, "b-1")], uint64_t{7});
  // DE popularity in the catalog's order; US's list; CN has none.
  uint32_t de = FindMarket(v, "DE");
  std::vector<std::string_view> popular;
  for (uint32_t k = v.popularity_offsets[de]; k < v.popularity_offsets[de + 1]; ++k) popular.push_back(v.item_ids[v.popularity_items[k]]);
  EXPECT_EQ(popular, (std::vector<std::string_view>{"h-x", "h-1", "b-1", "b-2", "h-2"}));
  EXPECT_EQ(v.popularity_offsets[FindMarket(v, "CN") + 1] - v.popularity_offsets[FindMarket(v, "CN")], 0u);
  // Bought together: b-1 -> h-3.
  uint32_t b1 = FindItem(v, "b-1");
  ASSERT_EQ(v.bought_together_offsets[b1 + 1] - v.bought_together_offsets[b1], 1u);
  EXPECT_EQ(v.item_ids[v.bought_together_items[v.bought_together_offsets[b1]]], "h-3");
  // Contexts: home and similar ("search" is not a recommender context).
  ASSERT_EQ(v.contexts.size(), 2u);
  EXPECT_EQ(v.contexts[0].context, Context::kHomeFeed);
  EXPECT_FLOAT_EQ(v.contexts[0].blend.weight[static_cast<int>(Signal::kContent)], 0.3f);
  EXPECT_FLOAT_EQ(v.contexts[0].event_weight[static_cast<int>(EventType::kAddToCart)], 4.0f);
  EXPECT_EQ(v.contexts[0].half_life_ms, 7 * kDay);
  EXPECT_EQ(v.contexts[1].context, Context::kSimilarItem);
  EXPECT_FLOAT_EQ(v.contexts[1].anchor_weight, 2.0f);
  EXPECT_FALSE(v.contexts[1].exclude_cart_items);
  ASSERT_EQ(v.experiments.size(), 1u);
  ASSERT_EQ(v.experiments[0].variants.size(), 2u);
  EXPECT_EQ(v.experiments[0].variants[1].name, "social");
  EXPECT_FLOAT_EQ(v.experiments[0].variants[1].overrides[0].blend.weight[static_cast<int>(Signal::kSocial)], 0.9f);
  // Same buffer built from the dump: the same view (ids, not indexes, in JSON).
  auto dumped = DumpSnapshot(snapshot->bytes());
  ASSERT_TRUE(dumped.ok());
  EXPECT_EQ(*BuildSnapshot(*dumped), snapshot->bytes());
}

TEST(SnapshotModel, UnusableModelDataIsRefusedWithItsPath) {
  OrderedJson catalog = RecoCatalog();
  catalog["blend_contexts"][0]["signals"]["sparkle"] = 1.0;
  auto model = SnapshotModel::Open(Built(catalog));
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.error().ToString(), "BAD_SNAPSHOT at blend_contexts[0].signals.sparkle: unknown signal");
  catalog = RecoCatalog();
  catalog["blend_contexts"][0]["id"] = "checkout";
  model = SnapshotModel::Open(Built(catalog));
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.error().ToString(),
            "BAD_SNAPSHOT at blend_contexts[0].id: unknown recommendation context 'checkout'");
}

OrderedJson Ids(const std::string& result) {
  auto parsed = json::ParseOrdered(result);
  EXPECT_TRUE(parsed.ok());
  OrderedJson ids = OrderedJson::array();
  for (const auto& item : (*parsed)["items"]) ids.push_back(item["id"]);
  return ids;
}

std::string Request(const std::string& market, int page_size, const std::string& events = "[]") {
  return R"({"shopper_id":"u-1","request":{"context":"home_feed","market":")" + market +
         R"(","now_ms":)" + std::to_string(kNow) + R"(,"page_size":)" + std::to_string(page_size) +
         R"(},"events":)" + events + "}";
}

TEST(RecommendJson, ANewShopperGetsTheMarketsPopularItems) {
  auto snapshot = Built(RecoCatalog());
  auto result = RecommendJson(*snapshot, Request("DE", 4));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  // DE's popularity with trend (b-1: 80 x (1 + 0.5 x 0.5) = 100 passes h-1's
  // 90), without h-x (not sellable in DE).
  EXPECT_EQ(Ids(*result), OrderedJson({"b-1", "h-1", "b-2", "h-2"})) << *result;
  auto parsed = json::ParseOrdered(*result);
  EXPECT_EQ((*parsed)["items"][0]["reason"], OrderedJson({{"kind", "popular_in_market"}, {"market", "DE"}, {"trending", true}}));
  EXPECT_EQ((*parsed)["items"][1]["reason"]["trending"], false);
  EXPECT_EQ((*parsed)["experiments"][0]["experiment"], "exp-1");
  // US: h-x is sellable there and tops the list.
  EXPECT_EQ(Ids(*RecommendJson(*snapshot, Request("US", 2))), OrderedJson({"h-x", "b-3"}));
}

TEST(RecommendJson, ThreeViewsOfACategoryMakeItRise) {
  auto snapshot = Built(RecoCatalog());
  auto count_toys = [](const OrderedJson& ids) {
    int toys = 0;
    for (const auto& id : ids) toys += id.get<std::string>().rfind("t-", 0) == 0;
    return toys;
  };
  auto before = RecommendJson(*snapshot, Request("DE", 4));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(count_toys(Ids(*before)), 0);
  std::string views = "[";
  for (int k = 1; k <= 3; ++k) {
    views += std::string(k > 1 ? "," : "") + R"({"type":"view","time_ms":)" + std::to_string(kNow - k * 60000) +
             R"(,"item":"t-)" + std::to_string(k) + R"("})";
  }
  views += "]";
  auto after = RecommendJson(*snapshot, Request("DE", 4, views));
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  OrderedJson ids = Ids(*after);
  EXPECT_GE(count_toys(ids), 2) << *after;
  EXPECT_EQ(ids[0].get<std::string>().rfind("t-", 0), 0u) << *after;
}

TEST(RecommendJson, ARestrictedItemNeverShowsInItsMarket) {
  auto snapshot = Built(RecoCatalog());
  // Even when the shopper views its neighbour h-1 repeatedly and asks for
  // every candidate of DE.
  std::string views = R"([{"type":"view","time_ms":)" + std::to_string(kNow - 1000) +
                      R"(,"item":"h-1"},{"type":"add_to_cart","time_ms":)" + std::to_string(kNow - 500) + R"(,"item":"h-1"}])";
  auto result = RecommendJson(*snapshot, Request("DE", 100, views));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  OrderedJson ids = Ids(*result);
  for (const auto& id : ids) EXPECT_NE(id, "h-x") << *result;
  EXPECT_GE(ids.size(), 10u);
  // Deterministic: the same request gives the same bytes.
  EXPECT_EQ(*RecommendJson(*snapshot, Request("DE", 100, views)), *result);
}

TEST(RecommendJson, BadRequestsNameTheirPath) {
  auto snapshot = Built(RecoCatalog());
  auto unknown = RecommendJson(*snapshot, R"({"request":{"market":"DE","now_ms":1},"extra":1})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().path, "extra");
  auto missing = RecommendJson(*snapshot, R"({"profile":{}})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().ToString(), "BAD_REQUEST at request: missing");
  auto market = RecommendJson(*snapshot, Request("ZZ", 4));
  ASSERT_FALSE(market.ok());
  EXPECT_EQ(market.error().ToString(), "NOT_FOUND at request.market: market 'ZZ' is not in the model");
  auto event = RecommendJson(*snapshot, Request("DE", 4, R"([{"type":"stare","time_ms":1}])"));
  ASSERT_FALSE(event.ok());
  EXPECT_EQ(event.error().path.rfind("events[0]", 0), 0u) << event.error().ToString();
}

}  // namespace
}  // namespace shopcore::reco
