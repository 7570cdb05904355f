// The result of pricing a cart: per line and per unit, every adjustment with
// the promotion or coupon it came from, the order totals, what each coupon
// and promotion did (or why not), 凑单 nudges and the canonical hash.
//
// All amounts are minor units of `currency`; discounts are positive numbers.
// Invariants (tested): per line, list_total - sum(adjustments) = payable >= 0;
// the units' payables add up to the line's; the lines add up to the totals.
#ifndef SHOPCORE_CART_PRICED_CART_H_
#define SHOPCORE_CART_PRICED_CART_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/cart/coupon.h"
#include "shopcore/cart/phase.h"
#include "shopcore/money/currency.h"

namespace shopcore {
namespace cart {

struct Adjustment {
  std::string source_id;  // the promotion or coupon id
  Phase phase = Phase::kActivity;
  int64_t amount = 0;     // taken off, > 0
  bool operator==(const Adjustment& other) const {
    return source_id == other.source_id && phase == other.phase && amount == other.amount;
  }
};

// `count` identical units of a line: refunds and commission use these.
struct UnitBucket {
  int64_t count = 0;
  int64_t unit_payable = 0;
  std::vector<Adjustment> adjustments;  // per unit
};

struct PricedLine {
  std::string sku_id;
  int64_t quantity = 0;
  int64_t unit_list_price = 0;
  int64_t list_total = 0;
  std::vector<Adjustment> adjustments;  // in pipeline order
  int64_t payable = 0;
  std::vector<UnitBucket> units;        // in unit order; counts add up to quantity
  bool activity_priced = false;
};

struct PromotionOutcome {
  std::string promotion_id;
  int64_t amount = 0;   // taken off in total (points earned for POINTS_EARNED)
  // "APPLIED", or why not: "NOT_ACTIVE", "WRONG_MARKET", "NOT_JOINED",
  // "NOT_TIER", "NO_ELIGIBLE_ITEMS", "BELOW_THRESHOLD", "NOT_BETTER",
  // "EXCLUDED_BY_GROUP", "STOPPED_BY_PREVIOUS", "ACTIVITY_ORDER",
  // "PHASE_DISABLED", "PICKUP".
  std::string status;
  bool amount_is_points = false;  // POINTS_EARNED: amount counts points, not money
};

struct CouponOutcome {
  std::string coupon_id;
  bool applied = false;
  int64_t amount = 0;                          // taken off when applied
  CouponRefusal refusal = CouponRefusal::kNone;
  int64_t short_by = 0;                        // BELOW_THRESHOLD: "差¥12可用"
};

// 凑单: how much more eligible spend reaches the next step.
struct Nudge {
  std::string promotion_id;
  std::string kind;        // "THRESHOLD" (next tier of a 满减/满折) or "FREE_SHIPPING"
  int64_t amount_short = 0;
  int64_t reward = 0;      // THRESHOLD: the tier's value (amount or bp); FREE_SHIPPING: the fee saved
  bool reward_is_basis_points = false;  // a THRESHOLD_PERCENT tier: reward is a percentage
};

struct PricedCart {
  const Currency* currency = nullptr;
  int rules_version = 0;
  bool activity_order = false;
  std::vector<PricedLine> lines;            // in cart order
  int64_t list_total = 0;                   // sum of line list totals
  int64_t discount_total = 0;               // sum of line adjustments
  int64_t goods_payable = 0;                // sum of line payables
  int64_t shipping_fee = 0;
  std::vector<Adjustment> shipping_adjustments;
  int64_t shipping_payable = 0;
  int64_t total_payable = 0;                // goods_payable + shipping_payable
  int64_t points_used = 0;
  int64_t points_earned = 0;
  std::vector<std::string> applied_coupons;  // sorted by id
  std::vector<CouponOutcome> coupons;        // every wallet coupon, sorted by id
  std::vector<PromotionOutcome> promotions;  // every promotion, sorted by id
  std::vector<Nudge> nudges;                 // sorted by amount_short, then id
  std::string hash;                          // PricedCartHash(*this), 16 hex digits
};

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICED_CART_H_
