// Dates and date ranges in the shopper's locale, from the CLDR data of the locale
// pack, code point for code point what V8's Intl.DateTimeFormat prints:
//
//   FormatDateRange(pack "en-US", 2026-11-24, 2026-11-26, "MMMEd") -> "Tue, Nov 24 – Thu, Nov 26"
//   FormatDateRange(pack "de-DE", 2026-11-25, 2026-11-27, "MMMd")  -> "25.–27. Nov."
//
// Styles are CLDR skeletons: "MMMd" is {month: "short", day: "numeric"},
// "MMMEd" adds {weekday: "short"}. Gregorian calendar, digits of the
// locale's default numbering system (Arabic-Indic for ar-SA), so th-TH shows
// Gregorian years where Intl defaults to the Buddhist calendar.
// tests/js/date-oracle.test.mjs holds this to Intl on the market locales.
#ifndef SHOPCORE_MONEY_DATE_FORMAT_H_
#define SHOPCORE_MONEY_DATE_FORMAT_H_

#include <string>
#include <string_view>

#include "shopcore/money/civil_date.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/status.h"

namespace shopcore {

// INVALID_ARGUMENT when to < from or the style is not in the pack;
// BAD_LOCALE_PACK when the pack carries no date data.
Result<std::string> FormatDateRange(const LocalePack& pack, const CivilDate& from, const CivilDate& to, std::string_view style);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_DATE_FORMAT_H_
