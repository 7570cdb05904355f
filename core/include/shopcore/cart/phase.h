// The phases of the pricing pipeline. Each promotion belongs to exactly one
// phase (fixed by its kind); the rule set lists which phases run and in what
// order. The default order is yudao's/Youzan's calculator chain:
// activity price -> member vs limited-time price -> thresholds -> coupons ->
// points -> shipping -> points earned.
#ifndef SHOPCORE_CART_PHASE_H_
#define SHOPCORE_CART_PHASE_H_

#include <string_view>

#include "shopcore/status.h"

namespace shopcore {
namespace cart {

enum class Phase {
  kActivity,      // ACTIVITY: flash sale, group-buy, bargain prices
  kItemPrice,     // ITEM_PRICE: member price vs limited-time discount, best of
  kThreshold,     // THRESHOLD: 满减, 满折, Nth item, buy-X-get-Y, bundles
  kCoupon,        // COUPON: the shopper's coupons
  kPoints,        // POINTS: 积分抵扣
  kShipping,      // SHIPPING: postage, free shipping, shipping coupons, pickup
  kPointsEarned,  // POINTS_EARNED: points the order will earn
};

constexpr int kPhaseCount = 7;

const char* PhaseName(Phase phase);
Result<Phase> ParsePhase(std::string_view name);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PHASE_H_
