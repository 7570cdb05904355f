#include "shopcore/social/pickup.h"

#include <string>

#include "shopcore/money/civil_date.h"

namespace shopcore {
namespace {

constexpr int64_t kDayMs = 86400000;
constexpr int64_t kMinuteMs = 60000;
// Keeps day arithmetic far from int64 limits: about ±292,000 years.
constexpr int64_t kMaxAbsNowMs = int64_t{1} << 53;

// ISO weekday (1 Monday .. 7 Sunday) of a day count since 1970-01-01.
int IsoWeekday(int64_t days) {
  const int weekday = Weekday(days);  // 0 Sunday .. 6 Saturday
  return weekday == 0 ? 7 : weekday;
}

std::string IsoDateOfDay(int64_t days) { return FormatIsoDate(CivilFromDays(days)); }

}  // namespace

Status ValidatePickupPoint(const PickupPoint& point) {
  if (point.id.empty()) return MakeError(ErrorCode::kInvalidArgument, "pickup point id must not be empty", "id");
  if (point.utc_offset_minutes < -720 || point.utc_offset_minutes > 840) {
    return MakeError(ErrorCode::kInvalidArgument, "UTC offset must be in -720..840 minutes", "utc_offset_minutes");
  }
  if (point.cutoff_minute_of_day < 0 || point.cutoff_minute_of_day > 1439) {
    return MakeError(ErrorCode::kInvalidArgument, "cutoff must be a minute of the day, 0..1439",
                     "cutoff_minute_of_day");
  }
  if (point.cutoff_weekdays.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "a pickup point has at least one cutoff weekday", "cutoff_weekdays");
  }
  for (size_t i = 0; i < point.cutoff_weekdays.size(); ++i) {
    if (point.cutoff_weekdays[i] < 1 || point.cutoff_weekdays[i] > 7) {
      return MakeError(ErrorCode::kInvalidArgument, "weekday must be 1 (Monday) .. 7 (Sunday)",
                       "cutoff_weekdays[" + std::to_string(i) + "]");
    }
  }
  if (point.pickup_after_days < 0 || point.pickup_after_days > 30) {
    return MakeError(ErrorCode::kInvalidArgument, "pickup must be 0..30 days after the cutoff day",
                     "pickup_after_days");
  }
  return Status::Ok();
}

Result<PickupSlot> PickupSlotAt(const PickupPoint& point, int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidatePickupPoint(point));
  if (now_ms > kMaxAbsNowMs || now_ms < -kMaxAbsNowMs) {
    return MakeError(ErrorCode::kInvalidArgument, "now is outside ±2^53 ms", "now_ms");
  }
  const int64_t offset_ms = point.utc_offset_minutes * kMinuteMs;
  const int64_t local_ms = now_ms + offset_ms;
  const int64_t today = FloorDiv(local_ms, kDayMs);
  const int64_t ms_of_day = local_ms - today * kDayMs;
  const int64_t cutoff_ms_of_day = point.cutoff_minute_of_day * kMinuteMs;
  bool cutoff_day[8] = {};
  for (int weekday : point.cutoff_weekdays) cutoff_day[weekday] = true;

  // Within 8 days some cutoff weekday comes round again.
  for (int64_t ahead = 0; ahead <= 7; ++ahead) {
    int64_t day = today + ahead;
    if (!cutoff_day[IsoWeekday(day)]) continue;
    if (ahead == 0 && ms_of_day >= cutoff_ms_of_day) continue;
    PickupSlot slot;
    slot.point_id = point.id;
    slot.cycle_date = IsoDateOfDay(day);
    slot.cutoff_at_ms = day * kDayMs + cutoff_ms_of_day - offset_ms;
    slot.time_to_cutoff_ms = slot.cutoff_at_ms - now_ms;
    slot.rolled_over = ahead != 0;
    slot.pickup_date = IsoDateOfDay(day + point.pickup_after_days);
    slot.pickup_weekday = IsoWeekday(day + point.pickup_after_days);
    slot.postage_minor = 0;
    return slot;
  }
  return MakeError(ErrorCode::kInvalidArgument, "no cutoff day found", "cutoff_weekdays");  // unreachable once valid
}

Result<PickupSlot> ChoosePickupPoint(const std::vector<PickupPoint>& points, const std::string& point_id,
                                     int64_t now_ms) {
  for (size_t i = 0; i < points.size(); ++i) {
    if (points[i].id != point_id) continue;
    auto slot = PickupSlotAt(points[i], now_ms);
    if (!slot.ok()) {
      Error error = slot.error();
      error.path = "points[" + std::to_string(i) + "]." + error.path;
      return error;
    }
    return slot;
  }
  return MakeError(ErrorCode::kNotFound, "no pickup point '" + point_id + "'", "point_id");
}

}  // namespace shopcore
