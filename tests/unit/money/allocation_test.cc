#include "shopcore/money/allocation.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <random>

namespace shopcore {
namespace {

std::vector<int64_t> AllocateOk(int64_t amount, std::vector<int64_t> weights) {
  auto parts = Allocate(amount, weights);
  EXPECT_TRUE(parts.ok()) << parts.error().ToString();
  return parts.ok() ? *parts : std::vector<int64_t>{};
}

TEST(Allocation, ReferenceVectors) {
  EXPECT_EQ(AllocateOk(299, {4300, 1400, 2300}), (std::vector<int64_t>{161, 52, 86}));
  // Remainders 99/201 tie between index 0 and 1: exact integers decide, and
  // the earlier index wins. Floating point would see 0.4925... twice.
  EXPECT_EQ(AllocateOk(99, {68, 1, 63, 69}), (std::vector<int64_t>{34, 0, 31, 34}));
  EXPECT_EQ(AllocateOk(1000, {1000, 1000, 1000}), (std::vector<int64_t>{334, 333, 333}));
}

TEST(Allocation, ZeroWeightsGetNothingAndNegativeAmountsMirror) {
  EXPECT_EQ(AllocateOk(10, {0, 1, 0, 1}), (std::vector<int64_t>{0, 5, 0, 5}));
  EXPECT_EQ(AllocateOk(-1000, {1, 1, 1}), (std::vector<int64_t>{-334, -333, -333}));
  EXPECT_EQ(AllocateOk(0, {3, 7}), (std::vector<int64_t>{0, 0}));
}

TEST(Allocation, ExtremeValuesStayExact) {
  const int64_t big = INT64_MAX;
  auto parts = AllocateOk(big, {INT64_MAX, INT64_MAX});
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0], big / 2 + 1);
  EXPECT_EQ(parts[1], big / 2);
  EXPECT_EQ(Allocate(INT64_MIN, {1}).error().code, ErrorCode::kOverflow);
}

TEST(Allocation, RejectsBadWeights) {
  EXPECT_EQ(Allocate(10, {}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Allocate(10, {0, 0}).error().code, ErrorCode::kInvalidArgument);
  auto negative = Allocate(10, {1, -1});
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(negative.error().path, "weights[1]");
}

TEST(Allocation, PartsAlwaysAddUpAndStayWithinOneUnitOfTheirShare) {
  std::mt19937_64 random(42);
  for (int round = 0; round < 2000; ++round) {
    const int n = 1 + static_cast<int>(random() % 8);
    std::vector<int64_t> weights(n);
    for (auto& w : weights) w = static_cast<int64_t>(random() % 5000);
    weights[random() % n] += 1;  // at least one positive weight
    const int64_t amount = static_cast<int64_t>(random() % 2000001) - 1000000;
    auto parts = AllocateOk(amount, weights);
    ASSERT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), amount);
    const int64_t total = std::accumulate(weights.begin(), weights.end(), int64_t{0});
    for (int i = 0; i < n; ++i) {
      const __int128 exact_times_total = static_cast<__int128>(amount) * weights[i];
      const __int128 diff = static_cast<__int128>(parts[i]) * total - exact_times_total;
      ASSERT_LT(diff < 0 ? -diff : diff, static_cast<__int128>(total)) << "part " << i;
    }
  }
}

// The exact definition, checked on both arithmetic paths (small inputs stay
// in int64, weights near 2^57 force 128-bit) and on many exact ties: a part
// is floor(share) or floor(share) + 1, and the extra units go to the largest
// remainders, equal remainders to the earlier index.
TEST(Allocation, ExtraUnitsGoToLargestRemaindersThenEarlierIndexOnBothPaths) {
  std::mt19937_64 random(11);
  for (int round = 0; round < 20000; ++round) {
    const int n = 1 + static_cast<int>(random() % 60);
    std::vector<int64_t> weights(n);
    const int64_t range = round % 3 == 0 ? 5 : (round % 3 == 1 ? 100000 : INT64_MAX / 64);
    for (auto& w : weights) w = static_cast<int64_t>(random() % static_cast<uint64_t>(range));
    weights[random() % n] += 1;
    const int64_t amount = static_cast<int64_t>(random() % (round % 2 == 0 ? 1000 : 100000000000LL));
    auto parts = AllocateOk(amount, weights);
    ASSERT_EQ(parts.size(), weights.size());
    __int128 total = 0;
    for (int64_t w : weights) total += w;
    std::vector<__int128> remainders(n);
    std::vector<bool> extra(n);
    for (int i = 0; i < n; ++i) {
      const __int128 share = static_cast<__int128>(amount) * weights[i];
      const __int128 floor_part = share / total;
      remainders[i] = share % total;
      ASSERT_TRUE(parts[i] == floor_part || parts[i] == floor_part + 1) << "round " << round << " part " << i;
      extra[i] = parts[i] == floor_part + 1;
    }
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < n; ++j) {
        if (!extra[i] || extra[j]) continue;
        // i got an extra unit and j did not: j must rank after i.
        ASSERT_TRUE(remainders[j] < remainders[i] || (remainders[j] == remainders[i] && j > i))
            << "round " << round << ": " << j << " should have had the unit " << i << " got";
      }
    }
  }
}

}  // namespace
}  // namespace shopcore
