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
// Not yet mapped: ImportRegime. The snapshot's regime (one threshold, one
// rate table, free-form params) cannot express the tax module's tiers
// (several thresholds, duty and tax specs, collectors, fees), so import
// regimes stay empty here and cross-border lines report that no import
// rule is available instead of inventing one.
#ifndef SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_
#define SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"
#include "shopcore/tax/tax_rules.h"

namespace shopcore::tax {

// INVALID_ARGUMENT with the snapshot path ("tax_rules[2].rates.standard")
// for a rate that is not a decimal or a category the tax module does not
// know; CONFLICT from TaxRules::Validate for overlapping windows.
Result<TaxRules> TaxRulesFromSnapshot(const Snapshot& snapshot);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_SNAPSHOT_TAX_RULES_H_
