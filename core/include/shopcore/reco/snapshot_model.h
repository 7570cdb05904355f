// The recommender's model read from a catalog snapshot.
//
// The large arrays (neighbour CSR, int8 factors and their scales, the Gram
// matrix) are Spans straight into the snapshot buffer: schema 2 stores them
// index-based exactly as ModelView wants them. What the buffer holds as ids
// or strings (item metadata, popularity, bought-together rules, contexts,
// experiments) is converted once here, in O(items). ValidateModel runs at
// the end, so a snapshot whose model data is inconsistent is refused here
// and never reaches a scorer.
#ifndef SHOPCORE_RECO_SNAPSHOT_MODEL_H_
#define SHOPCORE_RECO_SNAPSHOT_MODEL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shopcore/reco/model.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore::reco {

// Blend contexts of the snapshot by id: "home" (or "home_feed"), "similar"
// ("similar_item"), "fbt" ("bought_together"), "post_purchase". "search"
// belongs to search and is skipped. Signals by SignalName, plus "anchor":
// the anchor weight (default 0 on the home feed, 1 elsewhere).
// Price bands: 5 per market by rank of the item's lowest list price there
// (currency-free); an item takes its band in the first market (by id) that
// prices it. Sellable markets: the item's sellable_markets (all markets when
// empty) that also price one of its SKUs. Stock: warehouse quantities where
// listed, else 1 per SKU that is InStock, LowStock or Preorder.
class SnapshotModel {
 public:
  static constexpr uint32_t kPriceBands = 5;
  // Keeps `snapshot` alive for the spans. BAD_SNAPSHOT (with the path) for
  // model data the recommender cannot use.
  static Result<std::shared_ptr<const SnapshotModel>> Open(std::shared_ptr<const Snapshot> snapshot);
  // The same, for a snapshot the caller keeps alive longer than the model.
  static Result<std::shared_ptr<const SnapshotModel>> Open(const Snapshot& snapshot);

  const ModelView& view() const { return view_; }

 private:
  SnapshotModel() = default;
  Status Fill(const Snapshot& snapshot);

  std::shared_ptr<const Snapshot> keep_alive_;
  std::vector<std::string_view> item_ids_, category_names_, brand_names_, creator_names_, tag_names_, market_codes_;
  std::vector<std::string> category_paths_;  // "Beauty/Skincare": names of category nodes
  std::vector<uint32_t> items_by_id_, category_offsets_, category_nodes_, brand_, creator_, tag_offsets_, tag_ids_;
  std::vector<uint8_t> price_band_;
  std::vector<uint64_t> sellable_;
  std::vector<int32_t> stock_;
  std::vector<uint16_t> repurchase_;
  std::vector<uint32_t> popularity_offsets_, popularity_items_;
  std::vector<float> popularity_scores_, popularity_trends_;
  std::vector<uint32_t> fbt_offsets_, fbt_items_;
  std::vector<float> fbt_confidence_, fbt_lift_;
  std::vector<ContextConfig> contexts_;
  std::vector<std::vector<BlendOverride>> overrides_;
  std::vector<std::vector<Variant>> variants_;
  std::vector<Experiment> experiments_;
  ModelView view_;
};

// One recommendation request against a snapshot, JSON in, JSON out:
//   {"request": {...RecommendRequest JSON...},
//    "profile": {...persisted profile...},        (optional)
//    "shopper_id": "u-1",                          (optional, a fresh profile's id)
//    "events": [{...event...}, ...]}               (optional, tracked in order)
// Output: RecommendationToJson, deterministic bytes in both targets.
// Builds the model per call; long-lived callers keep a SnapshotModel and
// call RecommendJson(model, ...).
Result<std::string> RecommendJson(const Snapshot& snapshot, std::string_view request_json);
Result<std::string> RecommendJson(const SnapshotModel& model, std::string_view request_json);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_SNAPSHOT_MODEL_H_
