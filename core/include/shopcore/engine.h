// The engine: the one door the wasm bindings and the CLI use. It owns the
// state a front end keeps between calls (the current snapshot and its
// recommender model, the locale packs it loaded, the shopper's profile and
// carts) and speaks the modules' JSON codecs,
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
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "shopcore/cart/cart_session.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/request.h"
#include "shopcore/reco/snapshot_model.h"
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

  // --- cart pricing (shopcore/cart/price_json.h: request and answer) -------
  // The bytes `shopcore price` prints for the same snapshot and request.
  // locale: "" for no "display" block, else a loaded pack's tag
  // (UNKNOWN_LOCALE at "locale" when it is not loaded). NOT_FOUND at
  // "snapshot" before one is open.
  Result<std::string> PriceJson(const std::string& request, const std::string& locale) const;

  // --- recommendations (shopcore/reco/request.h, reco/json.h) -------------
  // One page for the engine's own profile, from the model of the current
  // snapshot (built once per OpenSnapshot / ApplySnapshotDelta, never per
  // call). request: RecommendRequestFromJson's JSON. NOT_FOUND at "snapshot"
  // before one is open; BAD_SNAPSHOT (snapshot path) when the open
  // snapshot's model data cannot be used (pricing still works then).
  Result<reco::Recommendation> Recommend(const std::string& request) const;
  // RecommendationToJson of Recommend: the bytes `shopcore recommend` prints
  // for {"request": request, "profile": ProfileJson()}.
  Result<std::string> RecommendJson(const std::string& request) const;

  // --- carts (shopcore/cart/cart_session.h: options and answers) ----------
  // Carts live in the engine by handle (so a worker can hold them too) and
  // survive snapshot swaps: each operation checks the SKU rules of the
  // snapshot current at that moment. NOT_FOUND at "cart" for a closed or
  // unknown handle; a refused operation answers {"refused":{...}} and
  // leaves the cart as it was.
  // {"cart":1,"market":"DE","lines":[]}
  Result<std::string> CreateCartJson(const std::string& options);
  // A saved state (SaveCartState) checked against the current snapshot:
  // {"cart":2,"market":"DE","lines":[...],"changes":[...]}; BAD_JSON,
  // BAD_REQUEST, UNSUPPORTED_VERSION for a state that is not one.
  Result<std::string> RestoreCartJson(const std::string& state, const std::string& options);
  // {"lines":[...]} or a refusal.
  Result<std::string> CartAddJson(uint32_t cart, const std::string& sku, int64_t quantity);
  Result<std::string> CartSetQuantityJson(uint32_t cart, const std::string& sku, int64_t quantity);
  Result<std::string> CartRemoveJson(uint32_t cart, const std::string& sku);
  // Merges cart `guest` into `cart` (the guest cart is left as it was):
  // {"lines":[...],"changes":[...]}.
  Result<std::string> CartMergeJson(uint32_t cart, uint32_t guest);
  Result<std::string> CartLinesJson(uint32_t cart) const;
  // The versioned state to persist (cart_state_json.h).
  Result<std::string> CartSaveJson(uint32_t cart) const;
  // PriceJson of the cart's lines; options: the price request without
  // "lines" ("market" and "purchased" default to the cart's).
  Result<std::string> CartPriceJson(uint32_t cart, const std::string& options, const std::string& locale) const;
  Status CloseCart(uint32_t cart);

  // --- tax and landed cost (shopcore/tax/tax_json.h: request and answer) --
  // The bytes `shopcore landed-cost SNAP.bin REQUEST.json` prints, with the
  // current snapshot's tax rules. locale: "" for exactly those bytes, else a
  // loaded pack's tag: the same document plus "display", its amounts
  // formatted in that locale (tax/landed_cost_display.h).
  Result<std::string> LandedCostJson(const std::string& request, const std::string& locale) const;

 private:
  // The current snapshot, or NOT_FOUND at "snapshot" before one is open.
  Result<std::shared_ptr<const Snapshot>> RequireSnapshot() const;
  // nullptr for "", else the loaded pack (UNKNOWN_LOCALE at "locale").
  Result<const LocalePack*> LocaleOrNone(const std::string& locale) const;

  EngineLimits limits_;
  SnapshotHolder snapshots_;
  LocaleRegistry locales_;
  reco::Profile profile_;

  // Drops what was derived from the snapshot just swapped out: the model
  // and the market views.
  void SnapshotSwapped();
  // The recommender's model of the current snapshot, built once on first use.
  Result<const reco::SnapshotModel*> Model() const;
  mutable std::shared_ptr<const reco::SnapshotModel> model_;
  mutable Status model_status_;  // why there is no model_, once built
  mutable bool model_built_ = false;

  Result<cart::CartSession*> FindCart(uint32_t cart);
  Result<const cart::CartSession*> FindCart(uint32_t cart) const;
  // The current snapshot's view of a market, built once per snapshot.
  Result<const cart::CatalogView*> MarketView(const std::string& market);
  // Fills a new session's options (market defaulted to the snapshot's first)
  // and answers that market's view.
  Result<const cart::CatalogView*> StartSession(const std::string& options, cart::CartSession* session);
  Result<std::string> NewCart(cart::CartSession session, const std::string& changes);
  std::map<uint32_t, cart::CartSession> carts_;
  uint32_t next_cart_ = 1;
  std::map<std::string, cart::CatalogView> market_views_;
};

}  // namespace shopcore

#endif  // SHOPCORE_ENGINE_H_
