// The read-only model the recommender scores with. Every array is a Span so a
// snapshot adapter can point it straight into the FlatBuffers buffer (no copy,
// no per-item object); tests and the model builder fill it from vectors
// (see model_builder.h). Items are dense indices 0..item_count-1; the
// variable-length lists (category paths, tags, neighbours, popularity,
// bought-together rules) are CSR: offsets[k]..offsets[k+1] index the values.
#ifndef SHOPCORE_RECO_MODEL_H_
#define SHOPCORE_RECO_MODEL_H_

#include <cstdint>
#include <string_view>

#include "shopcore/reco/context.h"
#include "shopcore/reco/experiment.h"
#include "shopcore/reco/span.h"
#include "shopcore/status.h"

namespace shopcore::reco {

constexpr uint32_t kNone = 0xFFFFFFFFu;  // no brand, no creator
constexpr uint32_t kMaxMarkets = 64;      // sellable markets are a 64-bit mask per item
constexpr uint32_t kMaxFactorDim = 256;   // keeps the int8 x int16 dot inside int32

// How much each attribute contributes to the content affinity score.
struct ContentWeights {
  float category = 0.35f;
  float brand = 0.2f;
  float tags = 0.15f;
  float price_band = 0.1f;
  float creator = 0.2f;
};

struct ModelView {
  uint32_t item_count = 0;
  Span<std::string_view> item_ids;
  Span<uint32_t> items_by_id;  // item indices sorted by id (byte order), for lookup

  // Item metadata.
  Span<uint32_t> category_path_offsets;  // item_count + 1
  Span<uint32_t> category_path_nodes;    // root first, leaf last; index into category_names
  Span<std::string_view> category_names;
  Span<uint32_t> brand;                  // index into brand_names or kNone
  Span<std::string_view> brand_names;
  Span<uint32_t> creator;                // index into creator_names or kNone
  Span<std::string_view> creator_names;
  Span<uint32_t> tag_offsets;            // item_count + 1
  Span<uint32_t> tag_ids;                // index into tag_names
  Span<std::string_view> tag_names;
  Span<uint8_t> price_band;              // 0..price_band_count-1
  uint32_t price_band_count = 0;
  Span<uint64_t> sellable_markets;       // bit m set: sellable in market_codes[m]
  Span<std::string_view> market_codes;   // at most kMaxMarkets
  Span<int32_t> stock;                   // units available; <= 0 is out of stock
  Span<uint16_t> repurchase_cycle_days;  // 0: not a repurchasable consumable

  // Sparse item-item neighbours (EASE or cosine, computed offline).
  Span<uint32_t> neighbour_offsets;      // item_count + 1
  Span<uint32_t> neighbour_items;
  Span<float> neighbour_weights;

  // Implicit-ALS item factors, int8 with a per-item scale (size item_count)
  // or one global scale (size 1), and the d x d Gram matrix Y^T Y of the
  // dequantized factors for fold-in. factor_dim 0: no embedding model.
  uint32_t factor_dim = 0;
  Span<int8_t> item_factors;             // item_count * factor_dim, row-major
  Span<float> factor_scales;
  Span<float> gram;                      // factor_dim * factor_dim, row-major
  float fold_in_lambda = 0.1f;           // ridge term
  float fold_in_alpha = 1.0f;            // confidence per unit of event weight

  // Popularity per market: a sparse list per market (market_codes order).
  Span<uint32_t> popularity_offsets;     // market_codes.size() + 1
  Span<uint32_t> popularity_items;
  Span<float> popularity_scores;         // >= 0
  Span<float> popularity_trends;         // relative change, e.g. 0.4 = +40% this week
  float trend_weight = 0.5f;             // popularity * (1 + trend_weight * trend), floored at 0

  // Frequently-bought-together rules, by antecedent item.
  Span<uint32_t> bought_together_offsets;  // item_count + 1
  Span<uint32_t> bought_together_items;
  Span<float> bought_together_confidence;
  Span<float> bought_together_lift;

  Span<ContextConfig> contexts;  // one per Context used
  ContentWeights content_weights;
  Span<Experiment> experiments;
};

// Sizes, offsets and indices are consistent, so scorers index without checks.
// BAD_SNAPSHOT with the offending array as path.
Status ValidateModel(const ModelView& model);

// Item index of `id`, or kNone. Binary search over items_by_id.
uint32_t FindItem(const ModelView& model, std::string_view id);
// Index of `code` in market_codes, or kNone.
uint32_t FindMarket(const ModelView& model, std::string_view code);
// The context's configuration, or nullptr if the model has none for it.
const ContextConfig* FindContext(const ModelView& model, Context context);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_MODEL_H_
