// Currency conversion with a decimal rate and a named rounding mode.
#ifndef SHOPCORE_MONEY_FX_H_
#define SHOPCORE_MONEY_FX_H_

#include <string_view>

#include "shopcore/money/decimal.h"
#include "shopcore/money/money.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {

// rate = units of `to` per one unit of from's currency (major units), so
// EUR 10.00 at EUR->JPY 162.35 is JPY 1624 under half-up. Minor-unit digits
// of both currencies are accounted for; the result is rounded once.
// A rate <= 0 is INVALID_ARGUMENT.
Result<Money> Convert(const Money& from, std::string_view to, const Decimal& rate, RoundingMode mode);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_FX_H_
