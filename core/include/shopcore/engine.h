// The engine: the one door the wasm bindings and the CLI use. It owns the
// state a front end keeps between calls (the current snapshot, the locale
// packs it loaded, the shopper's profile) and speaks the modules' JSON codecs,
// string in, string out, so every caller gets the same bytes.
//
// Every call either succeeds or returns an Error and leaves the engine
// exactly as it was (tests/unit/engine/ checks snapshot info and the profile
// export byte for byte around each rejected call). A rejected snapshot or
// delta keeps the old snapshot serving.
//
// Not thread-safe: one engine per thread (a Web Worker gets its own). Readers
// that outlive a swap keep their std::shared_ptr<const Snapshot>.
#ifndef SHOPCORE_ENGINE_H_
#define SHOPCORE_ENGINE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "shopcore/money/locale_pack.h"
#include "shopcore/reco/profile.h"
#include "shopcore/snapshot/holder.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {

struct EngineLimits {
  SnapshotLimits snapshot;
  reco::ProfileLimits profile;
};

class Engine {
 public:
  explicit Engine(EngineLimits limits = {});

  // --- snapshot -----------------------------------------------------------
  // Verifies and swaps in new snapshot bytes; on error the old one serves on.
  Status OpenSnapshot(std::string bytes);
  // Applies a delta made from the current snapshot (WRONG_DELTA_BASE
  // otherwise, and before any snapshot is open).
  Status ApplySnapshotDelta(std::string_view delta);
  // Snapshot::Describe() of the current snapshot; NOT_FOUND before one is open.
  Result<std::string> SnapshotInfoJson() const;
  std::shared_ptr<const Snapshot> snapshot() const { return snapshots_.current(); }

  // --- locale packs -------------------------------------------------------
  // Registers a pack (replacing one with the same tag); returns its tag.
  Result<std::string> LoadLocalePack(std::string_view bytes);
  const LocaleRegistry& locales() const { return locales_; }

  // --- social (shopcore/social/codec.h: request shapes and ops) -----------
  // A request may carry its campaign or name it by "campaign_id" in the
  // open snapshot.
  Result<std::string> GroupJson(const std::string& op, const std::string& request) const;
  Result<std::string> BargainJson(const std::string& op, const std::string& request) const;
  // locale: "" for no display strings, else a loaded pack's tag
  // (UNKNOWN_LOCALE when it is not loaded).
  Result<std::string> ReferralJson(const std::string& op, const std::string& request,
                                   const std::string& locale) const;
  // locale as for ReferralJson: the pickup days as the shopper reads them.
  Result<std::string> PickupJson(const std::string& request, const std::string& locale = "") const;
  Result<std::string> ShareEncodeJson(const std::string& request) const;
  Result<std::string> ShareDecodeJson(const std::string& token) const;

  // --- the shopper's profile (shopcore/reco/json.h) -----------------------
  // One event as JSON ({"type":"view","time_ms":...,"item":"sku-1"});
  // answers {"events":N}, the number of events now stored.
  Result<std::string> TrackJson(const std::string& event);
  // The persisted form (to store in localStorage and restore later).
  std::string ProfileJson() const;
  // Replaces the profile by a persisted one; on any error the current one stays.
  Status RestoreProfile(const std::string& persisted);
  // Everything stored about the shopper, for the shopper to read.
  std::string ProfileExportJson() const;
  // Forgets everything about the shopper (consent too).
  void EraseProfile();
  void SetConsent(bool consent);
  // Pending own events to upload: CONSENT_REQUIRED without consent.
  Result<std::string> UploadBatchJson(size_t max_events) const;
  // Marks events through `seq` uploaded (INVALID_ARGUMENT beyond the last).
  Status AcknowledgeUpload(uint64_t seq);
  const reco::Profile& profile() const { return profile_; }

  // --- delivery (issue 13; shopcore/fulfilment/snapshot_fulfilment.h) ----
  // The delivery plans of a cart from the open snapshot's warehouses,
  // methods, calendars and SKUs; request {market, now_ms, locale?,
  // items: [{sku, quantity}], chosen_methods?}. With "locale" (a loaded
  // pack, UNKNOWN_LOCALE otherwise) every plan and parcel carries its
  // promise text. NOT_FOUND "snapshot" before one is open.
  Result<std::string> PlanDeliveryJson(const std::string& request) const;

 private:
  // nullptr for "", else the loaded pack (UNKNOWN_LOCALE, path "locale").
  Result<const LocalePack*> DisplayLocale(const std::string& locale) const;
  EngineLimits limits_;
  SnapshotHolder snapshots_;
  LocaleRegistry locales_;
  reco::Profile profile_;
};

}  // namespace shopcore

#endif  // SHOPCORE_ENGINE_H_
