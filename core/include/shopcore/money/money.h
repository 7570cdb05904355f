// Money: an exact amount in ISO 4217 minor units of one currency.
// JPY 1500 is {1500, JPY}; EUR 12.34 is {1234, EUR}; KWD 1.250 is {1250, KWD}.
// Arithmetic is checked: mixing currencies is INVALID_ARGUMENT, leaving int64
// is OVERFLOW.
#ifndef SHOPCORE_MONEY_MONEY_H_
#define SHOPCORE_MONEY_MONEY_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/money/currency.h"
#include "shopcore/money/decimal.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {

class Money {
 public:
  static Result<Money> Of(int64_t minor_units, std::string_view currency_code);
  static Money Of(int64_t minor_units, const Currency& currency) { return Money(minor_units, &currency); }
  // "12.34" in major units, exactly; more decimals than the currency has is an error.
  static Result<Money> ParseMajor(std::string_view text, std::string_view currency_code);

  int64_t minor_units() const { return minor_units_; }
  const Currency& currency() const { return *currency_; }
  bool is_zero() const { return minor_units_ == 0; }
  bool is_negative() const { return minor_units_ < 0; }

  Result<Money> Add(const Money& other) const;
  Result<Money> Subtract(const Money& other) const;
  Result<Money> Negate() const;
  Result<Money> MultiplyBy(int64_t quantity) const;
  // Times a rate or percentage (19% is Decimal "0.19"), rounded with mode.
  Result<Money> Multiply(const Decimal& factor, RoundingMode mode) const;

  // Exact major-unit string in ISO digits: "12.34", "-0.05", "1500", "1.250".
  std::string ToMajorString() const;

  bool operator==(const Money& other) const {
    return minor_units_ == other.minor_units_ && currency_ == other.currency_;
  }

 private:
  Money(int64_t minor_units, const Currency* currency) : minor_units_(minor_units), currency_(currency) {}
  int64_t minor_units_;
  const Currency* currency_;
};

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_MONEY_H_
