// The engine facade: validation and the rules live in the modules; here each
// call only routes to a module's JSON codec and commits the new state when,
// and only when, that codec succeeded.
#include "shopcore/engine.h"

#include <utility>
#include <vector>

#include "shopcore/fulfilment/snapshot_fulfilment.h"
#include <nlohmann/json.hpp>

#include "shopcore/cart/cart_state_json.h"
#include "shopcore/cart/price_json.h"
#include "shopcore/cart/snapshot_catalog.h"
#include "shopcore/reco/json.h"
#include "shopcore/tax/landed_cost_display.h"
#include "shopcore/tax/snapshot_tax_rules.h"
#include "shopcore/tax/tax_json.h"
#include "shopcore/reco/recommend.h"
#include "shopcore/social/codec.h"

namespace shopcore {

Engine::Engine(EngineLimits limits)
    : limits_(limits), snapshots_(limits.snapshot), profile_(std::string(), limits.profile) {}

Status Engine::OpenSnapshot(std::string bytes) {
  Status loaded = snapshots_.Load(std::move(bytes));
  if (loaded.ok()) SnapshotSwapped();
  return loaded;
}

Status Engine::ApplySnapshotDelta(std::string_view delta) {
  Status applied = snapshots_.ApplyDelta(delta);
  if (applied.ok()) SnapshotSwapped();
  return applied;
}

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

Result<std::string> Engine::ReferralJson(const std::string& op, const std::string& request,
                                         const std::string& locale) const {
  auto pack = LocaleOrNone(locale);
  if (!pack.ok()) return pack.error();
  return ReferralOperationJson(op, request, *pack);
}

Result<std::string> Engine::PickupJson(const std::string& request, const std::string& locale) const {
  auto pack = LocaleOrNone(locale);
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
  auto current = RequireSnapshot();
  if (!current.ok()) return current.error();
  auto parsed = fulfilment::ParseSnapshotDeliveryRequestJson(**current, request);
  if (!parsed.ok()) return parsed.error();
  auto pack = LocaleOrNone(parsed->locale);
  if (!pack.ok()) return pack.error();
  return fulfilment::PlanSnapshotDeliveryJson(**current, *parsed, *pack);
}

Result<std::shared_ptr<const Snapshot>> Engine::RequireSnapshot() const {
  auto current = snapshots_.current();
  if (!current) return MakeError(ErrorCode::kNotFound, "no snapshot is open (call openSnapshot first)", "snapshot");
  return current;
}

Result<const LocalePack*> Engine::LocaleOrNone(const std::string& locale) const {
  if (locale.empty()) return static_cast<const LocalePack*>(nullptr);
  auto pack = locales_.Find(locale);
  if (!pack.ok()) {
    Error error = pack.error();
    if (error.path.empty()) error.path = "locale";
    return error;
  }
  return *pack;
}

Result<std::string> Engine::PriceJson(const std::string& request, const std::string& locale) const {
  auto snapshot = RequireSnapshot();
  if (!snapshot.ok()) return snapshot.error();
  auto pack = LocaleOrNone(locale);
  if (!pack.ok()) return pack.error();
  return cart::PriceJson(**snapshot, request, *pack);
}

void Engine::SnapshotSwapped() {
  market_views_.clear();
  model_.reset();
  model_status_ = Status::Ok();
  model_built_ = false;
}

// Built on first use, not at open: opening stays as cheap as verifying, and
// a page that only prices carts never pays for the model. A snapshot whose
// model data the recommender cannot use still prices carts, so the error is
// kept and answered by Recommend until the next snapshot.
Result<const reco::SnapshotModel*> Engine::Model() const {
  if (!model_built_) {
    model_built_ = true;
    auto model = reco::SnapshotModel::Open(snapshots_.current());
    if (model.ok()) {
      model_ = std::move(*model);
    } else {
      model_status_ = model.error();
    }
  }
  if (!model_) return model_status_.error();
  return model_.get();
}

Result<reco::Recommendation> Engine::Recommend(const std::string& request) const {
  auto snapshot = RequireSnapshot();
  if (!snapshot.ok()) return snapshot.error();
  auto model = Model();
  if (!model.ok()) return model.error();
  auto parsed = reco::RecommendRequestFromJson(request);
  if (!parsed.ok()) return parsed.error();
  return reco::Recommend((*model)->view(), profile_, *parsed);
}

Result<std::string> Engine::RecommendJson(const std::string& request) const {
  auto recommendation = Recommend(request);
  if (!recommendation.ok()) return recommendation.error();
  return reco::RecommendationToJson(*recommendation);
}

Result<cart::CartSession*> Engine::FindCart(uint32_t cart) {
  auto it = carts_.find(cart);
  if (it == carts_.end()) return MakeError(ErrorCode::kNotFound, "no open cart " + std::to_string(cart), "cart");
  return &it->second;
}

Result<const cart::CartSession*> Engine::FindCart(uint32_t cart) const {
  auto it = carts_.find(cart);
  if (it == carts_.end()) return MakeError(ErrorCode::kNotFound, "no open cart " + std::to_string(cart), "cart");
  return &it->second;
}

Result<const cart::CatalogView*> Engine::MarketView(const std::string& market) {
  auto snapshot = RequireSnapshot();
  if (!snapshot.ok()) return snapshot.error();
  auto cached = market_views_.find(market);
  if (cached != market_views_.end()) return &cached->second;
  auto view = cart::CatalogViewFromSnapshot(**snapshot, market);
  if (!view.ok()) {
    Error error = view.error();
    if (error.path == "markets") error.path = "options.market";
    return error;
  }
  return &market_views_.emplace(market, std::move(*view)).first->second;
}

Result<std::string> Engine::NewCart(cart::CartSession session, const std::string& changes) {
  const uint32_t id = next_cart_++;
  std::string out = "{\"cart\":" + std::to_string(id) + ",\"market\":" + nlohmann::json(session.options.market).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                    ",\"lines\":" + cart::CartLinesJson(session.cart) + changes + "}";
  carts_.emplace(id, std::move(session));
  return out;
}

namespace {

// The options with the market defaulted to the snapshot's first one.
Result<cart::CartOptions> CartOptionsFor(const std::string& text, const Snapshot& snapshot) {
  auto options = cart::ParseCartOptions(text);
  if (!options.ok()) return options.error();
  if (options->market.empty()) {
    const auto* markets = snapshot.catalog().markets();
    if (markets == nullptr || markets->size() == 0 || markets->Get(0)->id() == nullptr) {
      return MakeError(ErrorCode::kNotFound, "the snapshot has no market", "options.market");
    }
    options->market = markets->Get(0)->id()->str();
  }
  return options;
}

}  // namespace

Result<const cart::CatalogView*> Engine::StartSession(const std::string& options, cart::CartSession* session) {
  auto snapshot = RequireSnapshot();
  if (!snapshot.ok()) return snapshot.error();
  auto parsed = CartOptionsFor(options, **snapshot);
  if (!parsed.ok()) return parsed.error();
  auto view = MarketView(parsed->market);
  if (!view.ok()) return view.error();
  session->options = std::move(*parsed);
  return view;
}

Result<std::string> Engine::CreateCartJson(const std::string& options) {
  cart::CartSession session;
  auto view = StartSession(options, &session);
  if (!view.ok()) return view.error();
  return NewCart(std::move(session), "");
}

Result<std::string> Engine::RestoreCartJson(const std::string& state, const std::string& options) {
  cart::CartSession session;
  auto view = StartSession(options, &session);
  if (!view.ok()) return view.error();
  // The state's SKUs are not known before it is parsed: the whole market.
  std::vector<std::string> every_sku;
  every_sku.reserve((*view)->skus.size());
  for (const auto& entry : (*view)->skus) every_sku.push_back(entry.first);
  auto restored = cart::RestoreCartState(state, cart::CartCatalog(**view, session, every_sku));
  if (!restored.ok()) {
    Error error = restored.error();
    error.path = error.path.empty() ? "state" : "state." + error.path;
    return error;
  }
  session.cart = std::move(restored->cart);
  return NewCart(std::move(session), ",\"changes\":" + cart::CartChangesJson(restored->changes));
}

Result<std::string> Engine::CartAddJson(uint32_t cart, const std::string& sku, int64_t quantity) {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  auto view = MarketView((*session)->options.market);
  if (!view.ok()) return view.error();
  auto result = (*session)->cart.Add(cart::CartCatalog(**view, **session, {sku}), sku, quantity);
  if (!result.ok()) return cart::CartRefusalJson(result);
  return "{\"lines\":" + cart::CartLinesJson((*session)->cart) + "}";
}

Result<std::string> Engine::CartSetQuantityJson(uint32_t cart, const std::string& sku, int64_t quantity) {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  auto view = MarketView((*session)->options.market);
  if (!view.ok()) return view.error();
  auto result = (*session)->cart.SetQuantity(cart::CartCatalog(**view, **session, {sku}), sku, quantity);
  if (!result.ok()) return cart::CartRefusalJson(result);
  return "{\"lines\":" + cart::CartLinesJson((*session)->cart) + "}";
}

Result<std::string> Engine::CartRemoveJson(uint32_t cart, const std::string& sku) {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  auto result = (*session)->cart.Remove(sku);
  if (!result.ok()) return cart::CartRefusalJson(result);
  return "{\"lines\":" + cart::CartLinesJson((*session)->cart) + "}";
}

Result<std::string> Engine::CartMergeJson(uint32_t cart, uint32_t guest) {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  auto guest_session = FindCart(guest);
  if (!guest_session.ok()) return MakeError(ErrorCode::kNotFound, guest_session.error().message, "guest");
  if (cart == guest) return MakeError(ErrorCode::kInvalidArgument, "a cart cannot be merged into itself", "guest");
  auto view = MarketView((*session)->options.market);
  if (!view.ok()) return view.error();
  std::vector<std::string> guest_skus;
  for (const auto& line : (*guest_session)->cart.lines()) guest_skus.push_back(line.sku_id);
  auto changes = (*session)->cart.MergeGuest(cart::CartCatalog(**view, **session, guest_skus), (*guest_session)->cart);
  return "{\"lines\":" + cart::CartLinesJson((*session)->cart) + ",\"changes\":" + cart::CartChangesJson(changes) + "}";
}

Result<std::string> Engine::CartLinesJson(uint32_t cart) const {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  return cart::CartLinesJson((*session)->cart);
}

Result<std::string> Engine::CartSaveJson(uint32_t cart) const {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  return cart::SaveCartState((*session)->cart);
}

Result<std::string> Engine::CartPriceJson(uint32_t cart, const std::string& options, const std::string& locale) const {
  auto session = FindCart(cart);
  if (!session.ok()) return session.error();
  auto request = cart::CartPriceRequest(**session, options);
  if (!request.ok()) return request.error();
  return PriceJson(*request, locale);
}

Status Engine::CloseCart(uint32_t cart) {
  if (carts_.erase(cart) == 0) return MakeError(ErrorCode::kNotFound, "no open cart " + std::to_string(cart), "cart");
  return Status::Ok();
}

Result<std::string> Engine::LandedCostJson(const std::string& request, const std::string& locale) const {
  auto snapshot = RequireSnapshot();
  if (!snapshot.ok()) return snapshot.error();
  auto pack = LocaleOrNone(locale);
  if (!pack.ok()) return pack.error();
  auto parsed = tax::ParseLandedCostRequestJson(request);
  if (!parsed.ok()) return parsed.error();
  // A few rules per market: read per call rather than kept per snapshot.
  auto rules = tax::TaxRulesFromSnapshot(**snapshot);
  if (!rules.ok()) return rules.error();
  auto cost = tax::ComputeLandedCost(*rules, *parsed);
  if (!cost.ok()) return cost.error();
  if (*pack == nullptr) return tax::LandedCostToJson(*cost);
  return tax::LandedCostWithDisplayJson(*cost, **pack);
}

}  // namespace shopcore
