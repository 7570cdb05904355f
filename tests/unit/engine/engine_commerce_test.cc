// The engine's commerce doors (price, recommend): each answers with the
// bytes of its module's JSON codec for the engine's current snapshot, locale
// packs and profile, and a rejected call changes nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "shopcore/cart/price_json.h"
#include "shopcore/engine.h"
#include "shopcore/reco/json.h"
#include "shopcore/reco/snapshot_model.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/delta.h"
#include "shopcore/tax/snapshot_tax_rules.h"
#include "shopcore/tax/tax_json.h"

#include "support/read_file.h"

namespace shopcore {
namespace {

using test_support::ReadFileBytes;

// The small fixture catalog plus a home-feed blend (it has the model data
// but no blend weights, which the recommender needs per context).
std::string SmallCatalogJson() {
  std::string catalog = ReadFileBytes(std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/snapshot/fixtures/small-catalog.json");
  const std::string anchor = "\"markets\": [";
  const size_t at = catalog.find(anchor);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos) {
    catalog.insert(at, R"("blend_contexts": [{"id": "home", "half_life_ms": 604800000,)"
                       R"( "signals": {"item_item": 0.4, "content": 0.3, "popularity": 0.3},)"
                       R"( "event_weights": {"view": 1, "purchase": 6}}],)"
                       "\n  ");
  }
  return catalog;
}

std::string SmallSnapshot() {
  auto bytes = BuildSnapshot(SmallCatalogJson());
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? *bytes : std::string();
}

// 2026-11-21T12:00:00Z.
constexpr const char* kDeRequest =
    R"({"market":"DE","now":1763726400000,"lines":[{"sku":"sku-1a","qty":2},{"sku":"sku-1b","qty":1}]})";
constexpr const char* kHomeRequest = R"({"context":"home_feed","market":"DE","now_ms":1763726400000,"page_size":5})";

std::string Observe(const Engine& engine) {
  auto info = engine.SnapshotInfoJson();
  return (info.ok() ? *info : info.error().ToString()) + "\n" + engine.ProfileJson();
}

class EngineCommerceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    snapshot_ = SmallSnapshot();
    ASSERT_TRUE(engine_.OpenSnapshot(snapshot_).ok());
    auto tag = engine_.LoadLocalePack(ReadFileBytes(std::string(SHOPCORE_LOCALE_DIR) + "/de-DE.json"));
    ASSERT_TRUE(tag.ok()) << tag.error().ToString();
  }
  std::string snapshot_;
  Engine engine_;
};

TEST(EngineCommerceEmpty, PriceAndRecommendBeforeASnapshotAreNotFound) {
  Engine engine;
  EXPECT_EQ(engine.PriceJson(kDeRequest, "").error().ToString(),
            "NOT_FOUND at snapshot: no snapshot is open (call openSnapshot first)");
  EXPECT_EQ(engine.RecommendJson(kHomeRequest).error().path, "snapshot");
}

TEST_F(EngineCommerceTest, PriceIsThePriceCommandsBytes) {
  auto priced = engine_.PriceJson(kDeRequest, "");
  ASSERT_TRUE(priced.ok()) << priced.error().ToString();
  EXPECT_EQ(*priced, *cart::PriceJson(*engine_.snapshot(), kDeRequest));
  EXPECT_EQ(priced->find("\"display\":{"), std::string::npos);

  auto pack = engine_.locales().Find("de-DE");
  ASSERT_TRUE(pack.ok());
  auto shown = engine_.PriceJson(kDeRequest, "de-DE");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, *cart::PriceJson(*engine_.snapshot(), kDeRequest, *pack));
  EXPECT_NE(shown->find("\"display\":{\"locale\":\"de-DE\",\"payable\":\"69,97\u00a0\u20ac\""), std::string::npos) << *shown;
}

TEST_F(EngineCommerceTest, PriceErrorsNameTheFieldAndChangeNothing) {
  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.PriceJson(kDeRequest, "fr-FR").error().ToString(),
            "UNKNOWN_LOCALE at locale: no locale pack loaded for 'fr-FR'");
  EXPECT_EQ(engine_.PriceJson("{", "").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(engine_.PriceJson(R"({"market":"XX","now":1,"lines":[{"sku":"sku-1a","qty":1}]})", "").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Observe(engine_), before);
}

TEST_F(EngineCommerceTest, RecommendIsTheRecommendCommandsBytesForTheEnginesProfile) {
  ASSERT_TRUE(engine_.TrackJson(R"({"type":"view","time_ms":1763700000000,"item":"item-1"})").ok());
  auto page = engine_.RecommendJson(kHomeRequest);
  ASSERT_TRUE(page.ok()) << page.error().ToString();
  const std::string cli_request =
      std::string(R"({"request":)") + kHomeRequest + R"(,"profile":)" + engine_.ProfileJson() + "}";
  EXPECT_EQ(*page, *reco::RecommendJson(*engine_.snapshot(), cli_request));
}

TEST_F(EngineCommerceTest, OneTrackedEventChangesTheNextRanking) {
  auto before = engine_.RecommendJson(kHomeRequest);
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  ASSERT_TRUE(engine_.TrackJson(R"({"type":"purchase","time_ms":1763700000000,"item":"item-1","amount_minor":100})")
                  .ok());
  auto after = engine_.Recommend(kHomeRequest);
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  // A purchased item leaves the feed.
  for (const auto& item : after->items) EXPECT_NE(item.id, "item-1");
  EXPECT_NE(reco::RecommendationToJson(*after), *before);
}

TEST_F(EngineCommerceTest, RecommendErrorsChangeNothing) {
  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.RecommendJson("[").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(engine_.RecommendJson(R"({"context":"home_feed","market":"XX","now_ms":1})").error().code,
            ErrorCode::kNotFound);
  EXPECT_EQ(Observe(engine_), before);
}

TEST_F(EngineCommerceTest, TheModelFollowsTheSnapshotSwaps) {
  // A delta to a catalog where item-1 is sold nowhere: the next page has to
  // come from the new snapshot's model, not the one built at open.
  std::string catalog = SmallCatalogJson();
  const std::string from = R"("sellable_markets": ["DE", "US", "CN"])";
  const size_t at = catalog.find(from);
  ASSERT_NE(at, std::string::npos);
  catalog.replace(at, from.size(), R"("sellable_markets": ["US"])");
  auto next = BuildSnapshot(catalog);
  ASSERT_TRUE(next.ok()) << next.error().ToString();
  auto delta = MakeSnapshotDelta(snapshot_, *next);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();

  auto before = engine_.Recommend(kHomeRequest);
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  bool listed = false;
  for (const auto& item : before->items) listed = listed || item.id == "item-1";
  EXPECT_TRUE(listed);
  ASSERT_TRUE(engine_.ApplySnapshotDelta(*delta).ok());
  auto after = engine_.Recommend(kHomeRequest);
  ASSERT_TRUE(after.ok()) << after.error().ToString();
  for (const auto& item : after->items) EXPECT_NE(item.id, "item-1");
}

// The handle in a {"cart":N,...} answer.
uint32_t CartId(const std::string& answer) {
  const size_t at = answer.find("\"cart\":");
  EXPECT_NE(at, std::string::npos) << answer;
  return static_cast<uint32_t>(std::stoul(answer.substr(at + 7)));
}

TEST_F(EngineCommerceTest, CartOperationsAnswerLinesOrARefusalThatChangesNothing) {
  auto created = engine_.CreateCartJson(R"({"market":"DE"})");
  ASSERT_TRUE(created.ok()) << created.error().ToString();
  const uint32_t cart = CartId(*created);
  EXPECT_EQ(*created, "{\"cart\":" + std::to_string(cart) + R"(,"market":"DE","lines":[]})");
  EXPECT_EQ(*engine_.CartAddJson(cart, "sku-1a", 2), R"({"lines":[{"sku":"sku-1a","quantity":2}]})");
  EXPECT_EQ(*engine_.CartAddJson(cart, "sku-1b", 3),
            R"({"lines":[{"sku":"sku-1a","quantity":2},{"sku":"sku-1b","quantity":3}]})");
  // sku-1b: at most 3 per shopper; sku-2a is not sold in DE.
  auto limited = engine_.CartAddJson(cart, "sku-1b", 1);
  ASSERT_TRUE(limited.ok());
  EXPECT_NE(limited->find(R"({"refused":{"reason":"PURCHASE_LIMIT","allowed_quantity":3,"code":"REFUSED")"),
            std::string::npos) << *limited;
  EXPECT_NE(engine_.CartAddJson(cart, "sku-2a", 1)->find(R"("reason":"UNKNOWN_SKU")"), std::string::npos);
  EXPECT_NE(engine_.CartAddJson(cart, "sku-1a", 0)->find(R"("reason":"INVALID_QUANTITY")"), std::string::npos);
  EXPECT_NE(engine_.CartRemoveJson(cart, "nope")->find(R"("reason":"NOT_IN_CART")"), std::string::npos);
  EXPECT_EQ(*engine_.CartLinesJson(cart), R"([{"sku":"sku-1a","quantity":2},{"sku":"sku-1b","quantity":3}])");
  EXPECT_EQ(*engine_.CartSetQuantityJson(cart, "sku-1a", 5),
            R"({"lines":[{"sku":"sku-1a","quantity":5},{"sku":"sku-1b","quantity":3}]})");
  EXPECT_EQ(*engine_.CartRemoveJson(cart, "sku-1a"), R"({"lines":[{"sku":"sku-1b","quantity":3}]})");

  ASSERT_TRUE(engine_.CloseCart(cart).ok());
  EXPECT_EQ(engine_.CartLinesJson(cart).error().ToString(), "NOT_FOUND at cart: no open cart " + std::to_string(cart));
  EXPECT_EQ(engine_.CloseCart(cart).error().code, ErrorCode::kNotFound);
}

TEST_F(EngineCommerceTest, PastPurchasesCountAgainstTheLimit) {
  const uint32_t cart = CartId(*engine_.CreateCartJson(R"({"market":"DE","purchased":{"sku-1b":2}})"));
  auto refused = engine_.CartAddJson(cart, "sku-1b", 2);
  EXPECT_NE(refused->find(R"("reason":"PURCHASE_LIMIT","allowed_quantity":1)"), std::string::npos) << *refused;
  // The price request carries the purchases too.
  ASSERT_TRUE(engine_.CartAddJson(cart, "sku-1b", 1).ok());
  auto priced = engine_.CartPriceJson(cart, R"({"now":1763726400000})", "de-DE");
  ASSERT_TRUE(priced.ok()) << priced.error().ToString();
  EXPECT_EQ(*priced, *engine_.PriceJson(R"({"market":"DE","now":1763726400000,"purchased":{"sku-1b":2},)"
                                        R"("lines":[{"sku":"sku-1b","qty":1}]})",
                                        "de-DE"));
}

TEST_F(EngineCommerceTest, CartOptionsAndHandlesAreChecked) {
  EXPECT_EQ(engine_.CreateCartJson(R"({"market":"XX"})").error().ToString(),
            "NOT_FOUND at options.market: no market 'XX' in the snapshot");
  EXPECT_EQ(engine_.CreateCartJson(R"({"x":1})").error().path, "options.x");
  EXPECT_EQ(engine_.CartAddJson(999, "sku-1a", 1).error().path, "cart");
  Engine empty;
  EXPECT_EQ(empty.CreateCartJson("").error().path, "snapshot");
  // No market given: the snapshot's first.
  auto created = engine_.CreateCartJson("");
  ASSERT_TRUE(created.ok());
  const std::string first = engine_.snapshot()->catalog().markets()->Get(0)->id()->str();
  EXPECT_NE(created->find(R"("market":")" + first + "\""), std::string::npos) << *created;
}

TEST_F(EngineCommerceTest, SavedCartsRestoreAndStaleLinesAreRepaired) {
  const uint32_t cart = CartId(*engine_.CreateCartJson(R"({"market":"DE"})"));
  ASSERT_TRUE(engine_.CartAddJson(cart, "sku-1a", 2).ok());
  const std::string saved = *engine_.CartSaveJson(cart);
  EXPECT_EQ(saved, R"({"version":1,"lines":[{"sku":"sku-1a","quantity":2}]})");
  auto restored = engine_.RestoreCartJson(saved, R"({"market":"DE"})");
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_NE(restored->find(R"("lines":[{"sku":"sku-1a","quantity":2}],"changes":[]})"), std::string::npos);

  // Stale: one SKU no longer sold here, one over its limit.
  auto repaired = engine_.RestoreCartJson(
      R"({"version":1,"lines":[{"sku":"sku-2a","quantity":1},{"sku":"sku-1b","quantity":9}]})", R"({"market":"DE"})");
  ASSERT_TRUE(repaired.ok()) << repaired.error().ToString();
  EXPECT_NE(repaired->find(R"("lines":[{"sku":"sku-1b","quantity":3}],"changes":[)"
                           R"({"sku":"sku-2a","quantity_before":1,"quantity_after":0,"reason":"UNKNOWN_SKU"},)"
                           R"({"sku":"sku-1b","quantity_before":9,"quantity_after":3,"reason":"PURCHASE_LIMIT"}]})"),
            std::string::npos)
      << *repaired;

  EXPECT_EQ(engine_.RestoreCartJson(R"({"version":2,"lines":[]})", "").error().ToString(),
            "UNSUPPORTED_VERSION at state.version: cart state version 2 is newer than this build reads (1)");
  EXPECT_EQ(engine_.RestoreCartJson("{\"version\":1,", "").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(engine_.RestoreCartJson(R"({"version":1,"lines":[{"sku":"a","quantity":-1}]})", "").error().path,
            "state.lines[0].quantity");
}

TEST_F(EngineCommerceTest, AGuestCartMergesWithinTheRules) {
  const uint32_t mine = CartId(*engine_.CreateCartJson(R"({"market":"DE"})"));
  const uint32_t guest = CartId(*engine_.CreateCartJson(R"({"market":"DE"})"));
  ASSERT_TRUE(engine_.CartAddJson(mine, "sku-1b", 2).ok());
  ASSERT_TRUE(engine_.CartAddJson(guest, "sku-1b", 2).ok());
  ASSERT_TRUE(engine_.CartAddJson(guest, "sku-1a", 1).ok());
  EXPECT_EQ(*engine_.CartMergeJson(mine, guest),
            R"({"lines":[{"sku":"sku-1b","quantity":3},{"sku":"sku-1a","quantity":1}],"changes":[)"
            R"({"sku":"sku-1b","quantity_before":2,"quantity_after":3,"reason":"PURCHASE_LIMIT"}]})");
  EXPECT_EQ(*engine_.CartLinesJson(guest), R"([{"sku":"sku-1b","quantity":2},{"sku":"sku-1a","quantity":1}])");
  EXPECT_EQ(engine_.CartMergeJson(mine, mine).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(engine_.CartMergeJson(mine, 12345).error().path, "guest");
}

TEST_F(EngineCommerceTest, CartsSurviveASnapshotSwapAndPriceWithTheNewOne) {
  const uint32_t cart = CartId(*engine_.CreateCartJson(R"({"market":"DE"})"));
  ASSERT_TRUE(engine_.CartAddJson(cart, "sku-1a", 1).ok());
  std::string catalog = SmallCatalogJson();
  const std::string id = R"("snapshot_id": ")";
  const size_t at = catalog.find(id);
  ASSERT_NE(at, std::string::npos);
  catalog.insert(at + id.size(), "next-");
  auto next = BuildSnapshot(catalog);
  ASSERT_TRUE(next.ok()) << next.error().ToString();
  ASSERT_TRUE(engine_.OpenSnapshot(*next).ok());
  auto priced = engine_.CartPriceJson(cart, R"({"now":1763726400000})", "");
  ASSERT_TRUE(priced.ok()) << priced.error().ToString();
  EXPECT_EQ(*priced, *engine_.PriceJson(R"({"market":"DE","now":1763726400000,"lines":[{"sku":"sku-1a","qty":1}]})", ""));
  EXPECT_EQ(engine_.CartPriceJson(cart, R"({"lines":[]})", "").error().path, "options.lines");
}

constexpr const char* kDomesticLandedCost =
    R"({"market":"DE","origin":"DE","currency":"EUR","now":"2026-11-21",)"
    R"("lines":[{"id":"serum","amount_minor":999}],"shipping_minor":0})";

TEST_F(EngineCommerceTest, LandedCostIsTheCommandsBytesPlusDisplayStrings) {
  auto plain = engine_.LandedCostJson(kDomesticLandedCost, "");
  ASSERT_TRUE(plain.ok()) << plain.error().ToString();
  auto rules = tax::TaxRulesFromSnapshot(*engine_.snapshot());
  ASSERT_TRUE(rules.ok());
  auto cost = tax::ComputeLandedCost(*rules, *tax::ParseLandedCostRequestJson(kDomesticLandedCost));
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(*plain, *tax::LandedCostToJson(*cost));
  // Inclusive 19 %: 9.99 holds 1.60 VAT on 8.39 net.
  EXPECT_NE(plain->find(R"("tax": "1.60")"), std::string::npos) << *plain;

  auto shown = engine_.LandedCostJson(kDomesticLandedCost, "de-DE");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  // The same document, "display" last.
  EXPECT_EQ(shown->substr(0, plain->size() - 3), plain->substr(0, plain->size() - 3));
  EXPECT_NE(shown->find("\"display\": {\n    \"total\": \"9,99\u00a0\u20ac\""), std::string::npos) << *shown;
  EXPECT_NE(shown->find("\"tax\": \"1,60\u00a0\u20ac\""), std::string::npos) << *shown;

  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.LandedCostJson(kDomesticLandedCost, "xx-XX").error().code, ErrorCode::kUnknownLocale);
  EXPECT_EQ(engine_.LandedCostJson("{", "").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(engine_.LandedCostJson(R"({"market":"DE"})", "").error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(Observe(engine_), before);
  EXPECT_EQ(Engine().LandedCostJson(kDomesticLandedCost, "").error().path, "snapshot");
}

}  // namespace
}  // namespace shopcore
