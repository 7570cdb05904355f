// Sparse item-item neighbour lists, the form the device scores with
// (reco::ModelView neighbour_* arrays): per item the k strongest neighbours
// with their weights, strongest (largest |weight|) first, ties by item index.
#ifndef SHOPCORE_CLI_MODEL_NEIGHBOURS_H_
#define SHOPCORE_CLI_MODEL_NEIGHBOURS_H_

#include <cstdint>
#include <vector>

#include "interactions.h"
#include "shopcore/status.h"

namespace shopcore::modelbuild {

struct NeighbourLists {
  std::vector<uint32_t> offsets;  // item_count + 1
  std::vector<uint32_t> items;
  std::vector<float> weights;
};

// Dense item-item weights, row-major item_count x item_count (row i: what
// interacting with i adds to each item). Only for catalogs up to kMaxEaseItems.
struct DenseWeights {
  uint32_t item_count = 0;
  std::vector<float> weights;
};

constexpr uint32_t kMaxEaseItems = 20000;

// EASE (Steck 2019), closed form: P = (XᵀX + λI)⁻¹, B = −P / diag(P), diag(B) = 0,
// on the binary user x item matrix. INVALID_ARGUMENT above kMaxEaseItems
// (two n² float matrices: 3.2 GB at 20k) or for lambda <= 0.
Result<DenseWeights> EaseWeights(const UserItems& users, uint32_t item_count, double lambda);

// Cosine with shrinkage on the binary matrix: |U_i ∩ U_j| / (sqrt(|U_i||U_j|) + shrink),
// computed row by row from co-occurrences (memory O(items + k·items)), any size.
NeighbourLists CosineNeighbours(const UserItems& users, uint32_t item_count, double shrink, uint32_t k);

// The k weights of largest magnitude of each row (zeros never), strongest first.
NeighbourLists TopK(const DenseWeights& dense, uint32_t k);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_NEIGHBOURS_H_
