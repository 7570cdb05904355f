#include "shopcore/reco/fold_in.h"

namespace shopcore::reco {

bool CholeskySolve(std::vector<double> a, int n, std::vector<double>* b) {
  // In place: the lower triangle of `a` becomes L with A = L L^T.
  for (int j = 0; j < n; ++j) {
    double diagonal = a[j * n + j];
    for (int k = 0; k < j; ++k) diagonal -= a[j * n + k] * a[j * n + k];
    if (!(diagonal > 0)) return false;
    // sqrt is IEEE correctly rounded in both targets (an instruction, not libm).
    double l_jj = __builtin_sqrt(diagonal);
    a[j * n + j] = l_jj;
    for (int i = j + 1; i < n; ++i) {
      double value = a[i * n + j];
      for (int k = 0; k < j; ++k) value -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = value / l_jj;
    }
  }
  std::vector<double>& x = *b;
  for (int i = 0; i < n; ++i) {  // L y = b
    double value = x[i];
    for (int k = 0; k < i; ++k) value -= a[i * n + k] * x[k];
    x[i] = value / a[i * n + i];
  }
  for (int i = n - 1; i >= 0; --i) {  // L^T x = y
    double value = x[i];
    for (int k = i + 1; k < n; ++k) value -= a[k * n + i] * x[k];
    x[i] = value / a[i * n + i];
  }
  return true;
}

std::vector<double> FoldInUserVector(const ModelView& model, const std::vector<WeightedItem>& items) {
  const int d = static_cast<int>(model.factor_dim);
  if (d == 0 || items.empty()) return {};
  std::vector<double> a(static_cast<size_t>(d) * d);
  for (size_t i = 0; i < a.size(); ++i) a[i] = model.gram[i];
  for (int k = 0; k < d; ++k) a[k * d + k] += model.fold_in_lambda;
  std::vector<double> b(d, 0.0);
  std::vector<double> y(d);
  bool any = false;
  for (const auto& weighted : items) {
    if (!(weighted.weight > 0)) continue;
    any = true;
    const double scale = model.factor_scales.size() == 1 ? model.factor_scales[0] : model.factor_scales[weighted.item];
    const int8_t* row = model.item_factors.data() + static_cast<size_t>(weighted.item) * d;
    for (int k = 0; k < d; ++k) y[k] = scale * row[k];
    const double confidence = model.fold_in_alpha * weighted.weight;
    // Only the lower triangle: CholeskySolve reads nothing else.
    for (int r = 0; r < d; ++r) {
      b[r] += (1.0 + confidence) * y[r];
      const double row_weight = confidence * y[r];
      for (int c = 0; c <= r; ++c) a[r * d + c] += row_weight * y[c];
    }
  }
  if (!any) return {};
  if (!CholeskySolve(std::move(a), d, &b)) return {};
  return b;
}

}  // namespace shopcore::reco
