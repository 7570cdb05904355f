#include "shopcore/reco/model.h"

#include <string>
#include <utility>

namespace shopcore::reco {
namespace {

Error Bad(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadSnapshot, message, path);
}

// offsets: count + 1 non-decreasing values from 0 to values_size.
Status CheckCsr(const Span<uint32_t>& offsets, size_t count, size_t values_size, const std::string& path) {
  if (offsets.empty() && values_size == 0) return Status::Ok();  // the list is absent
  if (offsets.size() != count + 1) {
    return Bad(path, "needs " + std::to_string(count + 1) + " offsets, has " + std::to_string(offsets.size()));
  }
  if (offsets[0] != 0) return Bad(path + "[0]", "first offset must be 0");
  for (size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) return Bad(path + "[" + std::to_string(i) + "]", "offsets decrease");
  }
  if (offsets[count] != values_size) return Bad(path, "last offset does not match the values");
  return Status::Ok();
}

Status CheckIndices(const Span<uint32_t>& values, size_t limit, bool allow_none, const std::string& path) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (allow_none && values[i] == kNone) continue;
    if (values[i] >= limit) return Bad(path + "[" + std::to_string(i) + "]", "index out of range");
  }
  return Status::Ok();
}

template <typename T>
Status CheckSize(const Span<T>& values, size_t expected, const std::string& path) {
  if (values.size() != expected) {
    return Bad(path, "needs " + std::to_string(expected) + " values, has " + std::to_string(values.size()));
  }
  return Status::Ok();
}

// Inf and NaN fail x - x == 0 (no libm needed). A NaN weight would make
// every score NaN, and a NaN cast to an integer traps in wasm.
bool IsFinite(double x) { return x - x == 0; }

Status CheckFinite(const Span<float>& values, const std::string& path) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (!IsFinite(values[i])) return Bad(path + "[" + std::to_string(i) + "]", "not a finite number");
  }
  return Status::Ok();
}

Status CheckFinite(const float* values, int count, const std::string& path) {
  return CheckFinite(Span<float>(values, static_cast<size_t>(count)), path);
}

}  // namespace

Status ValidateModel(const ModelView& m) {
  const size_t n = m.item_count;
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.item_ids, n, "items.ids"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.items_by_id, n, "items.by_id"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.items_by_id, n, false, "items.by_id"));
  for (size_t i = 1; i < n; ++i) {
    if (!(m.item_ids[m.items_by_id[i - 1]] < m.item_ids[m.items_by_id[i]])) {
      return Bad("items.by_id[" + std::to_string(i) + "]", "ids not strictly increasing (duplicate or unsorted)");
    }
  }
  SHOPCORE_RETURN_IF_ERROR(CheckCsr(m.category_path_offsets, n, m.category_path_nodes.size(), "items.category_path_offsets"));
  if (m.category_path_offsets.empty()) return Bad("items.category_path_offsets", "missing");
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.category_path_nodes, m.category_names.size(), false, "items.category_path_nodes"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.brand, n, "items.brand"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.brand, m.brand_names.size(), true, "items.brand"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.creator, n, "items.creator"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.creator, m.creator_names.size(), true, "items.creator"));
  SHOPCORE_RETURN_IF_ERROR(CheckCsr(m.tag_offsets, n, m.tag_ids.size(), "items.tag_offsets"));
  if (m.tag_offsets.empty()) return Bad("items.tag_offsets", "missing");
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.tag_ids, m.tag_names.size(), false, "items.tag_ids"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.price_band, n, "items.price_band"));
  for (size_t i = 0; i < n; ++i) {
    if (m.price_band[i] >= m.price_band_count) return Bad("items.price_band[" + std::to_string(i) + "]", "beyond price_band_count");
  }
  if (m.market_codes.size() > kMaxMarkets) return Bad("markets", "at most 64 markets");
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.sellable_markets, n, "items.sellable_markets"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.stock, n, "items.stock"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.repurchase_cycle_days, n, "items.repurchase_cycle_days"));

  SHOPCORE_RETURN_IF_ERROR(CheckCsr(m.neighbour_offsets, n, m.neighbour_items.size(), "neighbours.offsets"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.neighbour_weights, m.neighbour_items.size(), "neighbours.weights"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.neighbour_items, n, false, "neighbours.items"));

  if (m.factor_dim > kMaxFactorDim) return Bad("factors.dim", "at most 256 dimensions");
  if (m.factor_dim > 0) {
    SHOPCORE_RETURN_IF_ERROR(CheckSize(m.item_factors, n * m.factor_dim, "factors.items"));
    if (m.factor_scales.size() != 1 && m.factor_scales.size() != n) {
      return Bad("factors.scales", "needs one global scale or one per item");
    }
    SHOPCORE_RETURN_IF_ERROR(CheckSize(m.gram, size_t{m.factor_dim} * m.factor_dim, "factors.gram"));
    if (!(m.fold_in_lambda > 0)) return Bad("factors.lambda", "must be > 0");
    if (!(m.fold_in_alpha >= 0)) return Bad("factors.alpha", "must be >= 0");
  }

  SHOPCORE_RETURN_IF_ERROR(CheckCsr(m.popularity_offsets, m.market_codes.size(), m.popularity_items.size(), "popularity.offsets"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.popularity_items, n, false, "popularity.items"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.popularity_scores, m.popularity_items.size(), "popularity.scores"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.popularity_trends, m.popularity_items.size(), "popularity.trends"));

  SHOPCORE_RETURN_IF_ERROR(CheckCsr(m.bought_together_offsets, n, m.bought_together_items.size(), "bought_together.offsets"));
  SHOPCORE_RETURN_IF_ERROR(CheckIndices(m.bought_together_items, n, false, "bought_together.items"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.bought_together_confidence, m.bought_together_items.size(), "bought_together.confidence"));
  SHOPCORE_RETURN_IF_ERROR(CheckSize(m.bought_together_lift, m.bought_together_items.size(), "bought_together.lift"));

  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.neighbour_weights, "neighbours.weights"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.factor_scales, "factors.scales"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.gram, "factors.gram"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.popularity_scores, "popularity.scores"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.popularity_trends, "popularity.trends"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.bought_together_confidence, "bought_together.confidence"));
  SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.bought_together_lift, "bought_together.lift"));
  const std::pair<float, const char*> globals[] = {
      {m.fold_in_lambda, "factors.lambda"},          {m.fold_in_alpha, "factors.alpha"},
      {m.trend_weight, "popularity.trend_weight"},   {m.content_weights.category, "content_weights.category"},
      {m.content_weights.brand, "content_weights.brand"}, {m.content_weights.tags, "content_weights.tags"},
      {m.content_weights.price_band, "content_weights.price_band"},
      {m.content_weights.creator, "content_weights.creator"}};
  for (const auto& [value, path] : globals) {
    if (!IsFinite(value)) return Bad(path, "not a finite number");
  }
  for (size_t i = 0; i < m.contexts.size(); ++i) {
    const std::string path = "contexts[" + std::to_string(i) + "]";
    SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.contexts[i].blend.weight, kSignalCount, path + ".blend"));
    SHOPCORE_RETURN_IF_ERROR(CheckFinite(m.contexts[i].event_weight, kEventTypeCount, path + ".event_weight"));
    SHOPCORE_RETURN_IF_ERROR(CheckFinite(&m.contexts[i].anchor_weight, 1, path + ".anchor_weight"));
    if (static_cast<int>(m.contexts[i].context) >= kContextCount) {
      return Bad("contexts[" + std::to_string(i) + "].context", "unknown context");
    }
    for (size_t j = 0; j < i; ++j) {
      if (m.contexts[j].context == m.contexts[i].context) {
        return Bad("contexts[" + std::to_string(i) + "]", "context configured twice");
      }
    }
  }
  for (size_t e = 0; e < m.experiments.size(); ++e) {
    for (size_t v = 0; v < m.experiments[e].variants.size(); ++v) {
      for (const auto& override_ : m.experiments[e].variants[v].overrides) {
        SHOPCORE_RETURN_IF_ERROR(CheckFinite(override_.blend.weight, kSignalCount,
                                             "experiments[" + std::to_string(e) + "].variants[" + std::to_string(v) + "].blend"));
        if (static_cast<int>(override_.context) >= kContextCount) {
          return Bad("experiments[" + std::to_string(e) + "].variants[" + std::to_string(v) + "]", "unknown context");
        }
      }
    }
  }
  return Status::Ok();
}

uint32_t FindItem(const ModelView& model, std::string_view id) {
  size_t low = 0;
  size_t high = model.items_by_id.size();
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    std::string_view candidate = model.item_ids[model.items_by_id[mid]];
    if (candidate < id) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (low < model.items_by_id.size() && model.item_ids[model.items_by_id[low]] == id) return model.items_by_id[low];
  return kNone;
}

uint32_t FindMarket(const ModelView& model, std::string_view code) {
  for (size_t i = 0; i < model.market_codes.size(); ++i) {
    if (model.market_codes[i] == code) return static_cast<uint32_t>(i);
  }
  return kNone;
}

const ContextConfig* FindContext(const ModelView& model, Context context) {
  for (const auto& config : model.contexts) {
    if (config.context == context) return &config;
  }
  return nullptr;
}

}  // namespace shopcore::reco
