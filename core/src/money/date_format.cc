#include "shopcore/money/date_format.h"

#include "money/locale_pack_data.h"

namespace shopcore {
namespace {

std::string Digits(const LocalePackData& pack, int64_t value, int min_width) {
  std::string ascii = std::to_string(value);
  while (static_cast<int>(ascii.size()) < min_width) ascii.insert(ascii.begin(), '0');
  std::string out;
  for (char c : ascii) out += pack.digits[c - '0'];
  return out;
}

void AppendPattern(const LocalePackData& pack, const DatePattern& pattern, const CivilDate& date, std::string* out) {
  const DatePackData& dates = *pack.dates;
  int weekday = Weekday(DaysFromCivil(date));
  for (const auto& token : pattern) {
    switch (token.letter) {
      case 0: *out += token.literal; break;
      // As ICU: "yy" is the last two digits, any other width pads to it.
      case 'y': *out += token.width == 2 ? Digits(pack, date.year % 100, 2) : Digits(pack, date.year, token.width); break;
      case 'M':
      case 'L':
        if (token.width >= 3) {
          *out += (token.letter == 'M' ? dates.months_format : dates.months_standalone)[date.month - 1];
        } else {
          *out += Digits(pack, date.month, token.width);
        }
        break;
      case 'd': *out += Digits(pack, date.day, token.width); break;
      case 'E': *out += dates.weekdays_format[weekday]; break;
      case 'c': *out += dates.weekdays_standalone[weekday]; break;
      default: break;  // ParseDatePattern admits no other letter
    }
  }
}

// A real day of years 1..9999: the formatter indexes month and digit tables with it.
bool Printable(const CivilDate& date) {
  return date.year >= 1 && date.year <= 9999 && date.month >= 1 && date.month <= 12 && date.day >= 1 &&
         CivilFromDays(DaysFromCivil(date)) == date;
}

}  // namespace

Result<std::string> FormatDateRange(const LocalePack& pack, const CivilDate& from, const CivilDate& to, std::string_view style) {
  const LocalePackData& data = pack.data();
  if (!Printable(from)) return MakeError(ErrorCode::kInvalidArgument, "not a date of years 1..9999", "from");
  if (!Printable(to)) return MakeError(ErrorCode::kInvalidArgument, "not a date of years 1..9999", "to");
  if (!data.dates) return MakeError(ErrorCode::kBadLocalePack, "pack '" + data.locale + "' has no date data (regenerate it)", "dates");
  auto found = data.dates->styles.find(style);
  if (found == data.dates->styles.end()) {
    return MakeError(ErrorCode::kInvalidArgument, "no date style '" + std::string(style) + "' in pack '" + data.locale + "'", "style");
  }
  if (DaysFromCivil(to) < DaysFromCivil(from)) {
    return MakeError(ErrorCode::kInvalidArgument, FormatIsoDate(to) + " is before " + FormatIsoDate(from), "to");
  }
  const DateRangeStyle& patterns = found->second;
  std::string out;
  if (from == to) {
    AppendPattern(data, patterns.single, from, &out);
    return out;
  }
  const IntervalPattern& interval = from.year != to.year ? patterns.year : from.month != to.month ? patterns.month : patterns.day;
  AppendPattern(data, interval.first, from, &out);
  AppendPattern(data, interval.second, to, &out);
  return out;
}

}  // namespace shopcore
