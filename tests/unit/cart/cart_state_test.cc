#include "shopcore/cart/cart_state.h"

#include <gtest/gtest.h>

#include "cart/test_catalog.h"
#include "shopcore/cart/cart_state_json.h"

namespace shopcore {
namespace cart {
namespace {

using testing::Catalog;
using testing::Sku;

CatalogView LimitedCatalog() {
  SkuInfo plain = Sku("plain", 1000);
  SkuInfo scarce = Sku("scarce", 500);
  scarce.stock = 3;
  SkuInfo gone = Sku("soldout", 500);
  gone.stock = 0;
  SkuInfo boxed = Sku("boxed", 200);
  boxed.min_quantity = 6;
  SkuInfo capped = Sku("capped", 300);
  capped.max_quantity = 2;
  SkuInfo limited = Sku("limited", 300);
  limited.user_limit_remaining = 1;
  SkuInfo flash = Sku("flash", 100);
  flash.flash_quota_remaining = 2;
  return Catalog({plain, scarce, gone, boxed, capped, limited, flash});
}

// A refused operation must say why and leave the cart byte-for-byte as it was.
void ExpectRefused(Cart& cart, const CartOpResult& result, CartRefusal refusal, ErrorCode code,
                   const std::string& before, int64_t allowed) {
  EXPECT_EQ(result.refusal, refusal) << CartRefusalName(result.refusal);
  EXPECT_EQ(result.error.code, code);
  EXPECT_EQ(result.allowed_quantity, allowed);
  EXPECT_EQ(SaveCartState(cart), before);
}

TEST(Cart, AddSetRemoveKeepFirstAddedOrder) {
  const CatalogView catalog = LimitedCatalog();
  Cart cart;
  ASSERT_TRUE(cart.Add(catalog, "plain", 2).ok());
  ASSERT_TRUE(cart.Add(catalog, "scarce", 1).ok());
  ASSERT_TRUE(cart.Add(catalog, "plain", 3).ok());
  EXPECT_EQ(SaveCartState(cart), R"({"version":1,"lines":[{"sku":"plain","quantity":5},{"sku":"scarce","quantity":1}]})");
  ASSERT_TRUE(cart.SetQuantity(catalog, "scarce", 3).ok());
  ASSERT_TRUE(cart.Remove("plain").ok());
  EXPECT_EQ(SaveCartState(cart), R"({"version":1,"lines":[{"sku":"scarce","quantity":3}]})");
}

TEST(Cart, EveryRefusalReasonLeavesTheCartUnchanged) {
  const CatalogView catalog = LimitedCatalog();
  Cart cart;
  ASSERT_TRUE(cart.Add(catalog, "scarce", 2).ok());
  const std::string before = SaveCartState(cart);

  ExpectRefused(cart, cart.Add(catalog, "nope", 1), CartRefusal::kUnknownSku, ErrorCode::kNotFound, before, 0);
  ExpectRefused(cart, cart.Add(catalog, "plain", 0), CartRefusal::kInvalidQuantity, ErrorCode::kInvalidArgument,
                before, 0);
  ExpectRefused(cart, cart.Add(catalog, "plain", -3), CartRefusal::kInvalidQuantity, ErrorCode::kInvalidArgument,
                before, 0);
  ExpectRefused(cart, cart.SetQuantity(catalog, "scarce", 0), CartRefusal::kInvalidQuantity,
                ErrorCode::kInvalidArgument, before, 0);
  ExpectRefused(cart, cart.SetQuantity(catalog, "plain", 1), CartRefusal::kNotInCart, ErrorCode::kNotFound, before, 0);
  ExpectRefused(cart, cart.Remove("plain"), CartRefusal::kNotInCart, ErrorCode::kNotFound, before, 0);
  ExpectRefused(cart, cart.Add(catalog, "soldout", 1), CartRefusal::kOutOfStock, ErrorCode::kRefused, before, 0);
  // 2 in the cart + 2 more > 3 in stock; the line may hold 3.
  ExpectRefused(cart, cart.Add(catalog, "scarce", 2), CartRefusal::kAboveStock, ErrorCode::kRefused, before, 3);
  ExpectRefused(cart, cart.Add(catalog, "boxed", 5), CartRefusal::kBelowMinimum, ErrorCode::kRefused, before, 6);
  ExpectRefused(cart, cart.Add(catalog, "capped", 3), CartRefusal::kAboveMaximum, ErrorCode::kRefused, before, 2);
  ExpectRefused(cart, cart.Add(catalog, "limited", 2), CartRefusal::kPurchaseLimit, ErrorCode::kRefused, before, 1);
  ExpectRefused(cart, cart.Add(catalog, "flash", 3), CartRefusal::kFlashQuota, ErrorCode::kRefused, before, 2);

  const auto refused = cart.Add(catalog, "flash", 3);
  EXPECT_EQ(refused.error.ToString(), "REFUSED at sku:flash: 3 of flash asked, 2 left of your flash-sale quota");
}

TEST(Cart, RefusesLinesBeyondTheLineCap) {
  CatalogView catalog = Catalog({});
  Cart cart;
  for (size_t i = 0; i <= kMaxCartLines; ++i) catalog.skus["s" + std::to_string(i)] = Sku("s" + std::to_string(i), 1);
  for (size_t i = 0; i < kMaxCartLines; ++i) ASSERT_TRUE(cart.Add(catalog, "s" + std::to_string(i), 1).ok());
  const std::string before = SaveCartState(cart);
  ExpectRefused(cart, cart.Add(catalog, "s" + std::to_string(kMaxCartLines), 1), CartRefusal::kTooManyLines,
                ErrorCode::kRefused, before, 0);
  EXPECT_TRUE(cart.Add(catalog, "s0", 1).ok());  // an existing line can still grow
}

TEST(Cart, MergeGuestAddsQuantitiesAndClampsToTheRules) {
  const CatalogView catalog = LimitedCatalog();
  Cart signed_in;
  ASSERT_TRUE(signed_in.Add(catalog, "scarce", 2).ok());
  ASSERT_TRUE(signed_in.Add(catalog, "plain", 1).ok());
  Cart guest;
  ASSERT_TRUE(guest.Add(catalog, "scarce", 2).ok());
  ASSERT_TRUE(guest.Add(catalog, "capped", 2).ok());
  ASSERT_TRUE(guest.Add(catalog, "plain", 4).ok());
  const auto changes = signed_in.MergeGuest(catalog, guest);
  EXPECT_EQ(SaveCartState(signed_in),
            R"({"version":1,"lines":[{"sku":"scarce","quantity":3},{"sku":"plain","quantity":5},{"sku":"capped","quantity":2}]})");
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].sku_id, "scarce");
  EXPECT_EQ(changes[0].quantity_before, 2);
  EXPECT_EQ(changes[0].quantity_after, 3);
  EXPECT_EQ(changes[0].reason, CartRefusal::kAboveStock);
}

TEST(CartState, RoundTripsExactly) {
  const CatalogView catalog = LimitedCatalog();
  Cart cart;
  ASSERT_TRUE(cart.Add(catalog, "plain", 4).ok());
  ASSERT_TRUE(cart.Add(catalog, "boxed", 6).ok());
  auto restored = RestoreCartState(SaveCartState(cart), catalog);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_EQ(restored->cart.lines(), cart.lines());
  EXPECT_TRUE(restored->changes.empty());
}

TEST(CartState, CorruptedStateIsAnErrorWithAPath) {
  const CatalogView catalog = LimitedCatalog();
  struct Case {
    const char* json;
    ErrorCode code;
    const char* path;
  };
  const Case cases[] = {
      {R"({"version":1,"lines":[)", ErrorCode::kBadJson, ""},
      {R"([1,2])", ErrorCode::kBadRequest, ""},
      {R"({"lines":[]})", ErrorCode::kBadRequest, "version"},
      {R"({"version":"1","lines":[]})", ErrorCode::kBadRequest, "version"},
      {R"({"version":2,"lines":[]})", ErrorCode::kUnsupportedVersion, "version"},
      {R"({"version":0,"lines":[]})", ErrorCode::kBadRequest, "version"},
      {R"({"version":1,"lines":{}})", ErrorCode::kBadRequest, "lines"},
      {R"({"version":1,"lines":[{"sku":"plain","quantity":1.5}]})", ErrorCode::kBadRequest, "lines[0].quantity"},
      {R"({"version":1,"lines":[{"sku":"plain","quantity":0}]})", ErrorCode::kBadRequest, "lines[0].quantity"},
      {R"({"version":1,"lines":[{"sku":"plain","quantity":1},{"quantity":1}]})", ErrorCode::kBadRequest,
       "lines[1].sku"},
      {R"({"version":1,"lines":[{"sku":"","quantity":1}]})", ErrorCode::kBadRequest, "lines[0].sku"},
      {R"({"version":1,"lines":[{"sku":"plain","quantity":99999999999999999999}]})", ErrorCode::kBadRequest,
       "lines[0].quantity"},
  };
  for (const auto& c : cases) {
    auto restored = RestoreCartState(c.json, catalog);
    ASSERT_FALSE(restored.ok()) << c.json;
    EXPECT_EQ(restored.error().code, c.code) << c.json << " " << restored.error().ToString();
    EXPECT_EQ(restored.error().path, c.path) << c.json;
  }
}

TEST(CartState, StaleStateIsRepairedWithAListOfChanges) {
  const CatalogView catalog = LimitedCatalog();
  const char* stale =
      R"({"version":1,"lines":[{"sku":"retired","quantity":1},{"sku":"plain","quantity":2},)"
      R"({"sku":"soldout","quantity":1},{"sku":"scarce","quantity":5},{"sku":"plain","quantity":1},)"
      R"({"sku":"boxed","quantity":2}]})";
  auto restored = RestoreCartState(stale, catalog);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_EQ(SaveCartState(restored->cart),
            R"({"version":1,"lines":[{"sku":"plain","quantity":3},{"sku":"scarce","quantity":3}]})");
  const auto& changes = restored->changes;
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0].sku_id, "plain");  // the duplicate line, merged
  EXPECT_EQ(changes[0].reason, CartRefusal::kNone);
  EXPECT_EQ(changes[0].quantity_after, 3);
  EXPECT_EQ(changes[1].sku_id, "retired");
  EXPECT_EQ(changes[1].reason, CartRefusal::kUnknownSku);
  EXPECT_EQ(changes[1].quantity_after, 0);
  EXPECT_EQ(changes[2].reason, CartRefusal::kOutOfStock);
  EXPECT_EQ(changes[3].sku_id, "scarce");
  EXPECT_EQ(changes[3].reason, CartRefusal::kAboveStock);
  EXPECT_EQ(changes[3].quantity_before, 5);
  EXPECT_EQ(changes[3].quantity_after, 3);
  EXPECT_EQ(changes[4].sku_id, "boxed");
  EXPECT_EQ(changes[4].reason, CartRefusal::kBelowMinimum);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
