// Shared by the tax tests: the real rules file and a real disk reader.
#ifndef SHOPCORE_TESTS_UNIT_TAX_TAX_TEST_UTIL_H_
#define SHOPCORE_TESTS_UNIT_TAX_TAX_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "shopcore/tax.h"

namespace shopcore::tax::testing {

inline std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(SHOPCORE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// data/tax-rules.json, the file the snapshot builder will read.
inline const TaxRules& ShippedRules() {
  static const TaxRules* rules = [] {
    auto parsed = ParseTaxRulesJson(ReadSourceFile("data/tax-rules.json"));
    return parsed.ok() ? new TaxRules(*parsed) : new TaxRules();
  }();
  return *rules;
}

inline Result<LandedCost> Cost(const std::string& request_json) {
  auto request = ParseLandedCostRequestJson(request_json);
  if (!request.ok()) return request.error();
  return ComputeLandedCost(ShippedRules(), *request);
}

inline int64_t ComponentAmount(const LandedCost& cost, const std::string& kind) {
  for (const Component& component : cost.components) {
    if (component.kind == kind) return component.amount;
  }
  return -1;
}

}  // namespace shopcore::tax::testing

#endif  // SHOPCORE_TESTS_UNIT_TAX_TAX_TEST_UTIL_H_
