// The portable harness of bench/portable/workloads.h: built natively, with
// emcc (benchp_ops.js) and with emcc -msimd128 (benchp_ops_simd.js), and run
// by scripts/bench under Node. Google Benchmark is not available to emcc, so
// this is a small harness of the same shape: per operation, a warm-up call,
// then REPS samples, each the mean of enough calls to last MIN_MS (of CPU
// time), timed both in wall-clock and in CPU time.
//   benchp_ops DATA_DIR [--only SUBSTRING] [--reps N] [--min-ms MS] [--list]
// Prints one JSON object per line:
//   {"name":"recommend_top50/100k","target":"wasm-simd","items":100000,"calls":12,"samples_us":[...],
//    "cpu_samples_us":[...]}
// or {"name":...,"target":...,"error":"CODE at PATH: message"}.
// Reading the clock is fine here: this is a benchmark, not the engine.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "workloads.h"

#ifdef __wasm__
#include <emscripten/emscripten.h>
// CPU time of the Node process (user + system, µs): on a machine shared with
// other jobs, wall time mostly measures the other jobs.
EM_JS(double, ProcessCpuMicros, (), {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
});
#endif

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

double CpuMicros() {
#ifdef __wasm__
  return ProcessCpuMicros();
#else
  timespec now;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1e6 + now.tv_nsec / 1e3;
#endif
}

struct Timing {
  double wall = 0, cpu = 0;
};

// One call, prepare untimed.
Timing TimedCall(shopcore::bench::Op& op, shopcore::Status* status) {
  if (op.prepare) op.prepare();
  const double cpu = CpuMicros();
  auto start = Clock::now();
  *status = op.run();
  return Timing{MicrosSince(start), CpuMicros() - cpu};
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
    double first = status.ok() ? TimedCall(op, &status).cpu : 0;  // warm-up, and the size of a batch
    if (!status.ok()) {
      PrintError(op, status.error());
      ++failures;
      continue;
    }
    const long calls = std::max(1L, static_cast<long>(min_us / std::max(first, 0.01)));
    std::vector<double> samples, cpu_samples;
    for (int r = 0; r < reps && status.ok(); ++r) {
      Timing total;
      if (op.prepare) {
        for (long c = 0; c < calls && status.ok(); ++c) {
          Timing one = TimedCall(op, &status);
          total.wall += one.wall;
          total.cpu += one.cpu;
        }
      } else {
        const double cpu = CpuMicros();
        auto start = Clock::now();
        for (long c = 0; c < calls && status.ok(); ++c) status = op.run();
        total = Timing{MicrosSince(start), CpuMicros() - cpu};
      }
      samples.push_back(total.wall / calls);
      cpu_samples.push_back(total.cpu / calls);
    }
    if (!status.ok()) {
      PrintError(op, status.error());
      ++failures;
      continue;
    }
    std::string joined, cpu_joined;
    for (double s : samples) joined += (joined.empty() ? "" : ",") + std::to_string(s);
    for (double s : cpu_samples) cpu_joined += (cpu_joined.empty() ? "" : ",") + std::to_string(s);
    std::printf(
        "{\"name\":\"%s\",\"target\":\"%s\",\"items\":%.0f,\"calls\":%ld,\"samples_us\":[%s],\"cpu_samples_us\":[%s]}\n",
        op.name.c_str(), kTarget, op.items, calls, joined.c_str(), cpu_joined.c_str());
    std::fflush(stdout);
  }
  return failures == 0 ? 0 : 1;
}
