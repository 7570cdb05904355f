// Coupons: every reason one cannot be used, and the choice of the best set.
#include <gtest/gtest.h>

#include "cart/test_pricing.h"

namespace shopcore {
namespace cart {
namespace {

using namespace testing;  // NOLINT: test helpers

constexpr int64_t kNow = 1767225600000;

TEST(Coupons, EveryRefusalReasonIsReported) {
  const CatalogView catalog = Catalog({Sku("a", 15000, "food"), Sku("b", 3000, "toys")}, "CN");
  PricingRequest request;
  request.now = kNow;
  Coupon used = FixedCoupon("used", 100);
  used.used = true;
  Coupon later = FixedCoupon("later", 100);
  later.starts_at = kNow + 1;
  Coupon expired = FixedCoupon("expired", 100);
  expired.expires_at = kNow;
  Coupon elsewhere = FixedCoupon("elsewhere", 100);
  elsewhere.markets = {"SG"};
  Coupon books = FixedCoupon("books", 100);
  books.categories = {"books"};
  Coupon short12 = FixedCoupon("short12", 1000, 20000);  // 满200可用 on 188.00
  Coupon solo = FixedCoupon("solo", 100);
  solo.combinable_with_promotions = false;
  Coupon platform_big = FixedCoupon("platform-big", 900);
  platform_big.exclusive_class = "platform";
  Coupon platform_small = FixedCoupon("platform-small", 300);
  platform_small.exclusive_class = "platform";
  request.coupons = {used, later, expired, elsewhere, books, short12, solo, platform_big, platform_small};
  const Promotion manjian = ThresholdOff("m", {{10000, 1200}});
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {manjian}, request);

  EXPECT_EQ(CouponOf(priced, "used").refusal, CouponRefusal::kUsed);
  EXPECT_EQ(CouponOf(priced, "later").refusal, CouponRefusal::kNotStarted);
  EXPECT_EQ(CouponOf(priced, "expired").refusal, CouponRefusal::kExpired);
  EXPECT_EQ(CouponOf(priced, "elsewhere").refusal, CouponRefusal::kWrongMarket);
  EXPECT_EQ(CouponOf(priced, "books").refusal, CouponRefusal::kNoEligibleItems);
  // The threshold sees 180.00 - 12.00 = 168.00 after 满减: 差¥32可用.
  EXPECT_EQ(CouponOf(priced, "short12").refusal, CouponRefusal::kBelowThreshold);
  EXPECT_EQ(CouponOf(priced, "short12").short_by, 3200);
  EXPECT_EQ(CouponOf(priced, "solo").refusal, CouponRefusal::kExcludedByPromotion);
  EXPECT_TRUE(CouponOf(priced, "platform-big").applied);
  EXPECT_EQ(CouponOf(priced, "platform-big").amount, 900);
  EXPECT_EQ(CouponOf(priced, "platform-small").refusal, CouponRefusal::kClassConflict);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"platform-big"}));
  EXPECT_EQ(priced.total_payable, 18000 - 1200 - 900);
  EXPECT_STREQ(CouponRefusalName(CouponOf(priced, "short12").refusal), "BELOW_THRESHOLD");

  // A promotion that excludes coupons makes every coupon unusable.
  Promotion exclusive = manjian;
  exclusive.excludes_coupons = true;
  priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {exclusive}, request);
  EXPECT_EQ(CouponOf(priced, "platform-big").refusal, CouponRefusal::kExcludedByPromotion);
  EXPECT_TRUE(priced.applied_coupons.empty());
}

TEST(Coupons, PercentCouponIsCapped) {
  const CatalogView catalog = Catalog({Sku("a", 30000)});
  PricingRequest request;
  request.coupons = {PercentCoupon("p20", 2000, 5000)};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.total_payable, 25000);  // 20% would be 60.00, capped at 50.00
  request.coupons = {PercentCoupon("p20", 2000, 8000)};
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.total_payable, 24000);
}

TEST(BestCouponSet, TakesOnePerClassAndTheSetSavingMost) {
  const CatalogView catalog = Catalog({Sku("a", 15000)});
  PricingRequest request;
  Coupon p10 = FixedCoupon("p10", 1000);
  Coupon p15 = FixedCoupon("p15", 1500, 20000);
  Coupon p8 = FixedCoupon("p8", 800);
  p10.exclusive_class = p15.exclusive_class = p8.exclusive_class = "platform";
  Coupon s5 = FixedCoupon("s5", 500);
  s5.exclusive_class = "shop";
  request.coupons = {p8, p15, s5, p10};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"p10", "s5"}));
  EXPECT_EQ(priced.total_payable, 13500);
  EXPECT_EQ(CouponOf(priced, "p15").short_by, 5000);
  EXPECT_EQ(CouponOf(priced, "p8").refusal, CouponRefusal::kClassConflict);
}

TEST(BestCouponSet, TiesGoToFewerCouponsThenSoonerExpiryThenLowerId) {
  const CatalogView catalog = Catalog({Sku("a", 1000)});
  PricingRequest request;
  request.coupons = {FixedCoupon("whole", 1000), FixedCoupon("half-1", 500), FixedCoupon("half-2", 500)};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"whole"}));
  EXPECT_EQ(CouponOf(priced, "half-1").refusal, CouponRefusal::kNotBest);

  Coupon late = FixedCoupon("a-late", 300);
  late.expires_at = kNow + 2000;
  Coupon soon = FixedCoupon("b-soon", 300);
  soon.expires_at = kNow + 1000;
  late.exclusive_class = soon.exclusive_class = "shop";
  request.coupons = {late, soon};
  request.now = kNow;
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"b-soon"}));

  late.expires_at = soon.expires_at;
  request.coupons = {soon, late};
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"a-late"}));
}

TEST(BestCouponSet, CountsWhatACouponCostsInFreeShipping) {
  // 105.00 with free shipping from 100.00 (else 8.00): 10.00 off pays
  // 95.00 + 8.00 = 103.00, 4.00 off pays 101.00. The smaller coupon wins.
  const CatalogView catalog = Catalog({Sku("a", 10500)});
  PricingRequest request;
  Coupon ten = FixedCoupon("ten", 1000);
  Coupon four = FixedCoupon("four", 400);
  ten.exclusive_class = four.exclusive_class = "shop";
  request.coupons = {ten, four};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {Shipping("ship", 800, 10000)}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"four"}));
  EXPECT_EQ(priced.total_payable, 10100);
}

TEST(BestCouponSet, ShippingCouponOnlyWhenThereIsPostage) {
  const CatalogView catalog = Catalog({Sku("a", 5000)});
  PricingRequest request;
  Coupon free_ship;
  free_ship.id = "free-ship";
  free_ship.kind = CouponKind::kShipping;
  free_ship.amount_off = kUnlimited;
  request.coupons = {free_ship};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {Shipping("ship", 800, kUnlimited)}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"free-ship"}));
  EXPECT_EQ(priced.total_payable, 5000);
  request.pickup = true;
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {Shipping("ship", 800, kUnlimited)}, request);
  EXPECT_TRUE(priced.applied_coupons.empty());  // saves nothing: fewer coupons wins
  EXPECT_EQ(CouponOf(priced, "free-ship").refusal, CouponRefusal::kNotBest);
}

TEST(BestCouponSet, GreedySearchBeyondTheExhaustiveLimitStillBeatsEverySingleCoupon) {
  const CatalogView catalog = Catalog({Sku("a", 100000)});
  PricingRequest request;
  // 13 coupons without a class: 2^13 sets, more than the exhaustive limit.
  for (int i = 0; i < 13; ++i) {
    request.coupons.push_back(FixedCoupon("c" + std::to_string(10 + i), 1000 + 100 * i, 20000 * (i % 6)));
  }
  PricedCart best = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  // Every coupon is usable on 1000.00 and they all stack: greedy takes all.
  EXPECT_EQ(best.applied_coupons.size(), 13u);
  EXPECT_EQ(best.total_payable, 100000 - (13 * 1000 + 100 * 78));
}

TEST(SelectedCoupons, AppliesExactlyTheSelectionAndExplainsTheRest) {
  const CatalogView catalog = Catalog({Sku("a", 10000)});
  PricingRequest request;
  Coupon one = FixedCoupon("one", 100);
  Coupon two = FixedCoupon("two", 200);
  one.exclusive_class = two.exclusive_class = "shop";
  request.coupons = {one, two, FixedCoupon("three", 300)};
  request.choose_best_coupons = false;
  request.selected_coupons = {"one", "two"};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"one"}));
  EXPECT_EQ(CouponOf(priced, "two").refusal, CouponRefusal::kClassConflict);
  EXPECT_EQ(CouponOf(priced, "three").refusal, CouponRefusal::kNotSelected);
  EXPECT_EQ(priced.total_payable, 9900);

  request.selected_coupons = {"nope"};
  auto missing = Price(CartOf(catalog, {{"a", 1}}), catalog, {}, PricingRules::Default(), request);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().path, "selected_coupons[0]");
  request.selected_coupons = {"three", "three"};
  auto twice = Price(CartOf(catalog, {{"a", 1}}), catalog, {}, PricingRules::Default(), request);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
