// Catalog views for cart tests, built in C++ (the snapshot adapter fills the
// same types in production).
#ifndef SHOPCORE_TESTS_UNIT_CART_TEST_CATALOG_H_
#define SHOPCORE_TESTS_UNIT_CART_TEST_CATALOG_H_

#include <gtest/gtest.h>

#include <string>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/money/currency.h"

namespace shopcore {
namespace cart {
namespace testing {

inline const Currency* Cny() {
  auto currency = FindCurrency("CNY");
  EXPECT_TRUE(currency.ok());
  return *currency;
}

inline SkuInfo Sku(std::string id, int64_t price, std::string category = "") {
  SkuInfo sku;
  sku.id = std::move(id);
  sku.list_price = price;
  sku.category = std::move(category);
  return sku;
}

inline CatalogView Catalog(std::initializer_list<SkuInfo> skus, std::string market = "CN") {
  CatalogView view;
  view.currency = Cny();
  view.market = std::move(market);
  for (const auto& sku : skus) view.skus[sku.id] = sku;
  return view;
}

}  // namespace testing
}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_TESTS_UNIT_CART_TEST_CATALOG_H_
