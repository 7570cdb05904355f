// JSON forms of the tax rules, the landed-cost request and its result.
// Parsing never aborts: errors are BAD_JSON (not JSON) or BAD_REQUEST /
// INVALID_ARGUMENT with the JSON path of the offending value
// ("imports[3].tiers[0].duty.rate"). Output is deterministic: keys in a
// fixed order, amounts as exact major-unit strings.
#ifndef SHOPCORE_TAX_TAX_JSON_H_
#define SHOPCORE_TAX_TAX_JSON_H_

#include <string>
#include <string_view>

#include "shopcore/status.h"
#include "shopcore/tax/landed_cost.h"
#include "shopcore/tax/tax_rules.h"

namespace shopcore::tax {

// Parses and validates (TaxRules::Validate) a rules document.
Result<TaxRules> ParseTaxRulesJson(std::string_view text);
Result<LandedCostRequest> ParseLandedCostRequestJson(std::string_view text);
// Pretty-printed with 2 spaces and a final newline.
Result<std::string> LandedCostToJson(const LandedCost& cost);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_TAX_JSON_H_
