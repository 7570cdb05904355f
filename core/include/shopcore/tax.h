// The tax module: domestic VAT/GST by category with per-market display and
// rounding, cross-border import regimes (de minimis, duty, import VAT, who
// collects) and the landed-cost breakdown. Rules are data with validity
// windows and sources; computation is exact integer arithmetic on core/money.
#ifndef SHOPCORE_TAX_H_
#define SHOPCORE_TAX_H_

#include "shopcore/tax/domestic_rule.h"
#include "shopcore/tax/import_regime.h"
#include "shopcore/tax/landed_cost.h"
#include "shopcore/tax/line_tax.h"
#include "shopcore/tax/rounding_config.h"
#include "shopcore/tax/rule_meta.h"
#include "shopcore/tax/tax_category.h"
#include "shopcore/tax/tax_json.h"
#include "shopcore/tax/tax_rules.h"

#endif  // SHOPCORE_TAX_H_
