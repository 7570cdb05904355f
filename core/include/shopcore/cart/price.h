// Price(): the whole pipeline, a pure function of its arguments.
//
// Lines are priced in canonical order (by SKU id), so the result does not
// depend on the order lines were added; the output keeps cart order.
// Order-level amounts (thresholds, coupons, points) are split over the
// eligible lines by exact largest remainder with weights = each line's
// payable at that moment (ties to the lower SKU id), which never takes a
// line below zero, then over units the same way.
#ifndef SHOPCORE_CART_PRICE_H_
#define SHOPCORE_CART_PRICE_H_

#include <vector>

#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/priced_cart.h"
#include "shopcore/cart/pricing_request.h"
#include "shopcore/cart/pricing_rules.h"
#include "shopcore/cart/promotion.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// Errors: invalid rules / promotions / coupons (see their validators), a
// cart line whose SKU is not in the catalog (NOT_FOUND at "lines[i]"), a
// catalog without currency, OVERFLOW for amounts beyond int64.
Result<PricedCart> Price(const Cart& cart, const CatalogView& catalog, const std::vector<Promotion>& promotions,
                         const PricingRules& rules, const PricingRequest& request);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICE_H_
