// The engine facade: validation and the rules live in the modules; here each
// call only routes to a module's JSON codec and commits the new state when,
// and only when, that codec succeeded.
#include "shopcore/engine.h"

#include <utility>

#include "shopcore/fulfilment/snapshot_fulfilment.h"
#include "shopcore/reco/json.h"
#include "shopcore/social/codec.h"

namespace shopcore {

Engine::Engine(EngineLimits limits)
    : limits_(limits), snapshots_(limits.snapshot), profile_(std::string(), limits.profile) {}

Status Engine::OpenSnapshot(std::string bytes) { return snapshots_.Load(std::move(bytes)); }

Status Engine::ApplySnapshotDelta(std::string_view delta) { return snapshots_.ApplyDelta(delta); }

Result<std::string> Engine::SnapshotInfoJson() const {
  auto current = snapshots_.current();
  if (!current) return MakeError(ErrorCode::kNotFound, "no snapshot is open (call openSnapshot first)", "snapshot");
  return current->Describe();
}

Result<std::string> Engine::LoadLocalePack(std::string_view bytes) {
  auto pack = LocalePack::Parse(bytes);
  if (!pack.ok()) return pack.error();
  std::string tag = pack->locale();
  locales_.Add(std::move(*pack));
  return tag;
}

Result<std::string> Engine::GroupJson(const std::string& op, const std::string& request) const {
  auto current = snapshots_.current();
  return GroupOperationJson(op, request, current.get());
}

Result<std::string> Engine::BargainJson(const std::string& op, const std::string& request) const {
  auto current = snapshots_.current();
  return BargainOperationJson(op, request, current.get());
}

Result<const LocalePack*> Engine::DisplayLocale(const std::string& locale) const {
  if (locale.empty()) return static_cast<const LocalePack*>(nullptr);
  auto pack = locales_.Find(locale);
  if (!pack.ok()) {
    Error error = pack.error();
    if (error.path.empty()) error.path = "locale";
    return error;
  }
  return *pack;
}

Result<std::string> Engine::ReferralJson(const std::string& op, const std::string& request,
                                         const std::string& locale) const {
  auto pack = DisplayLocale(locale);
  if (!pack.ok()) return pack.error();
  return ReferralOperationJson(op, request, *pack);
}

Result<std::string> Engine::PickupJson(const std::string& request, const std::string& locale) const {
  auto pack = DisplayLocale(locale);
  if (!pack.ok()) return pack.error();
  return PickupSlotJson(request, *pack);
}

Result<std::string> Engine::ShareEncodeJson(const std::string& request) const {
  return shopcore::ShareEncodeJson(request);
}

Result<std::string> Engine::ShareDecodeJson(const std::string& token) const {
  return shopcore::ShareDecodeJson(token);
}

Result<std::string> Engine::TrackJson(const std::string& event) {
  auto parsed = reco::EventFromJson(event);
  if (!parsed.ok()) return parsed.error();
  // Profile::Track validates before it records: an error changes nothing.
  Status tracked = profile_.Track(*parsed);
  if (!tracked.ok()) return tracked.error();
  return "{\"events\":" + std::to_string(profile_.events().size()) + "}";
}

std::string Engine::ProfileJson() const { return reco::ProfileToJson(profile_); }

Status Engine::RestoreProfile(const std::string& persisted) {
  auto restored = reco::ProfileFromJson(persisted, limits_.profile);
  if (!restored.ok()) return restored.error();
  profile_ = std::move(*restored);
  return Status::Ok();
}

std::string Engine::ProfileExportJson() const { return reco::ProfileExportJson(profile_); }

void Engine::EraseProfile() { profile_.Erase(); }

void Engine::SetConsent(bool consent) { profile_.SetConsent(consent); }

Result<std::string> Engine::UploadBatchJson(size_t max_events) const {
  auto batch = reco::MakeUploadBatch(profile_, max_events);
  if (!batch.ok()) return batch.error();
  return reco::UploadBatchToJson(*batch);
}

Status Engine::AcknowledgeUpload(uint64_t seq) { return profile_.AcknowledgeUpload(seq); }

Result<std::string> Engine::PlanDeliveryJson(const std::string& request) const {
  auto current = snapshots_.current();
  if (!current) return MakeError(ErrorCode::kNotFound, "no snapshot is open (call openSnapshot first)", "snapshot");
  auto parsed = fulfilment::ParseSnapshotDeliveryRequestJson(*current, request);
  if (!parsed.ok()) return parsed.error();
  auto pack = DisplayLocale(parsed->locale);
  if (!pack.ok()) return pack.error();
  return fulfilment::PlanSnapshotDeliveryJson(*current, *parsed, *pack);
}

}  // namespace shopcore
