// JSON forms of the tax rules, the landed-cost request and its result.
// Parsing never aborts: errors are BAD_JSON (not JSON) or BAD_REQUEST /
// INVALID_ARGUMENT with the JSON path of the offending value
// ("imports[3].tiers[0].duty.rate"). Output is deterministic: keys in a
// fixed order, amounts as exact major-unit strings.
//
// Rules (data/tax-rules.json is the full example):
//   {"version": "...", "labels": {"duties_included": {"en": "...", "ja": "..."}, "duties_estimated": {...}},
//    "domestic": [{"id", "market", "valid_from", "valid_to"?, "source", "verified_on", "note"?,
//                  "currency", "tax_name", "rates": {"standard": "0.20", "reduced"?: "0.055"},
//                  "display": "inclusive"|"exclusive",
//                  "rounding": {"level": "per_unit"|"per_line"|"per_invoice", "mode": "half-up"..., "target": "tax"|"net"},
//                  "labels": {"fr": "TTC"}}],
//    "imports": [{<same meta>, "currency", "threshold_basis", "threshold_scope"?, "customs_value_factor"?,
//                 "rounding"?, "tiers": [{"name", "up_to"?: "150.00", "origins"?, "channels"?, "requires_ioss"?,
//                 "uses_annual_quota"?, "exempt"?, "collector", "notice"?,
//                 "duty"?: {"rate"?, "by_tariff"?: {"6403": "0.1"}, "basis"?, "deduction"?, "flat_per_tariff_line"?},
//                 "tax"?: {"rate": "domestic"|"0.17", "basis"?, "include_duty"?, "gross_up"?, "factor"?},
//                 "fees"?: [{"name", "amount"}]}]}]}
// Unknown keys are rejected, so a misspelt field never silently changes a rule.
//
// Request:
//   {"market": "FR", "origin": "CN", "currency": "EUR", "locale"?: "fr-FR", "channel"?: "courier",
//    "seller_ioss"?: true, "prices_include_tax"?: bool, "shipping_minor"?: 500, "insurance_minor"?: 0,
//    "shipping_category"?: "standard", "annual_quota_remaining_minor"?: 2600000,
//    "fx"?: [{"from": "BRL", "to": "USD", "rate": "0.19"}], "now": 1782864000000 | "2026-07-01",
//    "lines": [{"id", "amount_minor", "quantity"?, "tax_category"?, "hs_code"?, "duty_rate"?, "excise_rate"?}]}
// Integers may be JSON integers or digit strings; rates are always strings.
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
