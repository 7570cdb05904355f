// A persisted on-device profile as read back at start-up: ProfileFromJson
// (and RestoreProfileOrFresh, which must never fail).
// Invariants: no crash or UB; rejections are BAD_JSON, BAD_REQUEST or
// UNSUPPORTED_VERSION; an accepted profile saves to JSON that restores to
// the same bytes, and its export for the shopper is well-formed UTF-8.
#include <string>

#include "fuzz_support.h"
#include "shopcore/reco/json.h"

namespace shopcore::fuzz {

std::vector<std::string> FuzzSeeds() {
  // Profiles built by tracking real events, as the app does, then saved.
  const char* const kEvents[] = {
      R"({"type":"view","time_ms":1790000000000,"item":"s1"})",
      R"({"type":"add_to_cart","time_ms":1790000001000,"item":"s2"})",
      R"({"type":"purchase","time_ms":1790000002000,"item":"s2","amount_minor":12999})",
      R"({"type":"like","time_ms":1790000003000,"item":"s3"})",
      R"({"type":"hide","time_ms":1790000004000,"item":"s4"})",
      R"({"type":"follow_creator","time_ms":1790000005000,"creator":"c1"})",
  };
  std::vector<std::string> seeds;
  reco::Profile profile("shopper-42");
  seeds.push_back(reco::ProfileToJson(profile));
  for (const char* text : kEvents) {
    auto event = reco::EventFromJson(text);
    if (!event.ok() || !profile.Track(*event).ok()) continue;  // a name this build lacks: the rest still seed
    seeds.push_back(reco::ProfileToJson(profile));
  }
  profile.SetConsent(true);
  seeds.push_back(reco::ProfileToJson(profile));
  if (seeds.size() < 4) Violation("too few profile seeds: event names changed?");
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto restored = reco::RestoreProfileOrFresh(text);
  auto profile = reco::ProfileFromJson(text);
  Check(profile.ok() == restored.status.ok(), "RestoreProfileOrFresh and ProfileFromJson disagree");
  if (!profile.ok()) {
    const ErrorCode code = profile.error().code;
    Check(code == ErrorCode::kBadJson || code == ErrorCode::kBadRequest || code == ErrorCode::kUnsupportedVersion,
          "a rejected profile reports " + profile.error().ToString());
    Check(restored.profile.IsEmpty(), "a discarded profile is replaced by a non-empty one");
    return 0;
  }
  const std::string saved = reco::ProfileToJson(*profile);
  auto again = reco::ProfileFromJson(saved);
  Check(again.ok(), "a saved profile does not restore: " + (again.ok() ? "" : again.error().ToString()));
  Check(reco::ProfileToJson(*again) == saved, "a profile does not round-trip through its JSON");
  Check(IsValidUtf8(reco::ProfileExportJson(*profile)), "the profile export is not UTF-8");
  return 0;
}
