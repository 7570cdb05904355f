// Shared by the fulfilment tests: the fixture data (tests/unit/fulfilment/
// fixtures/fulfilment.json, test data, not real carriers' prices) and
// helpers to plan a request given as JSON.
#ifndef SHOPCORE_TESTS_UNIT_FULFILMENT_FULFILMENT_TEST_UTIL_H_
#define SHOPCORE_TESTS_UNIT_FULFILMENT_FULFILMENT_TEST_UTIL_H_

#include <fstream>
#include <sstream>
#include <string>

#include "shopcore/fulfilment.h"
#include "support/read_file.h"

namespace shopcore::fulfilment::testing {

using test_support::ReadFileBytes;

inline std::string FixturePath(const std::string& name) {
  return std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/fulfilment/fixtures/" + name;
}

inline const FulfilmentData& Fixture() {
  static const FulfilmentData* data = [] {
    auto parsed = ParseFulfilmentJson(ReadFileBytes(FixturePath("fulfilment.json")));
    return parsed.ok() ? new FulfilmentData(*parsed) : new FulfilmentData();
  }();
  return *data;
}

inline Result<DeliveryOptions> PlanJson(const std::string& request_json, const FulfilmentData& data = Fixture()) {
  auto request = ParseDeliveryRequestJson(request_json);
  if (!request.ok()) return request.error();
  return PlanDelivery(data, request->request);
}

inline Result<LocalePack> LoadPack(const std::string& tag) {
  return LocalePack::Parse(ReadFileBytes(std::string(SHOPCORE_LOCALE_DIR) + "/" + tag + ".json"));
}

// "de-berlin/de-dhl-standard:A | nl-venlo/nl-postnl:C": a plan at a glance.
inline std::string Describe(const Plan& plan) {
  std::string out;
  for (const Parcel& parcel : plan.parcels) {
    if (!out.empty()) out += " | ";
    out += parcel.warehouse + "/" + parcel.method + ":";
    for (size_t i = 0; i < parcel.lines.size(); ++i) out += (i ? "," : "") + parcel.lines[i].sku;
  }
  return out;
}

inline std::string Iso(const CivilDate& date) { return FormatIsoDate(date); }

}  // namespace shopcore::fulfilment::testing

#endif  // SHOPCORE_TESTS_UNIT_FULFILMENT_FULFILMENT_TEST_UTIL_H_
