#include "ials.h"

#include <Eigen/Dense>
#include <cmath>

namespace shopcore::modelbuild {
namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::VectorXd;

// SplitMix64: the same initial factors for the same seed on every platform
// (std::normal_distribution is implementation-defined).
double Uniform(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return static_cast<double>(z >> 11) / 9007199254740992.0;
}

// One half-step: for every row r of `solve`, x_r minimises
// Σ_c (1 + α w_rc)(1 − x·y_c)² + Σ_{c unobserved} (x·y_c)² + λ|x|², starting at
// the current x_r and taking `steps` CG steps on A x = b with
// A = YᵀY + λI + Σ_c α w_rc y_c y_cᵀ, b = Σ_c (1 + α w_rc) y_c.
void HalfStep(const std::vector<uint32_t>& offsets, const std::vector<uint32_t>& columns,
              const std::vector<float>& weights, const Matrix& fixed, Matrix* solve, const IalsOptions& options) {
  const Eigen::Index d = fixed.cols();
  Matrix gram = fixed.transpose() * fixed;
  gram.diagonal().array() += options.lambda;
  Vector residual(d), direction(d), product(d);
  for (Eigen::Index r = 0; r < solve->rows(); ++r) {
    Vector x = solve->row(r).transpose();
    // residual = b − A x
    residual = -(gram * x);
    for (uint32_t k = offsets[r]; k < offsets[r + 1]; ++k) {
      auto y = fixed.row(columns[k]).transpose();
      const double confidence = options.alpha * weights[k];
      residual += ((1.0 + confidence) - confidence * y.dot(x)) * y;
    }
    direction = residual;
    double rs_old = residual.squaredNorm();
    for (uint32_t step = 0; step < options.cg_steps && rs_old > 1e-20; ++step) {
      product = gram * direction;
      for (uint32_t k = offsets[r]; k < offsets[r + 1]; ++k) {
        auto y = fixed.row(columns[k]).transpose();
        product += options.alpha * weights[k] * y.dot(direction) * y;
      }
      const double step_size = rs_old / direction.dot(product);
      x += step_size * direction;
      residual -= step_size * product;
      const double rs_new = residual.squaredNorm();
      direction = residual + (rs_new / rs_old) * direction;
      rs_old = rs_new;
    }
    solve->row(r) = x.transpose();
  }
}

}  // namespace

ItemFactors TrainIals(const UserItems& users, uint32_t item_count, const IalsOptions& options) {
  const Eigen::Index d = options.factors;
  const Eigen::Index user_count = static_cast<Eigen::Index>(users.offsets.size()) - 1;
  uint64_t state = options.seed;
  const double init = 0.01;
  Matrix user_factors(user_count, d), item_factors(item_count, d);
  for (Eigen::Index r = 0; r < user_count; ++r)
    for (Eigen::Index c = 0; c < d; ++c) user_factors(r, c) = init * (Uniform(&state) - 0.5);
  for (Eigen::Index r = 0; r < item_count; ++r)
    for (Eigen::Index c = 0; c < d; ++c) item_factors(r, c) = init * (Uniform(&state) - 0.5);

  // Item -> users, for the item half-step.
  std::vector<uint32_t> item_offsets(item_count + 1, 0), item_users(users.items.size());
  std::vector<float> item_weights(users.items.size());
  for (uint32_t item : users.items) item_offsets[item + 1]++;
  for (uint32_t i = 0; i < item_count; ++i) item_offsets[i + 1] += item_offsets[i];
  std::vector<uint32_t> fill(item_offsets.begin(), item_offsets.end() - 1);
  for (Eigen::Index u = 0; u < user_count; ++u) {
    for (uint32_t a = users.offsets[u]; a < users.offsets[u + 1]; ++a) {
      uint32_t slot = fill[users.items[a]]++;
      item_users[slot] = static_cast<uint32_t>(u);
      item_weights[slot] = users.weights[a];
    }
  }
  for (uint32_t iteration = 0; iteration < options.iterations; ++iteration) {
    HalfStep(users.offsets, users.items, users.weights, item_factors, &user_factors, options);
    HalfStep(item_offsets, item_users, item_weights, user_factors, &item_factors, options);
  }
  ItemFactors out;
  out.factors = options.factors;
  out.item.resize(static_cast<size_t>(item_count) * d);
  for (Eigen::Index r = 0; r < item_count; ++r)
    for (Eigen::Index c = 0; c < d; ++c) out.item[r * d + c] = static_cast<float>(item_factors(r, c));
  Matrix gram = item_factors.transpose() * item_factors;
  out.gram.resize(static_cast<size_t>(d) * d);
  for (Eigen::Index r = 0; r < d; ++r)
    for (Eigen::Index c = 0; c < d; ++c) out.gram[r * d + c] = static_cast<float>(gram(r, c));
  return out;
}

QuantizedFactors Quantize(const ItemFactors& factors) {
  QuantizedFactors out;
  const size_t d = factors.factors;
  out.factors = factors.factors;
  const size_t items = d == 0 ? 0 : factors.item.size() / d;
  out.item.resize(items * d);
  out.scale.resize(items);
  std::vector<double> gram(d * d, 0.0);
  std::vector<double> value(d);
  for (size_t i = 0; i < items; ++i) {
    float max_abs = 0;
    for (size_t c = 0; c < d; ++c) max_abs = std::max(max_abs, std::fabs(factors.item[i * d + c]));
    const float scale = max_abs > 0 ? max_abs / 127.0f : 1.0f;
    out.scale[i] = scale;
    for (size_t c = 0; c < d; ++c) {
      long q = std::lround(factors.item[i * d + c] / scale);
      q = std::max(-127L, std::min(127L, q));
      out.item[i * d + c] = static_cast<int8_t>(q);
      value[c] = static_cast<double>(q) * scale;
    }
    for (size_t r = 0; r < d; ++r)
      for (size_t c = 0; c < d; ++c) gram[r * d + c] += value[r] * value[c];
  }
  out.gram.resize(d * d);
  for (size_t k = 0; k < d * d; ++k) out.gram[k] = static_cast<float>(gram[k]);
  return out;
}

}  // namespace shopcore::modelbuild
