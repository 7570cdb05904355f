#include "shopcore/fulfilment/working_calendar.h"

#include "shopcore/money/civil_date.h"

namespace shopcore::fulfilment {

bool WorkingCalendar::IsWorkingDay(int64_t day) const {
  if (extra_working_days.count(day)) return true;
  if (weekend_mask & (1 << Weekday(day))) return false;
  return holidays.count(day) == 0;
}

int64_t WorkingCalendar::NextWorkingDay(int64_t day) const {
  // Terminates: validated calendars work at least one weekday, and holidays
  // are finite, so a working day comes within holidays.size() + 7 days.
  do {
    ++day;
  } while (!IsWorkingDay(day));
  return day;
}

int64_t WorkingCalendar::AddWorkingDays(int64_t day, int count) const {
  for (int i = 0; i < count; ++i) day = NextWorkingDay(day);
  return day;
}

}  // namespace shopcore::fulfilment
