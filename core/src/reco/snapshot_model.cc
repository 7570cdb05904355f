#include "shopcore/reco/snapshot_model.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <numeric>
#include <tuple>

#include "shopcore/json/checked.h"
#include "shopcore/reco/json.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/recommend.h"

namespace shopcore::reco {
namespace {

std::string_view View(const flatbuffers::String* s) { return s ? std::string_view(s->c_str(), s->size()) : std::string_view(); }

Error Bad(const std::string& path, const std::string& message) { return MakeError(ErrorCode::kBadSnapshot, message, path); }

template <typename T>
Span<T> SpanOf(const flatbuffers::Vector<T>* vector) {
  return vector ? Span<T>(vector->data(), vector->size()) : Span<T>();
}

// Names interned in the order first seen, so the same snapshot gives the
// same indexes in every build.
class Interner {
 public:
  uint32_t Intern(std::string_view name) {
    auto [it, inserted] = index_.emplace(name, static_cast<uint32_t>(names_.size()));
    if (inserted) names_.push_back(name);
    return it->second;
  }
  std::vector<std::string_view> names_;

 private:
  std::map<std::string_view, uint32_t> index_;
};

std::optional<Context> BlendContextFromId(std::string_view id) {
  if (id == "home") return Context::kHomeFeed;
  if (id == "similar") return Context::kSimilarItem;
  if (id == "fbt") return Context::kFrequentlyBoughtTogether;
  return ContextFromName(id);
}

Status ReadBlend(const flatbuffers::Vector<flatbuffers::Offset<schema::Weight>>* signals, const std::string& path,
                 BlendWeights* blend, float* anchor) {
  if (!signals) return Status::Ok();
  for (flatbuffers::uoffset_t k = 0; k < signals->size(); ++k) {
    std::string_view name = View(signals->Get(k)->name());
    float weight = signals->Get(k)->weight();
    if (name == "anchor" && anchor) {
      *anchor = weight;
      continue;
    }
    int found = -1;
    for (int s = 0; s < kSignalCount; ++s) {
      if (name == SignalName(static_cast<Signal>(s))) found = s;
    }
    if (found < 0) return Bad(path + ".signals." + std::string(name), "unknown signal");
    blend->weight[found] = weight;
  }
  return Status::Ok();
}

}  // namespace

Result<std::shared_ptr<const SnapshotModel>> SnapshotModel::Open(std::shared_ptr<const Snapshot> snapshot) {
  if (!snapshot) return MakeError(ErrorCode::kBadSnapshot, "no snapshot");
  auto model = std::shared_ptr<SnapshotModel>(new SnapshotModel());
  SHOPCORE_RETURN_IF_ERROR(model->Fill(*snapshot));
  model->keep_alive_ = std::move(snapshot);
  return std::shared_ptr<const SnapshotModel>(std::move(model));
}

Result<std::shared_ptr<const SnapshotModel>> SnapshotModel::Open(const Snapshot& snapshot) {
  auto model = std::shared_ptr<SnapshotModel>(new SnapshotModel());
  SHOPCORE_RETURN_IF_ERROR(model->Fill(snapshot));
  return std::shared_ptr<const SnapshotModel>(std::move(model));
}

Status SnapshotModel::Fill(const Snapshot& snapshot) {
  const schema::Catalog& catalog = snapshot.catalog();
  const auto* items = catalog.items();
  const uint32_t n = items ? items->size() : 0;
  const uint32_t market_count = catalog.markets() ? catalog.markets()->size() : 0;
  if (market_count > kMaxMarkets) return Bad("markets", "the recommender reads at most 64 markets");
  for (uint32_t m = 0; m < market_count; ++m) market_codes_.push_back(View(catalog.markets()->Get(m)->id()));

  // Items are sorted by id in the snapshot (Open checked it).
  items_by_id_.resize(n);
  std::iota(items_by_id_.begin(), items_by_id_.end(), 0u);
  Interner brands, creators, tags;
  std::map<std::string, uint32_t> category_index;
  category_offsets_.push_back(0);
  tag_offsets_.push_back(0);
  // Lowest list price per item and market, for the price bands.
  std::vector<std::vector<std::pair<int64_t, uint32_t>>> priced(market_count);
  std::vector<int32_t> first_priced_market(n, -1);
  for (uint32_t i = 0; i < n; ++i) {
    const schema::Item& item = *items->Get(i);
    item_ids_.push_back(View(item.id()));
    std::string path;
    if (const auto* nodes = item.category_path()) {
      for (const auto* node : *nodes) {
        path += (path.empty() ? "" : "/") + node->str();
        auto [it, inserted] = category_index.emplace(path, static_cast<uint32_t>(category_paths_.size()));
        if (inserted) category_paths_.push_back(path);
        category_nodes_.push_back(it->second);
      }
    }
    category_offsets_.push_back(static_cast<uint32_t>(category_nodes_.size()));
    brand_.push_back(item.brand() && item.brand()->size() ? brands.Intern(View(item.brand())) : kNone);
    const auto* links = item.creators();
    creator_.push_back(links && links->size() && links->Get(0)->creator() ? creators.Intern(View(links->Get(0)->creator()))
                                                                          : kNone);
    if (const auto* item_tags = item.tags()) {
      for (const auto* tag : *item_tags) tag_ids_.push_back(tags.Intern(View(tag)));
    }
    tag_offsets_.push_back(static_cast<uint32_t>(tag_ids_.size()));

    uint64_t priced_mask = 0;
    int64_t units = 0;
    std::vector<int64_t> lowest(market_count, -1);
    if (const auto* skus = item.skus()) {
      for (const auto* sku : *skus) {
        if (const auto* markets = sku->price_markets()) {
          for (flatbuffers::uoffset_t k = 0; k < markets->size(); ++k) {
            uint16_t m = markets->Get(k);  // < market_count: Snapshot::Open checked
            int64_t amount = sku->price_amounts()->Get(k);
            priced_mask |= uint64_t{1} << m;
            if (lowest[m] < 0 || amount < lowest[m]) lowest[m] = amount;
          }
        }
        if (const auto* warehouses = sku->stock_by_warehouse(); warehouses && warehouses->size()) {
          for (const auto* w : *warehouses) units = std::min<int64_t>(units + w->quantity(), INT32_MAX);
        } else if (sku->stock() == schema::StockState::InStock || sku->stock() == schema::StockState::LowStock ||
                   sku->stock() == schema::StockState::Preorder) {
          units = std::min<int64_t>(units + 1, INT32_MAX);
        }
      }
    }
    for (uint32_t m = 0; m < market_count; ++m) {
      if (lowest[m] < 0) continue;
      priced[m].emplace_back(lowest[m], i);
      if (first_priced_market[i] < 0) first_priced_market[i] = static_cast<int32_t>(m);
    }
    uint64_t listed = 0;
    if (const auto* sellable = item.sellable_markets(); sellable && sellable->size()) {
      for (const auto* code : *sellable) {
        int64_t m = snapshot.MarketIndex(View(code));
        if (m >= 0) listed |= uint64_t{1} << m;
      }
    } else {
      listed = ~uint64_t{0};
    }
    sellable_.push_back(listed & priced_mask);
    stock_.push_back(static_cast<int32_t>(units));
    repurchase_.push_back(static_cast<uint16_t>(std::min<int32_t>(std::max(0, item.repurchase_days()), UINT16_MAX)));
  }
  // Price bands by rank within each market: free of currencies.
  std::vector<std::vector<uint8_t>> band_in(market_count);
  for (uint32_t m = 0; m < market_count; ++m) {
    auto& list = priced[m];
    std::sort(list.begin(), list.end());
    band_in[m].assign(n, 0);
    for (size_t r = 0; r < list.size(); ++r) {
      band_in[m][list[r].second] = static_cast<uint8_t>(r * kPriceBands / list.size());
    }
  }
  price_band_.resize(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (first_priced_market[i] >= 0) price_band_[i] = band_in[first_priced_market[i]][i];
  }
  for (const auto& path : category_paths_) category_names_.push_back(path);
  brand_names_ = brands.names_;
  creator_names_ = creators.names_;
  tag_names_ = tags.names_;

  // Popularity per market, in market order.
  popularity_offsets_.assign(market_count + 1, 0);
  if (const auto* popularity = catalog.popularity()) {
    std::vector<const schema::MarketPopularity*> by_market(market_count, nullptr);
    for (flatbuffers::uoffset_t p = 0; p < popularity->size(); ++p) {
      const auto* entry = popularity->Get(p);
      std::string path = "popularity[" + std::to_string(p) + "]";
      int64_t m = snapshot.MarketIndex(View(entry->market()));
      if (m < 0) return Bad(path + ".market", "not a market of the snapshot");
      size_t count = entry->items() ? entry->items()->size() : 0;
      if ((entry->scores() ? entry->scores()->size() : 0) != count ||
          (entry->trend() && entry->trend()->size() && entry->trend()->size() != count)) {
        return Bad(path, "items, scores and trend differ in length");
      }
      by_market[m] = entry;
    }
    for (uint32_t m = 0; m < market_count; ++m) {
      if (const auto* entry = by_market[m]; entry && entry->items()) {
        for (flatbuffers::uoffset_t k = 0; k < entry->items()->size(); ++k) {
          const schema::Item* found = snapshot.FindItem(View(entry->items()->Get(k)));
          if (!found) continue;  // the builder checks refs; a foreign buffer's stale id is skipped
          popularity_items_.push_back(static_cast<uint32_t>(
              std::lower_bound(item_ids_.begin(), item_ids_.end(), View(found->id())) - item_ids_.begin()));
          popularity_scores_.push_back(entry->scores()->Get(k));
          popularity_trends_.push_back(entry->trend() && entry->trend()->size() ? entry->trend()->Get(k) : 0.0f);
        }
      }
      popularity_offsets_[m + 1] = static_cast<uint32_t>(popularity_items_.size());
    }
  }

  // Frequently-bought-together: one row per antecedent item.
  if (const auto* rules = catalog.fbt_rules()) {
    std::vector<std::tuple<uint32_t, uint32_t, float, float>> edges;  // from, to, confidence, lift
    auto index_of = [&](std::string_view id) -> int64_t {
      auto it = std::lower_bound(item_ids_.begin(), item_ids_.end(), id);
      return it != item_ids_.end() && *it == id ? it - item_ids_.begin() : -1;
    };
    for (const auto* rule : *rules) {
      int64_t to = index_of(View(rule->consequent()));
      if (to < 0 || !rule->antecedent()) continue;
      for (const auto* from_id : *rule->antecedent()) {
        int64_t from = index_of(View(from_id));
        if (from >= 0) edges.emplace_back(static_cast<uint32_t>(from), static_cast<uint32_t>(to), rule->confidence(), rule->lift());
      }
    }
    std::stable_sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) { return std::get<0>(a) < std::get<0>(b); });
    fbt_offsets_.assign(n + 1, 0);
    for (const auto& [from, to, confidence, lift] : edges) {
      ++fbt_offsets_[from + 1];
      fbt_items_.push_back(to);
      fbt_confidence_.push_back(confidence);
      fbt_lift_.push_back(lift);
    }
    for (uint32_t i = 0; i < n; ++i) fbt_offsets_[i + 1] += fbt_offsets_[i];
  }

  // Contexts: blend weights, event weights and half-life per context.
  if (const auto* blends = catalog.blend_contexts()) {
    for (flatbuffers::uoffset_t b = 0; b < blends->size(); ++b) {
      const auto* blend = blends->Get(b);
      std::string path = "blend_contexts[" + std::to_string(b) + "]";
      std::string_view id = View(blend->id());
      if (id == "search") continue;  // search ranking, not a recommender context
      auto context = BlendContextFromId(id);
      if (!context) return Bad(path + ".id", "unknown recommendation context '" + std::string(id) + "'");
      ContextConfig config;
      config.context = *context;
      config.anchor_weight = *context == Context::kHomeFeed ? 0.0f : 1.0f;
      config.exclude_cart_items = *context != Context::kSimilarItem;
      SHOPCORE_RETURN_IF_ERROR(ReadBlend(blend->signals(), path, &config.blend, &config.anchor_weight));
      if (const auto* events = blend->event_weights()) {
        for (const auto* weight : *events) {
          auto type = EventTypeFromName(View(weight->name()));
          if (!type) return Bad(path + ".event_weights." + weight->name()->str(), "unknown event type");
          config.event_weight[static_cast<int>(*type)] = weight->weight();
        }
      }
      config.half_life_ms = blend->half_life_ms();
      contexts_.push_back(config);
    }
  }

  // Experiments: a variant's blend context replaces all blend weights of
  // that context (signals it leaves out weigh 0).
  if (const auto* experiments = catalog.experiments()) {
    variants_.resize(experiments->size());
    size_t override_lists = 0;
    for (const auto* experiment : *experiments) override_lists += experiment->variants() ? experiment->variants()->size() : 0;
    overrides_.reserve(override_lists);  // no reallocation: variants point into these
    for (flatbuffers::uoffset_t e = 0; e < experiments->size(); ++e) {
      const auto* experiment = experiments->Get(e);
      if (const auto* variants = experiment->variants()) {
        for (flatbuffers::uoffset_t v = 0; v < variants->size(); ++v) {
          const auto* variant = variants->Get(v);
          std::string path = "experiments[" + std::to_string(e) + "].variants[" + std::to_string(v) + "]";
          std::vector<BlendOverride> overrides;
          if (const auto* blends = variant->blend()) {
            for (flatbuffers::uoffset_t b = 0; b < blends->size(); ++b) {
              auto context = BlendContextFromId(View(blends->Get(b)->id()));
              std::string where = path + ".blend[" + std::to_string(b) + "]";
              if (!context) return Bad(where + ".id", "unknown recommendation context");
              BlendOverride override_;
              override_.context = *context;
              SHOPCORE_RETURN_IF_ERROR(ReadBlend(blends->Get(b)->signals(), where, &override_.blend, nullptr));
              overrides.push_back(override_);
            }
          }
          overrides_.push_back(std::move(overrides));
          Variant out;
          out.name = View(variant->id());
          out.weight = static_cast<uint32_t>(std::max(0, variant->weight()));
          out.overrides = overrides_.back();
          variants_[e].push_back(out);
        }
      }
      Experiment out;
      out.id = View(experiment->id());
      out.variants = variants_[e];
      experiments_.push_back(out);
    }
  }

  ModelView& v = view_;
  v.item_count = n;
  v.item_ids = item_ids_;
  v.items_by_id = items_by_id_;
  v.category_path_offsets = category_offsets_;
  v.category_path_nodes = category_nodes_;
  v.category_names = category_names_;
  v.brand = brand_;
  v.brand_names = brand_names_;
  v.creator = creator_;
  v.creator_names = creator_names_;
  v.tag_offsets = tag_offsets_;
  v.tag_ids = tag_ids_;
  v.tag_names = tag_names_;
  v.price_band = price_band_;
  v.price_band_count = kPriceBands;
  v.sellable_markets = sellable_;
  v.market_codes = market_codes_;
  v.stock = stock_;
  v.repurchase_cycle_days = repurchase_;
  // Zero copy: schema 2 stores these exactly as the scorers read them.
  v.neighbour_offsets = SpanOf(catalog.neighbour_offsets());
  v.neighbour_items = SpanOf(catalog.neighbour_items());
  v.neighbour_weights = SpanOf(catalog.neighbour_weights());
  if (catalog.factor_values() && catalog.model()) {
    v.factor_dim = static_cast<uint32_t>(std::max(0, catalog.model()->dimensions()));
    v.item_factors = SpanOf(catalog.factor_values());
    v.factor_scales = SpanOf(catalog.factor_scales());
    v.gram = SpanOf(catalog.model()->gram());
    if (const auto* lambda = catalog.model()->regularization(); lambda && lambda->size()) {
      // A decimal string the builder checked; strtof rounds correctly, so
      // both targets get the same float.
      v.fold_in_lambda = std::strtof(lambda->c_str(), nullptr);
    }
    if (const auto* alpha = catalog.model()->fold_in_alpha(); alpha && alpha->size()) {
      v.fold_in_alpha = std::strtof(alpha->c_str(), nullptr);
    }
  }
  v.popularity_offsets = popularity_offsets_;
  v.popularity_items = popularity_items_;
  v.popularity_scores = popularity_scores_;
  v.popularity_trends = popularity_trends_;
  v.bought_together_offsets = fbt_offsets_;
  v.bought_together_items = fbt_items_;
  v.bought_together_confidence = fbt_confidence_;
  v.bought_together_lift = fbt_lift_;
  v.contexts = contexts_;
  v.experiments = experiments_;
  return ValidateModel(v);
}

Result<std::string> RecommendJson(const Snapshot& snapshot, std::string_view request_json) {
  auto model = SnapshotModel::Open(snapshot);
  if (!model.ok()) return model.error();
  return RecommendJson(**model, request_json);
}

Result<std::string> RecommendJson(const SnapshotModel& model, std::string_view request_json) {
  auto parsed = json::ParseOrdered(request_json);
  if (!parsed.ok()) return parsed.error();
  const json::OrderedJson& body = *parsed;
  if (!body.is_object()) return MakeError(ErrorCode::kBadRequest, std::string("expected an object, got ") + json::TypeName(body));
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "request" && it.key() != "profile" && it.key() != "events" && it.key() != "shopper_id") {
      return MakeError(ErrorCode::kBadRequest, "unknown field (request, profile, shopper_id, events)", it.key());
    }
  }
  auto request_it = body.find("request");
  if (request_it == body.end()) return MakeError(ErrorCode::kBadRequest, "missing", "request");
  auto request = RecommendRequestFromJson(json::Dump(*request_it));
  if (!request.ok()) {
    Error error = request.error();
    error.path = json::PathKey("request", error.path);
    return error;
  }
  std::string shopper_id;
  if (auto it = body.find("shopper_id"); it != body.end()) {
    if (!it->is_string()) return MakeError(ErrorCode::kBadRequest, "expected a string", "shopper_id");
    shopper_id = it->get<std::string>();
  }
  Profile profile(shopper_id);
  if (auto it = body.find("profile"); it != body.end()) {
    if (body.contains("shopper_id")) return MakeError(ErrorCode::kBadRequest, "the profile carries its shopper id", "shopper_id");
    auto restored = ProfileFromJson(json::Dump(*it));
    if (!restored.ok()) {
      Error error = restored.error();
      error.path = json::PathKey("profile", error.path);
      return error;
    }
    profile = std::move(*restored);
  }
  if (auto it = body.find("events"); it != body.end()) {
    if (!it->is_array()) return MakeError(ErrorCode::kBadRequest, "expected an array", "events");
    for (size_t i = 0; i < it->size(); ++i) {
      std::string path = json::PathIndex("events", i);
      auto event = EventFromJson(json::Dump((*it)[i]));
      Status tracked = event.ok() ? profile.Track(*event) : Status(event.error());
      if (!tracked.ok()) {
        Error error = tracked.error();
        error.path = error.path.empty() ? path : path + "." + error.path;
        return error;
      }
    }
  }
  auto recommendation = Recommend(model.view(), profile, *request);
  if (!recommendation.ok()) {
    // Recommend names request fields ("market"); here they sit under "request".
    Error error = recommendation.error();
    error.path = json::PathKey("request", error.path);
    return error;
  }
  return RecommendationToJson(*recommendation);
}

}  // namespace shopcore::reco
