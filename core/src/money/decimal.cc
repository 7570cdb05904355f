#include "shopcore/money/decimal.h"

#include <string>

#include "shopcore/money/checked.h"

namespace shopcore {
namespace {

__int128 Pow10Wide(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// Drops trailing zeros so equal values have one representation.
void Normalize(__int128* coefficient, int* scale) {
  while (*scale > 0 && *coefficient % 10 == 0) {
    *coefficient /= 10;
    --*scale;
  }
}

bool FitsInt64(__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

}  // namespace

Result<Decimal> Decimal::Of(int64_t coefficient, int scale) {
  if (scale < 0 || scale > kMaxScale) {
    return MakeError(ErrorCode::kInvalidArgument, "decimal scale must be 0.." + std::to_string(kMaxScale));
  }
  __int128 c = coefficient;
  Normalize(&c, &scale);
  return Decimal(static_cast<int64_t>(c), scale);
}

Result<Decimal> Decimal::Parse(std::string_view text) {
  const std::string shown(text.substr(0, 40));
  auto bad = [&] { return MakeError(ErrorCode::kInvalidArgument, "not a decimal number: '" + shown + "'"); };
  size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && text[pos] == '-') {
    negative = true;
    ++pos;
  }
  __int128 coefficient = 0;
  int scale = 0;
  int digits = 0;
  bool seen_point = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '.') {
      if (seen_point || digits == 0) return bad();
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return bad();
    coefficient = coefficient * 10 + (c - '0');
    ++digits;
    if (seen_point) ++scale;
    // A negative coefficient may reach -2^63 (ParseInt64 and ToString do).
    if (coefficient > (negative ? -static_cast<__int128>(INT64_MIN) : INT64_MAX)) {
      return MakeError(ErrorCode::kOverflow, "decimal has too many digits: '" + shown + "'");
    }
  }
  if (digits == 0 || (seen_point && text.back() == '.')) return bad();
  if (scale > kMaxScale) {
    return MakeError(ErrorCode::kInvalidArgument, "decimal has more than " + std::to_string(kMaxScale) +
                                                      " fraction digits: '" + shown + "'");
  }
  if (negative) coefficient = -coefficient;
  Normalize(&coefficient, &scale);
  return Decimal(static_cast<int64_t>(coefficient), scale);
}

std::string Decimal::ToString() const {
  // Work on the magnitude in 128 bits: -INT64_MIN does not fit in int64.
  __int128 magnitude = coefficient_ < 0 ? -static_cast<__int128>(coefficient_) : coefficient_;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude > 0);
  if (scale_ > 0) {
    if (static_cast<int>(digits.size()) <= scale_) digits.insert(0, scale_ - digits.size() + 1, '0');
    digits.insert(digits.size() - scale_, 1, '.');
  }
  return coefficient_ < 0 ? "-" + digits : digits;
}

int Decimal::Compare(const Decimal& other) const {
  const int scale = scale_ > other.scale_ ? scale_ : other.scale_;
  const __int128 a = static_cast<__int128>(coefficient_) * Pow10Wide(scale - scale_);
  const __int128 b = static_cast<__int128>(other.coefficient_) * Pow10Wide(scale - other.scale_);
  return a < b ? -1 : (a > b ? 1 : 0);
}

Result<Decimal> Decimal::Add(const Decimal& other) const {
  const int scale = scale_ > other.scale_ ? scale_ : other.scale_;
  __int128 sum = static_cast<__int128>(coefficient_) * Pow10Wide(scale - scale_) +
                 static_cast<__int128>(other.coefficient_) * Pow10Wide(scale - other.scale_);
  int result_scale = scale;
  Normalize(&sum, &result_scale);
  if (!FitsInt64(sum)) return MakeError(ErrorCode::kOverflow, "decimal sum does not fit");
  return Decimal(static_cast<int64_t>(sum), result_scale);
}

Result<Decimal> Decimal::Multiply(const Decimal& other) const {
  __int128 product = static_cast<__int128>(coefficient_) * other.coefficient_;
  int scale = scale_ + other.scale_;
  Normalize(&product, &scale);
  if (!FitsInt64(product) || scale > kMaxScale) {
    return MakeError(ErrorCode::kOverflow, "decimal product " + ToString() + " x " + other.ToString() +
                                               " needs more than int64 digits");
  }
  return Decimal(static_cast<int64_t>(product), scale);
}

Result<int64_t> Decimal::MultiplyAmount(int64_t amount, RoundingMode mode) const {
  return MultiplyAmountScaled(amount, 0, mode);
}

Result<int64_t> Decimal::MultiplyAmountScaled(int64_t amount, int shift, RoundingMode mode) const {
  if (shift > kMaxScale || shift < -kMaxScale) return MakeError(ErrorCode::kInvalidArgument, "scale shift out of range");
  // amount * coefficient fits in 127 bits (|each| < 2^63).
  __int128 numerator = static_cast<__int128>(amount) * coefficient_;
  __int128 denominator = Pow10Wide(scale_);
  if (shift >= 0) {
    if (__builtin_mul_overflow(numerator, Pow10Wide(shift), &numerator)) {
      return MakeError(ErrorCode::kOverflow, "product does not fit in 128 bits");
    }
  } else {
    denominator *= Pow10Wide(-shift);  // at most 10^36: fits
  }
  return RoundQuotient(numerator, denominator, mode);
}

}  // namespace shopcore
