// CatalogView: what the cart and the pricing engine need to know about SKUs,
// as plain C++ data. A snapshot adapter fills it from the FlatBuffers
// snapshot (prices of one market) plus the shopper's own state (how many of
// a limited SKU they have already bought); tests build it directly.
#ifndef SHOPCORE_CART_CATALOG_VIEW_H_
#define SHOPCORE_CART_CATALOG_VIEW_H_

#include <cstdint>
#include <map>
#include <string>

#include "shopcore/money/currency.h"

namespace shopcore {
namespace cart {

// "No limit" for the optional limits below.
constexpr int64_t kUnlimited = -1;

struct SkuInfo {
  std::string id;
  int64_t list_price = 0;       // per unit, minor units of the view's currency, >= 0
  std::string category;         // for scoped promotions and coupons ("" = none)
  int64_t stock = kUnlimited;   // units available to sell; 0 = out of stock
  int64_t min_quantity = 1;     // a line below this is refused (起购量)
  int64_t max_quantity = kUnlimited;  // per order (限购 per order)
  // Units this shopper may still buy (per-user limit minus past purchases).
  int64_t user_limit_remaining = kUnlimited;
  // Units left of this shopper's flash-sale quota on this SKU while a flash
  // sale runs; kUnlimited when no flash sale applies.
  int64_t flash_quota_remaining = kUnlimited;
};

struct CatalogView {
  const Currency* currency = nullptr;
  std::string market;                  // "CN", "DE": coupons and shipping are per market
  std::map<std::string, SkuInfo> skus;  // by id; std::map so iteration is ordered

  const SkuInfo* Find(const std::string& sku_id) const {
    auto it = skus.find(sku_id);
    return it == skus.end() ? nullptr : &it->second;
  }
};

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CATALOG_VIEW_H_
