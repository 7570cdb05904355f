// A market's own VAT/GST/consumption tax: rates per tax category, whether
// shoppers see prices with tax included, and how tax is rounded. One rule per
// market is in force at any moment (validation rejects overlaps).
#ifndef SHOPCORE_TAX_DOMESTIC_RULE_H_
#define SHOPCORE_TAX_DOMESTIC_RULE_H_

#include <map>
#include <optional>
#include <string>

#include "shopcore/money/decimal.h"
#include "shopcore/status.h"
#include "shopcore/tax/rounding_config.h"
#include "shopcore/tax/rule_meta.h"
#include "shopcore/tax/tax_category.h"

namespace shopcore::tax {

enum class PriceDisplay { kInclusive, kExclusive };

// "inclusive", "exclusive".
const char* PriceDisplayName(PriceDisplay display);
Result<PriceDisplay> ParsePriceDisplay(std::string_view name);

struct DomesticRule {
  RuleMeta meta;
  std::string currency;      // the market's currency: "EUR"
  std::string tax_name;      // "VAT", "GST", "消費税": what the tax is called
  std::optional<Decimal> standard_rate;
  std::optional<Decimal> reduced_rate;  // absent where the market has none
  PriceDisplay display = PriceDisplay::kInclusive;
  RoundingConfig rounding;
  // Locale tag -> the "tax included/excluded" label: {"de": "inkl. MwSt.", "ja": "税込"}.
  std::map<std::string, std::string> labels;

  // The rate of a category: zero and exempt are 0 by definition; standard and
  // reduced come from the rule (NOT_FOUND when the rule has no such rate).
  Result<Decimal> RateFor(TaxCategory category) const;
};

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_DOMESTIC_RULE_H_
