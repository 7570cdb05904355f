// JSON codec of pickup-point requests and answers (see shopcore/social/codec.h).
#include <string>
#include <vector>

#include "shopcore/money/civil_date.h"
#include "shopcore/money/date_format.h"
#include "shopcore/social/codec.h"
#include "shopcore/social/pickup.h"
#include "social/json_access.h"

namespace shopcore {
namespace {

using namespace json_access;  // NOLINT: the codec's own helpers

// A pickup day with its weekday, as shoppers plan around it: "Mon, Nov 23".
constexpr const char* kPickupDayStyle = "MMMEd";

// "HH:MM", 00:00 .. 23:59, exactly five characters.
Result<int> ParseClock(const std::string& text, const std::string& path) {
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  if (text.size() != 5 || text[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return MakeError(ErrorCode::kInvalidArgument, "expected a time of day as HH:MM", path);
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 23 || minutes > 59) return MakeError(ErrorCode::kInvalidArgument, "no such time of day", path);
  return hours * 60 + minutes;
}

Result<PickupPoint> DecodePoint(const Json& item, const std::string& path) {
  SHOPCORE_RETURN_IF_ERROR(RequireObject(
      item, path, {"id", "market", "utc_offset_minutes", "cutoff", "cutoff_weekdays", "pickup_after_days"}));
  PickupPoint point;
  ASSIGN_OR_RETURN(point.id, GetString(item, "id", path));
  ASSIGN_OR_RETURN(point.market, GetString(item, "market", path, std::string()));
  ASSIGN_OR_RETURN(point.utc_offset_minutes, GetInt(item, "utc_offset_minutes", path, -720, 840));
  std::string cutoff;
  ASSIGN_OR_RETURN(cutoff, GetString(item, "cutoff", path));
  ASSIGN_OR_RETURN(point.cutoff_minute_of_day, ParseClock(cutoff, Child(path, "cutoff")));
  ASSIGN_OR_RETURN(point.pickup_after_days, GetInt(item, "pickup_after_days", path, 0, 30, 1));
  const Json* weekdays;
  ASSIGN_OR_RETURN(weekdays, GetArray(item, "cutoff_weekdays", path, false));
  if (weekdays) {
    point.cutoff_weekdays.clear();
    for (size_t i = 0; i < weekdays->size(); ++i) {
      int64_t day;
      std::string where = Index(Child(path, "cutoff_weekdays"), i);
      ASSIGN_OR_RETURN(day, Int64Of((*weekdays)[i], where));
      if (day < 1 || day > 7) return MakeError(ErrorCode::kInvalidArgument, "weekday must be 1 (Monday) .. 7 (Sunday)", where);
      point.cutoff_weekdays.push_back(static_cast<int>(day));
    }
  }
  if (auto valid = ValidatePickupPoint(point); !valid.ok()) {
    return MakeError(valid.error().code, valid.error().message, Child(path, valid.error().path));
  }
  return point;
}

}  // namespace

Result<std::string> PickupSlotJson(const std::string& text, const LocalePack* display_locale) {
  Json request;
  ASSIGN_OR_RETURN(request, ParseDocument(text));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"points", "point_id", "now_ms"}));
  const Json* points_json;
  ASSIGN_OR_RETURN(points_json, GetArray(request, "points", "", true));
  std::vector<PickupPoint> points;
  for (size_t i = 0; i < points_json->size(); ++i) {
    PickupPoint point;
    ASSIGN_OR_RETURN(point, DecodePoint((*points_json)[i], Index("points", i)));
    points.push_back(std::move(point));
  }
  std::string point_id;
  ASSIGN_OR_RETURN(point_id, GetString(request, "point_id", ""));
  int64_t now;
  ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
  auto slot = ChoosePickupPoint(points, point_id, now);
  if (!slot.ok()) return slot.error();
  OrderedJson out;
  out["point_id"] = slot->point_id;
  out["cycle_date"] = slot->cycle_date;
  out["cutoff_at_ms"] = slot->cutoff_at_ms;
  out["time_to_cutoff_ms"] = slot->time_to_cutoff_ms;
  out["rolled_over"] = slot->rolled_over;
  out["pickup_date"] = slot->pickup_date;
  out["pickup_weekday"] = slot->pickup_weekday;
  out["postage_minor"] = std::to_string(slot->postage_minor);
  if (display_locale) {
    OrderedJson display;
    for (const auto& [key, date] : {std::pair<const char*, const std::string&>{"cycle_date", slot->cycle_date},
                                    {"pickup_date", slot->pickup_date}}) {
      auto day = ParseCivilDate(date);
      if (!day.ok()) return MakeError(ErrorCode::kInvalidArgument, "cannot display a date before 1970: " + date, key);
      auto text = FormatDateRange(*display_locale, *day, *day, kPickupDayStyle);
      if (!text.ok()) return text.error();
      display[key] = *text;
    }
    out["display"] = std::move(display);
  }
  return Dump(out);
}

}  // namespace shopcore
