#include "cart/unit_buckets.h"

#include <gtest/gtest.h>

#include <random>

#include "shopcore/money/allocation.h"

namespace shopcore {
namespace cart {
namespace {

// The reference: each adjustment split by shopcore::Allocate over every unit.
std::vector<int64_t> ExpandedUnitPayables(int64_t quantity, int64_t unit_list, const std::vector<Adjustment>& adjustments) {
  std::vector<int64_t> units(quantity, unit_list);
  for (const auto& adjustment : adjustments) {
    if (adjustment.amount == 0) continue;
    auto shares = Allocate(adjustment.amount, units);
    EXPECT_TRUE(shares.ok());
    for (int64_t i = 0; i < quantity; ++i) units[i] -= (*shares)[i];
  }
  return units;
}

std::vector<int64_t> Flatten(const std::vector<UnitBucket>& buckets) {
  std::vector<int64_t> units;
  for (const auto& bucket : buckets) units.insert(units.end(), bucket.count, bucket.unit_payable);
  return units;
}

TEST(UnitBuckets, SplitsLikeAllocateOverEveryUnit) {
  // 3 units of 10.00, 10.00 off: 3.34 / 3.33 / 3.33.
  auto buckets = SplitOverUnits(3, 1000, {{"c", Phase::kCoupon, 1000}});
  ASSERT_TRUE(buckets.ok());
  ASSERT_EQ(buckets->size(), 2u);
  EXPECT_EQ((*buckets)[0].count, 1);
  EXPECT_EQ((*buckets)[0].unit_payable, 666);
  EXPECT_EQ((*buckets)[0].adjustments[0].amount, 334);
  EXPECT_EQ((*buckets)[1].count, 2);
  EXPECT_EQ((*buckets)[1].unit_payable, 667);

  std::mt19937_64 random(7);
  for (int round = 0; round < 500; ++round) {
    const int64_t quantity = 1 + static_cast<int64_t>(random() % 12);
    const int64_t unit_list = static_cast<int64_t>(random() % 3000);
    int64_t left = quantity * unit_list;
    std::vector<Adjustment> adjustments;
    for (int k = 0; k < 4; ++k) {
      const int64_t amount = left == 0 ? 0 : static_cast<int64_t>(random() % (left + 1));
      adjustments.push_back({"p" + std::to_string(k), Phase::kThreshold, amount});
      left -= amount;
    }
    auto split = SplitOverUnits(quantity, unit_list, adjustments);
    ASSERT_TRUE(split.ok());
    EXPECT_EQ(Flatten(*split), ExpandedUnitPayables(quantity, unit_list, adjustments)) << round;
    for (const auto& bucket : *split) EXPECT_GE(bucket.unit_payable, 0);
  }
}

TEST(UnitBuckets, AMillionUnitsStayAFewBuckets) {
  auto buckets = SplitOverUnits(1000000, 999, {{"a", Phase::kCoupon, 12345}, {"b", Phase::kPoints, 700001}});
  ASSERT_TRUE(buckets.ok());
  EXPECT_LE(buckets->size(), 4u);
  int64_t total = 0;
  int64_t count = 0;
  for (const auto& bucket : *buckets) {
    total += bucket.count * bucket.unit_payable;
    count += bucket.count;
  }
  EXPECT_EQ(count, 1000000);
  EXPECT_EQ(total, 999000000 - 12345 - 700001);
}

TEST(UnitBuckets, RefusesAnAdjustmentLargerThanTheLine) {
  auto buckets = SplitOverUnits(2, 100, {{"a", Phase::kCoupon, 201}});
  ASSERT_FALSE(buckets.ok());
  EXPECT_EQ(buckets.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace cart
}  // namespace shopcore
