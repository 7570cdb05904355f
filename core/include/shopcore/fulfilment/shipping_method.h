// How a parcel travels from one warehouse to one destination market, what it
// costs and how long it takes.
//
// Cost of a parcel, in the method's currency:
//   chargeable = max(actual grams, volumetric grams) (actual only when volumetric_divisor is 0)
//   volumetric = ceil(sum of item L x W x H in mm^3 / volumetric_divisor)
//                (the divisor is the carriers' cm^3 per kg: 5000 or 6000;
//                 mm^3 / divisor is then exactly grams)
//   freight    = base + ceil(max(0, chargeable - included_grams) / step_grams) x per_step
//   cost       = (goods value >= free_over ? 0 : freight) + per_parcel_fee
// The per-parcel fee (customs clearance, fuel surcharge) is never waived.
#ifndef SHOPCORE_FULFILMENT_SHIPPING_METHOD_H_
#define SHOPCORE_FULFILMENT_SHIPPING_METHOD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore::fulfilment {

enum class ServiceClass { kExpress, kStandard, kEconomy };
const char* ServiceClassName(ServiceClass service);  // "express", "standard", "economy"
Result<ServiceClass> ParseServiceClass(std::string_view name);

struct CostRule {
  std::string currency;            // ISO 4217; every amount below is in its minor units
  int64_t base_minor = 0;          // flat part (首重 price when included_grams > 0)
  int64_t included_grams = 0;      // weight the base covers
  int64_t per_step_minor = 0;      // 续重: price per started step above included_grams
  int64_t step_grams = 0;          // > 0 when per_step_minor > 0
  int64_t volumetric_divisor = 0;  // cm^3 per kg; 0 = charge actual weight only
  std::optional<int64_t> free_over_minor;  // goods value of the parcel at or above which freight is free
  int64_t per_parcel_fee_minor = 0;
};

struct ShippingMethod {
  std::string id;
  std::string warehouse;  // Warehouse::id
  std::string market;     // destination, ISO 3166-1 alpha-2
  std::string name;       // carrier product shown to people: "SF International Express"
  ServiceClass service = ServiceClass::kStandard;
  CostRule cost;
  int32_t handling_days = 0;   // working days of the warehouse between the order day and dispatch
  int32_t transit_min_days = 1;  // working days of transit_calendar after dispatch
  int32_t transit_max_days = 1;
  // Orders placed before this minute of the warehouse's day (1..1440), on one
  // of its working days, count as placed that day.
  int32_t cutoff_minute = 24 * 60;
  std::string transit_calendar;  // id of the WorkingCalendar deliveries happen on (usually the market's)
  std::optional<int64_t> max_chargeable_grams;  // parcels above this cannot use the method
};

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_SHIPPING_METHOD_H_
