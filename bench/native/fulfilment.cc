// Delivery planning for a 50-line cart over 5 warehouses (issue 13 asks for
// < 1 ms in wasm). Baseline in the same run: the same 50 lines when one
// warehouse holds everything (a single candidate split, no search), so the
// report reads as the cost of splitting.
#include <benchmark/benchmark.h>

#include <string>

#include "shopcore/fulfilment.h"
#include "shopcore/money/civil_date.h"

namespace {

using namespace shopcore::fulfilment;
using shopcore::DaysFromCivil;

// Five warehouses, two methods each to DE; SKU i sits in warehouses i % 5
// and (i + 2) % 5, or only in warehouse 0 for the baseline.
FulfilmentData FiveWarehouses(bool only_first) {
  FulfilmentData data;
  WorkingCalendar calendar;
  calendar.id = "DE";
  calendar.holidays.insert(DaysFromCivil({2026, 12, 25}));
  data.calendars.push_back(calendar);
  const WarehouseKind kinds[] = {WarehouseKind::kDomestic, WarehouseKind::kOverseas, WarehouseKind::kBonded,
                                 WarehouseKind::kDirectMail, WarehouseKind::kDirectMail};
  for (int w = 0; w < 5; ++w) {
    Warehouse warehouse;
    warehouse.id = "w" + std::to_string(w);
    warehouse.kind = kinds[w];
    warehouse.country = w == 0 ? "DE" : "CN";
    warehouse.utc_offset_minutes = w == 0 ? 60 : 480;
    warehouse.calendar = "DE";
    for (int i = 0; i < 50; ++i) {
      bool stocked = only_first ? w == 0 : (i % 5 == w || (i + 2) % 5 == w);
      if (stocked) warehouse.stock["sku-" + std::to_string(i)] = 100;
    }
    data.warehouses.push_back(warehouse);
    for (int m = 0; m < 2; ++m) {
      ShippingMethod method;
      method.id = warehouse.id + (m ? "-express" : "-economy");
      method.warehouse = warehouse.id;
      method.market = "DE";
      method.service = m ? ServiceClass::kExpress : ServiceClass::kEconomy;
      method.handling_days = 1 - m;
      method.transit_min_days = 2 + w - m;
      method.transit_max_days = 4 + 2 * w - m;
      method.cutoff_minute = 15 * 60;
      method.transit_calendar = "DE";
      method.cost.currency = "EUR";
      method.cost.base_minor = 300 + 100 * w + 800 * m;
      method.cost.included_grams = 500;
      method.cost.per_step_minor = 50 + 20 * m;
      method.cost.step_grams = 100;
      method.cost.volumetric_divisor = 5000 + 1000 * m;
      method.cost.free_over_minor = 20000 + 5000 * w;
      data.methods.push_back(method);
    }
  }
  return data;
}

DeliveryRequest FiftyLines() {
  DeliveryRequest request;
  request.market = "DE";
  request.currency = "EUR";
  request.now_ms = 1795600800000;  // Wed 2026-11-25 10:00 UTC
  for (int i = 0; i < 50; ++i) {
    CartItem item;
    item.sku = "sku-" + std::to_string(i);
    item.quantity = 1 + i % 3;
    item.unit_price_minor = 499 + 37 * i;
    item.unit_grams = 80 + 11 * i;
    item.length_mm = 100 + i;
    item.width_mm = 80;
    item.height_mm = 30 + i % 7;
    request.items.push_back(item);
  }
  return request;
}

void Plan(benchmark::State& state, bool only_first) {
  const FulfilmentData data = FiveWarehouses(only_first);
  const DeliveryRequest request = FiftyLines();
  if (!Validate(data).ok()) state.SkipWithError("invalid bench data");
  size_t plans = 0;
  for (auto _ : state) {
    auto options = PlanDelivery(data, request);
    if (!options.ok()) {
      state.SkipWithError(options.error().ToString().c_str());
      break;
    }
    plans = options->plans.size();
    benchmark::DoNotOptimize(options->plans.data());
  }
  state.counters["plans"] = static_cast<double>(plans);
}

void BM_PlanBaselineOneWarehouse50Lines(benchmark::State& state) { Plan(state, true); }
BENCHMARK(BM_PlanBaselineOneWarehouse50Lines);

void BM_Plan50LinesOver5Warehouses(benchmark::State& state) { Plan(state, false); }
BENCHMARK(BM_Plan50LinesOver5Warehouses);

}  // namespace
