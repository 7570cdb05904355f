#include "shopcore/tax/rule_meta.h"

#include <string>

namespace shopcore::tax {
namespace {

constexpr int64_t kMsPerDay = 86400000;

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
// days_from_civil): integer-only, so native and wasm agree.
int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

}  // namespace

Result<int64_t> ParseIsoDate(std::string_view text) {
  auto bad = [&] {
    return MakeError(ErrorCode::kInvalidArgument, "not a date YYYY-MM-DD: '" + std::string(text.substr(0, 20)) + "'");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int64_t parts[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (int i = 0; i < lengths[p]; ++i) {
      const char c = text[starts[p] + i];
      if (c < '0' || c > '9') return bad();
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int64_t year = parts[0], month = parts[1], day = parts[2];
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return bad();
  const int64_t month_days = kDays[month - 1] + (month == 2 && IsLeap(year) ? 1 : 0);
  if (day > month_days) return bad();
  return DaysFromCivil(year, month, day) * kMsPerDay;
}

Status ResolveValidity(RuleMeta* meta) {
  auto from = ParseIsoDate(meta->valid_from);
  if (!from.ok()) return MakeError(from.error().code, from.error().message, "valid_from");
  meta->from_ms = *from;
  meta->to_ms = INT64_MAX;
  if (!meta->valid_to.empty()) {
    auto to = ParseIsoDate(meta->valid_to);
    if (!to.ok()) return MakeError(to.error().code, to.error().message, "valid_to");
    meta->to_ms = *to + kMsPerDay;  // valid_to is the last day in force
    if (meta->to_ms <= meta->from_ms) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "valid_to " + meta->valid_to + " is before valid_from " + meta->valid_from, "valid_to");
    }
  }
  if (!meta->verified_on.empty()) {
    auto verified = ParseIsoDate(meta->verified_on);
    if (!verified.ok()) return MakeError(verified.error().code, verified.error().message, "verified_on");
  }
  return Status::Ok();
}

}  // namespace shopcore::tax
