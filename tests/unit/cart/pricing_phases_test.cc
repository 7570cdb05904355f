// Each phase and promotion kind of the pipeline, with exact amounts and the
// outcome every promotion reports.
#include <gtest/gtest.h>

#include "cart/test_pricing.h"

namespace shopcore {
namespace cart {
namespace {

using namespace testing;  // NOLINT: test helpers

constexpr int64_t kNow = 1767225600000;  // 2026-01-01T00:00:00Z

TEST(ActivityPhase, FlashSalePriceCoversOnlyTheQuotaAndExcludesOrdinaryPromotions) {
  const CatalogView catalog = Catalog({Sku("phone", 1000), Sku("case", 500)});
  Promotion flash;
  flash.id = "flash";
  flash.kind = PromotionKind::kFlashSale;
  flash.starts_at = kNow - 1000;
  flash.ends_at = kNow + 1000;
  flash.sku_prices = {{"phone", 500, 2}};
  const Promotion manjian = ThresholdOff("m", {{1000, 100}});
  PricingRequest request;
  request.now = kNow;
  request.coupons = {FixedCoupon("c1", 100)};
  PricedCart priced = PriceOk(CartOf(catalog, {{"phone", 3}, {"case", 1}}), catalog, {flash, manjian}, request);
  EXPECT_TRUE(priced.activity_order);
  EXPECT_TRUE(LineOf(priced, "phone").activity_priced);
  EXPECT_EQ(LineOf(priced, "phone").payable, 2000);  // 2 x 5.00 + 1 x 10.00
  EXPECT_EQ(priced.total_payable, 2500);
  EXPECT_EQ(OutcomeOf(priced, "flash").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "flash").amount, 1000);
  EXPECT_EQ(OutcomeOf(priced, "m").status, "ACTIVITY_ORDER");
  EXPECT_EQ(CouponOf(priced, "c1").refusal, CouponRefusal::kActivityOrder);

  request.now = kNow + 1000;  // the window is [start, end)
  priced = PriceOk(CartOf(catalog, {{"phone", 3}, {"case", 1}}), catalog, {flash, manjian}, request);
  EXPECT_FALSE(priced.activity_order);
  EXPECT_EQ(OutcomeOf(priced, "flash").status, "NOT_ACTIVE");
  EXPECT_EQ(OutcomeOf(priced, "m").status, "APPLIED");
  EXPECT_EQ(priced.total_payable, 3500 - 100 - 100);
}

TEST(ActivityPhase, GroupBuyAndBargainPricesNeedTheShopperToHaveJoined) {
  const CatalogView catalog = Catalog({Sku("rice", 3000)});
  Promotion group;
  group.id = "group-7";
  group.kind = PromotionKind::kGroupBuy;
  group.sku_prices = {{"rice", 2400, kUnlimited}};
  Promotion bargain;
  bargain.id = "bargain-3";
  bargain.kind = PromotionKind::kBargain;
  bargain.sku_prices = {{"rice", 2100, kUnlimited}};
  PricingRequest request;
  PricedCart priced = PriceOk(CartOf(catalog, {{"rice", 1}}), catalog, {group, bargain}, request);
  EXPECT_EQ(priced.total_payable, 3000);
  EXPECT_EQ(OutcomeOf(priced, "group-7").status, "NOT_JOINED");
  request.joined_activities = {"group-7", "bargain-3"};
  priced = PriceOk(CartOf(catalog, {{"rice", 1}}), catalog, {group, bargain}, request);
  EXPECT_EQ(priced.total_payable, 2100);  // the better of the two activity prices
  EXPECT_EQ(OutcomeOf(priced, "bargain-3").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "group-7").status, "NOT_BETTER");
}

TEST(ItemPricePhase, MemberPriceAgainstLimitedTimeTakesTheBetterPerLine) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 1000)});
  Promotion member;
  member.id = "gold10";
  member.kind = PromotionKind::kMemberPrice;
  member.member_tier = "gold";
  member.percent_off_bp = 1000;
  Promotion limited;
  limited.id = "lt15";
  limited.kind = PromotionKind::kLimitedTime;
  limited.percent_off_bp = 1500;
  limited.skus = {"a"};
  PricingRequest request;
  request.member_tier = "gold";
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {member, limited}, request);
  EXPECT_EQ(LineOf(priced, "a").payable, 850);
  EXPECT_EQ(LineOf(priced, "b").payable, 900);
  ASSERT_EQ(LineOf(priced, "a").adjustments.size(), 1u);  // never both
  EXPECT_EQ(OutcomeOf(priced, "gold10").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "lt15").status, "APPLIED");

  request.member_tier = "";
  priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {member, limited}, request);
  EXPECT_EQ(OutcomeOf(priced, "gold10").status, "NOT_TIER");
  EXPECT_EQ(priced.total_payable, 850 + 1000);
}

TEST(ThresholdPhase, TieredThresholdTakesTheHighestTierReachedAndNudgesToTheNext) {
  const CatalogView catalog = Catalog({Sku("a", 25000)});
  const Promotion tiers = ThresholdOff("tiers", {{10000, 1000}, {20000, 2500}, {30000, 4000}});
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {tiers});
  EXPECT_EQ(priced.total_payable, 22500);
  ASSERT_EQ(priced.nudges.size(), 1u);
  EXPECT_EQ(priced.nudges[0].promotion_id, "tiers");
  EXPECT_EQ(priced.nudges[0].kind, "THRESHOLD");
  EXPECT_EQ(priced.nudges[0].amount_short, 5000);
  EXPECT_EQ(priced.nudges[0].reward, 4000);
}

TEST(ThresholdPhase, RepeatingThresholdTakesOffPerMultipleUpToItsMax) {
  const CatalogView catalog = Catalog({Sku("a", 100)});
  Promotion every = ThresholdOff("every300", {{30000, 3000}});  // 每满300减30
  every.repeat = true;
  every.max_applications = 3;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 650}}), catalog, {every});
  EXPECT_EQ(priced.total_payable, 65000 - 6000);
  ASSERT_EQ(priced.nudges.size(), 1u);
  EXPECT_EQ(priced.nudges[0].amount_short, 25000);  // to 900
  priced = PriceOk(CartOf(catalog, {{"a", 1500}}), catalog, {every});
  EXPECT_EQ(priced.total_payable, 150000 - 9000);  // 5 multiples, 3 at most
  EXPECT_TRUE(priced.nudges.empty());
}

TEST(ThresholdPhase, PercentThresholdRoundsHalfUp) {
  const CatalogView catalog = Catalog({Sku("a", 25005)});
  Promotion manzhe;
  manzhe.id = "manzhe";
  manzhe.kind = PromotionKind::kThresholdPercent;
  manzhe.tiers = {{20000, 1000}};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {manzhe});
  EXPECT_EQ(priced.total_payable, 25005 - 2501);  // 2500.5 half-up
}

TEST(ThresholdPhase, ThresholdsSeeTheAmountLeftByEarlierPhases) {
  const CatalogView catalog = Catalog({Sku("a", 11000)});
  Promotion limited;
  limited.id = "lt10";
  limited.kind = PromotionKind::kLimitedTime;
  limited.percent_off_bp = 1000;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {limited, ThresholdOff("m", {{10000, 1000}})});
  EXPECT_EQ(priced.total_payable, 9900);
  EXPECT_EQ(OutcomeOf(priced, "m").status, "BELOW_THRESHOLD");
  ASSERT_EQ(priced.nudges.size(), 1u);
  EXPECT_EQ(priced.nudges[0].amount_short, 100);
}

TEST(ThresholdPhase, NthItemDiscountsEveryNthUnitByPriceHighFirst) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 600)});
  Promotion second_half;
  second_half.id = "2nd-half";
  second_half.kind = PromotionKind::kNthItem;
  second_half.nth = 2;
  second_half.percent_off_bp = 5000;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 3}}), catalog, {second_half});
  EXPECT_EQ(priced.total_payable, 2500);
  // a, b, b by price: the 2nd unit is a b.
  priced = PriceOk(CartOf(catalog, {{"b", 2}, {"a", 1}}), catalog, {second_half});
  EXPECT_EQ(LineOf(priced, "b").payable, 900);
  EXPECT_EQ(LineOf(priced, "a").payable, 1000);
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {second_half});
  EXPECT_EQ(OutcomeOf(priced, "2nd-half").status, "BELOW_THRESHOLD");
}

TEST(ThresholdPhase, BundlePriceAppliesPerCompleteBundle) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 800), Sku("c", 50)});
  Promotion bundle;
  bundle.id = "ab";
  bundle.kind = PromotionKind::kBundle;
  bundle.bundle = {{"a", 1}, {"b", 1}};
  bundle.bundle_price = 1500;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 2}, {"b", 3}, {"c", 1}}), catalog, {bundle});
  EXPECT_EQ(OutcomeOf(priced, "ab").amount, 600);
  EXPECT_EQ(LineOf(priced, "a").payable + LineOf(priced, "b").payable, 2000 + 2400 - 600);
  EXPECT_EQ(LineOf(priced, "c").payable, 50);
  priced = PriceOk(CartOf(catalog, {{"a", 2}}), catalog, {bundle});
  EXPECT_EQ(OutcomeOf(priced, "ab").status, "NO_ELIGIBLE_ITEMS");
}

TEST(ThresholdPhase, ExclusivityGroupAppliesOnlyItsBestMember) {
  const CatalogView catalog = Catalog({Sku("a", 12000)});
  Promotion small = ThresholdOff("g-small", {{10000, 500}});
  Promotion big = ThresholdOff("g-big", {{10000, 800}});
  Promotion other = ThresholdOff("other", {{5000, 100}});
  small.exclusivity_group = big.exclusivity_group = "store";
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {small, big, other});
  EXPECT_EQ(priced.total_payable, 12000 - 800 - 100);
  EXPECT_EQ(OutcomeOf(priced, "g-big").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "g-small").status, "EXCLUDED_BY_GROUP");
  EXPECT_EQ(OutcomeOf(priced, "other").status, "APPLIED");
}

TEST(ThresholdPhase, StopAfterEndsThePhase) {
  const CatalogView catalog = Catalog({Sku("a", 12000)});
  Promotion first = ThresholdOff("first", {{10000, 500}});
  first.stop_after = true;
  Promotion second = ThresholdOff("second", {{10000, 800}});
  second.priority = 1;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {second, first});
  EXPECT_EQ(priced.total_payable, 11500);
  EXPECT_EQ(OutcomeOf(priced, "second").status, "STOPPED_BY_PREVIOUS");
  // A stop_after promotion that did not apply stops nothing.
  first.tiers = {{20000, 500}};
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {second, first});
  EXPECT_EQ(priced.total_payable, 11200);
}

TEST(ThresholdPhase, AGroupIsDecidedAtItsFirstMemberEvenAcrossAStop) {
  const CatalogView catalog = Catalog({Sku("a", 12000)});
  Promotion early = ThresholdOff("g-early", {{10000, 300}});
  Promotion late = ThresholdOff("g-late", {{10000, 700}});
  early.exclusivity_group = late.exclusivity_group = "store";
  late.priority = 2;
  Promotion stopper = ThresholdOff("stopper", {{10000, 100}});
  stopper.priority = 1;
  stopper.stop_after = true;
  Promotion after = ThresholdOff("after", {{10000, 50}});
  after.priority = 3;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {early, late, stopper, after});
  EXPECT_EQ(priced.total_payable, 12000 - 700 - 100);
  EXPECT_EQ(OutcomeOf(priced, "g-late").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "g-early").status, "EXCLUDED_BY_GROUP");
  EXPECT_EQ(OutcomeOf(priced, "stopper").status, "APPLIED");
  EXPECT_EQ(OutcomeOf(priced, "after").status, "STOPPED_BY_PREVIOUS");
}

TEST(PointsPhase, RedeemsWholeBlocksUpToTheCapAndTheChoice) {
  const CatalogView catalog = Catalog({Sku("a", 1000)});
  Promotion points;
  points.id = "points";
  points.kind = PromotionKind::kPointsRedemption;
  points.points_per_block = 100;  // 100 points = 1.00
  points.block_value = 100;
  points.cap_bp = 5000;  // at most half the payable
  PricingRequest request;
  request.points_balance = 10000;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {points}, request);
  EXPECT_EQ(priced.total_payable, 500);
  EXPECT_EQ(priced.points_used, 500);
  request.points_to_use = 250;  // only whole blocks: 200 points
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {points}, request);
  EXPECT_EQ(priced.total_payable, 800);
  EXPECT_EQ(priced.points_used, 200);
  request.points_balance = 99;
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {points}, request);
  EXPECT_EQ(priced.points_used, 0);
  EXPECT_EQ(OutcomeOf(priced, "points").status, "BELOW_THRESHOLD");
}

TEST(PointsEarnedPhase, EarnsPerWholeBlockOfGoodsPaid) {
  const CatalogView catalog = Catalog({Sku("a", 950)});
  Promotion earn;
  earn.id = "earn";
  earn.kind = PromotionKind::kPointsEarned;
  earn.points_per_block = 1;
  earn.block_value = 100;
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {earn, Shipping("ship", 800, kUnlimited)});
  EXPECT_EQ(priced.points_earned, 9);  // postage earns nothing
  EXPECT_EQ(OutcomeOf(priced, "earn").amount, 9);
}

TEST(ShippingPhase, FlatFeeFreeOverThresholdAndPickup) {
  const CatalogView catalog = Catalog({Sku("a", 9000)});
  const Promotion ship = Shipping("ship", 800, 9900);
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {ship});
  EXPECT_EQ(priced.shipping_payable, 800);
  EXPECT_EQ(priced.total_payable, 9800);
  ASSERT_EQ(priced.nudges.size(), 1u);
  EXPECT_EQ(priced.nudges[0].kind, "FREE_SHIPPING");
  EXPECT_EQ(priced.nudges[0].amount_short, 900);
  EXPECT_EQ(priced.nudges[0].reward, 800);
  priced = PriceOk(CartOf(catalog, {{"a", 2}}), catalog, {ship});
  EXPECT_EQ(priced.shipping_fee, 800);
  EXPECT_EQ(priced.shipping_payable, 0);
  PricingRequest pickup;
  pickup.pickup = true;
  priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {ship}, pickup);
  EXPECT_EQ(priced.shipping_fee, 0);
  EXPECT_EQ(priced.total_payable, 9000);
  EXPECT_EQ(OutcomeOf(priced, "ship").status, "PICKUP");
}

TEST(Clamps, OrderNeverGoesBelowTheConfiguredMinimum) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 1)});
  PricingRequest request;
  request.coupons = {FixedCoupon("huge", 5000)};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {}, request);
  EXPECT_EQ(priced.total_payable, 0);
  PricingRules rules;
  rules.minimum_payable = 1;  // WeChat Pay needs 1 fen
  priced = PriceOk(CartOf(catalog, {{"a", 1}, {"b", 1}}), catalog, {}, request, rules);
  EXPECT_EQ(priced.total_payable, 1);
  EXPECT_EQ(CouponOf(priced, "huge").amount, 1000);
}

TEST(Markets, PromotionsAndCouponsOfOtherMarketsDoNotApply) {
  const CatalogView catalog = Catalog({Sku("a", 20000)}, "CN");
  Promotion de_only = ThresholdOff("de", {{100, 100}});
  de_only.markets = {"DE"};
  PricingRequest request;
  Coupon coupon = FixedCoupon("c-de", 100);
  coupon.markets = {"DE"};
  request.coupons = {coupon};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {de_only}, request);
  EXPECT_EQ(OutcomeOf(priced, "de").status, "WRONG_MARKET");
  EXPECT_EQ(CouponOf(priced, "c-de").refusal, CouponRefusal::kWrongMarket);
  EXPECT_EQ(priced.total_payable, 20000);
}

TEST(Rules, PhasesNotListedDoNotRun) {
  const CatalogView catalog = Catalog({Sku("a", 20000)});
  PricingRules rules;
  rules.phases = {Phase::kActivity, Phase::kShipping};
  PricingRequest request;
  request.coupons = {FixedCoupon("c", 100)};
  PricedCart priced = PriceOk(CartOf(catalog, {{"a", 1}}), catalog, {ThresholdOff("m", {{100, 100}})}, request, rules);
  EXPECT_EQ(OutcomeOf(priced, "m").status, "PHASE_DISABLED");
  EXPECT_EQ(CouponOf(priced, "c").refusal, CouponRefusal::kPhaseDisabled);
  EXPECT_EQ(priced.total_payable, 20000);
}

TEST(Validation, BadInputIsAnErrorWithAPath) {
  const CatalogView catalog = Catalog({Sku("a", 1000)});
  const Cart cart = CartOf(catalog, {{"a", 1}});
  auto code_and_path = [&](const std::vector<Promotion>& promotions, const PricingRules& rules,
                           const PricingRequest& request, const CatalogView& view) {
    auto priced = Price(cart, view, promotions, rules, request);
    EXPECT_FALSE(priced.ok());
    return priced.ok() ? std::string("ok")
                       : std::string(ErrorCodeName(priced.error().code)) + " " + priced.error().path;
  };
  PricingRules future;
  future.version = 2;
  EXPECT_EQ(code_and_path({}, future, {}, catalog), "UNSUPPORTED_VERSION rules.version");
  PricingRules twice;
  twice.phases = {Phase::kCoupon, Phase::kCoupon};
  EXPECT_EQ(code_and_path({}, twice, {}, catalog), "INVALID_ARGUMENT rules.phases[1]");
  Promotion bad_nth;
  bad_nth.id = "n";
  bad_nth.kind = PromotionKind::kNthItem;
  bad_nth.nth = 1;
  bad_nth.percent_off_bp = 5000;
  EXPECT_EQ(code_and_path({bad_nth}, {}, {}, catalog), "INVALID_ARGUMENT promotions[0].nth");
  EXPECT_EQ(code_and_path({ThresholdOff("m", {{200, 10}, {100, 20}})}, {}, {}, catalog),
            "INVALID_ARGUMENT promotions[0].tiers");
  EXPECT_EQ(code_and_path({ThresholdOff("m", {{100, 10}}), ThresholdOff("m", {{100, 10}})}, {}, {}, catalog),
            "CONFLICT promotions[1].id");
  PricingRequest clash;
  clash.coupons = {FixedCoupon("m", 10)};
  EXPECT_EQ(code_and_path({ThresholdOff("m", {{100, 10}})}, {}, clash, catalog), "CONFLICT coupons[0].id");
  PricingRequest bad_percent;
  bad_percent.coupons = {PercentCoupon("p", 10001)};
  EXPECT_EQ(code_and_path({}, {}, bad_percent, catalog), "INVALID_ARGUMENT coupons[0].percent_off_bp");
  EXPECT_EQ(code_and_path({}, {}, {}, Catalog({Sku("b", 1)})), "NOT_FOUND lines[0]");
  CatalogView no_currency = catalog;
  no_currency.currency = nullptr;
  EXPECT_EQ(code_and_path({}, {}, {}, no_currency), "INVALID_ARGUMENT currency");
  CatalogView huge = Catalog({Sku("a", INT64_MAX / 2)});
  Cart two;
  ASSERT_TRUE(two.Add(huge, "a", 3).ok());
  auto overflow = Price(two, huge, {}, {}, {});
  ASSERT_FALSE(overflow.ok());
  EXPECT_EQ(overflow.error().code, ErrorCode::kOverflow);
  EXPECT_EQ(overflow.error().path, "lines[0]");
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
