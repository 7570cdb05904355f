// Snapshot adapters of the pricing engine: the cart's plain types
// (CatalogView, Promotion, Coupon, PricingRules) filled from an opened
// catalog snapshot for one market at one moment. The engine itself never
// sees FlatBuffers; these functions are the only bridge.
//
// Mapping notes (schema -> engine), where the two models differ:
// - A Scope (items, skus, brands, category-path prefixes, exclude_items) is
//   resolved here to the explicit SKU ids of the market, because the engine
//   matches SKU ids and exact categories only. A scope that matches nothing
//   in this market becomes the impossible category "/" so it never widens
//   to "every line".
// - PromotionKind AmountOff / PercentOff are threshold-phase discounts with a
//   zero threshold (THRESHOLD_OFF / THRESHOLD_PERCENT), or LIMITED_TIME when
//   their phase is MemberOrLimited; a percentage cap is refused (the engine
//   has no capped percentage promotion).
// - FlashSale: the window in force at `now` (else the first, which then
//   reports NOT_ACTIVE) gives the window and its SKU prices and quotas.
// - Market shipping rules become SHIPPING promotions (Flat, FreeOver); the
//   request picks one by id, or the first by id. ByWeight is refused.
// - Group-buy campaigns become GROUP_BUY promotions at group_price (the
//   leader's price when the request says the shopper leads); bargain
//   campaigns become BARGAIN promotions at the price the request carries.
// - PointsRule of the market: POINTS_REDEMPTION and POINTS_EARNED
//   (earn_per_unit points per major unit paid).
// Errors name the snapshot path: "promotions[3].cap", "markets[DE].shipping_rules[0]".
#ifndef SHOPCORE_CART_SNAPSHOT_CATALOG_H_
#define SHOPCORE_CART_SNAPSHOT_CATALOG_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/coupon.h"
#include "shopcore/cart/pricing_rules.h"
#include "shopcore/cart/promotion.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// The SKUs priced in market (a price there, and the item sellable there:
// an empty sellable_markets means everywhere). purchased: units this
// shopper already bought per SKU, taken off the per-user purchase limit.
// NOT_FOUND "markets" for an unknown market.
Result<CatalogView> CatalogViewFromSnapshot(const Snapshot& snapshot, std::string_view market,
                                            const std::map<std::string, int64_t>& purchased = {});

// What of the shopper's situation decides which snapshot entries become
// promotions.
struct PromotionContext {
  int64_t now = 0;
  std::string shipping_rule;  // a market shipping rule id; "" = the first by id
  bool group_leader = false;  // group-buy: the shopper opens the group (团长价)
  // Bargain campaign id -> the price the shopper's bargain has reached.
  std::map<std::string, int64_t> bargain_prices;
};

Result<std::vector<Promotion>> PromotionsFromSnapshot(const Snapshot& snapshot, const CatalogView& view,
                                                      const PromotionContext& context);

// The snapshot coupon with this id as the engine's Coupon (its scope
// resolved in view's market). NOT_FOUND "coupons" when absent.
Result<Coupon> CouponFromSnapshot(const Snapshot& snapshot, const CatalogView& view, std::string_view coupon_id);

// The pricing policy plus the market's minimum payable.
Result<PricingRules> PricingRulesFromSnapshot(const Snapshot& snapshot, std::string_view market);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_SNAPSHOT_CATALOG_H_
