// JSON of a priced cart: the bytes `shopcore price` prints natively and
// through wasm. Deterministic: fixed key order, no whitespace, arrays in the
// PricedCart's order. Amounts are exact major-unit strings of the cart's
// currency ("14.99"), so no JavaScript number ever rounds them; counts and
// points are JSON integers; enums are their stable names.
//
// {"currency":"CNY","rules_version":1,"activity_order":false,
//  "lines":[{"sku":"A","quantity":2,"unit_list_price":"19.99","list_total":"39.98",
//            "adjustments":[{"source":"p1","phase":"ITEM_PRICE","amount":"10.00"}],
//            "payable":"29.98","activity_priced":false,
//            "units":[{"count":2,"unit_payable":"14.99","adjustments":[...]}]}],
//  "totals":{"list":"39.98","discount":"10.00","goods":"29.98","shipping_fee":"0.00",
//            "shipping":"0.00","payable":"29.98"},
//  "shipping_adjustments":[...],"points":{"used":0,"earned":0},
//  "applied_coupons":["c1"],
//  "coupons":[{"id":"c1","applied":true,"amount":"5.00","reason":"NONE","short_by":"0.00"}],
//  "promotions":[{"id":"p1","status":"APPLIED","amount":"10.00"}],
//  "nudges":[{"promotion":"p2","kind":"THRESHOLD","amount_short":"12.00","reward":"30.00"}],
//  "hash":"0123456789abcdef"}
//
// A promotion's "amount" is points for POINTS_EARNED; a nudge's "reward" is
// basis points for a THRESHOLD_PERCENT tier (JSON integers in both cases).
#ifndef SHOPCORE_CART_PRICED_CART_JSON_H_
#define SHOPCORE_CART_PRICED_CART_JSON_H_

#include <string>
#include <vector>

#include "shopcore/cart/priced_cart.h"

namespace shopcore {
namespace cart {

std::string PricedCartToJson(const PricedCart& priced);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICED_CART_JSON_H_
