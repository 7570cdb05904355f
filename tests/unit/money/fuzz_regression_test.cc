// Inputs found by the libFuzzer targets (tests/fuzz/), minimized, with the
// exact behaviour now expected of them.
#include <gtest/gtest.h>

#include <cstdint>

#include "shopcore/money.h"

namespace shopcore {
namespace {

// fuzz_decimal: ParseInt64 accepted -2^63 but Decimal::Parse rejected it as
// OVERFLOW, so Decimal::ToString of -2^63 (e.g. FromInteger) did not parse
// back. Both now accept it; one more digit is still OVERFLOW.
TEST(FuzzRegression, DecimalParsesMinusTwoToThe63) {
  auto parsed = Decimal::Parse("-9223372036854775808");
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  EXPECT_EQ(parsed->coefficient(), INT64_MIN);
  EXPECT_EQ(parsed->scale(), 0);
  EXPECT_EQ(Decimal::FromInteger(INT64_MIN).ToString(), "-9223372036854775808");
  auto fraction = Decimal::Parse("-92233720368.54775808");
  ASSERT_TRUE(fraction.ok());
  EXPECT_EQ(fraction->coefficient(), INT64_MIN);
  EXPECT_EQ(fraction->ToString(), "-92233720368.54775808");

  EXPECT_EQ(Decimal::Parse("9223372036854775808").error().code, ErrorCode::kOverflow);
  EXPECT_EQ(Decimal::Parse("-9223372036854775809").error().code, ErrorCode::kOverflow);
  EXPECT_EQ(Decimal::Parse("-92233720368547758080").error().code, ErrorCode::kOverflow);
}

// The value is usable, not only parseable: negation and products of -2^63
// are OVERFLOW, never a signed wrap (UBSan would flag it).
TEST(FuzzRegression, MinusTwoToThe63IsCheckedInArithmetic) {
  const Decimal minimum = *Decimal::Parse("-9223372036854775808");
  EXPECT_EQ(minimum.Multiply(*Decimal::Parse("-1")).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(minimum.Add(*Decimal::Parse("-1")).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(*minimum.MultiplyAmount(1, RoundingMode::kHalfEven), INT64_MIN);
  EXPECT_EQ(minimum.MultiplyAmount(-1, RoundingMode::kHalfEven).error().code, ErrorCode::kOverflow);
  auto money = Money::ParseMajor("-92233720368547758.08", "EUR");
  ASSERT_TRUE(money.ok());
  EXPECT_EQ(money->minor_units(), INT64_MIN);
  EXPECT_EQ(money->ToMajorString(), "-92233720368547758.08");
}

}  // namespace
}  // namespace shopcore
