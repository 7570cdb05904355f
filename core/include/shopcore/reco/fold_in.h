// Implicit-ALS fold-in: the shopper's vector computed on the device from
// their own events and the item factors, without retraining. With Y the item
// factors, G = Y^T Y (shipped), c_i = alpha * w_i the confidence from the
// decayed event weight w_i > 0 of each touched item i (preference 1):
//   (G + lambda I + sum_i c_i y_i y_i^T) u = sum_i (1 + c_i) y_i
// which is Hu, Koren & Volinsky's normal equation Y^T C_u Y + lambda I with
// C_u = I + diag(c), rewritten so only touched items cost anything.
#ifndef SHOPCORE_RECO_FOLD_IN_H_
#define SHOPCORE_RECO_FOLD_IN_H_

#include <cstdint>
#include <vector>

#include "shopcore/reco/model.h"

namespace shopcore::reco {

// Solves A x = b in place for symmetric positive definite A (n x n,
// row-major; only the lower triangle is read). Returns false (x untouched) if A is not positive definite.
// Plain Cholesky in double: deterministic, O(n^3 / 3).
bool CholeskySolve(std::vector<double> a, int n, std::vector<double>* b);

struct WeightedItem {
  uint32_t item = 0;
  double weight = 0;  // decayed event weight, > 0
};

// The user vector (factor_dim values), or empty if there is no factor model,
// no positive item, or the system is not positive definite.
std::vector<double> FoldInUserVector(const ModelView& model, const std::vector<WeightedItem>& items);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_FOLD_IN_H_
