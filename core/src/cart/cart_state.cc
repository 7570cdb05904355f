#include "shopcore/cart/cart_state.h"

#include <algorithm>

namespace shopcore {
namespace cart {
namespace {

CartOpResult Refuse(CartRefusal refusal, ErrorCode code, std::string message, const std::string& sku_id,
                    int64_t allowed = 0) {
  CartOpResult result;
  result.refusal = refusal;
  result.allowed_quantity = allowed;
  result.error = MakeError(code, std::move(message), "sku:" + sku_id);
  return result;
}

// One upper bound on a line's quantity and the rule it comes from.
struct UpperBound {
  int64_t limit;
  CartRefusal rule;
  const char* what;
};

// The SKU's upper bounds in the order they are reported: physical stock
// first (nothing else matters when there is none), then order, user and
// flash-sale limits.
std::vector<UpperBound> UpperBounds(const SkuInfo& sku) {
  std::vector<UpperBound> bounds;
  if (sku.stock != kUnlimited) bounds.push_back({std::max<int64_t>(sku.stock, 0), CartRefusal::kAboveStock, "in stock"});
  if (sku.max_quantity != kUnlimited) {
    bounds.push_back({std::max<int64_t>(sku.max_quantity, 0), CartRefusal::kAboveMaximum, "allowed per order"});
  }
  if (sku.user_limit_remaining != kUnlimited) {
    bounds.push_back(
        {std::max<int64_t>(sku.user_limit_remaining, 0), CartRefusal::kPurchaseLimit, "left of your purchase limit"});
  }
  if (sku.flash_quota_remaining != kUnlimited) {
    bounds.push_back(
        {std::max<int64_t>(sku.flash_quota_remaining, 0), CartRefusal::kFlashQuota, "left of your flash-sale quota"});
  }
  return bounds;
}

int64_t LowestUpperBound(const std::vector<UpperBound>& bounds) {
  int64_t lowest = kMaxLineQuantity;
  for (const auto& bound : bounds) lowest = std::min(lowest, bound.limit);
  return lowest;
}

}  // namespace

CartOpResult Cart::CheckQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t quantity) {
  const SkuInfo* sku = catalog.Find(sku_id);
  if (sku == nullptr) return Refuse(CartRefusal::kUnknownSku, ErrorCode::kNotFound, "no SKU " + sku_id, sku_id);
  if (quantity <= 0 || quantity > kMaxLineQuantity) {
    return Refuse(CartRefusal::kInvalidQuantity, ErrorCode::kInvalidArgument,
                  "quantity " + std::to_string(quantity) + " is not between 1 and " + std::to_string(kMaxLineQuantity),
                  sku_id);
  }
  if (sku->stock == 0) return Refuse(CartRefusal::kOutOfStock, ErrorCode::kRefused, sku_id + " is out of stock", sku_id);
  const auto bounds = UpperBounds(*sku);
  const int64_t lowest = LowestUpperBound(bounds);
  const int64_t minimum = std::max<int64_t>(sku->min_quantity, 1);
  // The most any quantity could be: 0 when the bounds leave nothing at or above the minimum.
  const int64_t allowed = lowest >= minimum ? lowest : 0;
  for (const auto& bound : bounds) {
    if (quantity > bound.limit) {
      return Refuse(bound.rule, ErrorCode::kRefused,
                    std::to_string(quantity) + " of " + sku_id + " asked, " + std::to_string(bound.limit) + " " +
                        bound.what,
                    sku_id, allowed);
    }
  }
  if (quantity < minimum) {
    return Refuse(CartRefusal::kBelowMinimum, ErrorCode::kRefused,
                  sku_id + " is sold in quantities of at least " + std::to_string(minimum), sku_id,
                  allowed == 0 ? 0 : minimum);
  }
  return CartOpResult{};
}

int64_t Cart::ClampQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t wanted,
                            CartRefusal* reason) {
  *reason = CartRefusal::kNone;
  const SkuInfo* sku = catalog.Find(sku_id);
  if (sku == nullptr) {
    *reason = CartRefusal::kUnknownSku;
    return 0;
  }
  if (sku->stock == 0) {
    *reason = CartRefusal::kOutOfStock;
    return 0;
  }
  int64_t quantity = std::min(wanted, kMaxLineQuantity);
  if (quantity < wanted) *reason = CartRefusal::kInvalidQuantity;
  for (const auto& bound : UpperBounds(*sku)) {
    if (quantity > bound.limit) {
      quantity = bound.limit;
      *reason = bound.rule;
    }
  }
  if (quantity < std::max<int64_t>(sku->min_quantity, 1)) {
    if (*reason == CartRefusal::kNone) *reason = CartRefusal::kBelowMinimum;
    return 0;
  }
  return quantity;
}

int64_t Cart::QuantityOf(const std::string& sku_id) const {
  for (const auto& line : lines_) {
    if (line.sku_id == sku_id) return line.quantity;
  }
  return 0;
}

CartOpResult Cart::Add(const CatalogView& catalog, const std::string& sku_id, int64_t quantity) {
  if (quantity <= 0 || quantity > kMaxLineQuantity) {
    return Refuse(CartRefusal::kInvalidQuantity, ErrorCode::kInvalidArgument,
                  "quantity to add " + std::to_string(quantity) + " is not between 1 and " +
                      std::to_string(kMaxLineQuantity),
                  sku_id);
  }
  const int64_t current = QuantityOf(sku_id);
  if (current == 0 && lines_.size() >= kMaxCartLines) {
    return Refuse(CartRefusal::kTooManyLines, ErrorCode::kRefused,
                  "a cart holds at most " + std::to_string(kMaxCartLines) + " lines", sku_id);
  }
  // Both operands are <= kMaxLineQuantity, so the sum cannot overflow.
  CartOpResult check = CheckQuantity(catalog, sku_id, current + quantity);
  if (!check.ok()) return check;
  for (auto& line : lines_) {
    if (line.sku_id == sku_id) {
      line.quantity += quantity;
      return check;
    }
  }
  lines_.push_back(CartLine{sku_id, quantity});
  return check;
}

CartOpResult Cart::SetQuantity(const CatalogView& catalog, const std::string& sku_id, int64_t quantity) {
  auto it = std::find_if(lines_.begin(), lines_.end(), [&](const CartLine& line) { return line.sku_id == sku_id; });
  if (it == lines_.end()) {
    return Refuse(CartRefusal::kNotInCart, ErrorCode::kNotFound, sku_id + " is not in the cart", sku_id);
  }
  CartOpResult check = CheckQuantity(catalog, sku_id, quantity);
  if (!check.ok()) return check;
  it->quantity = quantity;
  return check;
}

CartOpResult Cart::Remove(const std::string& sku_id) {
  auto it = std::find_if(lines_.begin(), lines_.end(), [&](const CartLine& line) { return line.sku_id == sku_id; });
  if (it == lines_.end()) {
    return Refuse(CartRefusal::kNotInCart, ErrorCode::kNotFound, sku_id + " is not in the cart", sku_id);
  }
  lines_.erase(it);
  return CartOpResult{};
}

std::vector<CartChange> Cart::MergeGuest(const CatalogView& catalog, const Cart& guest) {
  std::vector<CartChange> changes;
  std::vector<CartLine> merged = lines_;
  for (const auto& guest_line : guest.lines()) {
    auto it = std::find_if(merged.begin(), merged.end(),
                           [&](const CartLine& line) { return line.sku_id == guest_line.sku_id; });
    const int64_t before = it == merged.end() ? 0 : it->quantity;
    const int64_t wanted = std::min(before + std::max<int64_t>(guest_line.quantity, 0), 2 * kMaxLineQuantity);
    CartRefusal reason = CartRefusal::kNone;
    int64_t accepted = ClampQuantity(catalog, guest_line.sku_id, wanted, &reason);
    if (it == merged.end() && accepted > 0 && merged.size() >= kMaxCartLines) {
      accepted = 0;
      reason = CartRefusal::kTooManyLines;
    }
    if (accepted != wanted) changes.push_back(CartChange{guest_line.sku_id, before, accepted, reason});
    if (it == merged.end()) {
      if (accepted > 0) merged.push_back(CartLine{guest_line.sku_id, accepted});
    } else if (accepted > 0) {
      it->quantity = accepted;
    } else {
      merged.erase(it);
    }
  }
  lines_ = std::move(merged);
  return changes;
}

}  // namespace cart
}  // namespace shopcore
