// The tax module's rules filled from a catalog snapshot: each TaxRule
// (rates per category, validity, source, verified-on, tax name, labels)
// becomes a DomesticRule, with the display (inclusive/exclusive) and the
// rounding of the market it belongs to.
//
// Validity: the snapshot writes [valid_from, valid_to) with valid_to the
// first day no longer in force (README "tax rules ... must not overlap in
// [valid_from, valid_to)"); the tax module's RuleMeta keeps valid_to as the
// last day in force, so from_ms/to_ms are filled here from the snapshot's
// meaning, and valid_to keeps the snapshot's text.
//
// Each ImportRegime with tiers becomes an ImportRegime of the tax module
// (tiers, duty and tax specs, collectors, fees, threshold basis and scope,
// customs value factor, rounding), with the same validity convention. A
// regime without tiers only summarises (an older producer) and is left out,
// so its market reports that no import rule is available.
#ifndef SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_
#define SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"
#include "shopcore/tax/tax_rules.h"

namespace shopcore::tax {

// INVALID_ARGUMENT with the snapshot path ("tax_rules[2].rates.standard",
// "import_regimes[3].tiers[0].collector") for a rate that is not a decimal,
// a category, basis or collector the tax module does not know; CONFLICT from TaxRules::Validate for overlapping windows.
Result<TaxRules> TaxRulesFromSnapshot(const Snapshot& snapshot);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_
