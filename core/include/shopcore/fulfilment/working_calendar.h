// Which days a warehouse dispatches or a carrier delivers. Weekends,
// public holidays and China's make-up working days (调休: a Saturday that is
// worked to bridge a holiday) are data, one calendar per market or
// warehouse; nothing here knows any country's holidays.
#ifndef SHOPCORE_FULFILMENT_WORKING_CALENDAR_H_
#define SHOPCORE_FULFILMENT_WORKING_CALENDAR_H_

#include <cstdint>
#include <set>
#include <string>

namespace shopcore::fulfilment {

class WorkingCalendar {
 public:
  std::string id;                 // "CN", "DE", "warehouse-shenzhen"
  int weekend_mask = (1 << 0) | (1 << 6);  // bit d set = weekday d (0 Sunday) is off
  std::set<int64_t> holidays;     // day numbers that are off although weekdays
  std::set<int64_t> extra_working_days;  // day numbers that are worked although weekend

  bool IsWorkingDay(int64_t day) const;
  // The first working day strictly after `day`.
  int64_t NextWorkingDay(int64_t day) const;
  // `count` working days after `day`: 0 returns `day` itself, 1 the next
  // working day after it, and so on (a transit of 2 working days leaving on
  // Friday arrives on Tuesday).
  int64_t AddWorkingDays(int64_t day, int count) const;
  // Whether some weekday is worked at all: a calendar that is never working
  // would make AddWorkingDays run forever, so data validation rejects it.
  bool HasWorkingWeekday() const { return (weekend_mask & 0x7F) != 0x7F; }
};

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_WORKING_CALENDAR_H_
