// A calendar date without a time zone ("2026-11-25"): delivery promises,
// pickup days and tax rules' validity are made of them. Day numbers count days since 1970-01-01 in the
// proleptic Gregorian calendar (Howard Hinnant's civil algorithms), so date
// arithmetic is integer arithmetic and identical natively and in wasm.
#ifndef SHOPCORE_MONEY_CIVIL_DATE_H_
#define SHOPCORE_MONEY_CIVIL_DATE_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

struct CivilDate {
  int32_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..31
  bool operator==(const CivilDate& other) const { return year == other.year && month == other.month && day == other.day; }
  bool operator!=(const CivilDate& other) const { return !(*this == other); }
};

int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);
// 0 = Sunday ... 6 = Saturday (CLDR's and JavaScript's order).
int Weekday(int64_t days);

// "2026-11-25": exactly ten characters, a real date, years 1970..9999.
Result<CivilDate> ParseCivilDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& date);

// Floor division of epoch milliseconds into days (negative times round down).
int64_t FloorDiv(int64_t a, int64_t b);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_CIVIL_DATE_H_
