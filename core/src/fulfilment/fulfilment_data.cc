#include "shopcore/fulfilment/fulfilment_data.h"

#include <set>

#include "shopcore/money/currency.h"

namespace shopcore::fulfilment {
namespace {

std::string Indexed(const char* list, size_t index) { return std::string(list) + "[" + std::to_string(index) + "]"; }

Error Invalid(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kInvalidArgument, message, path);
}

bool IsRegion(const std::string& code) {
  return code.size() == 2 && code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z';
}

Status ValidateCost(const CostRule& cost, const std::string& path) {
  if (!FindCurrency(cost.currency).ok()) {
    return MakeError(ErrorCode::kUnknownCurrency, "'" + cost.currency + "' is not an ISO 4217 code", path + ".currency");
  }
  struct {
    const char* name;
    int64_t value;
  } amounts[] = {{"base_minor", cost.base_minor}, {"included_grams", cost.included_grams},
                 {"per_step_minor", cost.per_step_minor}, {"step_grams", cost.step_grams},
                 {"volumetric_divisor", cost.volumetric_divisor}, {"per_parcel_fee_minor", cost.per_parcel_fee_minor}};
  for (const auto& amount : amounts) {
    if (amount.value < 0) return Invalid(path + "." + amount.name, "must be >= 0");
  }
  if (cost.per_step_minor > 0 && cost.step_grams <= 0) return Invalid(path + ".step_grams", "must be > 0 when per_step_minor is set");
  if (cost.free_over_minor && *cost.free_over_minor < 0) return Invalid(path + ".free_over_minor", "must be >= 0");
  return Status::Ok();
}

}  // namespace

const WorkingCalendar* FulfilmentData::FindCalendar(std::string_view id) const {
  for (const auto& calendar : calendars) {
    if (calendar.id == id) return &calendar;
  }
  return nullptr;
}

const Warehouse* FulfilmentData::FindWarehouse(std::string_view id) const {
  for (const auto& warehouse : warehouses) {
    if (warehouse.id == id) return &warehouse;
  }
  return nullptr;
}

Status Validate(const FulfilmentData& data) {
  std::set<std::string> ids;
  for (size_t i = 0; i < data.calendars.size(); ++i) {
    const auto& calendar = data.calendars[i];
    const std::string path = Indexed("calendars", i);
    if (calendar.id.empty()) return Invalid(path + ".id", "must not be empty");
    if (!ids.insert(calendar.id).second) return MakeError(ErrorCode::kConflict, "duplicate calendar id '" + calendar.id + "'", path + ".id");
    if (!calendar.HasWorkingWeekday()) return Invalid(path + ".weekend", "every weekday is off: nothing could ever ship");
  }
  ids.clear();
  for (size_t i = 0; i < data.warehouses.size(); ++i) {
    const auto& warehouse = data.warehouses[i];
    const std::string path = Indexed("warehouses", i);
    if (warehouse.id.empty()) return Invalid(path + ".id", "must not be empty");
    if (!ids.insert(warehouse.id).second) return MakeError(ErrorCode::kConflict, "duplicate warehouse id '" + warehouse.id + "'", path + ".id");
    if (!IsRegion(warehouse.country)) return Invalid(path + ".country", "must be an ISO 3166-1 alpha-2 code");
    if (!warehouse.customs_origin.empty() && !IsRegion(warehouse.customs_origin)) {
      return Invalid(path + ".customs_origin", "must be an ISO 3166-1 alpha-2 code");
    }
    if (warehouse.utc_offset_minutes < -18 * 60 || warehouse.utc_offset_minutes > 18 * 60) {
      return Invalid(path + ".utc_offset_minutes", "must be within -1080..1080");
    }
    if (!data.FindCalendar(warehouse.calendar)) {
      return MakeError(ErrorCode::kNotFound, "no calendar '" + warehouse.calendar + "'", path + ".calendar");
    }
    for (const auto& [sku, units] : warehouse.stock) {
      if (sku.empty()) return Invalid(path + ".stock", "empty SKU");
      if (units < 0) return Invalid(path + ".stock." + sku, "must be >= 0");
    }
  }
  ids.clear();
  for (size_t i = 0; i < data.methods.size(); ++i) {
    const auto& method = data.methods[i];
    const std::string path = Indexed("methods", i);
    if (method.id.empty()) return Invalid(path + ".id", "must not be empty");
    if (!ids.insert(method.id).second) return MakeError(ErrorCode::kConflict, "duplicate method id '" + method.id + "'", path + ".id");
    if (!data.FindWarehouse(method.warehouse)) {
      return MakeError(ErrorCode::kNotFound, "no warehouse '" + method.warehouse + "'", path + ".warehouse");
    }
    if (!IsRegion(method.market)) return Invalid(path + ".market", "must be an ISO 3166-1 alpha-2 code");
    if (!data.FindCalendar(method.transit_calendar)) {
      return MakeError(ErrorCode::kNotFound, "no calendar '" + method.transit_calendar + "'", path + ".transit_calendar");
    }
    if (method.handling_days < 0 || method.handling_days > 60) return Invalid(path + ".handling_days", "must be within 0..60");
    if (method.transit_min_days < 0 || method.transit_min_days > 120) return Invalid(path + ".transit_min_days", "must be within 0..120");
    if (method.transit_max_days < method.transit_min_days || method.transit_max_days > 120) {
      return Invalid(path + ".transit_max_days", "must be within transit_min_days..120");
    }
    // 00:00 would be a cutoff no order is ever before.
    if (method.cutoff_minute < 1 || method.cutoff_minute > 24 * 60) return Invalid(path + ".cutoff", "must be within 00:01..24:00");
    if (method.max_chargeable_grams && *method.max_chargeable_grams <= 0) return Invalid(path + ".max_chargeable_grams", "must be > 0");
    SHOPCORE_RETURN_IF_ERROR(ValidateCost(method.cost, path + ".cost"));
  }
  return Status::Ok();
}

}  // namespace shopcore::fulfilment
