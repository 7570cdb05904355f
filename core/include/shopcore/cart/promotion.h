// Promotions as data. One flat struct for every kind (the snapshot stores
// them as a table of the same shape); each kind reads only its fields, and
// ValidatePromotions rejects values a kind cannot use.
//
// Amounts are minor units of the catalog view's currency; percentages are
// basis points (2500 = 25%); times are epoch milliseconds, windows are
// [starts_at, ends_at).
#ifndef SHOPCORE_CART_PROMOTION_H_
#define SHOPCORE_CART_PROMOTION_H_

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/phase.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

enum class PromotionKind {
  // Phase ACTIVITY. An order with any activity-priced line is an activity
  // order; the rule set says which later phases such orders skip.
  kFlashSale,       // FLASH_SALE 秒杀: sku_prices in the window, each up to its quota of units
  kGroupBuy,        // GROUP_BUY 拼团: sku_prices when the request names this activity
  kBargain,         // BARGAIN 砍价: sku_prices (the current bargain price) when named
  // Phase ITEM_PRICE: per line the better of these wins.
  kMemberPrice,     // MEMBER_PRICE: percent_off_bp for member_tier
  kLimitedTime,     // LIMITED_TIME 限时折扣: percent_off_bp, or sku_prices, in the window
  // Phase THRESHOLD.
  kThresholdOff,    // THRESHOLD_OFF 满减: tiers {threshold, amount off}; repeat = 每满
  kThresholdPercent,  // THRESHOLD_PERCENT 满折: tiers {threshold, percent off in bp}
  kNthItem,         // NTH_ITEM 第N件: every nth unit (by price, high first) at percent_off_bp
  kBuyXGetY,        // BUY_X_GET_Y: per buy_quantity units, get_quantity units at percent_off_bp
  kBundle,          // BUNDLE 套装: bundle components together for bundle_price
  // Phase POINTS.
  kPointsRedemption,  // POINTS_REDEMPTION 积分抵扣: points_per_block points pay block_value, up to cap_bp of payable
  // Phase SHIPPING.
  kShipping,        // SHIPPING: flat_fee, free at free_over (kUnlimited: never)
  // Phase POINTS_EARNED.
  kPointsEarned,    // POINTS_EARNED: points_per_block points per block_value paid
};

const char* PromotionKindName(PromotionKind kind);
Phase PhaseOf(PromotionKind kind);

struct SkuPrice {
  std::string sku_id;
  int64_t price = 0;             // per unit
  int64_t quota = kUnlimited;    // flash sale: units at this price for this shopper
};

struct Tier {
  int64_t threshold = 0;  // the eligible amount must be at least this
  int64_t value = 0;      // amount off (THRESHOLD_OFF) or basis points off (THRESHOLD_PERCENT)
};

struct BundleComponent {
  std::string sku_id;
  int64_t quantity = 1;
};

constexpr int64_t kForever = std::numeric_limits<int64_t>::max();

struct Promotion {
  std::string id;
  PromotionKind kind = PromotionKind::kThresholdOff;
  int64_t starts_at = 0;
  int64_t ends_at = kForever;
  std::vector<std::string> markets;  // empty: every market

  // Ordering and combination inside the phase: lower priority runs first
  // (ties by id); of the promotions sharing an exclusivity_group only the
  // one saving most applies; stop_after ends the phase once this applied;
  // excludes_coupons makes coupons unusable once this applied.
  int priority = 0;
  std::string exclusivity_group;
  bool stop_after = false;
  bool excludes_coupons = false;

  // Scope: the lines whose SKU id or category is listed (both empty: all).
  std::vector<std::string> skus;
  std::vector<std::string> categories;

  std::vector<SkuPrice> sku_prices;  // FLASH_SALE, GROUP_BUY, BARGAIN, LIMITED_TIME
  std::string member_tier;           // MEMBER_PRICE
  int64_t percent_off_bp = 0;        // MEMBER_PRICE, LIMITED_TIME, NTH_ITEM, BUY_X_GET_Y (10000: free)
  std::vector<Tier> tiers;           // THRESHOLD_OFF, THRESHOLD_PERCENT; ascending thresholds
  bool repeat = false;               // THRESHOLD_OFF: 每满 tiers[0].threshold 减 tiers[0].value
  int64_t max_applications = kUnlimited;  // repeat, BUY_X_GET_Y, BUNDLE
  int64_t nth = 0;                   // NTH_ITEM
  int64_t buy_quantity = 0;          // BUY_X_GET_Y
  int64_t get_quantity = 0;
  // BUY_X_GET_Y: when non-empty, the discounted units come from these SKUs
  // (a gift) and every buy_quantity units of the scope earn get_quantity;
  // when empty, each group of buy+get scope units discounts its cheapest get.
  std::vector<std::string> get_skus;
  std::vector<BundleComponent> bundle;  // BUNDLE
  int64_t bundle_price = 0;
  int64_t points_per_block = 0;      // POINTS_REDEMPTION, POINTS_EARNED
  int64_t block_value = 0;
  int64_t cap_bp = 10000;            // POINTS_REDEMPTION: at most this share of the payable
  int64_t flat_fee = 0;              // SHIPPING
  int64_t free_over = kUnlimited;

  bool ActiveAt(int64_t now) const { return now >= starts_at && now < ends_at; }
};

// Unique ids, fields in range for their kind, ascending tiers.
// INVALID_ARGUMENT / CONFLICT with path "promotions[i].field".
Status ValidatePromotions(const std::vector<Promotion>& promotions);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PROMOTION_H_
