// Everything the delivery planner reads: warehouses with their stock,
// shipping methods and working calendars. Plain C++ types: the JSON codec
// fills them today (fulfilment_json.h), a snapshot adapter later.
#ifndef SHOPCORE_FULFILMENT_FULFILMENT_DATA_H_
#define SHOPCORE_FULFILMENT_FULFILMENT_DATA_H_

#include <vector>

#include "shopcore/fulfilment/shipping_method.h"
#include "shopcore/fulfilment/warehouse.h"
#include "shopcore/fulfilment/working_calendar.h"
#include "shopcore/status.h"

namespace shopcore::fulfilment {

struct FulfilmentData {
  std::vector<WorkingCalendar> calendars;
  std::vector<Warehouse> warehouses;
  std::vector<ShippingMethod> methods;

  const WorkingCalendar* FindCalendar(std::string_view id) const;
  const Warehouse* FindWarehouse(std::string_view id) const;
};

// Unique ids (CONFLICT), references that resolve (NOT_FOUND), values in
// range (INVALID_ARGUMENT): offsets within +-18 h, cutoff 0..1440, transit
// min <= max, stock >= 0, known currencies, calendars with a working weekday.
// Paths follow the JSON form: "methods[2].cost.step_grams".
Status Validate(const FulfilmentData& data);

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_FULFILMENT_DATA_H_
