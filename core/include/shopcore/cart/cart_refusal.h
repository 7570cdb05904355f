// Why a cart operation was refused. Every refused operation leaves the cart
// exactly as it was; the refusal says which rule and the most the rule would
// have allowed, so a front end can offer "only 3 left" instead of a failure.
#ifndef SHOPCORE_CART_CART_REFUSAL_H_
#define SHOPCORE_CART_CART_REFUSAL_H_

#include <cstdint>

#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// Stable names (CartRefusalName) are what the JS API and the CLI print.
enum class CartRefusal {
  kNone = 0,
  kUnknownSku,        // UNKNOWN_SKU: the SKU is not in the catalog view
  kInvalidQuantity,   // INVALID_QUANTITY: quantity <= 0 where a count is required
  kNotInCart,         // NOT_IN_CART: removing or setting a line that is not there
  kOutOfStock,        // OUT_OF_STOCK: stock is 0
  kAboveStock,        // ABOVE_STOCK: more than the stock available
  kBelowMinimum,      // BELOW_MINIMUM: less than the SKU's minimum quantity
  kAboveMaximum,      // ABOVE_MAXIMUM: more than the per-order maximum
  kPurchaseLimit,     // PURCHASE_LIMIT: more than this shopper may still buy
  kFlashQuota,        // FLASH_QUOTA: more than the shopper's flash-sale quota
  kTooManyLines,      // TOO_MANY_LINES: the cart holds at most kMaxCartLines lines
};

const char* CartRefusalName(CartRefusal refusal);

// The outcome of one cart operation.
struct CartOpResult {
  CartRefusal refusal = CartRefusal::kNone;
  // For quantity rules: the largest quantity the rule would accept for the
  // line (0 when none); for BELOW_MINIMUM the smallest. 0 otherwise.
  int64_t allowed_quantity = 0;
  // code REFUSED (rules), NOT_FOUND (unknown SKU, line not in cart) or
  // INVALID_ARGUMENT (quantity), a message for people, path "sku:<id>".
  Error error;

  bool ok() const { return refusal == CartRefusal::kNone; }
};

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CART_REFUSAL_H_
