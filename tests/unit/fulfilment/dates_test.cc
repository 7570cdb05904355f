// Civil dates, working calendars and the cutoff: the dispatch and delivery
// dates a shopper is promised, across cutoffs, weekends, holidays and
// China's make-up working days.
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"

namespace shopcore::fulfilment {
namespace {

using testing::Iso;
using testing::PlanJson;

TEST(CivilDateTest, DayNumbersAndWeekdays) {
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2000, 3, 1}), 11017);
  EXPECT_EQ(DaysFromCivil({2026, 11, 25}), 20782);
  EXPECT_EQ(Weekday(20782), 3);  // Wednesday
  EXPECT_EQ(Weekday(0), 4);      // 1970-01-01 was a Thursday
  EXPECT_EQ(Iso(CivilFromDays(DaysFromCivil({2024, 2, 29}) + 1)), "2024-03-01");
  EXPECT_EQ(Iso(CivilFromDays(DaysFromCivil({2026, 12, 31}) + 1)), "2027-01-01");
  EXPECT_EQ(FloorDiv(-1, 86400000), -1);
}

TEST(CivilDateTest, ParsingRejectsWhatIsNotADay) {
  EXPECT_TRUE(ParseCivilDate("2024-02-29").ok());
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "2026-01-00", "1969-12-31", "2026/01/01", "2026-01-01T"}) {
    auto parsed = ParseCivilDate(bad);
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    }
  }
}

TEST(WorkingCalendarTest, WeekendsHolidaysAndMakeUpDays) {
  WorkingCalendar cn;
  cn.holidays.insert(DaysFromCivil({2026, 10, 1}));
  cn.extra_working_days.insert(DaysFromCivil({2026, 10, 10}));  // a Saturday
  EXPECT_FALSE(cn.IsWorkingDay(DaysFromCivil({2026, 10, 1})));
  EXPECT_FALSE(cn.IsWorkingDay(DaysFromCivil({2026, 10, 3})));
  EXPECT_TRUE(cn.IsWorkingDay(DaysFromCivil({2026, 10, 10})));
  EXPECT_EQ(Iso(CivilFromDays(cn.AddWorkingDays(DaysFromCivil({2026, 9, 30}), 1))), "2026-10-02");
  EXPECT_EQ(Iso(CivilFromDays(cn.AddWorkingDays(DaysFromCivil({2026, 10, 9}), 1))), "2026-10-10");
  EXPECT_EQ(cn.AddWorkingDays(100, 0), 100);
}

// One unit of A (in Berlin and Shenzhen) to Germany at `now_ms`.
const Parcel* ParcelBy(const DeliveryOptions& options, const std::string& method) {
  for (const Plan& plan : options.plans) {
    for (const Parcel& parcel : plan.parcels) {
      if (parcel.method == method) return &parcel;
    }
  }
  return nullptr;
}

Result<DeliveryOptions> OneA(const std::string& now_ms) {
  return PlanJson(R"({"market": "DE", "currency": "EUR", "now_ms": )" + now_ms +
                  R"(, "items": [{"sku": "A", "quantity": 1, "unit_price_minor": 1500, "unit_grams": 400}]})");
}

TEST(CutoffTest, OneMinuteBeforeTheCutoffShipsToday) {
  // Wed 2026-11-25 13:59 UTC = 14:59 in Berlin; DHL's cutoff is 15:00.
  auto options = OneA("1795615140000");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Parcel* dhl = ParcelBy(*options, "de-dhl-standard");
  ASSERT_NE(dhl, nullptr);
  EXPECT_TRUE(dhl->cutoff.today);
  EXPECT_EQ(dhl->cutoff.minutes_left, 1);
  EXPECT_EQ(Iso(dhl->cutoff.order_day), "2026-11-25");
  EXPECT_EQ(Iso(dhl->ship_date), "2026-11-25");
  EXPECT_EQ(Iso(dhl->earliest), "2026-11-26");
  EXPECT_EQ(Iso(dhl->latest), "2026-11-27");
}

TEST(CutoffTest, AtTheCutoffTheOrderMovesToTheNextWorkingDay) {
  // 15:00 in Berlin: too late for today; Friday's delivery moves over the weekend.
  auto options = OneA("1795615200000");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Parcel* dhl = ParcelBy(*options, "de-dhl-standard");
  ASSERT_NE(dhl, nullptr);
  EXPECT_FALSE(dhl->cutoff.today);
  EXPECT_EQ(dhl->cutoff.minutes_left, 24 * 60);  // until Thursday 15:00
  EXPECT_EQ(Iso(dhl->ship_date), "2026-11-26");
  EXPECT_EQ(Iso(dhl->earliest), "2026-11-27");
  EXPECT_EQ(Iso(dhl->latest), "2026-11-30");
}

TEST(CutoffTest, AfterTheCutoffBeforeChristmasWaitsForTheWeekendAndHolidays) {
  // Thu 2026-12-24 16:30 in Berlin: Fri 25 and Sat 26 are holidays, then Sunday.
  auto options = OneA("1798126200000");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Parcel* dhl = ParcelBy(*options, "de-dhl-standard");
  ASSERT_NE(dhl, nullptr);
  EXPECT_FALSE(dhl->cutoff.today);
  EXPECT_EQ(dhl->cutoff.minutes_left, 4 * 24 * 60 - 90);  // until Monday 15:00
  EXPECT_EQ(Iso(dhl->cutoff.order_day), "2026-12-28");
  EXPECT_EQ(Iso(dhl->ship_date), "2026-12-28");
  EXPECT_EQ(Iso(dhl->earliest), "2026-12-29");
  EXPECT_EQ(Iso(dhl->latest), "2026-12-30");
}

TEST(CutoffTest, ShippedBeforeChristmasTransitSkipsTheHolidays) {
  // Thu 2026-12-24 14:00 in Berlin: ships today, the next delivery day is Monday.
  auto options = OneA("1798117200000");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Parcel* dhl = ParcelBy(*options, "de-dhl-standard");
  ASSERT_NE(dhl, nullptr);
  EXPECT_TRUE(dhl->cutoff.today);
  EXPECT_EQ(dhl->cutoff.minutes_left, 60);
  EXPECT_EQ(Iso(dhl->earliest), "2026-12-28");
  EXPECT_EQ(Iso(dhl->latest), "2026-12-29");
}

TEST(CutoffTest, TheWarehouseClockAndCalendarDecideNotTheShoppers) {
  // Wed 2026-09-30 17:00 in Shenzhen (09:00 UTC), after SF's 16:00 cutoff:
  // Golden Week (Oct 1-7 with the weekend) holds the order until Thu Oct 8.
  auto holiday = OneA("1790758800000");
  ASSERT_TRUE(holiday.ok()) << holiday.error().ToString();
  const Parcel* sf = ParcelBy(*holiday, "cn-sf-intl");
  ASSERT_NE(sf, nullptr);
  EXPECT_EQ(Iso(sf->cutoff.order_day), "2026-10-08");
  EXPECT_EQ(sf->cutoff.minutes_left, 8 * 24 * 60 - 60);
  EXPECT_EQ(Iso(sf->earliest), "2026-10-14");  // 4 German working days after Thursday
  EXPECT_EQ(Iso(sf->latest), "2026-10-16");
  // Fri Oct 9 after the cutoff: Saturday Oct 10 is a make-up working day.
  auto make_up = OneA("1791536400000");
  ASSERT_TRUE(make_up.ok()) << make_up.error().ToString();
  sf = ParcelBy(*make_up, "cn-sf-intl");
  ASSERT_NE(sf, nullptr);
  EXPECT_EQ(Iso(sf->ship_date), "2026-10-10");
  EXPECT_EQ(sf->cutoff.minutes_left, 23 * 60);
  EXPECT_EQ(Iso(sf->earliest), "2026-10-15");
  EXPECT_EQ(Iso(sf->latest), "2026-10-19");
}

}  // namespace
}  // namespace shopcore::fulfilment
