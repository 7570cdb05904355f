// Regressions from other engines' public bug reports (see
// shared/reference/promotions.md, section 3): each must hold exactly.
#include <gtest/gtest.h>

#include "cart/test_pricing.h"
#include "shopcore/cart/price.h"

namespace shopcore {
namespace cart {
namespace {

using testing::Catalog;
using testing::Sku;
using testing::CartOf;
using testing::LineOf;
using testing::PriceOk;

TEST(PricingRegression, QuarterOffNineteenNinetyNineIsFourteenNinetyNineHalfUp) {
  const CatalogView catalog = Catalog({Sku("tee", 1999)});
  Promotion sale;
  sale.id = "sale25";
  sale.kind = PromotionKind::kLimitedTime;
  sale.percent_off_bp = 2500;
  PricedCart priced = PriceOk(CartOf(catalog, {{"tee", 1}}), catalog, {sale});
  EXPECT_EQ(priced.total_payable, 1499);  // 1499.25 rounds half-up to 1499, never 1500
  ASSERT_EQ(priced.lines[0].adjustments.size(), 1u);
  EXPECT_EQ(priced.lines[0].adjustments[0], (Adjustment{"sale25", Phase::kItemPrice, 500}));

  // Per unit, not per line: three units are 3 x 14.99.
  priced = PriceOk(CartOf(catalog, {{"tee", 3}}), catalog, {sale});
  EXPECT_EQ(priced.total_payable, 4497);
  ASSERT_EQ(priced.lines[0].units.size(), 1u);
  EXPECT_EQ(priced.lines[0].units[0].unit_payable, 1499);
}

TEST(PricingRegression, ThousandOffThreeEqualLinesAllocates334_333_333) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 1000), Sku("c", 1000)});
  PricingRequest request;
  Coupon coupon;
  coupon.id = "c1000";
  coupon.kind = CouponKind::kFixed;
  coupon.amount_off = 1000;
  request.coupons = {coupon};
  // Added in reverse: the tie still goes to the lowest SKU id.
  PricedCart priced = PriceOk(CartOf(catalog, {{"c", 1}, {"b", 1}, {"a", 1}}), catalog, {}, request);
  EXPECT_EQ(LineOf(priced, "a").payable, 1000 - 334);
  EXPECT_EQ(LineOf(priced, "b").payable, 1000 - 333);
  EXPECT_EQ(LineOf(priced, "c").payable, 1000 - 333);
  EXPECT_EQ(priced.total_payable, 2000);
  EXPECT_EQ(priced.applied_coupons, (std::vector<std::string>{"c1000"}));
}

TEST(PricingRegression, FiveOffOneOnFourNinetyPlusTenCentsPaysFourExactly) {
  const CatalogView catalog = Catalog({Sku("big", 490), Sku("small", 10)});
  Promotion manjian;
  manjian.id = "m5-1";
  manjian.kind = PromotionKind::kThresholdOff;
  manjian.tiers = {{500, 100}};
  PricedCart priced = PriceOk(CartOf(catalog, {{"big", 1}, {"small", 1}}), catalog, {manjian});
  EXPECT_EQ(priced.total_payable, 400);  // not 3.98
  EXPECT_EQ(LineOf(priced, "big").payable, 392);
  EXPECT_EQ(LineOf(priced, "small").payable, 8);
}

TEST(PricingRegression, FullShippingDiscountNeverMakesTheTotalNegative) {
  const CatalogView catalog = Catalog({Sku("pen", 300)});
  Promotion postage;
  postage.id = "ship";
  postage.kind = PromotionKind::kShipping;
  postage.flat_fee = 800;
  postage.free_over = 200;  // already free by threshold...
  PricingRequest request;
  Coupon all_postage;  // ...and a 100% shipping coupon on top
  all_postage.id = "ship100";
  all_postage.kind = CouponKind::kShipping;
  all_postage.percent_off_bp = 10000;
  Coupon fixed_postage;
  fixed_postage.id = "ship5";
  fixed_postage.kind = CouponKind::kShipping;
  fixed_postage.amount_off = 500;
  request.coupons = {all_postage, fixed_postage};
  request.choose_best_coupons = false;
  request.selected_coupons = {"ship100", "ship5"};
  PricedCart priced = PriceOk(CartOf(catalog, {{"pen", 1}}), catalog, {postage}, request);
  EXPECT_EQ(priced.shipping_fee, 800);
  EXPECT_EQ(priced.shipping_payable, 0);
  EXPECT_EQ(priced.total_payable, 300);
  ASSERT_EQ(priced.shipping_adjustments.size(), 1u);  // the coupons found nothing left to take
  EXPECT_EQ(priced.shipping_adjustments[0].source_id, "ship");

  postage.free_over = kUnlimited;
  priced = PriceOk(CartOf(catalog, {{"pen", 1}}), catalog, {postage}, request);
  EXPECT_EQ(priced.shipping_payable, 0);
  EXPECT_EQ(priced.total_payable, 300);
  EXPECT_EQ(priced.coupons[0].amount, 800);  // ship100
  EXPECT_EQ(priced.coupons[1].amount, 0);    // ship5 applied after it, on nothing
}

Promotion BuyTwoGetOne(int64_t max_applications) {
  Promotion promotion;
  promotion.id = "b2g1";
  promotion.kind = PromotionKind::kBuyXGetY;
  promotion.buy_quantity = 2;
  promotion.get_quantity = 1;
  promotion.percent_off_bp = 10000;
  promotion.max_applications = max_applications;
  return promotion;
}

TEST(PricingRegression, BuyXGetYRepeatsPerMultipleUpToItsMax) {
  const CatalogView catalog = Catalog({Sku("mug", 1000)});
  const Promotion promotion = BuyTwoGetOne(2);
  const int64_t expected_free[] = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
  for (int64_t quantity = 1; quantity <= 10; ++quantity) {
    PricedCart priced = PriceOk(CartOf(catalog, {{"mug", quantity}}), catalog, {promotion});
    EXPECT_EQ(priced.total_payable, 1000 * (quantity - expected_free[quantity])) << quantity;
  }
}

TEST(PricingRegression, BuyXGetYGiftSkuRepeatsPerMultipleOfX) {
  const CatalogView catalog = Catalog({Sku("tea", 2000), Sku("cup", 300)});
  Promotion promotion = BuyTwoGetOne(3);
  promotion.skus = {"tea"};
  promotion.get_skus = {"cup"};
  // 5 teas = 2 multiples of 2: two cups free out of four.
  PricedCart priced = PriceOk(CartOf(catalog, {{"tea", 5}, {"cup", 4}}), catalog, {promotion});
  EXPECT_EQ(LineOf(priced, "cup").payable, 600);
  EXPECT_EQ(LineOf(priced, "tea").payable, 10000);
  // 8 teas = 4 multiples, capped at 3; only as many cups as are in the cart.
  priced = PriceOk(CartOf(catalog, {{"tea", 8}, {"cup", 2}}), catalog, {promotion});
  EXPECT_EQ(LineOf(priced, "cup").payable, 0);
}

TEST(PricingRegression, BuyXGetYDoesNotDependOnLineOrder) {
  const CatalogView catalog = Catalog({Sku("a", 1000), Sku("b", 700), Sku("c", 700), Sku("d", 300)});
  const Promotion promotion = BuyTwoGetOne(5);
  PricedCart forward = PriceOk(CartOf(catalog, {{"a", 2}, {"b", 1}, {"c", 2}, {"d", 1}}), catalog, {promotion});
  PricedCart backward = PriceOk(CartOf(catalog, {{"d", 1}, {"c", 2}, {"b", 1}, {"a", 2}}), catalog, {promotion});
  // 6 units -> 2 free: the cheapest two (d 300 and one of the 700s, the tie to the later SKU id).
  EXPECT_EQ(forward.total_payable, 2000 + 700 + 1400 + 300 - 300 - 700);
  EXPECT_EQ(forward.total_payable, backward.total_payable);
  EXPECT_EQ(forward.hash, backward.hash);
  EXPECT_EQ(LineOf(forward, "c").payable, 700);
  EXPECT_EQ(LineOf(backward, "c").payable, 700);
  EXPECT_EQ(LineOf(forward, "b").payable, 700);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
