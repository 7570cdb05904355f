// The tax category of a line decides which domestic rate applies. Zero-rated
// and exempt both charge nothing, but they are different facts on an invoice
// (zero-rated supplies keep input-tax deduction), so they stay distinct.
#ifndef SHOPCORE_TAX_TAX_CATEGORY_H_
#define SHOPCORE_TAX_TAX_CATEGORY_H_

#include <string_view>

#include "shopcore/status.h"

namespace shopcore::tax {

enum class TaxCategory { kStandard, kReduced, kZero, kExempt };

// "standard", "reduced", "zero", "exempt".
const char* TaxCategoryName(TaxCategory category);
Result<TaxCategory> ParseTaxCategory(std::string_view name);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_TAX_CATEGORY_H_
