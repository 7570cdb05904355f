// Versioned JSON state of a cart, for local persistence (localStorage,
// mini-program storage). Format, version 1:
//
//   {"version":1,"lines":[{"sku":"A-1","quantity":2},...]}
//
// Restoring is strict about the format and forgiving about the catalog:
// bytes that are not this format are an error (BAD_JSON, BAD_REQUEST,
// UNSUPPORTED_VERSION for a newer version) and no cart is produced; a valid
// state whose SKUs have since gone, sold out or changed limits becomes a
// repaired cart plus the list of what changed.
#ifndef SHOPCORE_CART_CART_STATE_JSON_H_
#define SHOPCORE_CART_CART_STATE_JSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "shopcore/cart/cart_state.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

constexpr int kCartStateVersion = 1;

// Deterministic bytes: fixed key order, no whitespace, lines in cart order.
std::string SaveCartState(const Cart& cart);

struct RestoredCart {
  Cart cart;
  // One entry per line that was dropped, clamped or merged; empty when the
  // state matched the catalog. A duplicate SKU line is merged into the first
  // (reason NONE, quantity_before = the first line's quantity).
  std::vector<CartChange> changes;
};

Result<RestoredCart> RestoreCartState(std::string_view json, const CatalogView& catalog);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CART_STATE_JSON_H_
