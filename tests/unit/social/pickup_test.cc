#include "shopcore/social/pickup.h"

#include <gtest/gtest.h>

namespace shopcore {
namespace {

// 2026-11-22 is a Sunday. 00:00 Beijing (UTC+8) that day is 2026-11-21T16:00Z.
constexpr int64_t kSundayBeijingMidnight = 1795276800000;  // 2026-11-21T16:00:00Z
constexpr int64_t kMinute = 60000;
constexpr int64_t kHour = 60 * kMinute;

PickupPoint Daily() {
  PickupPoint point;
  point.id = "pp-xuhui-7";
  point.market = "CN";
  point.utc_offset_minutes = 480;
  point.cutoff_minute_of_day = 22 * 60;  // 22:00 local
  point.pickup_after_days = 1;
  return point;
}

TEST(Pickup, CutoffJustBeforeAndAfter) {
  int64_t cutoff = kSundayBeijingMidnight + 22 * kHour;  // Sunday 22:00 +08:00
  auto before = PickupSlotAt(Daily(), cutoff - 1);
  ASSERT_TRUE(before.ok()) << before.error().ToString();
  EXPECT_EQ(before->cycle_date, "2026-11-22");
  EXPECT_EQ(before->pickup_date, "2026-11-23");
  EXPECT_EQ(before->pickup_weekday, 1);
  EXPECT_EQ(before->cutoff_at_ms, cutoff);
  EXPECT_EQ(before->time_to_cutoff_ms, 1);
  EXPECT_FALSE(before->rolled_over);
  EXPECT_EQ(before->postage_minor, 0);

  auto at = PickupSlotAt(Daily(), cutoff);
  EXPECT_EQ(at->cycle_date, "2026-11-23");
  EXPECT_EQ(at->pickup_date, "2026-11-24");
  EXPECT_EQ(at->cutoff_at_ms, cutoff + 24 * kHour);
  EXPECT_TRUE(at->rolled_over);
}

TEST(Pickup, LocalDateIsThePointsNotUtc) {
  // 2026-11-21T17:00Z is already Sunday 01:00 in Beijing but Saturday in UTC.
  auto slot = PickupSlotAt(Daily(), kSundayBeijingMidnight + kHour);
  EXPECT_EQ(slot->cycle_date, "2026-11-22");
  PickupPoint west = Daily();
  west.utc_offset_minutes = -300;  // UTC-5: still Saturday 12:00
  EXPECT_EQ(PickupSlotAt(west, kSundayBeijingMidnight + kHour)->cycle_date, "2026-11-21");
}

TEST(Pickup, WeeklyCycleAcrossTheWeekBoundary) {
  PickupPoint weekly = Daily();
  weekly.cutoff_weekdays = {7};        // orders close Sunday 22:00
  weekly.pickup_after_days = 2;        // collect on Tuesday
  int64_t cutoff = kSundayBeijingMidnight + 22 * kHour;
  auto sunday_evening = PickupSlotAt(weekly, cutoff - kMinute);
  EXPECT_EQ(sunday_evening->cycle_date, "2026-11-22");
  EXPECT_EQ(sunday_evening->pickup_date, "2026-11-24");
  EXPECT_EQ(sunday_evening->pickup_weekday, 2);
  auto late_sunday = PickupSlotAt(weekly, cutoff);
  EXPECT_EQ(late_sunday->cycle_date, "2026-11-29");
  EXPECT_EQ(late_sunday->pickup_date, "2026-12-01");  // across the month too
  EXPECT_EQ(late_sunday->time_to_cutoff_ms, 7 * 24 * kHour);
  auto monday = PickupSlotAt(weekly, cutoff + 3 * kHour);
  EXPECT_EQ(monday->cycle_date, "2026-11-29");
  EXPECT_TRUE(monday->rolled_over);

  PickupPoint twice = Daily();
  twice.cutoff_weekdays = {3, 6};  // Wednesday and Saturday
  twice.pickup_after_days = 0;
  auto sunday = PickupSlotAt(twice, kSundayBeijingMidnight + kHour);
  EXPECT_EQ(sunday->cycle_date, "2026-11-25");
  EXPECT_EQ(sunday->pickup_date, "2026-11-25");
}

TEST(Pickup, NewYearRollover) {
  PickupPoint point = Daily();
  point.utc_offset_minutes = 0;
  point.cutoff_minute_of_day = 0;  // midnight cutoff: every order rolls to tomorrow
  int64_t new_years_eve = 1798761600000 - 1;  // 2026-12-31T23:59:59.999Z
  auto slot = PickupSlotAt(point, new_years_eve);
  EXPECT_EQ(slot->cycle_date, "2027-01-01");
  EXPECT_EQ(slot->pickup_date, "2027-01-02");
  EXPECT_EQ(slot->time_to_cutoff_ms, 1);
}

TEST(Pickup, ValidationAndChoice) {
  PickupPoint bad = Daily();
  bad.cutoff_minute_of_day = 1440;
  EXPECT_EQ(PickupSlotAt(bad, 0).error().path, "cutoff_minute_of_day");
  bad = Daily();
  bad.utc_offset_minutes = 900;
  EXPECT_EQ(PickupSlotAt(bad, 0).error().path, "utc_offset_minutes");
  bad = Daily();
  bad.cutoff_weekdays = {0};
  EXPECT_EQ(PickupSlotAt(bad, 0).error().path, "cutoff_weekdays[0]");
  bad.cutoff_weekdays = {};
  EXPECT_EQ(PickupSlotAt(bad, 0).error().path, "cutoff_weekdays");
  EXPECT_EQ(PickupSlotAt(Daily(), INT64_MAX).error().path, "now_ms");
  EXPECT_EQ(ChoosePickupPoint({Daily()}, "nope", 0).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(ChoosePickupPoint({Daily()}, "pp-xuhui-7", kSundayBeijingMidnight)->pickup_date, "2026-11-23");
}

}  // namespace
}  // namespace shopcore
