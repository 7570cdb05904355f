// The rule set of the pricing pipeline, as versioned data the server and the
// device share: which phases run in which order, how amounts round, what
// activity orders skip, and the lowest an order may cost.
#ifndef SHOPCORE_CART_PRICING_RULES_H_
#define SHOPCORE_CART_PRICING_RULES_H_

#include <cstdint>
#include <vector>

#include "shopcore/cart/phase.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// The rule-set versions this build can price.
constexpr int kPricingRulesVersion = 1;

struct PricingRules {
  int version = kPricingRulesVersion;
  // Each phase at most once; a phase not listed does not run.
  // Default: ACTIVITY, ITEM_PRICE, THRESHOLD, COUPON, POINTS, SHIPPING, POINTS_EARNED.
  std::vector<Phase> phases = DefaultPhases();
  // Percentages of amounts (25% off 19.99) round with this mode.
  RoundingMode rounding = RoundingMode::kHalfUp;
  // Phases an activity order (any line at a flash/group/bargain price) skips.
  // Default: ITEM_PRICE, THRESHOLD, COUPON, POINTS (CRMEB's and yudao's policy).
  std::vector<Phase> activity_order_skips = DefaultActivityOrderSkips();
  // Order-level discounts (thresholds, coupons, points) stop at this goods
  // payable (e.g. 1 fen when paying by WeChat); 0 allows free orders.
  int64_t minimum_payable = 0;

  static PricingRules Default();
  static std::vector<Phase> DefaultPhases();
  static std::vector<Phase> DefaultActivityOrderSkips();
};

// UNSUPPORTED_VERSION for a version this build does not know; INVALID_ARGUMENT
// for a repeated phase or a negative minimum.
Status ValidatePricingRules(const PricingRules& rules);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICING_RULES_H_
