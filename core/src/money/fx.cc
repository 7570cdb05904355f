#include "shopcore/money/fx.h"

namespace shopcore {

Result<Money> Convert(const Money& from, std::string_view to, const Decimal& rate, RoundingMode mode) {
  auto target = FindCurrency(to);
  if (!target.ok()) return target.error();
  if (rate.is_zero() || rate.is_negative()) {
    return MakeError(ErrorCode::kInvalidArgument, "exchange rate must be positive, got " + rate.ToString(), "rate");
  }
  // from.minor / 10^from_digits * rate * 10^to_digits, rounded once.
  const int shift = (*target)->iso_digits - from.currency().iso_digits;
  auto minor = rate.MultiplyAmountScaled(from.minor_units(), shift, mode);
  if (!minor.ok()) return minor.error();
  return Money::Of(*minor, **target);
}

}  // namespace shopcore
