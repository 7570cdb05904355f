#include "shopcore/social/bargain.h"

#include <gtest/gtest.h>

#include <vector>

namespace shopcore {
namespace {

BargainCampaign Campaign(int64_t start, int64_t floor, int helpers) {
  BargainCampaign campaign;
  campaign.id = "bg-1";
  campaign.currency = "CNY";
  campaign.start_minor = start;
  campaign.floor_minor = floor;
  campaign.helpers = helpers;
  campaign.time_limit_ms = 24 * 3600 * 1000;
  return campaign;
}

// Property test over many seeds and sizes: the invariants the server and
// the device both rely on.
TEST(BargainSchedule, InvariantsHoldOverManySeedsAndSizes) {
  const int64_t spans[] = {1, 2, 3, 7, 10, 99, 100, 1000, 9999, 123457, 4294967296LL, 4294967297LL,
                           9223372036854775807LL};
  const int helper_counts[] = {1, 2, 3, 5, 10, 17, 50, 100, 1000};
  int checked = 0;
  for (int64_t span : spans) {
    for (int helpers : helper_counts) {
      if (helpers > span) continue;
      for (uint64_t seed = 0; seed < 40; ++seed) {
        BargainCampaign campaign = span == 9223372036854775807LL ? Campaign(span, 0, helpers)
                                                                  : Campaign(span + 500, 500, helpers);
        auto cuts = GenerateBargainSchedule(campaign, BargainSeed{seed * 0x9E3779B97F4A7C15ULL, seed % 3});
        ASSERT_TRUE(cuts.ok()) << cuts.error().ToString();
        ASSERT_EQ(cuts->size(), static_cast<size_t>(helpers));
        __int128 sum = 0;
        for (int64_t cut : *cuts) {
          ASSERT_GE(cut, 1) << "span " << span << " helpers " << helpers << " seed " << seed;
          sum += cut;
        }
        ASSERT_TRUE(sum == span) << "span " << span << " helpers " << helpers << " seed " << seed;
        EXPECT_TRUE(ValidateBargainSchedule(campaign, *cuts).ok());
        EXPECT_EQ(*BargainPriceAfter(campaign, *cuts, helpers), campaign.floor_minor);
        EXPECT_EQ(*BargainPriceAfter(campaign, *cuts, 0), campaign.start_minor);
        int64_t previous = campaign.start_minor;
        for (int k = 1; k <= helpers; k += (helpers / 7) + 1) {
          int64_t price = *BargainPriceAfter(campaign, *cuts, k);
          EXPECT_LT(price, previous);
          EXPECT_GE(price, campaign.floor_minor);
          previous = price;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 2000);
}

TEST(BargainSchedule, IsAFixedFunctionOfSeedAndStream) {
  // Pinned output: if this changes, devices and servers disagree.
  auto cuts = GenerateBargainSchedule(Campaign(10000, 100, 5), BargainSeed{42, 54});
  ASSERT_TRUE(cuts.ok());
  EXPECT_EQ(*cuts, (std::vector<int64_t>{946, 2563, 267, 723, 5401}));
  auto again = GenerateBargainSchedule(Campaign(10000, 100, 5), BargainSeed{42, 54});
  EXPECT_EQ(*cuts, *again);
  auto other_stream = GenerateBargainSchedule(Campaign(10000, 100, 5), BargainSeed{42, 55});
  EXPECT_NE(*cuts, *other_stream);
}

TEST(BargainSchedule, WhenHelpersEqualTheSpanEveryCutIsOne) {
  auto cuts = GenerateBargainSchedule(Campaign(108, 100, 8), BargainSeed{1, 2});
  ASSERT_TRUE(cuts.ok());
  EXPECT_EQ(*cuts, std::vector<int64_t>(8, 1));
}

TEST(BargainCampaignValidation, RejectsWhatCannotFit) {
  EXPECT_EQ(ValidateBargainCampaign(Campaign(105, 100, 6)).error().path, "helpers");
  EXPECT_EQ(ValidateBargainCampaign(Campaign(105, 100, 6)).error().message,
            "6 helpers cannot each cut at least 1 minor unit of 5");
  EXPECT_TRUE(ValidateBargainCampaign(Campaign(105, 100, 5)).ok());
  EXPECT_EQ(ValidateBargainCampaign(Campaign(100, 100, 1)).error().path, "start_minor");
  EXPECT_EQ(ValidateBargainCampaign(Campaign(100, -1, 1)).error().path, "floor_minor");
  EXPECT_EQ(ValidateBargainCampaign(Campaign(100000, 0, 0)).error().path, "helpers");
  EXPECT_EQ(ValidateBargainCampaign(Campaign(100000, 0, kMaxBargainHelpers + 1)).error().path, "helpers");
  BargainCampaign no_time = Campaign(1000, 0, 3);
  no_time.time_limit_ms = 0;
  EXPECT_EQ(ValidateBargainCampaign(no_time).error().path, "time_limit_ms");
  BargainCampaign bad_currency = Campaign(1000, 0, 3);
  bad_currency.currency = "XYZ";
  EXPECT_EQ(ValidateBargainCampaign(bad_currency).error().code, ErrorCode::kUnknownCurrency);
  EXPECT_EQ(GenerateBargainSchedule(Campaign(105, 100, 6), BargainSeed{}).error().code,
            ErrorCode::kInvalidArgument);
}

TEST(BargainScheduleValidation, AcceptsAnExplicitScheduleAndRejectsBadOnes) {
  BargainCampaign campaign = Campaign(1000, 400, 3);
  EXPECT_TRUE(ValidateBargainSchedule(campaign, {300, 200, 100}).ok());
  EXPECT_EQ(ValidateBargainSchedule(campaign, {300, 300}).error().path, "cuts");
  EXPECT_EQ(ValidateBargainSchedule(campaign, {300, 200, 99}).error().message,
            "cuts sum to 599, not start - floor = 600");
  EXPECT_EQ(ValidateBargainSchedule(campaign, {601, 0, -1}).error().path, "cuts[1]");
  EXPECT_EQ(ValidateBargainSchedule(campaign, {700, 200, -300}).error().path, "cuts[2]");
  EXPECT_EQ(ValidateBargainSchedule(campaign, {9223372036854775807LL, 2, 1}).error().code, ErrorCode::kOverflow);
}

TEST(BargainProgress, AnswersPriceNextCutAndCountdown) {
  BargainCampaign campaign = Campaign(1000, 400, 3);
  std::vector<int64_t> cuts = {300, 200, 100};
  const int64_t start = 1700000000000;
  auto fresh = BargainProgressAt(campaign, cuts, BargainSession{start, 0}, start);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->status, BargainStatus::kInProgress);
  EXPECT_EQ(fresh->price_minor, 1000);
  EXPECT_EQ(*fresh->next_cut_minor, 300);
  EXPECT_EQ(fresh->time_left_ms, 86400000);
  EXPECT_EQ(fresh->progress_permille, 0);

  auto two = BargainProgressAt(campaign, cuts, BargainSession{start, 2}, start + 1000);
  EXPECT_EQ(two->price_minor, 500);
  EXPECT_EQ(two->cut_so_far_minor, 500);
  EXPECT_EQ(two->left_to_floor_minor, 100);
  EXPECT_EQ(*two->next_cut_minor, 100);
  EXPECT_EQ(two->progress_permille, 833);
  EXPECT_EQ(two->time_left_ms, 86399000);

  auto expired = BargainProgressAt(campaign, cuts, BargainSession{start, 2}, start + 86400000);
  EXPECT_EQ(expired->status, BargainStatus::kExpired);
  EXPECT_FALSE(expired->next_cut_minor.has_value());
  EXPECT_EQ(expired->time_left_ms, 0);
  EXPECT_EQ(expired->price_minor, 500);

  auto done = BargainProgressAt(campaign, cuts, BargainSession{start, 3}, start + 999999999);
  EXPECT_EQ(done->status, BargainStatus::kReachedFloor);
  EXPECT_EQ(done->price_minor, 400);
  EXPECT_EQ(done->progress_permille, 1000);
  EXPECT_FALSE(done->next_cut_minor.has_value());

  EXPECT_EQ(BargainProgressAt(campaign, cuts, BargainSession{start, 4}, start).error().path, "helpers_done");
  EXPECT_EQ(BargainProgressAt(campaign, cuts, BargainSession{start, -1}, start).error().path, "helpers_done");
  EXPECT_EQ(BargainPriceAfter(campaign, cuts, 4).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace shopcore
