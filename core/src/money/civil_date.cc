#include "shopcore/money/civil_date.h"

#include <cstdio>

namespace shopcore {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// days_from_civil / civil_from_days from Howard Hinnant's "chrono-Compatible
// Low-Level Date Algorithms": exact for every proleptic Gregorian date.
int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;
  int64_t mp = (date.month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  int64_t z = days + 719468;
  int64_t era = FloorDiv(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t day = doy - (153 * mp + 2) / 5 + 1;
  int64_t month = mp < 10 ? mp + 3 : mp - 9;
  int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return CivilDate{static_cast<int32_t>(year), static_cast<int32_t>(month), static_cast<int32_t>(day)};
}

int Weekday(int64_t days) {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (days + 4) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

Result<CivilDate> ParseCivilDate(std::string_view text) {
  auto bad = [&] { return MakeError(ErrorCode::kInvalidArgument, "'" + std::string(text) + "' is not a date YYYY-MM-DD"); };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int values[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (int i = 0; i < lengths[part]; ++i) {
      char c = text[starts[part] + i];
      if (c < '0' || c > '9') return bad();
      values[part] = values[part] * 10 + (c - '0');
    }
  }
  CivilDate date{values[0], values[1], values[2]};
  if (date.year < 1970 || date.month < 1 || date.month > 12 || date.day < 1) return bad();
  // A day past the month's end does not survive the round trip.
  if (CivilFromDays(DaysFromCivil(date)) != date) return bad();
  return date;
}

std::string FormatIsoDate(const CivilDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", static_cast<int>(date.year), static_cast<int>(date.month),
                static_cast<int>(date.day));
  return buffer;
}

}  // namespace shopcore
