// Snapshot Warehouse / ShippingMethod / Calendar / Sku -> the planner's
// types. See snapshot_fulfilment.h for the mapping rules.
#include "shopcore/fulfilment/snapshot_fulfilment.h"

#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "shopcore/fulfilment/delivery_plan.h"
#include "tax/json_access.h"

namespace shopcore::fulfilment {
namespace {

using tax::json_access::JsonView;

std::string Str(const flatbuffers::String* text) { return text == nullptr ? std::string() : text->str(); }

std::string Keyed(const char* collection, const std::string& id) { return std::string(collection) + "[" + id + "]"; }

Result<std::set<int64_t>> DateSet(const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::String>>* dates,
                                  const std::string& path) {
  std::set<int64_t> days;
  if (dates == nullptr) return days;
  for (flatbuffers::uoffset_t i = 0; i < dates->size(); ++i) {
    auto date = ParseCivilDate(dates->Get(i)->string_view());
    if (!date.ok()) return MakeError(ErrorCode::kInvalidArgument, date.error().message, path + "[" + std::to_string(i) + "]");
    days.insert(DaysFromCivil(*date));
  }
  return days;
}

Result<WorkingCalendar> CalendarFrom(const schema::Calendar& source) {
  WorkingCalendar calendar;
  calendar.id = Str(source.id());
  const std::string path = Keyed("calendars", calendar.id);
  if (source.weekend_days() != nullptr) {
    calendar.weekend_mask = 0;
    for (flatbuffers::uoffset_t i = 0; i < source.weekend_days()->size(); ++i) {
      int iso = source.weekend_days()->Get(i);
      if (iso < 1 || iso > 7) {
        return MakeError(ErrorCode::kInvalidArgument, "ISO weekdays are 1 (Monday) .. 7 (Sunday), got " + std::to_string(iso),
                         path + ".weekend_days[" + std::to_string(i) + "]");
      }
      calendar.weekend_mask |= 1 << (iso % 7);  // the planner counts 0 = Sunday
    }
  }
  auto holidays = DateSet(source.holidays(), path + ".holidays");
  if (!holidays.ok()) return holidays.error();
  auto working = DateSet(source.working_days(), path + ".working_days");
  if (!working.ok()) return working.error();
  calendar.holidays = std::move(*holidays);
  calendar.extra_working_days = std::move(*working);
  return calendar;
}

WarehouseKind KindFrom(schema::WarehouseKind kind) {
  switch (kind) {
    case schema::WarehouseKind::Domestic: return WarehouseKind::kDomestic;
    case schema::WarehouseKind::Overseas: return WarehouseKind::kOverseas;
    case schema::WarehouseKind::Bonded: return WarehouseKind::kBonded;
    case schema::WarehouseKind::DirectMail: return WarehouseKind::kDirectMail;
  }
  return WarehouseKind::kDomestic;
}

ServiceClass ServiceFrom(schema::ShippingClass service) {
  switch (service) {
    case schema::ShippingClass::Standard: return ServiceClass::kStandard;
    case schema::ShippingClass::Express: return ServiceClass::kExpress;
    case schema::ShippingClass::Economy: return ServiceClass::kEconomy;
  }
  return ServiceClass::kStandard;
}

Result<ShippingMethod> MethodFrom(const schema::ShippingMethod& source, const schema::Warehouse* warehouse) {
  ShippingMethod method;
  method.id = Str(source.id());
  const std::string path = Keyed("shipping_methods", method.id);
  method.warehouse = Str(source.warehouse());
  method.market = Str(source.destination());
  method.name = Str(source.name());
  method.service = ServiceFrom(source.class_());
  method.handling_days = (warehouse ? warehouse->handling_days() : 0) + source.extra_handling_days();
  method.transit_min_days = source.transit_days_min();
  method.transit_max_days = source.transit_days_max();
  int32_t cutoff = source.cutoff_override_minute() != 0 ? source.cutoff_override_minute()
                                                        : (warehouse ? warehouse->cutoff_minute() : 0);
  method.cutoff_minute = cutoff == 0 ? 24 * 60 : cutoff;
  if (method.cutoff_minute > 24 * 60) {
    const char* field = source.cutoff_override_minute() != 0 ? ".cutoff_override_minute" : ".warehouse";
    return MakeError(ErrorCode::kInvalidArgument,
                     "cutoff minute " + std::to_string(method.cutoff_minute) + " is past the end of the day (1440)", path + field);
  }
  method.transit_calendar = Str(source.calendar());
  if (source.max_chargeable_grams() > 0) method.max_chargeable_grams = source.max_chargeable_grams();
  CostRule& cost = method.cost;
  cost.currency = Str(source.currency());
  cost.base_minor = source.base_fee();
  cost.included_grams = source.included_grams();
  cost.per_step_minor = source.per_kg();
  cost.step_grams = source.step_grams() == 0 ? 1000 : source.step_grams();
  cost.volumetric_divisor = source.volumetric_divisor();
  if (source.free_over() > 0) cost.free_over_minor = source.free_over();
  cost.per_parcel_fee_minor = source.per_parcel_fee();
  return method;
}

// Validate() speaks the JSON form's paths ("methods[3].cost.step_grams");
// the snapshot's are keyed by id and some fields are named differently.
Error ToSnapshotPath(Error error, const FulfilmentData& data) {
  struct Collection {
    const char* json;
    const char* snapshot;
  };
  static const Collection kCollections[] = {
      {"calendars[", "calendars"}, {"warehouses[", "warehouses"}, {"methods[", "shipping_methods"}};
  static const std::map<std::string, std::string> kMethodFields = {
      {"market", "destination"},           {"transit_calendar", "calendar"},
      {"cutoff", "cutoff_override_minute"}, {"handling_days", "extra_handling_days"},
      {"transit_min_days", "transit_days_min"}, {"transit_max_days", "transit_days_max"},
      {"cost.base_minor", "base_fee"},      {"cost.per_step_minor", "per_kg"},
      {"cost.step_grams", "step_grams"},    {"cost.currency", "currency"},
      {"cost.free_over_minor", "free_over"}, {"cost.per_parcel_fee_minor", "per_parcel_fee"},
      {"cost.included_grams", "included_grams"}, {"cost.volumetric_divisor", "volumetric_divisor"}};
  static const std::map<std::string, std::string> kCalendarFields = {{"weekend", "weekend_days"}};
  for (const Collection& collection : kCollections) {
    const std::string prefix = collection.json;
    if (error.path.compare(0, prefix.size(), prefix) != 0) continue;
    size_t close = error.path.find(']');
    if (close == std::string::npos) break;
    size_t index = 0;
    for (size_t i = prefix.size(); i < close; ++i) index = index * 10 + static_cast<size_t>(error.path[i] - '0');
    std::string id;
    if (prefix == "calendars[" && index < data.calendars.size()) id = data.calendars[index].id;
    if (prefix == "warehouses[" && index < data.warehouses.size()) id = data.warehouses[index].id;
    if (prefix == "methods[" && index < data.methods.size()) id = data.methods[index].id;
    std::string field = close + 2 <= error.path.size() ? error.path.substr(close + 2) : std::string();
    const auto& renames = prefix == "methods[" ? kMethodFields : kCalendarFields;
    auto renamed = renames.find(field);
    if (renamed != renames.end()) field = renamed->second;
    if (prefix == "warehouses[" && field.compare(0, 6, "stock.") == 0) field = "stock_by_warehouse";
    error.path = Keyed(collection.snapshot, id) + (field.empty() ? "" : "." + field);
    break;
  }
  return error;
}

}  // namespace

Result<FulfilmentData> FulfilmentFromSnapshot(const Snapshot& snapshot, const std::vector<std::string>& skus) {
  const schema::Catalog& catalog = snapshot.catalog();
  FulfilmentData data;
  if (catalog.calendars() != nullptr) {
    for (const auto* source : *catalog.calendars()) {
      auto calendar = CalendarFrom(*source);
      if (!calendar.ok()) return calendar.error();
      data.calendars.push_back(std::move(*calendar));
    }
  }
  std::map<std::string, const schema::Warehouse*, std::less<>> warehouses;
  if (catalog.warehouses() != nullptr) {
    for (const auto* source : *catalog.warehouses()) {
      Warehouse warehouse;
      warehouse.id = Str(source->id());
      warehouse.kind = KindFrom(source->kind());
      warehouse.country = Str(source->country());
      warehouse.customs_origin = Str(source->customs_origin());
      warehouse.utc_offset_minutes = source->utc_offset_minutes();
      warehouse.calendar = Str(source->calendar());
      warehouses[warehouse.id] = source;
      data.warehouses.push_back(std::move(warehouse));
    }
  }
  for (const std::string& id : skus) {
    Snapshot::SkuEntry entry = snapshot.FindSku(id);
    if (entry.sku == nullptr) continue;  // the request parser reports unknown SKUs
    bool none = entry.sku->stock() == schema::StockState::OutOfStock || entry.sku->stock() == schema::StockState::Discontinued;
    if (entry.sku->stock_by_warehouse() == nullptr) continue;
    for (const auto* stock : *entry.sku->stock_by_warehouse()) {
      for (Warehouse& warehouse : data.warehouses) {
        if (warehouse.id == stock->warehouse()->string_view()) warehouse.stock[id] = none ? 0 : stock->quantity();
      }
    }
  }
  if (catalog.shipping_methods() != nullptr) {
    for (const auto* source : *catalog.shipping_methods()) {
      auto warehouse = warehouses.find(Str(source->warehouse()));
      auto method = MethodFrom(*source, warehouse == warehouses.end() ? nullptr : warehouse->second);
      if (!method.ok()) return method.error();
      data.methods.push_back(std::move(*method));
    }
  }
  Status valid = Validate(data);
  if (!valid.ok()) return ToSnapshotPath(valid.error(), data);
  return data;
}

Result<ParsedDeliveryRequest> ParseSnapshotDeliveryRequestJson(const Snapshot& snapshot, std::string_view text) {
  auto parsed = tax::json_access::ParseJson(text);
  if (!parsed.ok()) return parsed.error();
  JsonView root(*parsed, "");
  SHOPCORE_RETURN_IF_ERROR(root.ExpectObject());
  SHOPCORE_RETURN_IF_ERROR(root.OnlyKeys({"market", "now_ms", "locale", "items", "chosen_methods"}));
  ParsedDeliveryRequest out;
  DeliveryRequest& request = out.request;
  auto market_id = root.String("market");
  if (!market_id.ok()) return market_id.error();
  const schema::Market* market = snapshot.FindMarket(*market_id);
  if (market == nullptr) return MakeError(ErrorCode::kNotFound, "no market '" + *market_id + "' in the snapshot", "market");
  request.market = *market_id;
  request.currency = Str(market->currency());
  auto now = root.Int("now_ms");
  if (!now.ok()) return now.error();
  request.now_ms = *now;
  auto locale = root.StringOr("locale", "");
  if (!locale.ok()) return locale.error();
  out.locale = *locale;
  auto items = root.Array("items");
  if (!items.ok()) return items.error();
  for (const JsonView& view : *items) {
    SHOPCORE_RETURN_IF_ERROR(view.ExpectObject());
    SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"sku", "quantity"}));
    auto sku = view.String("sku");
    if (!sku.ok()) return sku.error();
    auto quantity = view.Int("quantity");
    if (!quantity.ok()) return quantity.error();
    Snapshot::SkuEntry entry = snapshot.FindSku(*sku);
    if (entry.sku == nullptr) return MakeError(ErrorCode::kNotFound, "no SKU '" + *sku + "' in the snapshot", view.PathOf("sku"));
    auto price = snapshot.PriceIn(*entry.sku, request.market);
    if (!price) {
      return MakeError(ErrorCode::kInvalidArgument, "SKU '" + *sku + "' has no price in market " + request.market,
                       view.PathOf("sku"));
    }
    CartItem item;
    item.sku = *sku;
    item.quantity = *quantity;
    item.unit_price_minor = price->amount();
    item.unit_grams = entry.sku->weight_g();
    item.length_mm = entry.sku->length_mm();
    item.width_mm = entry.sku->width_mm();
    item.height_mm = entry.sku->height_mm();
    request.items.push_back(std::move(item));
  }
  if (root.Has("chosen_methods")) {
    auto chosen = root.Field("chosen_methods");
    if (!chosen.ok()) return chosen.error();
    SHOPCORE_RETURN_IF_ERROR(chosen->ExpectObject());
    for (auto it = chosen->value().begin(); it != chosen->value().end(); ++it) {
      auto method = chosen->String(it.key());
      if (!method.ok()) return method.error();
      request.chosen_methods[it.key()] = *method;
    }
  }
  return out;
}

Result<std::string> PlanSnapshotDeliveryJson(const Snapshot& snapshot, const ParsedDeliveryRequest& request,
                                             const LocalePack* pack) {
  std::vector<std::string> skus;
  for (const CartItem& item : request.request.items) skus.push_back(item.sku);
  auto data = FulfilmentFromSnapshot(snapshot, skus);
  if (!data.ok()) return data.error();
  auto options = PlanDelivery(*data, request.request);
  if (!options.ok()) return options.error();
  return DeliveryOptionsToJson(*options, pack);
}

}  // namespace shopcore::fulfilment
