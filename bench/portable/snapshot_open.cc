// Times Snapshot::Open (size cap + verifier + version check + id indexes) on
// one snapshot file, built natively and with emcc so bench/snapshot-open.mjs
// can compare the two in one run. Prints one JSON line:
//   {"target":"native","bytes":N,"runs":R,"median_ms":M,"min_ms":m,"resident_bytes":...}
// Reading the clock is fine here: this is a benchmark, not the engine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shopcore/snapshot.h"

namespace {

// Resident memory of the process: VmRSS natively, the linear memory in wasm.
size_t ResidentBytes() {
#ifdef __wasm__
  return __builtin_wasm_memory_size(0) * 65536;
#else
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: snapshot_open SNAP.bin [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? std::atoi(argv[2]) : 7;
  std::ifstream in(argv[1], std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  const std::string bytes = content.str();
  size_t resident_before = ResidentBytes();
  std::vector<double> times;
  size_t items = 0, skus = 0, resident_open = 0;
  for (int i = 0; i < runs; ++i) {
    std::string copy = bytes;  // Open takes ownership; the copy is outside the timed part
    auto start = std::chrono::steady_clock::now();
    auto opened = shopcore::Snapshot::Open(std::move(copy));
    auto end = std::chrono::steady_clock::now();
    if (!opened.ok()) {
      std::fprintf(stderr, "error: %s\n", opened.error().ToString().c_str());
      return 1;
    }
    times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    items = (*opened)->item_count();
    skus = (*opened)->sku_count();
    resident_open = std::max(resident_open, ResidentBytes());
  }
  std::sort(times.begin(), times.end());
#ifdef __wasm__
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  std::printf(
      "{\"target\":\"%s\",\"bytes\":%zu,\"items\":%zu,\"skus\":%zu,\"runs\":%d,\"median_ms\":%.3f,\"min_ms\":%.3f,"
      "\"resident_before_open\":%zu,\"resident_with_snapshot\":%zu}\n",
      target, bytes.size(), items, skus, runs, times[times.size() / 2], times.front(), resident_before, resident_open);
  return 0;
}
