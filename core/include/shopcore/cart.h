// The cart module: cart state and its persistence, promotions as data, the
// pricing pipeline and its result. One header per concept under cart/.
#ifndef SHOPCORE_CART_H_
#define SHOPCORE_CART_H_

#include "shopcore/cart/cart_refusal.h"
#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/cart_state_json.h"
#include "shopcore/cart/catalog_view.h"

#endif  // SHOPCORE_CART_H_
