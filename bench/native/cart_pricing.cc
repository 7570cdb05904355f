// Pricing a realistic big cart: 50 lines, 30 promotions across every phase,
// and choosing the best set out of 20 coupons. Baseline in the same run: the
// bare sum of price x quantity over the same 50 lines, so the report reads
// as a ratio to "no promotion engine at all".
#include <benchmark/benchmark.h>

#include "../portable/cart_scenario.h"

namespace {

using namespace shopcore::bench;  // NOLINT: benchmark brevity

void BM_BaselineSumOfLines(benchmark::State& state) {
  const Scenario s = MakeScenario(0);
  for (auto _ : state) {
    int64_t total = 0;
    for (const auto& line : s.cart.lines()) total += s.catalog.Find(line.sku_id)->list_price * line.quantity;
    benchmark::DoNotOptimize(total);
  }
}
BENCHMARK(BM_BaselineSumOfLines);

void BM_Price50Lines30Promotions(benchmark::State& state) {
  const Scenario s = MakeScenario(0);
  const PricingRules rules;
  for (auto _ : state) {
    auto priced = Price(s.cart, s.catalog, s.promotions, rules, s.request);
    if (!priced.ok()) state.SkipWithError(priced.error().ToString().c_str());
    benchmark::DoNotOptimize(priced);
  }
}
BENCHMARK(BM_Price50Lines30Promotions)->Unit(benchmark::kMicrosecond);

void BM_Price50Lines30PromotionsBestOf20Coupons(benchmark::State& state) {
  const Scenario s = MakeScenario(20);
  const PricingRules rules;
  for (auto _ : state) {
    auto priced = Price(s.cart, s.catalog, s.promotions, rules, s.request);
    if (!priced.ok()) state.SkipWithError(priced.error().ToString().c_str());
    benchmark::DoNotOptimize(priced);
  }
}
BENCHMARK(BM_Price50Lines30PromotionsBestOf20Coupons)->Unit(benchmark::kMicrosecond);

}  // namespace
