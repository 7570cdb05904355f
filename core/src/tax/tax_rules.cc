#include "shopcore/tax/tax_rules.h"

#include <set>
#include <string>

namespace shopcore::tax {
namespace {

// Rules of one kind: any two for the same market whose windows intersect
// would make selection depend on file order, so they are a CONFLICT.
template <typename Rule>
Status CheckNoOverlap(const std::vector<Rule>& rules, const char* kind, std::set<std::string>* ids) {
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleMeta& a = rules[i].meta;
    const std::string path = std::string(kind) + "[" + std::to_string(i) + "]";
    if (!ids->insert(a.id).second) return MakeError(ErrorCode::kConflict, "duplicate rule id '" + a.id + "'", path + ".id");
    for (size_t j = 0; j < i; ++j) {
      const RuleMeta& b = rules[j].meta;
      if (a.market == b.market && a.Overlaps(b)) {
        return MakeError(ErrorCode::kConflict,
                         "rules '" + b.id + "' and '" + a.id + "' are both in force for " + a.market + " between " +
                             (a.from_ms > b.from_ms ? a.valid_from : b.valid_from) + " and " +
                             (a.to_ms < b.to_ms ? (a.valid_to.empty() ? "open end" : a.valid_to)
                                                : (b.valid_to.empty() ? "open end" : b.valid_to)),
                         path);
      }
    }
  }
  return Status::Ok();
}

template <typename Rule>
Result<const Rule*> Select(const std::vector<Rule>& rules, std::string_view market, int64_t now_ms, const char* kind) {
  bool known = false;
  for (const Rule& rule : rules) {
    if (rule.meta.market != market) continue;
    known = true;
    if (rule.meta.InForce(now_ms)) return &rule;
  }
  const std::string shown(market.substr(0, 20));
  if (!known) return MakeError(ErrorCode::kNotFound, std::string("unknown market '") + shown + "': no " + kind + " rule", "market");
  return MakeError(ErrorCode::kNotFound,
                   std::string("no ") + kind + " rule for " + shown + " in force at " + std::to_string(now_ms), "now");
}

}  // namespace

Status TaxRules::Validate() const {
  std::set<std::string> ids;
  SHOPCORE_RETURN_IF_ERROR(CheckNoOverlap(domestic, "domestic", &ids));
  SHOPCORE_RETURN_IF_ERROR(CheckNoOverlap(imports, "imports", &ids));
  return Status::Ok();
}

Result<const DomesticRule*> TaxRules::SelectDomestic(std::string_view market, int64_t now_ms) const {
  return Select(domestic, market, now_ms, "domestic tax");
}

Result<const ImportRegime*> TaxRules::SelectImport(std::string_view market, int64_t now_ms) const {
  return Select(imports, market, now_ms, "import");
}

std::string FindLabel(const std::map<std::string, std::string>& by_locale, std::string_view locale) {
  std::string tag(locale);
  while (!tag.empty()) {
    auto it = by_locale.find(tag);
    if (it != by_locale.end()) return it->second;
    const size_t dash = tag.rfind('-');
    if (dash == std::string::npos) break;
    tag.resize(dash);
  }
  auto english = by_locale.find("en");
  return english == by_locale.end() ? std::string() : english->second;
}

}  // namespace shopcore::tax
