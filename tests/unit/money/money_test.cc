#include "shopcore/money/money.h"
#include "shopcore/money/checked.h"

#include <gtest/gtest.h>

#include "shopcore/money/fx.h"

namespace shopcore {
namespace {

Money M(int64_t minor, const char* code) { return *Money::Of(minor, code); }

TEST(Currency, IsoAndCldrDigitsAreBothKnown) {
  struct Expect {
    const char* code;
    int iso, display, cash_digits, cash_increment;
  };
  const Expect table[] = {
      {"JPY", 0, 0, 0, 0}, {"KRW", 0, 0, 0, 0}, {"VND", 0, 0, 0, 0},  {"CLP", 0, 0, 0, 0},
      {"EUR", 2, 2, 2, 0}, {"BHD", 3, 3, 3, 0}, {"KWD", 3, 3, 3, 0},  {"TND", 3, 3, 3, 0},
      {"CLF", 4, 4, 4, 0}, {"IDR", 2, 0, 0, 0}, {"HUF", 2, 0, 0, 5},  {"COP", 2, 0, 0, 0},
      {"CHF", 2, 2, 2, 5}, {"CAD", 2, 2, 2, 5}, {"DKK", 2, 2, 2, 50}, {"SEK", 2, 2, 0, 0},
      {"NOK", 2, 2, 0, 0}, {"CZK", 2, 2, 0, 0}, {"XCG", 2, 2, 2, 0},
  };
  for (const auto& e : table) {
    auto currency = FindCurrency(e.code);
    ASSERT_TRUE(currency.ok()) << e.code;
    EXPECT_EQ((*currency)->iso_digits, e.iso) << e.code;
    EXPECT_EQ((*currency)->display_digits, e.display) << e.code;
    EXPECT_EQ((*currency)->cash_digits, e.cash_digits) << e.code;
    EXPECT_EQ((*currency)->cash_increment, e.cash_increment) << e.code;
  }
  EXPECT_EQ(FindCurrency("eur").error().code, ErrorCode::kUnknownCurrency);
  EXPECT_EQ(FindCurrency("XAU").error().code, ErrorCode::kUnknownCurrency);
  EXPECT_EQ(FindCurrency("").error().code, ErrorCode::kUnknownCurrency);
}

TEST(Money, ArithmeticIsCheckedNeverWraps) {
  EXPECT_EQ(M(1999, "EUR").Add(M(1, "EUR"))->minor_units(), 2000);
  EXPECT_EQ(M(INT64_MAX, "EUR").Add(M(1, "EUR")).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(M(INT64_MIN, "EUR").Negate().error().code, ErrorCode::kOverflow);
  EXPECT_EQ(M(INT64_MAX / 2 + 1, "JPY").MultiplyBy(2).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(M(1, "EUR").Add(M(1, "USD")).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(M(1999, "EUR").Multiply(*Decimal::Parse("0.75"), RoundingMode::kHalfUp)->minor_units(), 1499);
}

TEST(Money, MajorUnitStringsFollowIsoDigits) {
  EXPECT_EQ(M(1234, "EUR").ToMajorString(), "12.34");
  EXPECT_EQ(M(-5, "EUR").ToMajorString(), "-0.05");
  EXPECT_EQ(M(1500, "JPY").ToMajorString(), "1500");
  EXPECT_EQ(M(1250, "KWD").ToMajorString(), "1.250");
  EXPECT_EQ(M(10000, "CLF").ToMajorString(), "1.0000");
  EXPECT_EQ(M(INT64_MIN, "EUR").ToMajorString(), "-92233720368547758.08");
  EXPECT_EQ(Money::ParseMajor("12.3", "EUR")->minor_units(), 1230);
  EXPECT_EQ(Money::ParseMajor("12.345", "EUR").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Money::ParseMajor("1.5", "JPY").error().code, ErrorCode::kInvalidArgument);
}

TEST(Fx, ConvertsAcrossDigitsAndRoundsOnce) {
  auto rate = *Decimal::Parse("162.35");
  EXPECT_EQ(Convert(M(1000, "EUR"), "JPY", rate, RoundingMode::kHalfUp)->minor_units(), 1624);
  EXPECT_EQ(Convert(M(1000, "EUR"), "JPY", rate, RoundingMode::kDown)->minor_units(), 1623);
  // JPY 1000 -> EUR at 0.006159 = 6.159 -> 6.16
  EXPECT_EQ(Convert(M(1000, "JPY"), "EUR", *Decimal::Parse("0.006159"), RoundingMode::kHalfEven)->minor_units(), 616);
  // USD -> KWD (3 digits) at 0.3071: 100.00 -> 30.710
  EXPECT_EQ(Convert(M(10000, "USD"), "KWD", *Decimal::Parse("0.3071"), RoundingMode::kHalfEven)->minor_units(), 30710);
  EXPECT_EQ(Convert(M(1, "EUR"), "JPY", *Decimal::Parse("0"), RoundingMode::kHalfUp).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(Convert(M(1, "EUR"), "ABC", rate, RoundingMode::kHalfUp).error().code, ErrorCode::kUnknownCurrency);
  EXPECT_EQ(Convert(M(INT64_MAX, "JPY"), "KWD", *Decimal::Parse("1000"), RoundingMode::kHalfUp).error().code,
            ErrorCode::kOverflow);
}

TEST(Checked, ParsesStrictIntegers) {
  EXPECT_EQ(*ParseInt64("-9223372036854775808"), INT64_MIN);
  EXPECT_EQ(*ParseInt64("9223372036854775807"), INT64_MAX);
  EXPECT_EQ(ParseInt64("9223372036854775808").error().code, ErrorCode::kOverflow);
  for (const char* bad : {"", "-", "1.0", "1e3", " 1", "+1", "0x1", "12a"}) {
    EXPECT_EQ(ParseInt64(bad).error().code, ErrorCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace shopcore
