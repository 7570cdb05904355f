// The shopper's coupons and why one cannot be used.
#ifndef SHOPCORE_CART_COUPON_H_
#define SHOPCORE_CART_COUPON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/promotion.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

enum class CouponKind {
  kFixed,     // FIXED: amount_off
  kPercent,   // PERCENT: percent_off_bp of the eligible amount, at most cap
  kShipping,  // SHIPPING: amount_off of postage (kUnlimited: all of it) or percent_off_bp of it
};

const char* CouponKindName(CouponKind kind);

struct Coupon {
  std::string id;
  CouponKind kind = CouponKind::kFixed;
  int64_t amount_off = 0;
  int64_t percent_off_bp = 0;
  int64_t cap = kUnlimited;         // PERCENT: the most it takes off
  int64_t threshold = 0;            // the eligible amount must be at least this (满X可用)
  std::vector<std::string> skus;    // scope (both empty: all lines)
  std::vector<std::string> categories;
  std::vector<std::string> markets;  // empty: every market
  int64_t starts_at = 0;
  int64_t expires_at = kForever;    // usable while now < expires_at
  // At most one coupon of a class applies (platform / shop / product...);
  // "" puts the coupon in a class of its own.
  std::string exclusive_class;
  bool combinable_with_promotions = true;  // false: unusable once a THRESHOLD promotion applied
  bool used = false;                // redeemed already (the server says so; the device never claims it)
};

// Stable reason codes (CouponRefusalName) the UI turns into text;
// BELOW_THRESHOLD carries the amount short ("差¥12可用").
enum class CouponRefusal {
  kNone = 0,
  kUsed,                 // USED
  kNotStarted,           // NOT_STARTED
  kExpired,              // EXPIRED
  kWrongMarket,          // WRONG_MARKET: not valid in this market
  kNoEligibleItems,      // NO_ELIGIBLE_ITEMS: nothing in the cart is in its scope
  kBelowThreshold,       // BELOW_THRESHOLD: short_by more needed
  kActivityOrder,        // ACTIVITY_ORDER: activity orders take no coupons
  kExcludedByPromotion,  // EXCLUDED_BY_PROMOTION: a promotion that applied excludes coupons
  kPhaseDisabled,        // PHASE_DISABLED: the rule set does not run the coupon phase
  kClassConflict,        // CLASS_CONFLICT: another coupon of its class was chosen
  kNotBest,              // NOT_BEST: usable, but not in the set that saves most
  kNotSelected,          // NOT_SELECTED: usable, but the request selected coupons and not this one
};

const char* CouponRefusalName(CouponRefusal refusal);

Status ValidateCoupons(const std::vector<Coupon>& coupons);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_COUPON_H_
