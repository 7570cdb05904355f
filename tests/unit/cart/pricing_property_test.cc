// Properties over random carts, promotions and wallets (seeded, so a failure
// reproduces): parts add up, nothing is negative, the best coupon set is
// never worse than any single coupon, and the order lines were added never
// changes the price.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "cart/test_pricing.h"

namespace shopcore {
namespace cart {
namespace {

using namespace testing;  // NOLINT: test helpers

constexpr int64_t kNow = 1767225600000;

class RandomShop {
 public:
  explicit RandomShop(uint64_t seed) : random_(seed) {}

  int64_t Between(int64_t low, int64_t high) { return low + static_cast<int64_t>(random_() % (high - low + 1)); }
  bool Chance(int percent) { return Between(1, 100) <= percent; }

  CatalogView MakeCatalog() {
    CatalogView catalog = Catalog({});
    for (int i = 0; i < 8; ++i) {
      SkuInfo sku = Sku("sku" + std::to_string(i), Between(0, 1) ? Between(1, 500) : Between(500, 60000),
                        Chance(50) ? "food" : "home");
      catalog.skus[sku.id] = sku;
    }
    return catalog;
  }

  std::vector<std::string> SomeSkus() {
    std::vector<std::string> skus;
    for (int i = 0; i < 8; ++i) {
      if (Chance(35)) skus.push_back("sku" + std::to_string(i));
    }
    return skus;
  }

  std::vector<Promotion> MakePromotions() {
    std::vector<Promotion> promotions;
    auto next_id = [&]() { return "promo" + std::to_string(promotions.size()); };
    if (Chance(15)) {
      Promotion flash;
      flash.id = next_id();
      flash.kind = PromotionKind::kFlashSale;
      flash.sku_prices = {{"sku" + std::to_string(Between(0, 7)), Between(0, 300), Chance(50) ? kUnlimited : Between(0, 3)}};
      promotions.push_back(flash);
    }
    if (Chance(50)) {
      Promotion member;
      member.id = next_id();
      member.kind = PromotionKind::kMemberPrice;
      member.member_tier = "gold";
      member.percent_off_bp = Between(1, 3000);
      promotions.push_back(member);
    }
    if (Chance(50)) {
      Promotion limited;
      limited.id = next_id();
      limited.kind = PromotionKind::kLimitedTime;
      limited.percent_off_bp = Between(1, 5000);
      limited.skus = SomeSkus();
      promotions.push_back(limited);
    }
    const int thresholds = static_cast<int>(Between(0, 4));
    for (int i = 0; i < thresholds; ++i) {
      Promotion promotion;
      promotion.id = next_id();
      promotion.priority = static_cast<int>(Between(0, 2));
      promotion.stop_after = Chance(15);
      promotion.exclusivity_group = Chance(30) ? "g" : "";
      promotion.categories = Chance(30) ? std::vector<std::string>{"food"} : std::vector<std::string>{};
      switch (Between(0, 4)) {
        case 0:
          promotion.kind = PromotionKind::kThresholdOff;
          promotion.repeat = Chance(40);
          promotion.tiers = {{Between(1, 30000), Between(1, 5000)}};
          if (!promotion.repeat && Chance(50)) {
            promotion.tiers.push_back({promotion.tiers[0].threshold + Between(1, 30000), Between(1, 9000)});
          }
          if (Chance(50)) promotion.max_applications = Between(1, 4);
          break;
        case 1:
          promotion.kind = PromotionKind::kThresholdPercent;
          promotion.tiers = {{Between(0, 30000), Between(1, 3000)}};
          break;
        case 2:
          promotion.kind = PromotionKind::kNthItem;
          promotion.nth = Between(2, 4);
          promotion.percent_off_bp = Between(1, 10000);
          break;
        case 3:
          promotion.kind = PromotionKind::kBuyXGetY;
          promotion.buy_quantity = Between(1, 3);
          promotion.get_quantity = Between(1, 2);
          promotion.percent_off_bp = Between(1, 10000);
          if (Chance(30)) promotion.get_skus = {"sku" + std::to_string(Between(0, 7))};
          if (Chance(50)) promotion.max_applications = Between(1, 3);
          break;
        default:
          promotion.kind = PromotionKind::kBundle;
          promotion.bundle = {{"sku" + std::to_string(Between(0, 3)), Between(1, 2)},
                              {"sku" + std::to_string(Between(4, 7)), 1}};
          promotion.bundle_price = Between(0, 40000);
          break;
      }
      promotions.push_back(promotion);
    }
    if (Chance(50)) {
      Promotion points;
      points.id = next_id();
      points.kind = PromotionKind::kPointsRedemption;
      points.points_per_block = Between(1, 100);
      points.block_value = Between(1, 100);
      points.cap_bp = Between(1, 10000);
      promotions.push_back(points);
    }
    if (Chance(70)) {
      promotions.push_back(Shipping(next_id(), Between(0, 1500), Chance(60) ? Between(0, 40000) : kUnlimited));
    }
    if (Chance(50)) {
      Promotion earn;
      earn.id = next_id();
      earn.kind = PromotionKind::kPointsEarned;
      earn.points_per_block = Between(1, 10);
      earn.block_value = Between(1, 1000);
      promotions.push_back(earn);
    }
    return promotions;
  }

  std::vector<Coupon> MakeWallet() {
    std::vector<Coupon> wallet;
    const int count = static_cast<int>(Between(0, 6));
    const char* classes[] = {"", "platform", "shop"};
    for (int i = 0; i < count; ++i) {
      Coupon coupon;
      coupon.id = "coupon" + std::to_string(i);
      switch (Between(0, 2)) {
        case 0:
          coupon = FixedCoupon(coupon.id, Between(1, 8000), Chance(50) ? Between(0, 50000) : 0);
          break;
        case 1:
          coupon = PercentCoupon(coupon.id, Between(1, 10000), Chance(50) ? Between(1, 5000) : kUnlimited);
          break;
        default:
          coupon.kind = CouponKind::kShipping;
          coupon.amount_off = Chance(50) ? kUnlimited : Between(1, 1000);
          break;
      }
      coupon.exclusive_class = classes[Between(0, 2)];
      coupon.skus = Chance(25) ? SomeSkus() : std::vector<std::string>{};
      coupon.expires_at = Chance(10) ? kNow : kNow + Between(1, 1000000);
      coupon.combinable_with_promotions = !Chance(15);
      wallet.push_back(coupon);
    }
    return wallet;
  }

  std::vector<std::pair<std::string, int64_t>> MakeLines() {
    std::vector<std::pair<std::string, int64_t>> lines;
    for (int i = 0; i < 8; ++i) {
      if (Chance(50)) lines.push_back({"sku" + std::to_string(i), Between(1, 6)});
    }
    return lines;
  }

  template <typename T>
  void Shuffle(std::vector<T>& items) {
    std::shuffle(items.begin(), items.end(), random_);
  }

 private:
  std::mt19937_64 random_;
};

void ExpectPartsAddUp(const PricedCart& priced) {
  int64_t list = 0, goods = 0;
  for (const auto& line : priced.lines) {
    int64_t adjusted = 0;
    std::map<std::string, int64_t> by_source;
    for (const auto& adjustment : line.adjustments) {
      EXPECT_GT(adjustment.amount, 0);
      adjusted += adjustment.amount;
      by_source[adjustment.source_id] += adjustment.amount;
    }
    EXPECT_EQ(line.list_total, line.unit_list_price * line.quantity);
    EXPECT_EQ(line.list_total - adjusted, line.payable);
    EXPECT_GE(line.payable, 0);
    int64_t units = 0, unit_total = 0;
    std::map<std::string, int64_t> unit_by_source;
    for (const auto& bucket : line.units) {
      EXPECT_GT(bucket.count, 0);
      EXPECT_GE(bucket.unit_payable, 0);
      units += bucket.count;
      unit_total += bucket.count * bucket.unit_payable;
      for (const auto& adjustment : bucket.adjustments) unit_by_source[adjustment.source_id] += bucket.count * adjustment.amount;
    }
    EXPECT_EQ(units, line.quantity);
    EXPECT_EQ(unit_total, line.payable);
    EXPECT_EQ(unit_by_source, by_source);
    list += line.list_total;
    goods += line.payable;
  }
  EXPECT_EQ(priced.list_total, list);
  EXPECT_EQ(priced.goods_payable, goods);
  EXPECT_EQ(priced.discount_total, list - goods);
  int64_t shipping_off = 0;
  for (const auto& adjustment : priced.shipping_adjustments) shipping_off += adjustment.amount;
  EXPECT_EQ(priced.shipping_payable, priced.shipping_fee - shipping_off);
  EXPECT_GE(priced.shipping_payable, 0);
  EXPECT_EQ(priced.total_payable, goods + priced.shipping_payable);
  EXPECT_GE(priced.goods_payable, 0);
  EXPECT_GE(priced.points_used, 0);
  EXPECT_GE(priced.points_earned, 0);
}

TEST(PricingProperties, RandomCartsAddUpAreNeverNegativeAndIgnoreLineOrder) {
  RandomShop shop(20261122);
  int with_coupons = 0;
  for (int round = 0; round < 300; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const CatalogView catalog = shop.MakeCatalog();
    const std::vector<Promotion> promotions = shop.MakePromotions();
    PricingRules rules;
    rules.minimum_payable = shop.Chance(30) ? shop.Between(1, 100) : 0;
    PricingRequest request;
    request.now = kNow;
    request.member_tier = shop.Chance(50) ? "gold" : "";
    request.points_balance = shop.Between(0, 5000);
    request.pickup = shop.Chance(20);
    request.coupons = shop.MakeWallet();
    auto lines = shop.MakeLines();

    PricedCart priced = PriceOk(CartOf(catalog, lines), catalog, promotions, request, rules);
    ExpectPartsAddUp(priced);
    if (!priced.applied_coupons.empty()) ++with_coupons;

    shop.Shuffle(lines);
    PricedCart shuffled = PriceOk(CartOf(catalog, lines), catalog, promotions, request, rules);
    EXPECT_EQ(shuffled.hash, priced.hash);
    EXPECT_EQ(shuffled.total_payable, priced.total_payable);
    EXPECT_EQ(CanonicalBytes(shuffled), CanonicalBytes(priced));

    // Never worse than any single coupon the shopper could have picked.
    for (const auto& coupon : request.coupons) {
      PricingRequest single = request;
      single.choose_best_coupons = false;
      single.selected_coupons = {coupon.id};
      PricedCart alone = PriceOk(CartOf(catalog, lines), catalog, promotions, single, rules);
      EXPECT_LE(priced.total_payable, alone.total_payable) << coupon.id;
      ExpectPartsAddUp(alone);
    }
  }
  EXPECT_GT(with_coupons, 30);  // the generator does exercise coupons
}

// The pruned search must find exactly what trying every allowed subset finds.
TEST(PricingProperties, BestCouponSetMatchesBruteForceOverEverySubset) {
  RandomShop shop(77);
  for (int round = 0; round < 150; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const CatalogView catalog = shop.MakeCatalog();
    const std::vector<Promotion> promotions = shop.MakePromotions();
    PricingRequest request;
    request.now = kNow;
    request.points_balance = shop.Between(0, 5000);
    request.coupons = shop.MakeWallet();
    const auto lines = shop.MakeLines();
    const PricedCart best = PriceOk(CartOf(catalog, lines), catalog, promotions, request);

    const size_t n = request.coupons.size();
    int64_t lowest = INT64_MAX;
    for (uint32_t mask = 0; mask < (1u << n); ++mask) {
      PricingRequest subset = request;
      subset.choose_best_coupons = false;
      std::map<std::string, int> per_class;
      bool allowed = true;
      for (size_t i = 0; i < n; ++i) {
        if ((mask & (1u << i)) == 0) continue;
        const Coupon& coupon = request.coupons[i];
        if (!coupon.exclusive_class.empty() && ++per_class[coupon.exclusive_class] > 1) allowed = false;
        subset.selected_coupons.push_back(coupon.id);
      }
      if (!allowed) continue;
      lowest = std::min(lowest, PriceOk(CartOf(catalog, lines), catalog, promotions, subset).total_payable);
    }
    EXPECT_EQ(best.total_payable, lowest);
  }
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
