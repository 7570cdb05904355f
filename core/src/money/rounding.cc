#include "shopcore/money/rounding.h"

#include <cstdint>
#include <string>

namespace shopcore {
namespace {

struct ModeName {
  RoundingMode mode;
  const char* name;
};
constexpr ModeName kModeNames[] = {
    {RoundingMode::kHalfEven, "half-even"}, {RoundingMode::kHalfUp, "half-up"},
    {RoundingMode::kHalfDown, "half-down"}, {RoundingMode::kUp, "up"},
    {RoundingMode::kDown, "down"},          {RoundingMode::kCeiling, "ceiling"},
    {RoundingMode::kFloor, "floor"},
};

__int128 Abs(__int128 v) { return v < 0 ? -v : v; }

}  // namespace

const char* RoundingModeName(RoundingMode mode) {
  for (const auto& entry : kModeNames) {
    if (entry.mode == mode) return entry.name;
  }
  return "?";
}

Result<RoundingMode> ParseRoundingMode(std::string_view name) {
  for (const auto& entry : kModeNames) {
    if (name == entry.name) return entry.mode;
  }
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown rounding mode '" + std::string(name.substr(0, 40)) +
                       "' (half-even, half-up, half-down, up, down, ceiling, floor)",
                   "rounding");
}

Result<int64_t> RoundQuotient(__int128 numerator, __int128 denominator, RoundingMode mode) {
  if (denominator == 0) return MakeError(ErrorCode::kInvalidArgument, "division by zero");
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  // C++ division truncates toward zero; decide the adjustment from the
  // remainder alone, exactly.
  __int128 quotient = numerator / denominator;
  __int128 remainder = numerator % denominator;
  if (remainder != 0) {
    const int sign = numerator < 0 ? -1 : 1;
    const __int128 twice = 2 * Abs(remainder);  // compare remainder with half
    bool away = false;  // move one unit away from zero?
    switch (mode) {
      case RoundingMode::kUp: away = true; break;
      case RoundingMode::kDown: away = false; break;
      case RoundingMode::kCeiling: away = sign > 0; break;
      case RoundingMode::kFloor: away = sign < 0; break;
      case RoundingMode::kHalfUp: away = twice >= denominator; break;
      case RoundingMode::kHalfDown: away = twice > denominator; break;
      case RoundingMode::kHalfEven:
        away = twice > denominator || (twice == denominator && (quotient % 2 != 0));
        break;
    }
    if (away) quotient += sign;
  }
  if (quotient > INT64_MAX || quotient < INT64_MIN) {
    return MakeError(ErrorCode::kOverflow, "rounded result does not fit in int64");
  }
  return static_cast<int64_t>(quotient);
}

Result<int64_t> RoundToIncrement(int64_t amount, int64_t increment, RoundingMode mode) {
  if (increment <= 0) return MakeError(ErrorCode::kInvalidArgument, "rounding increment must be positive");
  auto units = RoundQuotient(amount, increment, mode);
  if (!units.ok()) return units;
  __int128 value = static_cast<__int128>(*units) * increment;
  if (value > INT64_MAX || value < INT64_MIN) {
    return MakeError(ErrorCode::kOverflow, "rounded result does not fit in int64");
  }
  return static_cast<int64_t>(value);
}

}  // namespace shopcore
