// Community group-buy 社区团购 pickup points: orders placed before a point's
// cutoff are delivered to it in one batch and collected on the pickup day.
//
// Time zone: each point has a fixed UTC offset in minutes (UTC+8 is 480).
// The markets this serves (CN, HK, SG, ...) have no daylight saving; a point
// in a DST zone would need its offset updated in the snapshot when the clock
// changes. All dates are the point's local calendar dates.
//
// The cycle for an order at now_ms: the first local day d, starting today,
// that is a cutoff weekday and (if it is today) whose cutoff time has not
// been reached yet: an order at the cutoff instant or after it rolls to the
// next cutoff day. The pickup date is d + pickup_after_days. Choosing a
// pickup point makes postage zero (the cart reads postage_minor).
#ifndef SHOPCORE_SOCIAL_PICKUP_H_
#define SHOPCORE_SOCIAL_PICKUP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

struct PickupPoint {
  std::string id;
  std::string market;
  int utc_offset_minutes = 0;     // -720 .. 840
  int cutoff_minute_of_day = 0;   // local, 0 .. 1439 (22:00 is 1320)
  std::vector<int> cutoff_weekdays = {1, 2, 3, 4, 5, 6, 7};  // ISO: 1 Monday .. 7 Sunday; all = daily
  int pickup_after_days = 1;      // 0 .. 30 days after the cutoff day
};

struct PickupSlot {
  std::string point_id;
  std::string cycle_date;      // local date of the cutoff that applies, "2026-11-22"
  int64_t cutoff_at_ms = 0;    // that cutoff as an instant
  int64_t time_to_cutoff_ms = 0;
  bool rolled_over = false;    // the cycle is not today's (today's cutoff passed, or none today)
  std::string pickup_date;     // local date, "2026-11-23"
  int pickup_weekday = 0;      // ISO 1..7
  int64_t postage_minor = 0;   // a pickup order ships free
};

Status ValidatePickupPoint(const PickupPoint& point);
Result<PickupSlot> PickupSlotAt(const PickupPoint& point, int64_t now_ms);
// The point with this id among points (NOT_FOUND otherwise), then PickupSlotAt.
Result<PickupSlot> ChoosePickupPoint(const std::vector<PickupPoint>& points, const std::string& point_id,
                                     int64_t now_ms);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_PICKUP_H_
