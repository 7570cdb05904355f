#include "shopcore/money/decimal.h"

#include <gtest/gtest.h>

namespace shopcore {
namespace {

Decimal D(const char* text) {
  auto value = Decimal::Parse(text);
  EXPECT_TRUE(value.ok()) << text << ": " << value.error().ToString();
  return value.ok() ? *value : Decimal();
}

TEST(Decimal, ParsesAndPrintsExactly) {
  EXPECT_EQ(D("7.2345").ToString(), "7.2345");
  EXPECT_EQ(D("0.19").ToString(), "0.19");
  EXPECT_EQ(D("-12.50").ToString(), "-12.5");
  EXPECT_EQ(D("3").ToString(), "3");
  EXPECT_EQ(D("0.000000000000000001").ToString(), "0.000000000000000001");
  EXPECT_EQ(D("-0.05").coefficient(), -5);
  EXPECT_EQ(D("-0.05").scale(), 2);
}

TEST(Decimal, RejectsWhatIsNotPlainDecimal) {
  for (const char* bad : {"", "-", ".5", "5.", "1e3", "+1", "1,5", " 1", "1.2.3", "NaN", "0x10", "--1"}) {
    EXPECT_EQ(Decimal::Parse(bad).error().code, ErrorCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(Decimal::Parse("0.0000000000000000001").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Decimal::Parse("99999999999999999999").error().code, ErrorCode::kOverflow);
}

TEST(Decimal, ArithmeticIsExact) {
  EXPECT_EQ(D("0.1").Add(D("0.2"))->ToString(), "0.3");
  EXPECT_EQ(D("0.19").Multiply(D("0.7"))->ToString(), "0.133");
  EXPECT_TRUE(D("1.50") == D("1.5"));
  EXPECT_TRUE(D("-2") < D("0.001"));
  EXPECT_EQ(D("0.0001").Multiply(D("0.0001"))->ToString(), "0.00000001");
  EXPECT_EQ(D("10000000000").Multiply(D("10000000000")).error().code, ErrorCode::kOverflow);
}

TEST(Decimal, MultiplyAmountRoundsOnceWithTheNamedMode) {
  // 19% VAT on 9.99 = 1.8981 -> 1.90 (half-up) ; 0.25% of 2 cents = 0.005 -> tie.
  EXPECT_EQ(*D("0.19").MultiplyAmount(999, RoundingMode::kHalfUp), 190);
  EXPECT_EQ(*D("0.25").MultiplyAmount(2, RoundingMode::kHalfEven), 0);
  EXPECT_EQ(*D("0.25").MultiplyAmount(2, RoundingMode::kHalfUp), 1);
  EXPECT_EQ(*D("0.25").MultiplyAmount(-2, RoundingMode::kHalfUp), -1);
  // Shift: 1000 minor at 2 digits to a 0-digit currency at rate 162.35.
  EXPECT_EQ(*D("162.35").MultiplyAmountScaled(1000, -2, RoundingMode::kHalfUp), 1624);
  EXPECT_EQ(D("10").MultiplyAmountScaled(INT64_MAX, 18, RoundingMode::kHalfUp).error().code, ErrorCode::kOverflow);
}

}  // namespace
}  // namespace shopcore
