// The working state the pipeline phases pass along. Internal to the cart
// module: Price() builds it, the phases transform it, and the result is
// read out into a PricedCart at the end.
#ifndef SHOPCORE_SRC_CART_PRICING_STATE_H_
#define SHOPCORE_SRC_CART_PRICING_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/coupon.h"
#include "shopcore/cart/priced_cart.h"
#include "shopcore/cart/pricing_request.h"
#include "shopcore/cart/pricing_rules.h"
#include "shopcore/cart/promotion.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

struct WorkLine {
  const SkuInfo* sku = nullptr;
  size_t cart_index = 0;  // position in the cart, for output order only
  int64_t quantity = 0;
  int64_t unit_list = 0;
  int64_t list_total = 0;
  int64_t payable = 0;
  std::vector<Adjustment> adjustments;
  bool activity_priced = false;
  // Off in search copies (best coupon set, exclusivity trials), which only
  // need the payables: not recording saves copying every adjustment list.
  bool record_adjustments = true;
};

// Which lines each scoped promotion or coupon covers, decided once per
// price() instead of comparing SKU strings in every phase and trial. Keyed
// by the address of the scope's SKU list (unique per promotion and field).
using ScopeIndex = std::map<const std::vector<std::string>*, std::vector<uint8_t>>;

struct PricingState {
  const CatalogView* catalog = nullptr;
  const ScopeIndex* scopes = nullptr;  // may be null: scopes are then checked directly
  const PricingRules* rules = nullptr;
  const PricingRequest* request = nullptr;

  std::vector<WorkLine> lines;  // canonical order: by SKU id
  bool activity_order = false;
  bool threshold_promotion_applied = false;
  std::string coupons_excluded_by;  // id of an applied promotion that excludes coupons

  std::vector<const Coupon*> shipping_coupons;  // chosen in the coupon phase, used in shipping
  int64_t shipping_fee = 0;
  std::vector<Adjustment> shipping_adjustments;
  int64_t points_used = 0;
  int64_t points_earned = 0;

  std::map<std::string, PromotionOutcome> promotion_outcomes;
  std::map<std::string, CouponOutcome> coupon_outcomes;
  std::vector<Nudge> nudges;

  int64_t GoodsPayable() const;
  int64_t ShippingPayable() const;
  // The most an order-level discount may still take off the goods.
  int64_t OrderRoom() const;
  void SetPromotionStatus(const std::string& id, const std::string& status);

  // A copy for trying alternatives: the same amounts, but no adjustment
  // lists, outcomes or nudges (a trial reads only what it changes).
  PricingState SearchCopy() const;
};

// Whether a SKU is in a promotion's or coupon's scope (both lists empty: all).
bool InScope(const SkuInfo& sku, const std::vector<std::string>& skus, const std::vector<std::string>& categories);

// The same for state.lines[index], through state.scopes when it has the scope.
bool LineInScope(const PricingState& state, size_t index, const std::vector<std::string>& skus,
                 const std::vector<std::string>& categories);

// Indices of lines in scope that still have something to discount.
std::vector<size_t> EligibleLines(const PricingState& state, const std::vector<std::string>& skus,
                                  const std::vector<std::string>& categories);
int64_t PayableOf(const PricingState& state, const std::vector<size_t>& lines);

// Takes up to `amount` off one line (never below zero); returns what it took.
int64_t TakeOffLine(WorkLine& line, const std::string& source_id, Phase phase, int64_t amount);

// Takes an order-level amount off the given lines: clamped to their payable
// and to the order room, split by exact largest remainder with the lines'
// payables as weights (which keeps every share within its line). Returns
// the amount taken.
Result<int64_t> TakeOffOrder(PricingState& state, const std::vector<size_t>& lines, int64_t amount,
                             const std::string& source_id, Phase phase);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_PRICING_STATE_H_
