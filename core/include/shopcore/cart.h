// The cart module: cart state and its persistence, promotions as data, the
// pricing pipeline and its result. One header per concept under cart/.
#ifndef SHOPCORE_CART_H_
#define SHOPCORE_CART_H_

#include "shopcore/cart/canonical_hash.h"
#include "shopcore/cart/cart_refusal.h"
#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/cart_state_json.h"
#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/coupon.h"
#include "shopcore/cart/phase.h"
#include "shopcore/cart/price.h"
#include "shopcore/cart/priced_cart.h"
#include "shopcore/cart/priced_cart_json.h"
#include "shopcore/cart/pricing_request.h"
#include "shopcore/cart/pricing_rules.h"
#include "shopcore/cart/promotion.h"

#endif  // SHOPCORE_CART_H_
