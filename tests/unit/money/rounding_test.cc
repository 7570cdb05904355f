#include "shopcore/money/rounding.h"

#include <gtest/gtest.h>

namespace shopcore {
namespace {

struct Case {
  int64_t numerator;
  int64_t denominator;
  RoundingMode mode;
  int64_t expected;
};

TEST(Rounding, EveryModeOnTiesAndNonTies) {
  using M = RoundingMode;
  const Case cases[] = {
      // 2.5 and -2.5: the ties that tell the half modes apart.
      {25, 10, M::kHalfEven, 2},  {35, 10, M::kHalfEven, 4},  {-25, 10, M::kHalfEven, -2},
      {25, 10, M::kHalfUp, 3},    {-25, 10, M::kHalfUp, -3},  {25, 10, M::kHalfDown, 2},
      {-25, 10, M::kHalfDown, -2}, {21, 10, M::kUp, 3},        {-21, 10, M::kUp, -3},
      {29, 10, M::kDown, 2},      {-29, 10, M::kDown, -2},    {21, 10, M::kCeiling, 3},
      {-29, 10, M::kCeiling, -2}, {29, 10, M::kFloor, 2},     {-21, 10, M::kFloor, -3},
      // Not ties: every half mode goes to the nearest.
      {26, 10, M::kHalfDown, 3},  {24, 10, M::kHalfUp, 2},    {-26, 10, M::kHalfEven, -3},
      // Exact quotients never move, whatever the mode.
      {30, 10, M::kUp, 3},        {-30, 10, M::kFloor, -3},
      // A negative denominator is the same as negating the numerator.
      {25, -10, M::kHalfUp, -3},
  };
  for (const auto& c : cases) {
    auto result = RoundQuotient(c.numerator, c.denominator, c.mode);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(*result, c.expected) << c.numerator << "/" << c.denominator << " " << RoundingModeName(c.mode);
  }
}

TEST(Rounding, NineteenNinetyNineAtTwentyFivePercentOffIsFourteenNinetyNine) {
  // 1999 * 0.75 = 1499.25 -> 1499 under half-up (a known bug elsewhere gives 1500).
  EXPECT_EQ(*RoundQuotient(1999 * 75, 100, RoundingMode::kHalfUp), 1499);
}

TEST(Rounding, OverflowAndDivisionByZeroAreErrors) {
  __int128 huge = static_cast<__int128>(INT64_MAX) * 4;
  EXPECT_EQ(RoundQuotient(huge, 2, RoundingMode::kDown).error().code, ErrorCode::kOverflow);
  EXPECT_EQ(RoundQuotient(1, 0, RoundingMode::kDown).error().code, ErrorCode::kInvalidArgument);
}

TEST(Rounding, CashIncrements) {
  // CHF cash rounds to 0.05: 12.32 -> 12.30, 12.33 -> 12.35, 12.375 is not a cent amount.
  EXPECT_EQ(*RoundToIncrement(1232, 5, RoundingMode::kHalfUp), 1230);
  EXPECT_EQ(*RoundToIncrement(1233, 5, RoundingMode::kHalfUp), 1235);
  EXPECT_EQ(*RoundToIncrement(-1233, 5, RoundingMode::kHalfUp), -1235);
  // DKK 0.50: 10.25 is a tie.
  EXPECT_EQ(*RoundToIncrement(1025, 50, RoundingMode::kHalfEven), 1000);
  EXPECT_EQ(*RoundToIncrement(1025, 50, RoundingMode::kHalfUp), 1050);
  EXPECT_EQ(RoundToIncrement(10, 0, RoundingMode::kHalfUp).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(RoundToIncrement(INT64_MAX, 10, RoundingMode::kUp).error().code, ErrorCode::kOverflow);
}

TEST(Rounding, ModeNamesRoundTrip) {
  for (auto mode : {RoundingMode::kHalfEven, RoundingMode::kHalfUp, RoundingMode::kHalfDown, RoundingMode::kUp,
                    RoundingMode::kDown, RoundingMode::kCeiling, RoundingMode::kFloor}) {
    EXPECT_EQ(*ParseRoundingMode(RoundingModeName(mode)), mode);
  }
  EXPECT_EQ(ParseRoundingMode("HALF_UP").error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace shopcore
