#include "cart/share_allocation.h"

#include <gtest/gtest.h>

#include <random>

#include "shopcore/money/allocation.h"

namespace shopcore {
namespace cart {
namespace {

TEST(ShareAllocation, EqualsAllocateOnRandomAndTiedInputs) {
  std::mt19937_64 random(11);
  for (int round = 0; round < 20000; ++round) {
    const int n = 1 + static_cast<int>(random() % 60);
    std::vector<int64_t> weights(n);
    // Small ranges make exact remainder ties common; large ones take the 128-bit path.
    const int64_t range = round % 3 == 0 ? 5 : (round % 3 == 1 ? 100000 : INT64_MAX / 64);
    for (auto& w : weights) w = static_cast<int64_t>(random() % static_cast<uint64_t>(range));
    weights[random() % n] += 1;
    const int64_t amount = static_cast<int64_t>(random() % (round % 2 == 0 ? 1000 : 100000000000LL));
    auto fast = AllocateShares(amount, weights);
    auto reference = Allocate(amount, weights);
    ASSERT_TRUE(fast.ok());
    ASSERT_TRUE(reference.ok());
    ASSERT_EQ(*fast, *reference) << "round " << round;
  }
  EXPECT_EQ(*AllocateShares(1000, {1000, 1000, 1000}), (std::vector<int64_t>{334, 333, 333}));
  EXPECT_EQ(*AllocateShares(99, {68, 1, 63, 69}), (std::vector<int64_t>{34, 0, 31, 34}));
}

TEST(ShareAllocation, RejectsWhatAllocateRejects) {
  EXPECT_EQ(AllocateShares(10, {}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(AllocateShares(10, {0, 0}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(AllocateShares(10, {1, -1}).error().path, "weights[1]");
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
