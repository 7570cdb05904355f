#include "shopcore/cart/priced_cart_json.h"

#include <gtest/gtest.h>

#include "cart/test_pricing.h"

namespace shopcore {
namespace cart {
namespace {

using namespace testing;  // NOLINT: test helpers

struct Example {
  CatalogView catalog = Catalog({Sku("tee", 1999), Sku("cap", 1000)});
  std::vector<Promotion> promotions;
  PricingRequest request;

  Example() {
    Promotion sale;
    sale.id = "sale25";
    sale.kind = PromotionKind::kLimitedTime;
    sale.percent_off_bp = 2500;
    sale.skus = {"tee"};
    promotions = {sale, ThresholdOff("m50-5", {{5000, 500}, {8000, 1000}}), Shipping("ship", 800, 10000)};
    request.coupons = {FixedCoupon("c3", 300), FixedCoupon("c20", 2000, 20000)};
  }
};

TEST(PricedCartJson, ExactBytes) {
  Example example;
  PricedCart priced =
      PriceOk(CartOf(example.catalog, {{"tee", 2}, {"cap", 3}}), example.catalog, example.promotions, example.request);
  // Checked by hand: tee 19.99 at 25% is 14.99 a unit; goods 59.98 reach the
  // 50.00 tier (5.00 off, split 2.50/2.50 by payable 30.00 : 29.98, the tie
  // of remainders going to the lower SKU id "cap"), 20.02 short of the 80.00
  // tier; c20 needs 200.00 of 54.98 (short 145.02); c3 splits 1.50/1.50;
  // 51.98 is 48.02 short of free shipping, so postage is 8.00.
  EXPECT_EQ(PricedCartToJson(priced),
            R"json({"currency":"CNY","rules_version":1,"activity_order":false,"lines":[)json"
            R"json({"sku":"tee","quantity":2,"unit_list_price":"19.99","list_total":"39.98","adjustments":[{"source":"sale25","phase":"ITEM_PRICE","amount":"10.00"},{"source":"m50-5","phase":"THRESHOLD","amount":"2.50"},{"source":"c3","phase":"COUPON","amount":"1.50"}],"payable":"25.98","activity_priced":false,"units":[{"count":2,"unit_payable":"12.99","adjustments":[{"source":"sale25","phase":"ITEM_PRICE","amount":"5.00"},{"source":"m50-5","phase":"THRESHOLD","amount":"1.25"},{"source":"c3","phase":"COUPON","amount":"0.75"}]}]},)json"
            R"json({"sku":"cap","quantity":3,"unit_list_price":"10.00","list_total":"30.00","adjustments":[{"source":"m50-5","phase":"THRESHOLD","amount":"2.50"},{"source":"c3","phase":"COUPON","amount":"1.50"}],"payable":"26.00","activity_priced":false,"units":[{"count":1,"unit_payable":"8.66","adjustments":[{"source":"m50-5","phase":"THRESHOLD","amount":"0.84"},{"source":"c3","phase":"COUPON","amount":"0.50"}]},{"count":2,"unit_payable":"8.67","adjustments":[{"source":"m50-5","phase":"THRESHOLD","amount":"0.83"},{"source":"c3","phase":"COUPON","amount":"0.50"}]}]}])json"
            R"json(,"totals":{"list":"69.98","discount":"18.00","goods":"51.98","shipping_fee":"8.00","shipping":"8.00","payable":"59.98"},"shipping_adjustments":[],"points":{"used":0,"earned":0},"applied_coupons":["c3"])json"
            R"json(,"coupons":[{"id":"c20","applied":false,"amount":"0.00","reason":"BELOW_THRESHOLD","short_by":"145.02"},{"id":"c3","applied":true,"amount":"3.00","reason":"NONE","short_by":"0.00"}])json"
            R"json(,"promotions":[{"id":"m50-5","status":"APPLIED","amount":"5.00"},{"id":"sale25","status":"APPLIED","amount":"10.00"},{"id":"ship","status":"APPLIED","amount":"0.00"}])json"
            R"json(,"nudges":[{"promotion":"m50-5","kind":"THRESHOLD","amount_short":"20.02","reward":"10.00"},{"promotion":"ship","kind":"FREE_SHIPPING","amount_short":"48.02","reward":"8.00"}],"hash":"426b5588144bc70a"})json");
}

TEST(PricedCartJson, PointsAndPercentRewardsAreIntegersNotMoney) {
  const CatalogView catalog = Catalog({Sku("a", 950)});
  Promotion manzhe;
  manzhe.id = "zhe";
  manzhe.kind = PromotionKind::kThresholdPercent;
  manzhe.tiers = {{2000, 500}};
  Promotion earn;
  earn.id = "earn";
  earn.kind = PromotionKind::kPointsEarned;
  earn.points_per_block = 2;
  earn.block_value = 100;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {manzhe, earn});
  const std::string json = PricedCartToJson(priced);
  EXPECT_NE(json.find(R"("promotions":[{"id":"earn","status":"APPLIED","amount":18},)"
                      R"({"id":"zhe","status":"BELOW_THRESHOLD","amount":"0.00"}])"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("nudges":[{"promotion":"zhe","kind":"THRESHOLD","amount_short":"10.50","reward":500}])"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("points":{"used":0,"earned":18})"), std::string::npos) << json;
}

TEST(PricedCartHash, IsFnv1a64OfTheCanonicalBytes) {
  EXPECT_EQ(Fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cULL);  // published FNV-1a 64 test vector
  Example example;
  PricedCart priced =
      PriceOk(CartOf(example.catalog, {{"tee", 2}, {"cap", 3}}), example.catalog, example.promotions, example.request);
  EXPECT_EQ(CanonicalBytes(priced),
            "shopcore.priced-cart.v1\n"
            "currency CNY\n"
            "rules 1\n"
            "activity 0\n"
            "line 3:cap 3 1000 3000 2600\n"
            "adj 5:m50-5 THRESHOLD 250\n"
            "adj 2:c3 COUPON 150\n"
            "line 3:tee 2 1999 3998 2598\n"
            "adj 6:sale25 ITEM_PRICE 1000\n"
            "adj 5:m50-5 THRESHOLD 250\n"
            "adj 2:c3 COUPON 150\n"
            "shipping 800 800\n"
            "coupon 2:c3\n"
            "points 0 0\n"
            "total 6998 1800 5198 5998\n");
  char expected[17];
  snprintf(expected, sizeof expected, "%016llx", static_cast<unsigned long long>(Fnv1a64(CanonicalBytes(priced))));
  EXPECT_EQ(priced.hash, expected);

  // Any change in what is paid changes the hash.
  PricedCart other = priced;
  other.lines[0].payable -= 1;
  EXPECT_NE(PricedCartHash(other), priced.hash);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
