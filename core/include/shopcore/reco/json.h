// JSON codecs of the reco types, shared by the CLI and the wasm bindings.
// Output bytes are deterministic: fixed key order, sorted collections,
// scores as fixed 6-decimal strings, times as integers.
#ifndef SHOPCORE_RECO_JSON_H_
#define SHOPCORE_RECO_JSON_H_

#include <string>
#include <string_view>

#include "shopcore/reco/event.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/request.h"
#include "shopcore/reco/segments.h"
#include "shopcore/status.h"

namespace shopcore::reco {

// {"type":"view","time_ms":1700000000000,"item":"sku-1",...}
Result<Event> EventFromJson(std::string_view text);
Result<RecommendRequest> RecommendRequestFromJson(std::string_view text);
std::string RecommendationToJson(const Recommendation& recommendation);

// The persisted form: {"format":"shopcore.reco.profile","version":1,...}.
std::string ProfileToJson(const Profile& profile);
// BAD_JSON for bytes that do not parse, UNSUPPORTED_VERSION for a newer
// version, BAD_REQUEST (with the path) for anything malformed. Never a
// partial profile.
Result<Profile> ProfileFromJson(std::string_view text, ProfileLimits limits = {});

// Restoring at start-up: a bad or future profile is reported and replaced
// by a fresh one, so the app keeps working.
struct RestoredProfile {
  Profile profile;
  Status status;  // why the stored profile was discarded, or OK
};
RestoredProfile RestoreProfileOrFresh(std::string_view text, ProfileLimits limits = {});

// Everything stored, for the shopper to read: events with their type names
// and UTC times, purchases, cart, hidden items, followed creators, consent.
std::string ProfileExportJson(const Profile& profile);

std::string UploadBatchToJson(const UploadBatch& batch);
std::string SegmentsToJson(const Rfm& rfm, const ChurnRisk& churn, const std::vector<RepurchaseDue>& due);

// "2026-11-22T00:30:00.000Z" (proleptic Gregorian, UTC).
std::string FormatUtc(int64_t epoch_ms);
// 1234567 -> "1.234567"; -5 -> "-0.000005".
std::string FormatMicros(int64_t micros);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_JSON_H_
