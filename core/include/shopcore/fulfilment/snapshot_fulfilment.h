// The delivery planner fed from an opened catalog snapshot: warehouses,
// shipping methods and calendars from the snapshot's fulfilment tables, a
// cart's weights, boxes, prices and stock from its SKUs. The planner itself
// (delivery_plan.h) never sees FlatBuffers; this is the only bridge.
//
// Mapping notes (schema -> planner), where the two models differ:
// - Warehouse.handling_days + ShippingMethod.extra_handling_days is the
//   method's handling time; ShippingMethod.cutoff_override_minute (0 = none)
//   replaces Warehouse.cutoff_minute, and a warehouse cutoff of 0 means no
//   cutoff (orders count until the end of the warehouse's day).
// - Cost: base_fee covers included_grams; per_kg is the price of each started
//   step of step_grams above it (step_grams 0 = 1000 g, a started kilogram);
//   free_over 0 = never free; max_chargeable_grams 0 = no limit.
// - Calendar.weekend_days are ISO weekdays (1 Monday .. 7 Sunday); absent
//   means Saturday and Sunday.
// - Stock: Sku.stock_by_warehouse; a SKU marked OutOfStock or Discontinued
//   has none anywhere.
// - Prices: the SKU's list price in the destination market, in the market's
//   currency (methods to that market must be priced in it).
// Errors name snapshot paths: "shipping_methods[sf-cn].cutoff_override_minute",
// "calendars[CN].holidays[2]"; a request's errors name request paths.
#ifndef SHOPCORE_FULFILMENT_SNAPSHOT_FULFILMENT_H_
#define SHOPCORE_FULFILMENT_SNAPSHOT_FULFILMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "shopcore/fulfilment/fulfilment_data.h"
#include "shopcore/fulfilment/fulfilment_json.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore::fulfilment {

// Every calendar, warehouse and method of the snapshot, with stock only for
// `skus` (a cart's, so a big catalog is not copied per request), validated
// (Validate()).
Result<FulfilmentData> FulfilmentFromSnapshot(const Snapshot& snapshot, const std::vector<std::string>& skus);

// The request in snapshot form: what the cart holds, nothing the snapshot knows.
//   {"market": "DE", "now_ms": 1764054000000, "locale": "de-DE",
//    "items": [{"sku": "SKU-1", "quantity": 2}],
//    "chosen_methods": {"sz-bonded": "sf-cn"}}
// The currency is the market's; unit prices, grams and boxes are the SKU's.
// NOT_FOUND "market" or "items[i].sku"; UNAVAILABLE-style refusals come from
// the planner (a SKU without a price in the market is INVALID_ARGUMENT at
// "items[i].sku").
Result<ParsedDeliveryRequest> ParseSnapshotDeliveryRequestJson(const Snapshot& snapshot, std::string_view text);

// Plans a parsed request against the snapshot and prints the options
// (DeliveryOptionsToJson, promises in `pack` when given).
Result<std::string> PlanSnapshotDeliveryJson(const Snapshot& snapshot, const ParsedDeliveryRequest& request,
                                             const LocalePack* pack);

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_SNAPSHOT_FULFILMENT_H_
