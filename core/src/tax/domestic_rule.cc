#include "shopcore/tax/domestic_rule.h"

#include <string>

namespace shopcore::tax {

Result<Decimal> DomesticRule::RateFor(TaxCategory category) const {
  switch (category) {
    case TaxCategory::kZero:
    case TaxCategory::kExempt: return Decimal();
    case TaxCategory::kStandard:
      if (standard_rate) return *standard_rate;
      break;
    case TaxCategory::kReduced:
      if (reduced_rate) return *reduced_rate;
      break;
  }
  return MakeError(ErrorCode::kNotFound, std::string("rule ") + meta.id + " of " + meta.market + " has no " +
                                             TaxCategoryName(category) + " rate");
}

}  // namespace shopcore::tax
