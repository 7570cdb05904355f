// Money arithmetic hot paths: the allocation every order-level discount goes
// through, and FX conversion. Baseline for each: the same loop doing plain
// int64 arithmetic with no checks, so the report reads as a ratio.
#include <benchmark/benchmark.h>

#include <vector>

#include "shopcore/money.h"

namespace {

std::vector<int64_t> FiftyLineWeights() {
  std::vector<int64_t> weights;
  for (int i = 0; i < 50; ++i) weights.push_back(1999 + 137 * i);
  return weights;
}

void BM_AllocateBaselineNaive(benchmark::State& state) {
  const auto weights = FiftyLineWeights();
  int64_t total = 0;
  for (auto w : weights) total += w;
  for (auto _ : state) {
    std::vector<int64_t> parts(weights.size());
    for (size_t i = 0; i < weights.size(); ++i) parts[i] = 12345 * weights[i] / total;
    benchmark::DoNotOptimize(parts.data());
  }
}
BENCHMARK(BM_AllocateBaselineNaive);

void BM_AllocateLargestRemainder50Lines(benchmark::State& state) {
  const auto weights = FiftyLineWeights();
  for (auto _ : state) {
    auto parts = shopcore::Allocate(12345, weights);
    benchmark::DoNotOptimize(parts.value().data());
  }
}
BENCHMARK(BM_AllocateLargestRemainder50Lines);

void BM_ConvertEurToJpy(benchmark::State& state) {
  const auto rate = *shopcore::Decimal::Parse("162.3517");
  const auto amount = *shopcore::Money::Of(1999, "EUR");
  for (auto _ : state) {
    auto converted = shopcore::Convert(amount, "JPY", rate, shopcore::RoundingMode::kHalfEven);
    benchmark::DoNotOptimize(converted.value().minor_units());
  }
}
BENCHMARK(BM_ConvertEurToJpy);

}  // namespace
