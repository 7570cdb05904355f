// The embedding kernel is exact integer arithmetic on every path (scalar,
// fixed-dimension, wasm SIMD128): it must equal a plain reference sum.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "reco/dot_kernel.h"

namespace shopcore::reco::internal {
namespace {

TEST(DotKernel, EqualsTheReferenceSumForEveryDimension) {
  uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
  };
  for (uint32_t d : {1u, 4u, 16u, 32u, 48u, 64u, 100u, 128u, 256u}) {
    const uint32_t n = 37;
    std::vector<int8_t> rows(size_t{n} * d);
    std::vector<int16_t> user(d);
    for (auto& v : rows) v = static_cast<int8_t>(static_cast<int>(next() % 256) - 128);
    for (auto& v : user) v = static_cast<int16_t>(static_cast<int>(next() % 65535) - 32767);
    // The extremes, where an overflow would show: a row of -128 against +-32767.
    for (uint32_t k = 0; k < d; ++k) {
      rows[k] = -128;
      user[k] = (k % 2) ? 32767 : -32767;
    }
    std::vector<int32_t> out(n);
    DotRowsInt8Int16(rows.data(), user.data(), d, n, out.data());
    for (uint32_t i = 0; i < n; ++i) {
      int64_t expected = 0;
      for (uint32_t k = 0; k < d; ++k) expected += int64_t{rows[size_t{i} * d + k]} * user[k];
      ASSERT_EQ(out[i], expected) << "d " << d << " row " << i;
    }
  }
}

}  // namespace
}  // namespace shopcore::reco::internal
