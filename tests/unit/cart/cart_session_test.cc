// CartSession: the options a front end gives a cart, the part of the market
// an operation reads, and the exact JSON the engine answers with.
#include "shopcore/cart/cart_session.h"

#include <gtest/gtest.h>

#include "test_catalog.h"

namespace shopcore {
namespace cart {
namespace {

using testing::Catalog;
using testing::Sku;

TEST(CartOptions, ParsesMarketAndPurchases) {
  auto options = ParseCartOptions(R"({"market":"DE","purchased":{"a":2,"b":0}})");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  EXPECT_EQ(options->market, "DE");
  EXPECT_EQ(options->purchased.at("a"), 2);
  EXPECT_EQ(options->purchased.at("b"), 0);
  EXPECT_TRUE(ParseCartOptions("")->market.empty());
}

TEST(CartOptions, RefusesWhatIsNotDocumented) {
  EXPECT_EQ(ParseCartOptions("{").error().ToString(), "BAD_JSON at options: cart options are not valid JSON");
  EXPECT_EQ(ParseCartOptions("[]").error().ToString(), "BAD_REQUEST at options: expected an object");
  EXPECT_EQ(ParseCartOptions(R"({"markt":"DE"})").error().ToString(),
            "BAD_REQUEST at options.markt: unknown field (market, purchased)");
  EXPECT_EQ(ParseCartOptions(R"({"market":""})").error().path, "options.market");
  EXPECT_EQ(ParseCartOptions(R"({"purchased":{"a":-1}})").error().ToString(),
            "BAD_REQUEST at options.purchased.a: must be >= 0");
  EXPECT_EQ(ParseCartOptions(R"({"purchased":{"a":1.5}})").error().path, "options.purchased.a");
  EXPECT_EQ(ParseCartOptions(R"({"purchased":{"a":18446744073709551615}})").error().path, "options.purchased.a");
}

TEST(CartCatalog, TakesOnlyTheTouchedSkusAndSubtractsPurchases) {
  SkuInfo limited = Sku("limited", 100);
  limited.user_limit_remaining = 3;
  const CatalogView market = Catalog({Sku("a", 100), Sku("b", 200), limited});
  CartSession session;
  session.options.purchased = {{"limited", 2}, {"a", 5}};
  ASSERT_TRUE(session.cart.Add(market, "a", 1).ok());

  CatalogView view = CartCatalog(market, session, {"limited", "gone"});
  EXPECT_EQ(view.skus.size(), 2u);
  EXPECT_NE(view.Find("a"), nullptr);
  EXPECT_EQ(view.Find("b"), nullptr);
  EXPECT_EQ(view.Find("gone"), nullptr);
  EXPECT_EQ(view.Find("limited")->user_limit_remaining, 1);
  EXPECT_EQ(view.Find("a")->user_limit_remaining, kUnlimited);  // no limit: purchases do not matter

  // With the view, the per-user limit refuses the third unit.
  CartOpResult refused = session.cart.Add(view, "limited", 2);
  EXPECT_EQ(refused.refusal, CartRefusal::kPurchaseLimit);
  EXPECT_EQ(CartRefusalJson(refused),
            R"({"refused":{"reason":"PURCHASE_LIMIT","allowed_quantity":1,"code":"REFUSED","message":")" +
                refused.error.message + R"(","path":"sku:limited"}})");
}

TEST(CartJson, LinesAndChangesHaveTheDocumentedBytes) {
  const CatalogView market = Catalog({Sku("a\"1", 100), Sku("b", 200)});
  Cart cart;
  ASSERT_TRUE(cart.Add(market, "b", 2).ok());
  ASSERT_TRUE(cart.Add(market, "a\"1", 1).ok());
  EXPECT_EQ(CartLinesJson(cart), R"([{"sku":"b","quantity":2},{"sku":"a\"1","quantity":1}])");
  EXPECT_EQ(CartLinesJson(Cart()), "[]");
  EXPECT_EQ(CartChangesJson({CartChange{"b", 5, 2, CartRefusal::kAboveStock}}),
            R"([{"sku":"b","quantity_before":5,"quantity_after":2,"reason":"ABOVE_STOCK"}])");
}

TEST(CartPriceRequest, AddsTheLinesAndTheSessionsDefaults) {
  const CatalogView market = Catalog({Sku("a", 100)}, "DE");
  CartSession session;
  session.options.market = "DE";
  session.options.purchased = {{"a", 1}};
  ASSERT_TRUE(session.cart.Add(market, "a", 2).ok());
  EXPECT_EQ(*CartPriceRequest(session, R"({"now":5})"),
            R"({"lines":[{"qty":2,"sku":"a"}],"market":"DE","now":5,"purchased":{"a":1}})");
  EXPECT_EQ(*CartPriceRequest(session, R"({"now":5,"market":"CN","purchased":{}})"),
            R"({"lines":[{"qty":2,"sku":"a"}],"market":"CN","now":5,"purchased":{}})");
  EXPECT_EQ(CartPriceRequest(session, R"({"lines":[]})").error().ToString(),
            "BAD_REQUEST at options.lines: the lines come from the cart");
  EXPECT_EQ(CartPriceRequest(session, "[1]").error().path, "options");
  EXPECT_EQ(CartPriceRequest(session, "{").error().code, ErrorCode::kBadJson);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
