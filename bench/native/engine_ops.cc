// The operations of bench/portable/workloads.h under Google Benchmark: the
// native column of scripts/bench's tables. The data folder comes from the
// environment (SHOPCORE_BENCH_DATA, filled by scripts/bench); without it
// this program registers nothing. Real time, since the wasm columns are
// wall-clock too.
#include <benchmark/benchmark.h>

#include <cstdlib>

#include "../portable/workloads.h"

namespace {

bool RegisterOps() {
  const char* data_dir = std::getenv("SHOPCORE_BENCH_DATA");
  if (data_dir == nullptr) return false;
  static std::vector<shopcore::bench::Op> ops = shopcore::bench::MakeOps(data_dir);
  for (auto& op : ops) {
    benchmark::RegisterBenchmark(op.name.c_str(), [&op](benchmark::State& state) {
      static_cast<void>(state);
      shopcore::Status status = op.setup();  // cheap after the first call (cached)
      if (!status.ok()) {
        state.SkipWithError(status.error().ToString().c_str());
        return;
      }
      for (auto _ : state) {
        if (op.prepare) {
          state.PauseTiming();
          op.prepare();
          state.ResumeTiming();
        }
        status = op.run();
        if (!status.ok()) {
          state.SkipWithError(status.error().ToString().c_str());
          break;
        }
      }
      if (op.items > 0) state.counters["items"] = op.items;
    })->Unit(benchmark::kMicrosecond)->UseRealTime();
  }
  return true;
}

const bool registered = RegisterOps();

}  // namespace
