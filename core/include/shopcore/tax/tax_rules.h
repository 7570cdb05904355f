// The whole rule set: domestic rules, import regimes and display labels.
// Today it is read from JSON (tax/tax_json.h); later a snapshot adapter fills
// the same structs. Validate() is what the snapshot builder runs: duplicate
// ids and two rules of one kind in force for one market on one date are
// CONFLICT, so selection by `now` is never ambiguous.
#ifndef SHOPCORE_TAX_TAX_RULES_H_
#define SHOPCORE_TAX_TAX_RULES_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shopcore/status.h"
#include "shopcore/tax/domestic_rule.h"
#include "shopcore/tax/import_regime.h"

namespace shopcore::tax {

// Label keys used in results; the texts are data (labels in the rules file).
inline constexpr const char kLabelIncluded[] = "duties_included";    // "Duties & taxes included"
inline constexpr const char kLabelEstimated[] = "duties_estimated";  // "Estimated duties & taxes, payable on delivery"

struct TaxRules {
  std::string version;  // "2026-11-21.1": which data this is
  std::vector<DomesticRule> domestic;
  std::vector<ImportRegime> imports;
  // Label key -> locale tag -> text, for the import-status labels above.
  std::map<std::string, std::map<std::string, std::string>> labels;

  // CONFLICT (path "domestic[3]" / "imports[2]") for duplicate ids or
  // overlapping windows of the same kind and market.
  Status Validate() const;

  // The rule in force for market at now_ms. NOT_FOUND "unknown market" when
  // the market has no rule at all, NOT_FOUND "no rule in force" otherwise.
  Result<const DomesticRule*> SelectDomestic(std::string_view market, int64_t now_ms) const;
  Result<const ImportRegime*> SelectImport(std::string_view market, int64_t now_ms) const;
};

// The label for key in locale, falling back by truncating subtags
// ("zh-Hans-CN" -> "zh-Hans" -> "zh") and then to "en"; "" if none.
std::string FindLabel(const std::map<std::string, std::string>& by_locale, std::string_view locale);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_TAX_RULES_H_
