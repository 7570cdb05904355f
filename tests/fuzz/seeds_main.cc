// fuzz_<name>_seeds OUT_DIR: writes the target's seeds (FuzzSeeds()) as
// OUT_DIR/seed-NNNN, replacing what was there, then runs each through the
// target once: a real input that breaks an invariant fails here, before any
// fuzzing, with the seed's name.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s OUT_DIR\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto seeds = shopcore::fuzz::FuzzSeeds();
  for (size_t i = 0; i < seeds.size(); ++i) {
    char name[32];
    std::snprintf(name, sizeof(name), "seed-%04zu", i);
    std::ofstream out(dir / name, std::ios::binary);
    out.write(seeds[i].data(), static_cast<std::streamsize>(seeds[i].size()));
    if (!out) {
      std::fprintf(stderr, "cannot write %s\n", (dir / name).c_str());
      return 1;
    }
  }
  for (size_t i = 0; i < seeds.size(); ++i) {
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(seeds[i].data()), seeds[i].size());
  }
  std::fprintf(stderr, "%zu seeds written to %s and checked\n", seeds.size(), dir.c_str());
  return seeds.empty() ? 1 : 0;
}
