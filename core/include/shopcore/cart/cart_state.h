// Cart: the shopper's lines (SKU id + quantity) and the operations on them.
//
// Every operation checks the SKU's rules in the catalog view first and either
// applies completely or refuses with a reason and changes nothing. The cart
// stores no prices: prices come from the snapshot at pricing time, so a cart
// restored days later is priced at today's prices.
#ifndef SHOPCORE_CART_CART_STATE_H_
#define SHOPCORE_CART_CART_STATE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/cart/cart_refusal.h"
#include "shopcore/cart/catalog_view.h"

namespace shopcore {
namespace cart {

// Bounds that keep every product of price x quantity far from int64 limits.
constexpr int64_t kMaxLineQuantity = 1000000;
constexpr size_t kMaxCartLines = 500;

struct CartLine {
  std::string sku_id;
  int64_t quantity = 0;
  bool operator==(const CartLine& other) const {
    return sku_id == other.sku_id && quantity == other.quantity;
  }
};

// What merging or repairing changed on one SKU.
struct CartChange {
  std::string sku_id;
  int64_t quantity_before = 0;  // 0: the line did not exist
  int64_t quantity_after = 0;   // 0: the line was dropped
  CartRefusal reason = CartRefusal::kNone;  // the rule that forced the change
};

class Cart {
 public:
  Cart() = default;

  // Lines in the order they were first added (the display order; pricing
  // does not depend on it).
  const std::vector<CartLine>& lines() const { return lines_; }
  int64_t QuantityOf(const std::string& sku_id) const;

  // Adds quantity units (> 0) to the SKU's line, creating it if needed.
  CartOpResult Add(const CatalogView& catalog, const std::string& sku_id, int64_t quantity);
  // Sets the line's quantity (> 0); the line must exist.
  CartOpResult SetQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t quantity);
  // Removes the line; the line must exist.
  CartOpResult Remove(const std::string& sku_id);

  // Merges a guest cart into this (signed-in) cart: quantities of the same
  // SKU add up, then each line is brought within its rules (clamped down, or
  // dropped when nothing is allowed). Never refuses; returns what changed
  // relative to simply adding the guest quantities.
  std::vector<CartChange> MergeGuest(const CatalogView& catalog, const Cart& guest);

  // Checks a whole-line quantity against the SKU's rules; used by the
  // operations above and by state restoration.
  static CartOpResult CheckQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t quantity);
  // The largest quantity <= wanted the SKU's rules accept, or 0 (drop) with
  // the rule that forced it in *reason.
  static int64_t ClampQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t wanted,
                               CartRefusal* reason);

 private:
  std::vector<CartLine> lines_;
};

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CART_STATE_H_
