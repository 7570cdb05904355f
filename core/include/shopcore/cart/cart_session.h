// CartSession: a shopper's cart as a front end holds it between calls (the
// lines, the market whose rules its operations check, the units already
// bought against per-user limits), and the JSON the engine answers with.
//
// Options (createCart / restoreCart), every key optional:
//   {"market": "DE",                 default: the snapshot's first market
//    "purchased": {"sku-1b": 2}}     units already bought, per SKU
// Answers (deterministic bytes, keys in this order):
//   lines:    [{"sku":"sku-1a","quantity":2}, ...]            cart order
//   changes:  [{"sku","quantity_before","quantity_after","reason"}]  reason: CartRefusalName
//   refusal:  {"refused":{"reason":"ABOVE_STOCK","allowed_quantity":3,
//              "code":"REFUSED","message":"...","path":"sku:sku-1a"}}
// A refusal is an answer, not an Error: the reason and the quantity the rule
// allows travel with it so a front end can say "only 3 left".
#ifndef SHOPCORE_CART_CART_SESSION_H_
#define SHOPCORE_CART_CART_SESSION_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shopcore/cart/cart_refusal.h"
#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/catalog_view.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

struct CartOptions {
  std::string market;                       // "" until defaulted by the caller
  std::map<std::string, int64_t> purchased;
};

struct CartSession {
  CartOptions options;
  Cart cart;
};

// BAD_JSON, BAD_REQUEST with the path ("purchased.sku-1b") for anything else
// than the documented keys and shapes. An empty text means no options.
Result<CartOptions> ParseCartOptions(std::string_view text);

// What an operation on `session` reads of the market: its lines' SKUs and
// `extra`, with the shopper's past purchases taken off the per-user limits.
// market_view is the market's full view made with no purchases
// (CatalogViewFromSnapshot(snapshot, market)): copying only the SKUs an
// operation touches keeps each operation O(lines), not O(catalog).
CatalogView CartCatalog(const CatalogView& market_view, const CartSession& session,
                        const std::vector<std::string>& extra = {});

std::string CartLinesJson(const Cart& cart);
std::string CartChangesJson(const std::vector<CartChange>& changes);
std::string CartRefusalJson(const CartOpResult& result);

// The price request of the cart: `options` is PriceJson's request without
// "lines" (BAD_REQUEST at "lines": they come from the cart); "market" and
// "purchased" default to the session's.
Result<std::string> CartPriceRequest(const CartSession& session, std::string_view options);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CART_SESSION_H_
