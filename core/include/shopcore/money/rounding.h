// Rounding modes and exact integer rounding of quotients.
//
// Every place the engine turns an exact rational (a rate times an amount, a
// share of a discount) into minor units names its mode; there is no implicit
// default in arithmetic. Mode names follow java.math.RoundingMode / ICU, so
// "half-up" rounds a tie away from zero (-2.5 -> -3), as Intl's "halfExpand".
#ifndef SHOPCORE_MONEY_ROUNDING_H_
#define SHOPCORE_MONEY_ROUNDING_H_

#include <cstdint>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

enum class RoundingMode {
  kHalfEven,  // ties to the even neighbour (banker's rounding)
  kHalfUp,    // ties away from zero
  kHalfDown,  // ties toward zero
  kUp,        // away from zero
  kDown,      // toward zero (truncate)
  kCeiling,   // toward +infinity
  kFloor,     // toward -infinity
};

// "half-even", "half-up", "half-down", "up", "down", "ceiling", "floor".
const char* RoundingModeName(RoundingMode mode);
Result<RoundingMode> ParseRoundingMode(std::string_view name);

// numerator / denominator rounded to an integer; denominator != 0.
// Fails with OVERFLOW when the result does not fit in int64.
Result<int64_t> RoundQuotient(__int128 numerator, __int128 denominator, RoundingMode mode);

// amount rounded to a multiple of increment (> 0): cash rounding such as
// CHF 0.05 is RoundToIncrement(amount_in_rappen, 5, kHalfUp).
Result<int64_t> RoundToIncrement(int64_t amount, int64_t increment, RoundingMode mode);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_ROUNDING_H_
