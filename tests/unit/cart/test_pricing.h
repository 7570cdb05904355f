// Helpers for pricing tests: carts, promotions and coupons built in C++.
#ifndef SHOPCORE_TESTS_UNIT_CART_TEST_PRICING_H_
#define SHOPCORE_TESTS_UNIT_CART_TEST_PRICING_H_

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "cart/test_catalog.h"
#include "shopcore/cart/canonical_hash.h"
#include "shopcore/cart/price.h"

namespace shopcore {
namespace cart {
namespace testing {

inline Cart CartOf(const CatalogView& catalog, std::vector<std::pair<std::string, int64_t>> lines) {
  Cart cart;
  for (const auto& line : lines) EXPECT_TRUE(cart.Add(catalog, line.first, line.second).ok()) << line.first;
  return cart;
}

inline PricedCart PriceOk(const Cart& cart, const CatalogView& catalog, const std::vector<Promotion>& promotions,
                          const PricingRequest& request = {}, const PricingRules& rules = PricingRules::Default()) {
  auto priced = Price(cart, catalog, promotions, rules, request);
  EXPECT_TRUE(priced.ok()) << priced.error().ToString();
  return priced.ok() ? *priced : PricedCart{};
}

inline const PricedLine& LineOf(const PricedCart& priced, const std::string& sku) {
  for (const auto& line : priced.lines) {
    if (line.sku_id == sku) return line;
  }
  ADD_FAILURE() << "no line " << sku;
  static PricedLine none;
  return none;
}

inline const PromotionOutcome& OutcomeOf(const PricedCart& priced, const std::string& id) {
  for (const auto& outcome : priced.promotions) {
    if (outcome.promotion_id == id) return outcome;
  }
  ADD_FAILURE() << "no promotion outcome " << id;
  static PromotionOutcome none;
  return none;
}

inline const CouponOutcome& CouponOf(const PricedCart& priced, const std::string& id) {
  for (const auto& outcome : priced.coupons) {
    if (outcome.coupon_id == id) return outcome;
  }
  ADD_FAILURE() << "no coupon outcome " << id;
  static CouponOutcome none;
  return none;
}

inline Promotion ThresholdOff(std::string id, std::vector<Tier> tiers) {
  Promotion promotion;
  promotion.id = std::move(id);
  promotion.kind = PromotionKind::kThresholdOff;
  promotion.tiers = std::move(tiers);
  return promotion;
}

inline Promotion Shipping(std::string id, int64_t fee, int64_t free_over) {
  Promotion promotion;
  promotion.id = std::move(id);
  promotion.kind = PromotionKind::kShipping;
  promotion.flat_fee = fee;
  promotion.free_over = free_over;
  return promotion;
}

inline Coupon FixedCoupon(std::string id, int64_t off, int64_t threshold = 0) {
  Coupon coupon;
  coupon.id = std::move(id);
  coupon.kind = CouponKind::kFixed;
  coupon.amount_off = off;
  coupon.threshold = threshold;
  return coupon;
}

inline Coupon PercentCoupon(std::string id, int64_t bp, int64_t cap = kUnlimited) {
  Coupon coupon;
  coupon.id = std::move(id);
  coupon.kind = CouponKind::kPercent;
  coupon.percent_off_bp = bp;
  coupon.cap = cap;
  return coupon;
}

}  // namespace testing
}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_TESTS_UNIT_CART_TEST_PRICING_H_
