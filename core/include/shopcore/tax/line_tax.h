// Tax on a list of amounts at given rates, with a market's rounding config:
// the one place where tax turns into minor units for domestic VAT/GST (and
// for import VAT charged at checkout with the destination's domestic rules).
#ifndef SHOPCORE_TAX_LINE_TAX_H_
#define SHOPCORE_TAX_LINE_TAX_H_

#include <cstdint>
#include <vector>

#include "shopcore/money/decimal.h"
#include "shopcore/status.h"
#include "shopcore/tax/rounding_config.h"

namespace shopcore::tax {

struct TaxableAmount {
  int64_t amount = 0;    // the line total (after discounts), >= 0, minor units
  int64_t quantity = 1;  // >= 1; per-unit rounding splits amount evenly over units
  Decimal rate;          // 0.19
};

struct AmountTax {
  int64_t net = 0;
  int64_t tax = 0;
  int64_t gross = 0;  // net + tax
};

// inclusive: amount is gross and the tax is extracted; otherwise amount is
// net and the tax is added. Per-unit rounding with an amount that does not
// divide by the quantity (a discount spread over units) rounds the tax of
// each unit's even share (largest-remainder split of the line). Per-invoice
// rounding rounds once per distinct rate and allocates back by amount.
// INVALID_ARGUMENT for a negative amount or rate or a quantity < 1;
// OVERFLOW when a result leaves int64.
Result<std::vector<AmountTax>> ComputeLineTaxes(const std::vector<TaxableAmount>& amounts, bool inclusive,
                                                const RoundingConfig& rounding);

// Tax on one amount, rounded once: the building block of the levels above.
Result<AmountTax> TaxOnAmount(int64_t amount, const Decimal& rate, bool inclusive, const RoundingConfig& rounding);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_LINE_TAX_H_
