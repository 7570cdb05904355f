// Builds a ModelView from plain C++ values and owns the arrays behind it.
// Used by tests and benchmarks today; the snapshot adapter fills a ModelView
// from the buffer instead. Names (categories, brands, ...) are interned in
// the order first seen, so the same calls give the same model.
#ifndef SHOPCORE_RECO_MODEL_BUILDER_H_
#define SHOPCORE_RECO_MODEL_BUILDER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "shopcore/reco/model.h"
#include "shopcore/status.h"

namespace shopcore::reco {

struct ItemSpec {
  std::string id;
  std::vector<std::string> category_path;  // root first
  std::string brand;                       // empty: none
  std::string creator;                     // empty: none
  std::vector<std::string> tags;
  uint8_t price_band = 0;
  std::vector<std::string> markets;        // where it may be sold
  int32_t stock = 1;
  uint16_t repurchase_cycle_days = 0;
};

struct VariantSpec {
  std::string name;
  uint32_t weight = 0;
  std::vector<BlendOverride> overrides;
};

struct ExperimentSpec {
  std::string id;
  std::vector<VariantSpec> variants;
};

// The storage a built model points into. Move-only; the view stays valid
// while this lives (storage is on the heap, so moving does not invalidate it).
class OwnedModel {
 public:
  const ModelView& view() const;

 private:
  friend class ModelBuilder;
  struct Storage;
  std::shared_ptr<Storage> storage_;
};

class ModelBuilder {
 public:
  ModelBuilder();
  ~ModelBuilder();
  ModelBuilder(ModelBuilder&&) noexcept;
  ModelBuilder& operator=(ModelBuilder&&) noexcept;

  void AddItem(ItemSpec item);
  // Neighbour `to` of `from` with weight (EASE or cosine weight).
  void AddNeighbour(const std::string& from, const std::string& to, float weight);
  // Float factors per item; quantized to int8 with a per-item scale, and the
  // Gram matrix is computed from the dequantized values. Items without
  // factors get zeros.
  void SetFactor(const std::string& item, std::vector<float> factor);
  void SetFoldIn(float lambda, float alpha);
  void AddPopularity(const std::string& market, const std::string& item, float score, float trend);
  void SetTrendWeight(float weight);
  void AddBoughtTogether(const std::string& from, const std::string& to, float confidence, float lift);
  void SetContext(const ContextConfig& config);
  void SetContentWeights(const ContentWeights& weights);
  void AddExperiment(ExperimentSpec experiment);
  // Markets are interned in the order first seen in AddItem/AddPopularity;
  // this declares one that has no items yet.
  void AddMarket(const std::string& market);

  // NOT_FOUND for a reference to an unknown item, CONFLICT for a duplicate
  // id, INVALID_ARGUMENT for factors of mixed dimensions; then ValidateModel.
  Result<OwnedModel> Build() const;

 private:
  struct Pending;
  std::unique_ptr<Pending> pending_;
};

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_MODEL_BUILDER_H_
