// Rows of docs/bad-input.md for the tax JSON doors: each class of bad
// request or rules input and the exact error (code and path) it gets.
#include <gtest/gtest.h>

#include <string>

#include "tax/tax_test_util.h"

namespace shopcore::tax {
namespace {

using testing::Cost;

// A valid cross-border order (FR IOSS) with one hole to fill: {LINE2}.
std::string Order(const std::string& second_line, const std::string& extra = "") {
  return R"({"market": "FR", "origin": "CN", "currency": "EUR", "now": "2026-07-01", "seller_ioss": true)" + extra +
         R"(, "lines": [{"id": "a", "amount_minor": 2999, "hs_code": "620610"}, )" + second_line + "]}";
}

Error ErrorOf(const Result<LandedCost>& result) {
  EXPECT_FALSE(result.ok());
  return result.ok() ? Error{} : result.error();
}

TEST(TaxBadInput, TheBaseOrderIsAccepted) {
  auto cost = Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": 2, "hs_code": "620620"})"));
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->lines.size(), 2u);
}

TEST(TaxBadInput, DuplicateLineIdsAreAConflict) {
  auto error = ErrorOf(Cost(Order(R"({"id": "a", "amount_minor": 1000})")));
  EXPECT_EQ(error.code, ErrorCode::kConflict);
  EXPECT_EQ(error.path, "lines[1].id");
  EXPECT_EQ(error.message, "line id 'a' is used by an earlier line");
}

TEST(TaxBadInput, QuantitiesOutsideOneToInt64) {
  auto zero = ErrorOf(Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": 0})")));
  EXPECT_EQ(zero.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(zero.path, "lines[1].quantity");
  auto negative = ErrorOf(Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": -3})")));
  EXPECT_EQ(negative.code, ErrorCode::kInvalidArgument);
  auto huge = ErrorOf(Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": "99999999999999999999"})")));
  EXPECT_EQ(huge.code, ErrorCode::kOverflow);
  EXPECT_EQ(huge.path, "lines[1].quantity");
  auto fractional = ErrorOf(Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": 2.5})")));
  EXPECT_EQ(fractional.code, ErrorCode::kBadRequest);
  // The largest int64 quantity is a valid count: the line amount is the
  // line's total, so only per-unit rounding divides by it.
  auto largest = Cost(Order(R"({"id": "b", "amount_minor": 1000, "quantity": 9223372036854775807, "hs_code": "620620"})"));
  ASSERT_TRUE(largest.ok()) << largest.error().ToString();
}

TEST(TaxBadInput, AmountsThatAreNotExactInt64) {
  for (const char* amount : {"12.5", "1e3", "99999999999999999999", "\"12.5\"", "true", "null"}) {
    auto error = ErrorOf(Cost(Order(std::string(R"({"id": "b", "amount_minor": )") + amount + "}")));
    EXPECT_TRUE(error.code == ErrorCode::kBadRequest || error.code == ErrorCode::kInvalidArgument ||
                error.code == ErrorCode::kOverflow)
        << amount << ": " << error.ToString();
    EXPECT_EQ(error.path, "lines[1].amount_minor") << amount;
  }
  auto overflow = ErrorOf(Cost(Order(R"({"id": "b", "amount_minor": "9223372036854775807"})")));
  EXPECT_EQ(overflow.code, ErrorCode::kOverflow);
}

TEST(TaxBadInput, UnknownMarketAndCurrency) {
  auto market = ErrorOf(Cost(R"({"market": "ZZ", "origin": "CN", "currency": "EUR", "now": "2026-07-01",
                                 "lines": [{"id": "a", "amount_minor": 1}]})"));
  EXPECT_EQ(market.code, ErrorCode::kNotFound);
  EXPECT_EQ(market.path, "market");
  auto currency = ErrorOf(Cost(R"({"market": "FR", "origin": "CN", "currency": "EUX", "now": "2026-07-01",
                                   "lines": [{"id": "a", "amount_minor": 1}]})"));
  EXPECT_EQ(currency.code, ErrorCode::kUnknownCurrency);
  EXPECT_EQ(currency.path, "currency");
}

TEST(TaxBadInput, InvalidUtf8IsBadJson) {
  auto request = ParseLandedCostRequestJson(Order("{\"id\": \"b\xff\xfe\", \"amount_minor\": 1}"));
  ASSERT_FALSE(request.ok());
  EXPECT_EQ(request.error().code, ErrorCode::kBadJson);
  // An overlong encoding of '"' and a lone surrogate escape's raw bytes.
  for (const char* bad : {"\xc0\xa2", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    auto rules = ParseTaxRulesJson(std::string(R"({"version": ")") + bad + R"(", "domestic": [], "imports": []})");
    ASSERT_FALSE(rules.ok());
    EXPECT_EQ(rules.error().code, ErrorCode::kBadJson);
  }
}

TEST(TaxBadInput, TruncatedAndDeeplyNestedJson) {
  const std::string order = Order(R"({"id": "b", "amount_minor": 1})");
  for (size_t length : {0u, 1u, 20u, 100u}) {
    auto request = ParseLandedCostRequestJson(order.substr(0, length));
    ASSERT_FALSE(request.ok());
    EXPECT_EQ(request.error().code, ErrorCode::kBadJson) << length;
  }
  // 100,000 levels: rejected by type, without recursing on the C++ stack.
  const std::string deep = "{\"market\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto nested = ParseLandedCostRequestJson(deep);
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(nested.error().path, "market");
}

// Labels are display text, not rules: an unknown locale falls back to the
// rules' default labels instead of failing the order.
TEST(TaxBadInput, AnUnknownLabelLocaleFallsBack) {
  const std::string line = R"({"id": "b", "amount_minor": 1000, "hs_code": "620620"})";
  auto unknown = Cost(Order(line, R"(, "locale": "zz-ZZ")"));
  auto english = Cost(Order(line, R"(, "locale": "en")"));
  ASSERT_TRUE(unknown.ok()) << unknown.error().ToString();
  ASSERT_TRUE(english.ok());
  EXPECT_FALSE(unknown->status_label.empty());
  EXPECT_EQ(unknown->status_label, english->status_label);
  EXPECT_EQ(unknown->total, english->total);
}

TEST(TaxBadInput, UnknownFieldsAndBadDates) {
  auto field = ParseLandedCostRequestJson(Order(R"({"id": "b", "amount_minor": 1})", R"(, "now2": 1)"));
  ASSERT_FALSE(field.ok());
  EXPECT_EQ(field.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(field.error().path, "now2");
  auto date = ParseLandedCostRequestJson(R"({"market": "FR", "origin": "CN", "currency": "EUR", "now": "2026-13-45",
                                            "lines": [{"id": "a", "amount_minor": 1}]})");
  ASSERT_FALSE(date.ok());
  EXPECT_EQ(date.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(date.error().path, "now");
}

}  // namespace
}  // namespace shopcore::tax
