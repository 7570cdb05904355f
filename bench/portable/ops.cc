// The portable harness of bench/portable/workloads.h: built natively, with
// emcc (benchp_ops.js) and with emcc -msimd128 (benchp_ops_simd.js), and run
// by scripts/bench under Node. Google Benchmark is not available to emcc, so
// this is a small harness of the same shape: per operation, a warm-up call,
// then REPS samples, each the mean of enough calls to last MIN_MS.
//   benchp_ops DATA_DIR [--only SUBSTRING] [--reps N] [--min-ms MS] [--list]
// Prints one JSON object per line:
//   {"name":"recommend_top50/100k","target":"wasm-simd","items":100000,"calls":12,"samples_us":[...]}
// or {"name":...,"target":...,"error":"CODE at PATH: message"}.
// Reading the clock is fine here: this is a benchmark, not the engine.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "workloads.h"

namespace {

#if defined(__wasm_simd128__)
const char kTarget[] = "wasm-simd";
#elif defined(__wasm__)
const char kTarget[] = "wasm";
#else
const char kTarget[] = "native";
#endif

using Clock = std::chrono::steady_clock;

double MicrosSince(Clock::time_point start) {
  return std::chrono::duration<double, std::micro>(Clock::now() - start).count();
}

// One call, prepare untimed; the microseconds it took, or -1 on error.
double TimedCall(shopcore::bench::Op& op, shopcore::Status* status) {
  if (op.prepare) op.prepare();
  auto start = Clock::now();
  *status = op.run();
  return MicrosSince(start);
}

std::string Escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) >= 0x20) out += c;
  }
  return out;
}

void PrintError(const shopcore::bench::Op& op, const shopcore::Error& error) {
  std::printf("{\"name\":\"%s\",\"target\":\"%s\",\"error\":\"%s\"}\n", op.name.c_str(), kTarget,
              Escape(error.ToString()).c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: benchp_ops DATA_DIR [--only SUBSTRING] [--reps N] [--min-ms MS] [--list]\n");
    return 2;
  }
  const std::string data_dir = argv[1];
  std::string only;
  int reps = 7;
  double min_us = 50000;
  bool list = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--only") && i + 1 < argc) {
      only = argv[++i];
    } else if (!std::strcmp(argv[i], "--reps") && i + 1 < argc) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--min-ms") && i + 1 < argc) {
      min_us = std::atof(argv[++i]) * 1000;
    } else if (!std::strcmp(argv[i], "--list")) {
      list = true;
    } else {
      std::fprintf(stderr, "unknown argument '%s'\n", argv[i]);
      return 2;
    }
  }
  int failures = 0;
  for (auto& op : shopcore::bench::MakeOps(data_dir)) {
    if (!only.empty() && op.name.find(only) == std::string::npos) continue;
    if (list) {
      std::printf("%s\n", op.name.c_str());
      continue;
    }
    shopcore::Status status = op.setup();
    double first = status.ok() ? TimedCall(op, &status) : 0;  // warm-up, and the size of a batch
    if (!status.ok()) {
      PrintError(op, status.error());
      ++failures;
      continue;
    }
    const long calls = std::max(1L, static_cast<long>(min_us / std::max(first, 0.01)));
    std::vector<double> samples;
    for (int r = 0; r < reps && status.ok(); ++r) {
      double total = 0;
      if (op.prepare) {
        for (long c = 0; c < calls && status.ok(); ++c) total += TimedCall(op, &status);
      } else {
        auto start = Clock::now();
        for (long c = 0; c < calls && status.ok(); ++c) status = op.run();
        total = MicrosSince(start);
      }
      samples.push_back(total / calls);
    }
    if (!status.ok()) {
      PrintError(op, status.error());
      ++failures;
      continue;
    }
    std::string joined;
    for (double s : samples) joined += (joined.empty() ? "" : ",") + std::to_string(s);
    std::printf("{\"name\":\"%s\",\"target\":\"%s\",\"items\":%.0f,\"calls\":%ld,\"samples_us\":[%s]}\n",
                op.name.c_str(), kTarget, op.items, calls, joined.c_str());
    std::fflush(stdout);
  }
  return failures == 0 ? 0 : 1;
}
