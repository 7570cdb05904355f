// How a market turns exact tax into minor units. Three independent choices:
//
//   level   per_unit:  tax of one unit rounded, then times quantity
//                      (3 x 1.08 at 19%: 0.2052 -> 0.21, x3 = 0.63, gross 3.87)
//           per_line:  tax of the line (unit x quantity) rounded once
//                      (3.24 x 19% = 0.6156 -> 0.62, gross 3.86)
//           per_invoice: lines summed per rate, rounded once per rate, then
//                      allocated back to lines by largest remainder. Japan's
//                      qualified-invoice rules require this (NTA Q&A Q46).
//   mode    the RoundingMode (Japan lets the business choose; "down" is usual).
//   target  for tax-inclusive prices, which figure is rounded: the tax
//           (tax = round(gross x r/(1+r))) or the net (tax = gross - round(gross/(1+r))).
#ifndef SHOPCORE_TAX_ROUNDING_CONFIG_H_
#define SHOPCORE_TAX_ROUNDING_CONFIG_H_

#include <string_view>

#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore::tax {

enum class RoundingLevel { kPerUnit, kPerLine, kPerInvoice };
enum class RoundingTarget { kTax, kNet };

struct RoundingConfig {
  RoundingLevel level = RoundingLevel::kPerLine;
  RoundingMode mode = RoundingMode::kHalfUp;
  RoundingTarget target = RoundingTarget::kTax;
};

// "per_unit", "per_line", "per_invoice"; "tax", "net".
const char* RoundingLevelName(RoundingLevel level);
Result<RoundingLevel> ParseRoundingLevel(std::string_view name);
const char* RoundingTargetName(RoundingTarget target);
Result<RoundingTarget> ParseRoundingTarget(std::string_view name);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_ROUNDING_CONFIG_H_
