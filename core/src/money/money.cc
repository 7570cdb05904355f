#include "shopcore/money/money.h"

#include "shopcore/money/checked.h"

namespace shopcore {
namespace {

Error CurrencyMismatch(const Money& a, const Money& b) {
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string("currency mismatch: ") + a.currency().code + " and " + b.currency().code);
}

}  // namespace

Result<Money> Money::Of(int64_t minor_units, std::string_view currency_code) {
  auto currency = FindCurrency(currency_code);
  if (!currency.ok()) return currency.error();
  return Money(minor_units, *currency);
}

Result<Money> Money::ParseMajor(std::string_view text, std::string_view currency_code) {
  auto currency = FindCurrency(currency_code);
  if (!currency.ok()) return currency.error();
  auto value = Decimal::Parse(text);
  if (!value.ok()) return value.error();
  if (value->scale() > (*currency)->iso_digits) {
    return MakeError(ErrorCode::kInvalidArgument, std::string(text.substr(0, 40)) + " has more decimals than " +
                                                      (*currency)->code + " allows (" +
                                                      std::to_string((*currency)->iso_digits) + ")");
  }
  auto minor = CheckedMultiply(value->coefficient(), PowerOfTen((*currency)->iso_digits - value->scale()));
  if (!minor.ok()) return minor.error();
  return Money(*minor, *currency);
}

Result<Money> Money::Add(const Money& other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  auto sum = CheckedAdd(minor_units_, other.minor_units_);
  if (!sum.ok()) return sum.error();
  return Money(*sum, currency_);
}

Result<Money> Money::Subtract(const Money& other) const {
  if (currency_ != other.currency_) return CurrencyMismatch(*this, other);
  auto difference = CheckedSubtract(minor_units_, other.minor_units_);
  if (!difference.ok()) return difference.error();
  return Money(*difference, currency_);
}

Result<Money> Money::Negate() const {
  auto negated = CheckedSubtract(0, minor_units_);
  if (!negated.ok()) return negated.error();
  return Money(*negated, currency_);
}

Result<Money> Money::MultiplyBy(int64_t quantity) const {
  auto product = CheckedMultiply(minor_units_, quantity);
  if (!product.ok()) return product.error();
  return Money(*product, currency_);
}

Result<Money> Money::Multiply(const Decimal& factor, RoundingMode mode) const {
  auto product = factor.MultiplyAmount(minor_units_, mode);
  if (!product.ok()) return product.error();
  return Money(*product, currency_);
}

std::string Money::ToMajorString() const {
  auto value = Decimal::Of(minor_units_, currency_->iso_digits);
  // Minor units at ISO digits; pad to exactly that many decimals.
  std::string text = value->ToString();
  const int digits = currency_->iso_digits;
  if (digits == 0) return text;
  auto point = text.find('.');
  int have = point == std::string::npos ? 0 : static_cast<int>(text.size() - point - 1);
  if (point == std::string::npos) text += '.';
  text.append(digits - have, '0');
  return text;
}

}  // namespace shopcore
