// A persisted cart as read back from localStorage or mini-program storage:
// RestoreCartState over the fuzz catalog's DE and CN views (fuzz_catalog.h).
// Invariants: no crash or UB; rejections are BAD_JSON, BAD_REQUEST or
// UNSUPPORTED_VERSION (cart_state_json.h); a restored cart holds each SKU
// once, at most kMaxCartLines lines, every line a quantity its SKU's rules
// accept; it saves to bytes that restore to the same cart with no change.
#include <set>
#include <string>

#include "fuzz_catalog.h"
#include "fuzz_support.h"
#include "shopcore/cart/cart_state_json.h"
#include "shopcore/cart/snapshot_catalog.h"

namespace shopcore::fuzz {
namespace {

const cart::CatalogView& View(const char* market) {
  static std::map<std::string, cart::CatalogView> views;
  auto it = views.find(market);
  if (it == views.end()) {
    auto view = cart::CatalogViewFromSnapshot(FuzzSnapshot(), market);
    if (!view.ok()) Violation(std::string("no catalog view for ") + market + ": " + view.error().ToString());
    it = views.emplace(market, std::move(*view)).first;
  }
  return it->second;
}

void CheckRestored(std::string_view text, const cart::CatalogView& view) {
  auto restored = cart::RestoreCartState(text, view);
  if (!restored.ok()) {
    const ErrorCode code = restored.error().code;
    Check(code == ErrorCode::kBadJson || code == ErrorCode::kBadRequest || code == ErrorCode::kUnsupportedVersion,
          "a rejected cart state reports " + restored.error().ToString());
    return;
  }
  const cart::Cart& cart = restored->cart;
  Check(cart.lines().size() <= cart::kMaxCartLines, "a restored cart has more than kMaxCartLines lines");
  std::set<std::string> seen;
  for (const auto& line : cart.lines()) {
    Check(seen.insert(line.sku_id).second, "a restored cart holds a SKU twice: " + line.sku_id);
    Check(cart::Cart::CheckQuantity(view, line.sku_id, line.quantity).ok(),
          "a restored line breaks its SKU's rules: " + line.sku_id);
  }
  const std::string saved = cart::SaveCartState(cart);
  Check(IsValidUtf8(saved), "a saved cart is not UTF-8");
  auto again = cart::RestoreCartState(saved, view);
  Check(again.ok(), "a saved cart does not restore: " + (again.ok() ? "" : again.error().ToString()));
  Check(again->changes.empty(), "a saved cart changes when restored against the same catalog");
  Check(again->cart.lines() == cart.lines(), "a cart does not round-trip through its saved state");
}

}  // namespace

// States saved by real carts (Cart::Add against the views), and states a
// newer catalog left behind: unknown, sold-out and over-limit SKUs.
std::vector<std::string> FuzzSeeds() {
  std::vector<std::string> seeds;
  cart::Cart cart;
  seeds.push_back(cart::SaveCartState(cart));
  const cart::CatalogView& germany = View("DE");
  for (const auto& [id, quantity] : {std::pair<std::string, int64_t>{"sku-1a", 2}, {"sku-1b", 3}}) {
    if (!cart.Add(germany, id, quantity).ok()) Violation("cannot add " + id + " to a seed cart");
    seeds.push_back(cart::SaveCartState(cart));
  }
  seeds.push_back(R"({"version":1,"lines":[{"sku":"sku-1b","quantity":9},{"sku":"gone","quantity":1},{"sku":"sku-1b","quantity":1}]})");
  seeds.push_back(R"({"version":1,"lines":[{"sku":"sku-2a","quantity":1},{"sku":"sku-1b","quantity":1000000}]})");
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore::fuzz;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckRestored(text, View("DE"));
  CheckRestored(text, View("CN"));
  return 0;
}
