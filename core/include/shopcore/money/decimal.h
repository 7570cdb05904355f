// Decimal: an exact decimal number, coefficient x 10^-scale, for FX rates,
// percentages and tax rates. Never a double: 0.1 + 0.2 must be 0.3.
//
// Rates arrive as strings ("7.2345", "0.19", "-12.5") from snapshots and JSON
// and are kept exactly; multiplication with an amount happens in 128-bit
// integers and is rounded once, with a named mode.
#ifndef SHOPCORE_MONEY_DECIMAL_H_
#define SHOPCORE_MONEY_DECIMAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {

class Decimal {
 public:
  static constexpr int kMaxScale = 18;

  Decimal() = default;  // zero
  // coefficient x 10^-scale; scale in [0, kMaxScale].
  static Result<Decimal> Of(int64_t coefficient, int scale);
  static Decimal FromInteger(int64_t value) { return Decimal(value, 0); }
  // Plain decimal notation: optional '-', digits, optional '.' and digits.
  // No exponent, no grouping, no leading '+', at most kMaxScale decimals.
  static Result<Decimal> Parse(std::string_view text);

  int64_t coefficient() const { return coefficient_; }
  int scale() const { return scale_; }
  bool is_zero() const { return coefficient_ == 0; }
  bool is_negative() const { return coefficient_ < 0; }

  // Shortest exact form: "7.2345", "0.19", "-12.5", "3".
  std::string ToString() const;

  // Exact comparison across scales.
  int Compare(const Decimal& other) const;
  bool operator==(const Decimal& other) const { return Compare(other) == 0; }
  bool operator<(const Decimal& other) const { return Compare(other) < 0; }

  // Exact sum and product; OVERFLOW when the result needs more than int64
  // coefficient or kMaxScale decimals (a product may be rescaled exactly).
  Result<Decimal> Add(const Decimal& other) const;
  Result<Decimal> Multiply(const Decimal& other) const;

  // amount x this, rounded to an integer with mode.
  Result<int64_t> MultiplyAmount(int64_t amount, RoundingMode mode) const;
  // amount x this / 10^shift ... x 10^shift: scales the product by a power of
  // ten before rounding (shift > 0 multiplies), used when converting between
  // currencies with different minor-unit digits.
  Result<int64_t> MultiplyAmountScaled(int64_t amount, int shift, RoundingMode mode) const;

 private:
  Decimal(int64_t coefficient, int scale) : coefficient_(coefficient), scale_(scale) {}
  int64_t coefficient_ = 0;
  int scale_ = 0;
};

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_DECIMAL_H_
