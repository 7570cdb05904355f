#include "shopcore/reco/model_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shopcore::reco {
namespace {

// Names interned in first-seen order; string_views into `names` are taken
// only after the builder has finished adding, so they never dangle.
struct Interner {
  std::vector<std::string> names;
  std::map<std::string, uint32_t> index;
  uint32_t Intern(const std::string& name) {
    auto it = index.find(name);
    if (it != index.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(names.size());
    names.push_back(name);
    index.emplace(name, id);
    return id;
  }
};

struct Edge {
  std::string from;
  std::string to;
  float a;
  float b;
};

struct PopularityEntry {
  std::string market;
  std::string item;
  float score;
  float trend;
};

}  // namespace

struct ModelBuilder::Pending {
  std::vector<ItemSpec> items;
  std::vector<Edge> neighbours;
  std::vector<std::pair<std::string, std::vector<float>>> factors;
  float lambda = 0.1f;
  float alpha = 1.0f;
  std::vector<PopularityEntry> popularity;
  float trend_weight = 0.5f;
  std::vector<Edge> bought_together;
  std::vector<ContextConfig> contexts;
  ContentWeights content_weights;
  std::vector<ExperimentSpec> experiments;
  std::vector<std::string> extra_markets;
};

struct OwnedModel::Storage {
  ModelView view;
  Interner ids, categories, brands, creators, tags, markets;
  std::vector<std::string_view> id_views, category_views, brand_views, creator_views, tag_views, market_views;
  std::vector<uint32_t> items_by_id;
  std::vector<uint32_t> category_offsets, category_nodes, brand, creator, tag_offsets, tag_ids;
  std::vector<uint8_t> price_band;
  std::vector<uint64_t> sellable;
  std::vector<int32_t> stock;
  std::vector<uint16_t> repurchase;
  std::vector<uint32_t> neighbour_offsets, neighbour_items;
  std::vector<float> neighbour_weights;
  std::vector<int8_t> factors;
  std::vector<float> scales, gram;
  std::vector<uint32_t> popularity_offsets, popularity_items;
  std::vector<float> popularity_scores, popularity_trends;
  std::vector<uint32_t> together_offsets, together_items;
  std::vector<float> together_confidence, together_lift;
  std::vector<ContextConfig> contexts;
  std::vector<std::string> experiment_strings;  // ids and variant names
  std::vector<std::vector<BlendOverride>> overrides;
  std::vector<std::vector<Variant>> variants;
  std::vector<Experiment> experiments;
};

ModelBuilder::ModelBuilder() : pending_(std::make_unique<Pending>()) {}
ModelBuilder::~ModelBuilder() = default;
ModelBuilder::ModelBuilder(ModelBuilder&&) noexcept = default;
ModelBuilder& ModelBuilder::operator=(ModelBuilder&&) noexcept = default;

void ModelBuilder::AddItem(ItemSpec item) { pending_->items.push_back(std::move(item)); }
void ModelBuilder::AddNeighbour(const std::string& from, const std::string& to, float weight) {
  pending_->neighbours.push_back({from, to, weight, 0});
}
void ModelBuilder::SetFactor(const std::string& item, std::vector<float> factor) {
  pending_->factors.emplace_back(item, std::move(factor));
}
void ModelBuilder::SetFoldIn(float lambda, float alpha) {
  pending_->lambda = lambda;
  pending_->alpha = alpha;
}
void ModelBuilder::AddPopularity(const std::string& market, const std::string& item, float score, float trend) {
  pending_->popularity.push_back({market, item, score, trend});
}
void ModelBuilder::SetTrendWeight(float weight) { pending_->trend_weight = weight; }
void ModelBuilder::AddBoughtTogether(const std::string& from, const std::string& to, float confidence, float lift) {
  pending_->bought_together.push_back({from, to, confidence, lift});
}
void ModelBuilder::SetContext(const ContextConfig& config) {
  for (auto& existing : pending_->contexts) {
    if (existing.context == config.context) {
      existing = config;
      return;
    }
  }
  pending_->contexts.push_back(config);
}
void ModelBuilder::SetContentWeights(const ContentWeights& weights) { pending_->content_weights = weights; }
void ModelBuilder::AddExperiment(ExperimentSpec experiment) { pending_->experiments.push_back(std::move(experiment)); }
void ModelBuilder::AddMarket(const std::string& market) { pending_->extra_markets.push_back(market); }

const ModelView& OwnedModel::view() const { return storage_->view; }

Result<OwnedModel> ModelBuilder::Build() const {
  const Pending& p = *pending_;
  auto s = std::make_shared<OwnedModel::Storage>();
  const uint32_t n = static_cast<uint32_t>(p.items.size());

  for (const auto& item : p.items) {
    for (const auto& market : item.markets) s->markets.Intern(market);
  }
  for (const auto& entry : p.popularity) s->markets.Intern(entry.market);
  for (const auto& market : p.extra_markets) s->markets.Intern(market);
  if (s->markets.names.size() > kMaxMarkets) {
    return MakeError(ErrorCode::kInvalidArgument, "at most 64 markets", "markets");
  }

  s->category_offsets.push_back(0);
  s->tag_offsets.push_back(0);
  uint32_t band_count = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const ItemSpec& item = p.items[i];
    if (s->ids.index.count(item.id)) {
      return MakeError(ErrorCode::kConflict, "duplicate item id '" + item.id + "'", "items[" + std::to_string(i) + "].id");
    }
    s->ids.Intern(item.id);
    for (const auto& node : item.category_path) s->category_nodes.push_back(s->categories.Intern(node));
    s->category_offsets.push_back(static_cast<uint32_t>(s->category_nodes.size()));
    s->brand.push_back(item.brand.empty() ? kNone : s->brands.Intern(item.brand));
    s->creator.push_back(item.creator.empty() ? kNone : s->creators.Intern(item.creator));
    for (const auto& tag : item.tags) s->tag_ids.push_back(s->tags.Intern(tag));
    s->tag_offsets.push_back(static_cast<uint32_t>(s->tag_ids.size()));
    s->price_band.push_back(item.price_band);
    band_count = std::max<uint32_t>(band_count, item.price_band + 1u);
    uint64_t mask = 0;
    for (const auto& market : item.markets) mask |= uint64_t{1} << s->markets.index[market];
    s->sellable.push_back(mask);
    s->stock.push_back(item.stock);
    s->repurchase.push_back(item.repurchase_cycle_days);
  }
  s->items_by_id.resize(n);
  std::iota(s->items_by_id.begin(), s->items_by_id.end(), 0u);
  std::sort(s->items_by_id.begin(), s->items_by_id.end(),
            [&](uint32_t a, uint32_t b) { return s->ids.names[a] < s->ids.names[b]; });

  auto find = [&](const std::string& id, const std::string& path, uint32_t* out) -> Status {
    auto it = s->ids.index.find(id);
    if (it == s->ids.index.end()) return MakeError(ErrorCode::kNotFound, "unknown item '" + id + "'", path);
    *out = it->second;
    return Status::Ok();
  };

  // CSR lists grouped by the source item, in the order edges were added.
  auto build_csr = [&](const std::vector<Edge>& edges, const std::string& path, std::vector<uint32_t>* offsets,
                       std::vector<uint32_t>* targets, std::vector<float>* a, std::vector<float>* b) -> Status {
    std::vector<std::vector<size_t>> by_source(n);
    for (size_t e = 0; e < edges.size(); ++e) {
      uint32_t from = 0;
      uint32_t to = 0;
      SHOPCORE_RETURN_IF_ERROR(find(edges[e].from, path + "[" + std::to_string(e) + "].from", &from));
      SHOPCORE_RETURN_IF_ERROR(find(edges[e].to, path + "[" + std::to_string(e) + "].to", &to));
      by_source[from].push_back(e);
    }
    if (edges.empty()) return Status::Ok();
    offsets->push_back(0);
    for (uint32_t i = 0; i < n; ++i) {
      for (size_t e : by_source[i]) {
        targets->push_back(s->ids.index[edges[e].to]);
        a->push_back(edges[e].a);
        if (b) b->push_back(edges[e].b);
      }
      offsets->push_back(static_cast<uint32_t>(targets->size()));
    }
    return Status::Ok();
  };
  SHOPCORE_RETURN_IF_ERROR(build_csr(p.neighbours, "neighbours", &s->neighbour_offsets, &s->neighbour_items,
                                     &s->neighbour_weights, nullptr));
  SHOPCORE_RETURN_IF_ERROR(build_csr(p.bought_together, "bought_together", &s->together_offsets,
                                     &s->together_items, &s->together_confidence, &s->together_lift));

  // Factors: int8 per item with scale max|x| / 127; Gram of the dequantized rows.
  uint32_t dim = 0;
  if (!p.factors.empty()) {
    dim = static_cast<uint32_t>(p.factors[0].second.size());
    if (dim == 0 || dim > kMaxFactorDim) {
      return MakeError(ErrorCode::kInvalidArgument, "factor dimension must be 1..256", "factors");
    }
    s->factors.assign(size_t{n} * dim, 0);
    s->scales.assign(n, 0.0f);
    for (size_t f = 0; f < p.factors.size(); ++f) {
      const auto& [id, values] = p.factors[f];
      uint32_t item = 0;
      SHOPCORE_RETURN_IF_ERROR(find(id, "factors[" + std::to_string(f) + "]", &item));
      if (values.size() != dim) {
        return MakeError(ErrorCode::kInvalidArgument, "factors of mixed dimensions", "factors[" + std::to_string(f) + "]");
      }
      float max_abs = 0;
      for (float v : values) max_abs = std::max(max_abs, std::fabs(v));
      float scale = max_abs > 0 ? max_abs / 127.0f : 0.0f;
      s->scales[item] = scale;
      for (uint32_t k = 0; k < dim; ++k) {
        s->factors[size_t{item} * dim + k] =
            scale > 0 ? static_cast<int8_t>(std::lround(values[k] / scale)) : int8_t{0};
      }
    }
    std::vector<double> gram(size_t{dim} * dim, 0.0);
    for (uint32_t i = 0; i < n; ++i) {
      for (uint32_t a = 0; a < dim; ++a) {
        double ya = s->scales[i] * s->factors[size_t{i} * dim + a];
        for (uint32_t b = 0; b < dim; ++b) gram[a * dim + b] += ya * (s->scales[i] * s->factors[size_t{i} * dim + b]);
      }
    }
    s->gram.assign(gram.begin(), gram.end());
  }

  // Popularity grouped by market, highest score first within a market.
  std::vector<std::vector<size_t>> by_market(s->markets.names.size());
  for (size_t e = 0; e < p.popularity.size(); ++e) {
    uint32_t item = 0;
    SHOPCORE_RETURN_IF_ERROR(find(p.popularity[e].item, "popularity[" + std::to_string(e) + "].item", &item));
    by_market[s->markets.index[p.popularity[e].market]].push_back(e);
  }
  s->popularity_offsets.push_back(0);
  for (auto& entries : by_market) {
    for (size_t e : entries) {
      s->popularity_items.push_back(s->ids.index[p.popularity[e].item]);
      s->popularity_scores.push_back(p.popularity[e].score);
      s->popularity_trends.push_back(p.popularity[e].trend);
    }
    s->popularity_offsets.push_back(static_cast<uint32_t>(s->popularity_items.size()));
  }

  s->contexts = p.contexts;
  // Experiments: all strings first, then the views into them.
  for (const auto& experiment : p.experiments) {
    s->experiment_strings.push_back(experiment.id);
    for (const auto& variant : experiment.variants) s->experiment_strings.push_back(variant.name);
  }
  s->variants.resize(p.experiments.size());
  for (const auto& experiment : p.experiments) {
    for (const auto& variant : experiment.variants) s->overrides.push_back(variant.overrides);
  }
  size_t string_index = 0;
  size_t override_index = 0;
  for (size_t e = 0; e < p.experiments.size(); ++e) {
    std::string_view id = s->experiment_strings[string_index++];
    for (const auto& variant : p.experiments[e].variants) {
      Variant v;
      v.name = s->experiment_strings[string_index++];
      v.weight = variant.weight;
      v.overrides = Span<BlendOverride>(s->overrides[override_index++]);
      s->variants[e].push_back(v);
    }
    s->experiments.push_back(Experiment{id, Span<Variant>(s->variants[e])});
  }

  auto views = [](const Interner& interner, std::vector<std::string_view>* out) {
    for (const auto& name : interner.names) out->push_back(name);
  };
  views(s->ids, &s->id_views);
  views(s->categories, &s->category_views);
  views(s->brands, &s->brand_views);
  views(s->creators, &s->creator_views);
  views(s->tags, &s->tag_views);
  views(s->markets, &s->market_views);

  ModelView& v = s->view;
  v.item_count = n;
  v.item_ids = s->id_views;
  v.items_by_id = s->items_by_id;
  v.category_path_offsets = s->category_offsets;
  v.category_path_nodes = s->category_nodes;
  v.category_names = s->category_views;
  v.brand = s->brand;
  v.brand_names = s->brand_views;
  v.creator = s->creator;
  v.creator_names = s->creator_views;
  v.tag_offsets = s->tag_offsets;
  v.tag_ids = s->tag_ids;
  v.tag_names = s->tag_views;
  v.price_band = s->price_band;
  v.price_band_count = band_count;
  v.sellable_markets = s->sellable;
  v.market_codes = s->market_views;
  v.stock = s->stock;
  v.repurchase_cycle_days = s->repurchase;
  v.neighbour_offsets = s->neighbour_offsets;
  v.neighbour_items = s->neighbour_items;
  v.neighbour_weights = s->neighbour_weights;
  v.factor_dim = dim;
  v.item_factors = s->factors;
  v.factor_scales = s->scales;
  v.gram = s->gram;
  v.fold_in_lambda = p.lambda;
  v.fold_in_alpha = p.alpha;
  v.popularity_offsets = s->popularity_offsets;
  v.popularity_items = s->popularity_items;
  v.popularity_scores = s->popularity_scores;
  v.popularity_trends = s->popularity_trends;
  v.trend_weight = p.trend_weight;
  v.bought_together_offsets = s->together_offsets;
  v.bought_together_items = s->together_items;
  v.bought_together_confidence = s->together_confidence;
  v.bought_together_lift = s->together_lift;
  v.contexts = s->contexts;
  v.content_weights = p.content_weights;
  v.experiments = s->experiments;

  SHOPCORE_RETURN_IF_ERROR(ValidateModel(v));
  OwnedModel model;
  model.storage_ = std::move(s);
  return model;
}

}  // namespace shopcore::reco
