// A cart priced end to end from a snapshot built here from JSON: the
// snapshot adapters, PriceJson's request and output, tax from the
// snapshot's rules, and the issue-4 regressions through the snapshot path.
#include <gtest/gtest.h>

#include <string>

#include "shopcore/cart/price_json.h"
#include "shopcore/cart/snapshot_catalog.h"
#include "shopcore/json/checked.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/tax/snapshot_tax_rules.h"
#include "cart/price_test_snapshot.h"

namespace shopcore::cart {
namespace {

using json::Json;
using json::OrderedJson;
using testing::kNow;
using testing::OpenCatalog;
using testing::PriceOrDie;
using testing::Request;
using testing::TestCatalog;
using testing::TestSnapshot;

TEST(PriceJson, QuarterOffRoundsHalfUpTo1499AndDomesticVatIsInclusivePerLine) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(*snapshot, Request("DE", R"([{"sku":"serum","qty":1}])"));
  EXPECT_EQ(out["lines"][0]["payable"], "14.99");
  EXPECT_EQ(out["lines"][0]["adjustments"][0]["source"], "de-serum-25");
  EXPECT_EQ(out["lines"][0]["adjustments"][0]["amount"], "5.00");
  // Postage 4.95 below the free-shipping threshold of 49.00, and the nudge to reach it.
  EXPECT_EQ(out["totals"]["shipping"], "4.95");
  EXPECT_EQ(out["totals"]["payable"], "19.94");
  EXPECT_EQ(out["nudges"][0]["kind"], "FREE_SHIPPING");
  EXPECT_EQ(out["nudges"][0]["amount_short"], "34.01");
  // 14.99 x 0.19/1.19 = 2.3934 -> 2.39; postage 4.95 -> 0.7903 -> 0.79.
  EXPECT_EQ(out["tax"]["rule"], "de-vat");
  EXPECT_EQ(out["tax"]["name"], "MwSt.");
  EXPECT_EQ(out["tax"]["display"], "inclusive");
  EXPECT_EQ(out["tax"]["lines"][0]["tax"], "2.39");
  EXPECT_EQ(out["tax"]["lines"][0]["net"], "12.60");
  EXPECT_EQ(out["tax"]["shipping"]["tax"], "0.79");
  EXPECT_EQ(out["tax"]["tax"], "3.18");
  EXPECT_EQ(out["tax"]["grand_total"], "19.94");
  EXPECT_EQ(out["market"], "DE");
  EXPECT_EQ(out["hash"].get<std::string>().size(), 16u);
}

TEST(PriceJson, ThousandOffThreeEqualLinesSplits334_333_333ByTheTieRule) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(*snapshot,
                        Request("US", R"([{"sku":"tea","qty":1},{"sku":"serum","qty":1},{"sku":"cup","qty":1}])"));
  // Cart order kept in the output; the extra cent goes to the lowest SKU id (cup).
  EXPECT_EQ(out["lines"][0]["sku"], "tea");
  EXPECT_EQ(out["lines"][0]["payable"], "6.67");
  EXPECT_EQ(out["lines"][1]["payable"], "6.67");
  EXPECT_EQ(out["lines"][2]["sku"], "cup");
  EXPECT_EQ(out["lines"][2]["payable"], "6.66");
  EXPECT_EQ(out["totals"]["payable"], "20.00");
  // The US has no tax rule in this snapshot: said, not invented.
  EXPECT_EQ(out["tax"]["status"], "NO_RULE");
}

TEST(PriceJson, FiveOffOneOn490Plus10PaysFourAtAPickupPoint) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(*snapshot, Request("CN", R"([{"sku":"tea","qty":1},{"sku":"cup","qty":1}])",
                                           R"("pickup_point":"sh-01")"));
  EXPECT_EQ(out["totals"]["goods"], "4.00");
  EXPECT_EQ(out["totals"]["shipping"], "0.00");
  EXPECT_EQ(out["totals"]["payable"], "4.00");
  // 满5减1 split by largest remainder over 4.90 and 0.10: 0.98 and 0.02.
  EXPECT_EQ(out["lines"][0]["payable"], "3.92");
  EXPECT_EQ(out["lines"][1]["payable"], "0.08");
}

TEST(PriceJson, CrossBorderLineIsFlaggedAndTaxedAtTheDestinationRate) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(*snapshot, Request("CN", R"([{"sku":"serum","qty":1}])", R"("pickup_point":"sh-01")"));
  // 每满5减1 repeats: 150.00 has 30 multiples of 5.00, so 30.00 off.
  EXPECT_EQ(out["lines"][0]["payable"], "120.00");
  // 120.00 x 0.13/1.13 = 13.805 -> 13.81 (half-up).
  EXPECT_EQ(out["tax"]["lines"][0]["tax"], "13.81");
  EXPECT_EQ(out["tax"]["lines"][0]["cross_border"], true);
  EXPECT_EQ(out["tax"]["warnings"][0], "import_rule_unavailable:serum");
}

TEST(PriceJson, BestCouponSetWithAReasonForEveryOtherCoupon) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(
      *snapshot, Request("DE", R"([{"sku":"serum","qty":2}])",
                         R"("wallet":[{"id":"c-10pct","state":"unused"},{"id":"c-5off","state":"unused"},)"
                         R"({"id":"c-big","state":"unused"},{"id":"c-cn","state":"unused"},)"
                         R"({"id":"c-ship","state":"used"}])"));
  // 2 x 14.99 = 29.98: 5.00 beats 10% (3.00 capped) in the platform class.
  EXPECT_EQ(out["applied_coupons"], Json::array({"c-5off"}));
  EXPECT_EQ(out["totals"]["goods"], "24.98");
  std::map<std::string, std::string> reasons;
  for (const auto& coupon : out["coupons"]) reasons[coupon["id"]] = coupon["reason"];
  EXPECT_EQ(reasons["c-5off"], "NONE");
  EXPECT_EQ(reasons["c-10pct"], "CLASS_CONFLICT");
  EXPECT_EQ(reasons["c-big"], "BELOW_THRESHOLD");
  EXPECT_EQ(reasons["c-cn"], "WRONG_MARKET");
  EXPECT_EQ(reasons["c-ship"], "USED");
  for (const auto& coupon : out["coupons"]) {
    // 50.00 minimum against the 29.98 eligible before coupons.
    if (coupon["id"] == "c-big") EXPECT_EQ(coupon["short_by"], "20.02");
  }
}

TEST(PriceJson, AFullShippingCouponNeverMakesPostageNegative) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json out = PriceOrDie(*snapshot, Request("DE", R"([{"sku":"cup","qty":1}])",
                                           R"("wallet":[{"id":"c-ship","state":"unused"}])"));
  EXPECT_EQ(out["totals"]["shipping_fee"], "4.95");
  EXPECT_EQ(out["totals"]["shipping"], "0.00");
  EXPECT_EQ(out["totals"]["payable"], "10.00");
}

TEST(PriceJson, LineOrderDoesNotChangeTheHash) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  Json a = PriceOrDie(*snapshot, Request("US", R"([{"sku":"tea","qty":2},{"sku":"cup","qty":1}])"));
  Json b = PriceOrDie(*snapshot, Request("US", R"([{"sku":"cup","qty":1},{"sku":"tea","qty":2}])"));
  EXPECT_EQ(a["hash"], b["hash"]);
  EXPECT_EQ(a["totals"], b["totals"]);
}

TEST(PriceJson, SameRequestSameBytes) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  const std::string request = Request("DE", R"([{"sku":"serum","qty":3},{"sku":"tea","qty":1}])");
  auto first = PriceJson(*snapshot, request);
  auto second = PriceJson(*snapshot, request);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
}

void ExpectError(const Snapshot& snapshot, const std::string& request, ErrorCode code, const std::string& path) {
  auto text = PriceJson(snapshot, request);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, code) << text.error().ToString();
  EXPECT_EQ(text.error().path, path) << text.error().ToString();
}

TEST(PriceJson, RequestErrorsNameTheRequestPath) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  ExpectError(*snapshot, "{", ErrorCode::kBadJson, "");
  ExpectError(*snapshot, Request("XX", R"([{"sku":"cup","qty":1}])"), ErrorCode::kNotFound, "market");
  ExpectError(*snapshot, Request("DE", R"([{"sku":"nope","qty":1}])"), ErrorCode::kNotFound, "lines[0]");
  ExpectError(*snapshot, Request("DE", R"([{"sku":"cup","qty":1,"colour":"red"}])"), ErrorCode::kBadRequest,
              "lines[0].colour");
  ExpectError(*snapshot, Request("DE", R"([{"sku":"cup","qty":1}])", R"("wallet":[{"id":"c-x","state":"unused"}])"),
              ErrorCode::kNotFound, "wallet[0].id");
  ExpectError(*snapshot, Request("DE", R"([{"sku":"cup","qty":1}])", R"("shipping":"de-express")"),
              ErrorCode::kNotFound, "shipping");
  ExpectError(*snapshot, Request("CN", R"([{"sku":"cup","qty":1}])", R"("pickup_point":"bj-99")"),
              ErrorCode::kNotFound, "pickup_point");
}

TEST(SnapshotAdapters, ErrorsNameTheSnapshotPath) {
  OrderedJson capped = TestCatalog();
  capped["promotions"][0]["cap"] = 300;
  auto snapshot = OpenCatalog(capped);
  ASSERT_NE(snapshot, nullptr);
  // Sorted by id, de-serum-25 is promotions[1].
  ExpectError(*snapshot, Request("DE", R"([{"sku":"serum","qty":1}])"), ErrorCode::kInvalidArgument,
              "promotions[1].cap");

  OrderedJson fine = TestCatalog();
  fine["promotions"][0]["percent_off"] = "0.00001";
  snapshot = OpenCatalog(fine);
  ASSERT_NE(snapshot, nullptr);
  ExpectError(*snapshot, Request("DE", R"([{"sku":"serum","qty":1}])"), ErrorCode::kInvalidArgument,
              "promotions[1].percent_off");

  OrderedJson luxury = TestCatalog();
  luxury["tax_rules"][0]["rates"]["luxury"] = "0.30";
  snapshot = OpenCatalog(luxury);
  ASSERT_NE(snapshot, nullptr);
  auto rules = tax::TaxRulesFromSnapshot(*snapshot);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(rules.error().path, "tax_rules[1].rates.luxury");
}

TEST(SnapshotAdapters, ScopesResolveToTheMarketsSkus) {
  OrderedJson catalog = TestCatalog();
  catalog["promotions"][0]["scope"] = {{"categories", {"Beauty"}}, {"exclude_items", {"item-cup"}}};
  auto snapshot = OpenCatalog(catalog);
  ASSERT_NE(snapshot, nullptr);
  auto view = CatalogViewFromSnapshot(*snapshot, "DE");
  ASSERT_TRUE(view.ok());
  auto promotions = PromotionsFromSnapshot(*snapshot, *view, PromotionContext{kNow});
  ASSERT_TRUE(promotions.ok()) << promotions.error().ToString();
  const Promotion* limited = nullptr;
  for (const auto& p : *promotions) {
    if (p.id == "de-serum-25") limited = &p;
  }
  ASSERT_NE(limited, nullptr);
  EXPECT_EQ(limited->skus, std::vector<std::string>({"serum"}));
  EXPECT_TRUE(limited->categories.empty());
}

}  // namespace
}  // namespace shopcore::cart
