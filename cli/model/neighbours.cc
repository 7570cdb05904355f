#include "neighbours.h"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

namespace shopcore::modelbuild {
namespace {

// Appends the k best (weight > 0) of candidates to lists; strongest first, ties by index.
void AppendTop(std::vector<std::pair<float, uint32_t>>& candidates, uint32_t k, NeighbourLists* lists) {
  auto better = [](const std::pair<float, uint32_t>& a, const std::pair<float, uint32_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  size_t keep = std::min<size_t>(k, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + keep, candidates.end(), better);
  for (size_t n = 0; n < keep; ++n) {
    lists->items.push_back(candidates[n].second);
    lists->weights.push_back(candidates[n].first);
  }
  lists->offsets.push_back(static_cast<uint32_t>(lists->items.size()));
}

}  // namespace

Result<DenseWeights> EaseWeights(const UserItems& users, uint32_t item_count, double lambda) {
  if (item_count > kMaxEaseItems) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "EASE is dense: " + std::to_string(item_count) + " items is above " +
                         std::to_string(kMaxEaseItems) + "; use cosine neighbours",
                     "--algorithm");
  }
  if (!(lambda > 0)) return MakeError(ErrorCode::kInvalidArgument, "lambda must be > 0", "--lambda");
  const Eigen::Index n = item_count;
  // Gram matrix XᵀX from co-occurrences. Float: half the memory and twice the
  // SIMD width of double; λ ≥ 1 keeps the system well conditioned for ranking.
  Eigen::MatrixXf gram = Eigen::MatrixXf::Zero(n, n);
  for (size_t u = 0; u + 1 < users.offsets.size(); ++u) {
    for (uint32_t a = users.offsets[u]; a < users.offsets[u + 1]; ++a) {
      for (uint32_t b = users.offsets[u]; b < users.offsets[u + 1]; ++b) {
        gram(users.items[a], users.items[b]) += 1.0f;
      }
    }
  }
  gram.diagonal().array() += static_cast<float>(lambda);
  Eigen::LLT<Eigen::Ref<Eigen::MatrixXf>> llt(gram);  // factorises in place: no second n² copy
  if (llt.info() != Eigen::Success) {
    return MakeError(ErrorCode::kInvalidArgument, "XᵀX + λI is not positive definite", "--lambda");
  }
  Eigen::MatrixXf inverse = Eigen::MatrixXf::Identity(n, n);
  llt.solveInPlace(inverse);
  DenseWeights dense;
  dense.item_count = item_count;
  dense.weights.resize(static_cast<size_t>(n) * n);
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = 0; j < n; ++j) {
      // B_ij = -P_ij / P_jj: the weight item i gives to item j.
      dense.weights[static_cast<size_t>(i) * n + j] =
          i == j ? 0.0f : static_cast<float>(-inverse(i, j) / inverse(j, j));
    }
  }
  return dense;
}

NeighbourLists CosineNeighbours(const UserItems& users, uint32_t item_count, double shrink, uint32_t k) {
  // Item -> users (CSR), from user -> items.
  std::vector<uint32_t> item_offsets(item_count + 1, 0);
  for (uint32_t item : users.items) item_offsets[item + 1]++;
  for (uint32_t i = 0; i < item_count; ++i) item_offsets[i + 1] += item_offsets[i];
  std::vector<uint32_t> item_users(users.items.size());
  std::vector<uint32_t> fill(item_offsets.begin(), item_offsets.end() - 1);
  for (uint32_t u = 0; u + 1 < users.offsets.size(); ++u) {
    for (uint32_t a = users.offsets[u]; a < users.offsets[u + 1]; ++a) item_users[fill[users.items[a]]++] = u;
  }
  NeighbourLists lists;
  lists.offsets.push_back(0);
  std::vector<uint32_t> counts(item_count, 0);
  std::vector<uint32_t> touched;
  std::vector<std::pair<float, uint32_t>> candidates;
  for (uint32_t i = 0; i < item_count; ++i) {
    touched.clear();
    for (uint32_t a = item_offsets[i]; a < item_offsets[i + 1]; ++a) {
      uint32_t u = item_users[a];
      for (uint32_t b = users.offsets[u]; b < users.offsets[u + 1]; ++b) {
        uint32_t j = users.items[b];
        if (j == i) continue;
        if (counts[j]++ == 0) touched.push_back(j);
      }
    }
    candidates.clear();
    const double size_i = item_offsets[i + 1] - item_offsets[i];
    for (uint32_t j : touched) {
      const double size_j = item_offsets[j + 1] - item_offsets[j];
      candidates.emplace_back(static_cast<float>(counts[j] / (std::sqrt(size_i * size_j) + shrink)), j);
      counts[j] = 0;
    }
    AppendTop(candidates, k, &lists);
  }
  return lists;
}

NeighbourLists TopK(const DenseWeights& dense, uint32_t k) {
  NeighbourLists lists;
  lists.offsets.push_back(0);
  std::vector<std::pair<float, uint32_t>> candidates;
  const size_t n = dense.item_count;
  // By magnitude: EASE's negative weights push items down, and dense EASE
  // scores with them; the device scorer takes any sign.
  for (size_t i = 0; i < n; ++i) {
    candidates.clear();
    for (size_t j = 0; j < n; ++j) {
      float w = dense.weights[i * n + j];
      if (w != 0) candidates.emplace_back(std::fabs(w), static_cast<uint32_t>(j));
    }
    const size_t begin = lists.items.size();
    AppendTop(candidates, k, &lists);
    for (size_t e = begin; e < lists.items.size(); ++e) lists.weights[e] = dense.weights[i * n + lists.items[e]];
  }
  return lists;
}

}  // namespace shopcore::modelbuild
