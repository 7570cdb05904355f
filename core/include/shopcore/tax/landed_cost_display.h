// Display strings of a landed cost in one locale: every amount a page shows,
// formatted with the locale pack (CLDR patterns, the currency's display
// digits), so "71,99 €" comes from the same data natively and in wasm.
//
//   {"total": "71,99 €", "due_at_checkout": "71,99 €", "due_on_delivery": "0,00 €",
//    "components": [{"kind": "goods", "amount": "49,99 €", "collection": "included"}, ...],
//    "lines": [{"id": "silk-blouse", "total": "42,59 €", "tax": "6,60 €", "duty": "3,00 €"}, ...]}
//
// The labels ("TTC", "Droits et taxes inclus") are the cost's own, chosen by
// the request's locale; this adds only the amounts.
#ifndef SHOPCORE_TAX_LANDED_COST_DISPLAY_H_
#define SHOPCORE_TAX_LANDED_COST_DISPLAY_H_

#include <string>

#include "shopcore/money/locale_pack.h"
#include "shopcore/status.h"
#include "shopcore/tax/landed_cost.h"

namespace shopcore::tax {

// The object above as compact JSON; UNKNOWN_CURRENCY for a cost in a currency
// the table does not know, errors of FormatMoney otherwise.
Result<std::string> LandedCostDisplayJson(const LandedCost& cost, const LocalePack& pack);

// LandedCostToJson's document with "display" (LandedCostDisplayJson) added
// as its last key; same layout (2-space indent, final newline).
Result<std::string> LandedCostWithDisplayJson(const LandedCost& cost, const LocalePack& pack);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_LANDED_COST_DISPLAY_H_
