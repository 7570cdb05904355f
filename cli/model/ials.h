// Implicit-feedback ALS (Hu, Koren, Volinsky 2008) solved with a few
// conjugate-gradient steps per row (Takács et al. 2011): the item factors the
// device dots with a user vector it folds in itself from the shopper's events
// (reco/fold_in.h: the same confidence 1 + alpha·w and ridge lambda).
#ifndef SHOPCORE_CLI_MODEL_IALS_H_
#define SHOPCORE_CLI_MODEL_IALS_H_

#include <cstdint>
#include <vector>

#include "interactions.h"

namespace shopcore::modelbuild {

struct IalsOptions {
  uint32_t factors = 64;
  uint32_t iterations = 10;
  uint32_t cg_steps = 3;
  double lambda = 0.1;
  double alpha = 1.0;  // confidence 1 + alpha * weight
  uint64_t seed = 1;
};

struct ItemFactors {
  uint32_t factors = 0;
  std::vector<float> item;  // item_count x factors, row-major
  std::vector<float> gram;  // factors x factors: YᵀY
};

ItemFactors TrainIals(const UserItems& users, uint32_t item_count, const IalsOptions& options);

// int8 per item with scale = max|v| / 127 (value = q * scale), and the Gram
// matrix of the dequantized factors, which is what the device multiplies.
struct QuantizedFactors {
  uint32_t factors = 0;
  std::vector<int8_t> item;
  std::vector<float> scale;
  std::vector<float> gram;
};
QuantizedFactors Quantize(const ItemFactors& factors);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_IALS_H_
