#include "shopcore/fulfilment/fulfilment_json.h"

#include <set>

#include <nlohmann/json.hpp>

#include "shopcore/fulfilment/delivery_promise.h"
#include "shopcore/money/date_format.h"
#include "tax/json_access.h"

namespace shopcore::fulfilment {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using tax::json_access::JsonView;

#define FULFILMENT_ASSIGN(var, expr)          \
  auto var##_result = (expr);                 \
  if (!var##_result.ok()) return var##_result.error(); \
  auto var = std::move(*var##_result)

const char* const kWeekdayNames[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

Result<std::set<int64_t>> DateSet(const JsonView& view, const char* key) {
  FULFILMENT_ASSIGN(texts, view.StringArrayOrEmpty(key));
  std::set<int64_t> days;
  for (size_t i = 0; i < texts.size(); ++i) {
    auto date = ParseCivilDate(texts[i]);
    if (!date.ok()) return MakeError(ErrorCode::kInvalidArgument, date.error().message, view.PathOf(key) + "[" + std::to_string(i) + "]");
    days.insert(DaysFromCivil(*date));
  }
  return days;
}

Result<WorkingCalendar> ParseCalendar(const JsonView& view) {
  SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"id", "weekend", "holidays", "working_days"}));
  WorkingCalendar calendar;
  FULFILMENT_ASSIGN(id, view.String("id"));
  calendar.id = id;
  if (view.Has("weekend")) {
    FULFILMENT_ASSIGN(weekend, view.StringArrayOrEmpty("weekend"));
    calendar.weekend_mask = 0;
    for (size_t i = 0; i < weekend.size(); ++i) {
      int found = -1;
      for (int d = 0; d < 7; ++d) {
        if (weekend[i] == kWeekdayNames[d]) found = d;
      }
      if (found < 0) {
        return MakeError(ErrorCode::kInvalidArgument, "'" + weekend[i] + "' is not a weekday (sun, mon, ... sat)",
                         view.PathOf("weekend") + "[" + std::to_string(i) + "]");
      }
      calendar.weekend_mask |= 1 << found;
    }
  }
  FULFILMENT_ASSIGN(holidays, DateSet(view, "holidays"));
  FULFILMENT_ASSIGN(working, DateSet(view, "working_days"));
  calendar.holidays = std::move(holidays);
  calendar.extra_working_days = std::move(working);
  return calendar;
}

Result<Warehouse> ParseWarehouse(const JsonView& view) {
  SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"id", "kind", "country", "customs_origin", "utc_offset_minutes", "calendar", "stock"}));
  Warehouse warehouse;
  FULFILMENT_ASSIGN(id, view.String("id"));
  FULFILMENT_ASSIGN(kind_name, view.String("kind"));
  auto kind = ParseWarehouseKind(kind_name);
  if (!kind.ok()) return MakeError(kind.error().code, kind.error().message, view.PathOf("kind"));
  FULFILMENT_ASSIGN(country, view.String("country"));
  FULFILMENT_ASSIGN(customs_origin, view.StringOr("customs_origin", ""));
  warehouse.customs_origin = customs_origin;
  FULFILMENT_ASSIGN(offset, view.Int("utc_offset_minutes"));
  if (offset < -18 * 60 || offset > 18 * 60) return MakeError(ErrorCode::kInvalidArgument, "must be within -1080..1080", view.PathOf("utc_offset_minutes"));
  FULFILMENT_ASSIGN(calendar, view.String("calendar"));
  warehouse.id = id;
  warehouse.kind = *kind;
  warehouse.country = country;
  warehouse.utc_offset_minutes = static_cast<int32_t>(offset);
  warehouse.calendar = calendar;
  FULFILMENT_ASSIGN(stock, view.Field("stock"));
  SHOPCORE_RETURN_IF_ERROR(stock.ExpectObject());
  for (auto it = stock.value().begin(); it != stock.value().end(); ++it) {
    FULFILMENT_ASSIGN(units, stock.Int(it.key()));
    warehouse.stock[it.key()] = units;
  }
  return warehouse;
}

// "HH:MM" -> minutes after midnight, "24:00" allowed.
Result<int32_t> ParseClock(const JsonView& view, const char* key) {
  FULFILMENT_ASSIGN(text, view.String(key));
  auto bad = MakeError(ErrorCode::kInvalidArgument, "'" + text.substr(0, 16) + "' is not a time HH:MM", view.PathOf(key));
  if (text.size() != 5 || text[2] != ':') return bad;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return bad;
  }
  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0)) return bad;
  return static_cast<int32_t>(hours * 60 + minutes);
}

Result<CostRule> ParseCost(const JsonView& view) {
  SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"currency", "base_minor", "included_grams", "per_step_minor", "step_grams",
                                          "volumetric_divisor", "free_over_minor", "per_parcel_fee_minor"}));
  CostRule cost;
  FULFILMENT_ASSIGN(currency, view.String("currency"));
  cost.currency = currency;
  struct {
    const char* key;
    int64_t* out;
  } fields[] = {{"base_minor", &cost.base_minor}, {"included_grams", &cost.included_grams}, {"per_step_minor", &cost.per_step_minor},
                {"step_grams", &cost.step_grams}, {"volumetric_divisor", &cost.volumetric_divisor},
                {"per_parcel_fee_minor", &cost.per_parcel_fee_minor}};
  for (auto& field : fields) {
    FULFILMENT_ASSIGN(value, view.OptionalInt(field.key));
    if (value) *field.out = *value;
  }
  FULFILMENT_ASSIGN(free_over, view.OptionalInt("free_over_minor"));
  cost.free_over_minor = free_over;
  return cost;
}

Result<int32_t> SmallInt(const JsonView& view, const char* key, int64_t fallback) {
  FULFILMENT_ASSIGN(value, view.OptionalInt(key));
  int64_t v = value ? *value : fallback;
  if (v < -1000000 || v > 1000000) return MakeError(ErrorCode::kInvalidArgument, "out of range", view.PathOf(key));
  return static_cast<int32_t>(v);
}

Result<ShippingMethod> ParseMethod(const JsonView& view) {
  SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"id", "warehouse", "market", "name", "service", "cost", "handling_days", "transit_days",
                                          "cutoff", "transit_calendar", "max_chargeable_grams"}));
  ShippingMethod method;
  FULFILMENT_ASSIGN(id, view.String("id"));
  FULFILMENT_ASSIGN(warehouse, view.String("warehouse"));
  FULFILMENT_ASSIGN(market, view.String("market"));
  FULFILMENT_ASSIGN(name, view.StringOr("name", id));
  FULFILMENT_ASSIGN(service_name, view.String("service"));
  auto service = ParseServiceClass(service_name);
  if (!service.ok()) return MakeError(service.error().code, service.error().message, view.PathOf("service"));
  FULFILMENT_ASSIGN(cost_view, view.Field("cost"));
  FULFILMENT_ASSIGN(cost, ParseCost(cost_view));
  FULFILMENT_ASSIGN(handling, SmallInt(view, "handling_days", 0));
  FULFILMENT_ASSIGN(transit, view.Array("transit_days"));
  if (transit.size() != 2 || !transit[0].value().is_number_integer() || !transit[1].value().is_number_integer()) {
    return MakeError(ErrorCode::kBadRequest, "expected [min, max] working days", view.PathOf("transit_days"));
  }
  int64_t transit_min = transit[0].value().get<int64_t>(), transit_max = transit[1].value().get<int64_t>();
  if (transit_min < 0 || transit_max < transit_min || transit_max > 120) {
    return MakeError(ErrorCode::kInvalidArgument, "must be 0 <= min <= max <= 120", view.PathOf("transit_days"));
  }
  FULFILMENT_ASSIGN(cutoff, ParseClock(view, "cutoff"));
  FULFILMENT_ASSIGN(transit_calendar, view.String("transit_calendar"));
  FULFILMENT_ASSIGN(max_grams, view.OptionalInt("max_chargeable_grams"));
  method.id = id;
  method.warehouse = warehouse;
  method.market = market;
  method.name = name;
  method.service = *service;
  method.cost = cost;
  method.handling_days = handling;
  method.transit_min_days = static_cast<int32_t>(transit_min);
  method.transit_max_days = static_cast<int32_t>(transit_max);
  method.cutoff_minute = cutoff;
  method.transit_calendar = transit_calendar;
  method.max_chargeable_grams = max_grams;
  return method;
}

template <typename T>
Result<std::vector<T>> ParseList(const JsonView& root, const char* key, Result<T> (*parse)(const JsonView&)) {
  FULFILMENT_ASSIGN(items, root.Array(key));
  std::vector<T> out;
  for (const JsonView& item : items) {
    FULFILMENT_ASSIGN(value, parse(item));
    out.push_back(std::move(value));
  }
  return out;
}

Result<CartItem> ParseItem(const JsonView& view) {
  SHOPCORE_RETURN_IF_ERROR(view.OnlyKeys({"sku", "quantity", "unit_price_minor", "unit_grams", "dims_mm"}));
  CartItem item;
  FULFILMENT_ASSIGN(sku, view.String("sku"));
  FULFILMENT_ASSIGN(quantity, view.Int("quantity"));
  FULFILMENT_ASSIGN(price, view.Int("unit_price_minor"));
  FULFILMENT_ASSIGN(grams, view.Int("unit_grams"));
  item.sku = sku;
  item.quantity = quantity;
  item.unit_price_minor = price;
  item.unit_grams = grams;
  if (view.Has("dims_mm")) {
    FULFILMENT_ASSIGN(dims, view.Array("dims_mm"));
    if (dims.size() != 3) return MakeError(ErrorCode::kBadRequest, "expected [length, width, height] in mm", view.PathOf("dims_mm"));
    int64_t* outs[3] = {&item.length_mm, &item.width_mm, &item.height_mm};
    for (size_t i = 0; i < 3; ++i) {
      if (!dims[i].value().is_number_integer()) return MakeError(ErrorCode::kBadRequest, "expected an integer", dims[i].path());
      *outs[i] = dims[i].value().get<int64_t>();
    }
  }
  return item;
}

ordered_json DateJson(const CivilDate& date) { return FormatIsoDate(date); }

}  // namespace

Result<FulfilmentData> ParseFulfilmentJson(std::string_view text) {
  FULFILMENT_ASSIGN(parsed, tax::json_access::ParseJson(text));
  JsonView root(parsed, "");
  SHOPCORE_RETURN_IF_ERROR(root.OnlyKeys({"calendars", "warehouses", "methods"}));
  FulfilmentData data;
  FULFILMENT_ASSIGN(calendars, ParseList<WorkingCalendar>(root, "calendars", &ParseCalendar));
  FULFILMENT_ASSIGN(warehouses, ParseList<Warehouse>(root, "warehouses", &ParseWarehouse));
  FULFILMENT_ASSIGN(methods, ParseList<ShippingMethod>(root, "methods", &ParseMethod));
  data.calendars = std::move(calendars);
  data.warehouses = std::move(warehouses);
  data.methods = std::move(methods);
  SHOPCORE_RETURN_IF_ERROR(Validate(data));
  return data;
}

Result<ParsedDeliveryRequest> ParseDeliveryRequestJson(std::string_view text) {
  FULFILMENT_ASSIGN(parsed, tax::json_access::ParseJson(text));
  JsonView root(parsed, "");
  SHOPCORE_RETURN_IF_ERROR(root.OnlyKeys({"market", "currency", "now_ms", "locale", "items", "chosen_methods"}));
  ParsedDeliveryRequest out;
  FULFILMENT_ASSIGN(market, root.String("market"));
  FULFILMENT_ASSIGN(currency, root.String("currency"));
  FULFILMENT_ASSIGN(now_ms, root.Int("now_ms"));
  FULFILMENT_ASSIGN(locale, root.StringOr("locale", ""));
  FULFILMENT_ASSIGN(items, ParseList<CartItem>(root, "items", &ParseItem));
  out.request.market = market;
  out.request.currency = currency;
  out.request.now_ms = now_ms;
  out.request.items = std::move(items);
  out.locale = locale;
  if (root.Has("chosen_methods")) {
    FULFILMENT_ASSIGN(chosen, root.Field("chosen_methods"));
    SHOPCORE_RETURN_IF_ERROR(chosen.ExpectObject());
    for (auto it = chosen.value().begin(); it != chosen.value().end(); ++it) {
      FULFILMENT_ASSIGN(method, chosen.String(it.key()));
      out.request.chosen_methods[it.key()] = method;
    }
  }
  return out;
}

Result<std::string> DeliveryOptionsToJson(const DeliveryOptions& options, const LocalePack* pack) {
  ordered_json out;
  out["market"] = options.market;
  out["currency"] = options.currency;
  out["picks"] = {{"cheapest", options.cheapest}, {"fastest", options.fastest}, {"fewest_parcels", options.fewest_parcels}};
  ordered_json plans = ordered_json::array();
  for (const Plan& plan : options.plans) {
    ordered_json p;
    p["shipping_minor"] = plan.shipping_minor;
    p["parcel_count"] = plan.parcels.size();
    p["earliest"] = DateJson(plan.earliest);
    p["latest"] = DateJson(plan.latest);
    if (pack) {
      FULFILMENT_ASSIGN(promise, FormatDeliveryPromise(*pack, plan.earliest, plan.latest));
      p["promise"] = promise;
    }
    ordered_json parcels = ordered_json::array();
    for (const Parcel& parcel : plan.parcels) {
      ordered_json q;
      q["warehouse"] = parcel.warehouse;
      q["warehouse_kind"] = parcel.warehouse_kind;
      q["origin"] = parcel.origin;
      q["cross_border"] = parcel.cross_border;
      q["method"] = parcel.method;
      q["service"] = parcel.service;
      ordered_json lines = ordered_json::array();
      for (const ParcelLine& line : parcel.lines) {
        lines.push_back({{"sku", line.sku}, {"quantity", line.quantity}, {"value_minor", line.value_minor}});
      }
      q["lines"] = std::move(lines);
      q["actual_grams"] = parcel.actual_grams;
      q["volumetric_grams"] = parcel.volumetric_grams;
      q["chargeable_grams"] = parcel.chargeable_grams;
      q["consignment_value_minor"] = parcel.consignment_value_minor;
      q["free_shipping"] = parcel.free_shipping;
      q["shipping_minor"] = parcel.shipping_minor;
      q["cutoff"] = {{"today", parcel.cutoff.today}, {"minutes_left", parcel.cutoff.minutes_left},
                     {"order_day", DateJson(parcel.cutoff.order_day)}};
      q["ship_date"] = DateJson(parcel.ship_date);
      q["earliest"] = DateJson(parcel.earliest);
      q["latest"] = DateJson(parcel.latest);
      if (pack) {
        FULFILMENT_ASSIGN(promise, FormatDeliveryPromise(*pack, parcel.earliest, parcel.latest));
        q["promise"] = promise;
      }
      parcels.push_back(std::move(q));
    }
    p["parcels"] = std::move(parcels);
    plans.push_back(std::move(p));
  }
  out["plans"] = std::move(plans);
  return out.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace shopcore::fulfilment
