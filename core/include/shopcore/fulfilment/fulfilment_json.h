// JSON forms of the fulfilment data, a delivery request and the plans, used
// by the `shopcore delivery` command and the tests. Amounts are integers (or
// strings of digits) in minor units, dates "YYYY-MM-DD", times "HH:MM".
//
// Fulfilment data:
//   {"calendars": [{"id": "CN", "weekend": ["sat", "sun"], "holidays": ["2026-10-01"],
//                   "working_days": ["2026-09-27"]}],
//    "warehouses": [{"id": "sz-bonded", "kind": "bonded", "country": "CN", "customs_origin": "KR", "utc_offset_minutes": 480,
//                    "calendar": "CN", "stock": {"SKU-1": 12}}],
//    "methods": [{"id": "sf-cn", "warehouse": "sz-bonded", "market": "CN", "name": "SF Express",
//                 "service": "express", "handling_days": 0, "transit_days": [1, 2], "cutoff": "16:00",
//                 "transit_calendar": "CN", "max_chargeable_grams": 30000,
//                 "cost": {"currency": "CNY", "base_minor": 1200, "included_grams": 1000,
//                          "per_step_minor": 200, "step_grams": 500, "volumetric_divisor": 6000,
//                          "free_over_minor": 9900, "per_parcel_fee_minor": 0}}]}
// Request:
//   {"market": "DE", "currency": "EUR", "now_ms": 1764054000000, "locale": "de-DE",
//    "items": [{"sku": "SKU-1", "quantity": 2, "unit_price_minor": 1999, "unit_grams": 350,
//               "dims_mm": [300, 200, 100]}],
//    "chosen_methods": {"sz-bonded": "sf-cn"}}
// "locale" is optional: with it every plan and parcel also gets its delivery
// promise as text in that locale ("Arrives Tue, Nov 25 – Thu, Nov 27").
// Output (tests/unit/fulfilment/fixtures/split.expected.json is a full one):
//   {"market", "currency", "picks": {"cheapest": i, "fastest": i, "fewest_parcels": i},
//    "plans": [{"shipping_minor", "parcel_count", "earliest", "latest", ["promise"],
//               "parcels": [{"warehouse", "warehouse_kind", "origin", "cross_border", "method", "service",
//                            "lines": [{"sku", "quantity", "value_minor"}], "actual_grams",
//                            "volumetric_grams", "chargeable_grams", "consignment_value_minor",
//                            "free_shipping", "shipping_minor",
//                            "cutoff": {"today", "minutes_left", "order_day"},
//                            "ship_date", "earliest", "latest", ["promise"]}]}]}
#ifndef SHOPCORE_FULFILMENT_FULFILMENT_JSON_H_
#define SHOPCORE_FULFILMENT_FULFILMENT_JSON_H_

#include <string>
#include <string_view>

#include "shopcore/fulfilment/delivery_plan.h"
#include "shopcore/fulfilment/fulfilment_data.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/status.h"

namespace shopcore::fulfilment {

// Parses and validates (Validate()); BAD_JSON / BAD_REQUEST / INVALID_ARGUMENT ... with a path.
Result<FulfilmentData> ParseFulfilmentJson(std::string_view text);

struct ParsedDeliveryRequest {
  DeliveryRequest request;
  std::string locale;  // empty: no display strings
};
Result<ParsedDeliveryRequest> ParseDeliveryRequestJson(std::string_view text);

// Deterministic JSON (two-space indent, fixed key order, trailing newline).
// With a pack, display strings from its date data; a pack without date data
// is BAD_LOCALE_PACK.
Result<std::string> DeliveryOptionsToJson(const DeliveryOptions& options, const LocalePack* pack);

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_FULFILMENT_JSON_H_
