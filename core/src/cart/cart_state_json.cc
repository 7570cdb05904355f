#include "shopcore/cart/cart_state_json.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "shopcore/json/checked.h"

namespace shopcore {
namespace cart {

std::string SaveCartState(const Cart& cart) {
  // Written by hand rather than through nlohmann's sorted objects so the key
  // order is the documented one ("version" first) and stays stable.
  std::string out = "{\"version\":" + std::to_string(kCartStateVersion) + ",\"lines\":[";
  bool first = true;
  for (const auto& line : cart.lines()) {
    if (!first) out += ',';
    first = false;
    out += "{\"sku\":" + nlohmann::json(line.sku_id).dump() + ",\"quantity\":" + std::to_string(line.quantity) + "}";
  }
  out += "]}";
  return out;
}

Result<RestoredCart> RestoreCartState(std::string_view text, const CatalogView& catalog) {
  const nlohmann::json state = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (state.is_discarded()) return MakeError(ErrorCode::kBadJson, "cart state is not valid JSON", "");
  if (!state.is_object()) return MakeError(ErrorCode::kBadRequest, "cart state must be a JSON object", "");
  auto version = json::GetInt64(state, "version", "");
  if (!version.ok()) return version.error();
  if (*version > kCartStateVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "cart state version " + std::to_string(*version) + " is newer than this build reads (" +
                         std::to_string(kCartStateVersion) + ")",
                     "version");
  }
  if (*version < 1) return MakeError(ErrorCode::kBadRequest, "cart state version must be >= 1", "version");
  if (!state.contains("lines") || !state["lines"].is_array()) {
    return MakeError(ErrorCode::kBadRequest, "expected an array of lines", "lines");
  }

  // Parse everything before touching a cart: a corrupted entry anywhere
  // rejects the whole state.
  std::vector<CartLine> wanted;
  std::vector<CartChange> changes;
  const nlohmann::json& lines = state["lines"];
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string path = "lines[" + std::to_string(i) + "]";
    if (!lines[i].is_object()) return MakeError(ErrorCode::kBadRequest, "expected an object", path);
    auto sku = json::GetString(lines[i], "sku", path);
    if (!sku.ok()) return sku.error();
    if (sku->empty()) return MakeError(ErrorCode::kBadRequest, "empty SKU id", path + ".sku");
    auto quantity = json::GetInt64(lines[i], "quantity", path);
    if (!quantity.ok()) return quantity.error();
    if (*quantity <= 0 || *quantity > kMaxLineQuantity) {
      return MakeError(ErrorCode::kBadRequest, "quantity must be between 1 and " + std::to_string(kMaxLineQuantity),
                       path + ".quantity");
    }
    auto it = std::find_if(wanted.begin(), wanted.end(), [&](const CartLine& line) { return line.sku_id == *sku; });
    if (it == wanted.end()) {
      wanted.push_back(CartLine{*sku, *quantity});
    } else {
      changes.push_back(CartChange{*sku, it->quantity, it->quantity + *quantity, CartRefusal::kNone});
      it->quantity += *quantity;  // both <= 10^6 per entry; bounded by the clamp below
      it->quantity = std::min(it->quantity, 2 * kMaxLineQuantity);
    }
  }

  RestoredCart restored;
  for (const auto& line : wanted) {
    CartRefusal reason = CartRefusal::kNone;
    int64_t accepted = Cart::ClampQuantity(catalog, line.sku_id, line.quantity, &reason);
    if (accepted > 0 && restored.cart.lines().size() >= kMaxCartLines) {
      accepted = 0;
      reason = CartRefusal::kTooManyLines;
    }
    if (accepted > 0 && !restored.cart.Add(catalog, line.sku_id, accepted).ok()) accepted = 0;
    if (accepted != line.quantity) changes.push_back(CartChange{line.sku_id, line.quantity, accepted, reason});
  }
  restored.changes = std::move(changes);
  return restored;
}

}  // namespace cart
}  // namespace shopcore
