// The cart of issue 4's benchmark: 50 lines, 30 promotions across every
// phase, and 20 coupons for the best-set search. Shared by the Google
// Benchmark program (bench/native/cart_pricing.cc) and the portable runner
// (bench/portable/workloads.h) so native and wasm time the same work.
#ifndef SHOPCORE_BENCH_CART_SCENARIO_H_
#define SHOPCORE_BENCH_CART_SCENARIO_H_

#include <string>
#include <vector>

#include "shopcore/cart.h"

namespace shopcore::bench {

using namespace shopcore::cart;  // NOLINT: benchmark brevity

struct Scenario {
  CatalogView catalog;
  Cart cart;
  std::vector<Promotion> promotions;
  PricingRequest request;
};

inline Scenario MakeScenario(int coupon_count) {
  Scenario s;
  s.catalog.currency = *shopcore::FindCurrency("CNY");
  s.catalog.market = "CN";
  for (int i = 0; i < 60; ++i) {
    SkuInfo sku;
    sku.id = "sku" + std::to_string(1000 + i);
    sku.list_price = 990 + 731 * (i % 17) + 13 * i;
    sku.category = i % 3 == 0 ? "food" : (i % 3 == 1 ? "home" : "toys");
    s.catalog.skus[sku.id] = sku;
  }
  for (int i = 0; i < 50; ++i) s.cart.Add(s.catalog, "sku" + std::to_string(1000 + (i * 7) % 60), 1 + i % 4);

  auto add = [&](Promotion p) {
    p.id = "p" + std::to_string(s.promotions.size());
    s.promotions.push_back(std::move(p));
  };
  Promotion flash;  // running, for SKUs not in the cart: checked, not an activity order
  flash.kind = PromotionKind::kFlashSale;
  flash.sku_prices = {{"sku9999", 100, 5}};
  add(flash);
  Promotion member;
  member.kind = PromotionKind::kMemberPrice;
  member.member_tier = "gold";
  member.percent_off_bp = 500;
  add(member);
  for (int i = 0; i < 4; ++i) {
    Promotion limited;
    limited.kind = PromotionKind::kLimitedTime;
    limited.percent_off_bp = 700 + 100 * i;
    for (int k = 0; k < 8; ++k) limited.skus.push_back("sku" + std::to_string(1000 + i * 8 + k));
    add(limited);
  }
  for (int i = 0; i < 6; ++i) {
    Promotion tiers;
    tiers.kind = PromotionKind::kThresholdOff;
    tiers.tiers = {{10000 * (i + 1), 500 * (i + 1)}, {30000 * (i + 1), 2000 * (i + 1)}};
    tiers.exclusivity_group = i < 3 ? "store" : "";
    tiers.categories = {i % 2 == 0 ? "food" : "home"};
    add(tiers);
  }
  for (int i = 0; i < 3; ++i) {
    Promotion every;
    every.kind = PromotionKind::kThresholdOff;
    every.repeat = true;
    every.tiers = {{30000, 3000}};
    every.max_applications = 3 + i;
    every.categories = {"toys"};
    every.priority = 1;
    add(every);
  }
  for (int i = 0; i < 3; ++i) {
    Promotion manzhe;
    manzhe.kind = PromotionKind::kThresholdPercent;
    manzhe.tiers = {{50000, 300 + 100 * i}};
    manzhe.exclusivity_group = "zhe";
    add(manzhe);
  }
  for (int i = 0; i < 3; ++i) {
    Promotion nth;
    nth.kind = PromotionKind::kNthItem;
    nth.nth = 2 + i;
    nth.percent_off_bp = 5000;
    nth.categories = {i == 0 ? "food" : "home"};
    add(nth);
  }
  for (int i = 0; i < 3; ++i) {
    Promotion bxgy;
    bxgy.kind = PromotionKind::kBuyXGetY;
    bxgy.buy_quantity = 2;
    bxgy.get_quantity = 1;
    bxgy.percent_off_bp = 10000;
    bxgy.max_applications = 2;
    for (int k = 0; k < 5; ++k) bxgy.skus.push_back("sku" + std::to_string(1030 + i * 5 + k));
    add(bxgy);
  }
  for (int i = 0; i < 2; ++i) {
    Promotion bundle;
    bundle.kind = PromotionKind::kBundle;
    bundle.bundle = {{"sku" + std::to_string(1000 + i), 1}, {"sku" + std::to_string(1007 + i), 1}};
    bundle.bundle_price = 2000;
    add(bundle);
  }
  Promotion points;
  points.kind = PromotionKind::kPointsRedemption;
  points.points_per_block = 100;
  points.block_value = 100;
  points.cap_bp = 2000;
  add(points);
  for (int i = 0; i < 2; ++i) {
    Promotion ship;
    ship.kind = PromotionKind::kShipping;
    ship.flat_fee = 1000;
    ship.free_over = 99000 + 100000 * i;
    ship.priority = i;
    add(ship);
  }
  Promotion earn;
  earn.kind = PromotionKind::kPointsEarned;
  earn.points_per_block = 1;
  earn.block_value = 100;
  add(earn);

  s.request.member_tier = "gold";
  s.request.points_balance = 5000;
  const char* classes[] = {"platform", "shop", "category", "shipping"};
  for (int i = 0; i < coupon_count; ++i) {
    Coupon coupon;
    coupon.id = "c" + std::to_string(100 + i);
    coupon.exclusive_class = classes[i % 4];
    if (i % 4 == 3) {
      coupon.kind = CouponKind::kShipping;
      coupon.amount_off = 300 + 100 * i;
    } else if (i % 3 == 0) {
      coupon.kind = CouponKind::kPercent;
      coupon.percent_off_bp = 500 + 50 * i;
      coupon.cap = 3000 + 500 * i;
    } else {
      coupon.kind = CouponKind::kFixed;
      coupon.amount_off = 500 + 300 * i;
      coupon.threshold = 20000 * (i % 5);
    }
    s.request.coupons.push_back(coupon);
  }
  return s;
}

}  // namespace shopcore::bench

#endif  // SHOPCORE_BENCH_CART_SCENARIO_H_
