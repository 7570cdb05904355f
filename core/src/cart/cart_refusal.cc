#include "shopcore/cart/cart_refusal.h"

namespace shopcore {
namespace cart {

const char* CartRefusalName(CartRefusal refusal) {
  switch (refusal) {
    case CartRefusal::kNone: return "NONE";
    case CartRefusal::kUnknownSku: return "UNKNOWN_SKU";
    case CartRefusal::kInvalidQuantity: return "INVALID_QUANTITY";
    case CartRefusal::kNotInCart: return "NOT_IN_CART";
    case CartRefusal::kOutOfStock: return "OUT_OF_STOCK";
    case CartRefusal::kAboveStock: return "ABOVE_STOCK";
    case CartRefusal::kBelowMinimum: return "BELOW_MINIMUM";
    case CartRefusal::kAboveMaximum: return "ABOVE_MAXIMUM";
    case CartRefusal::kPurchaseLimit: return "PURCHASE_LIMIT";
    case CartRefusal::kFlashQuota: return "FLASH_QUOTA";
    case CartRefusal::kTooManyLines: return "TOO_MANY_LINES";
  }
  return "UNKNOWN";
}

}  // namespace cart
}  // namespace shopcore
