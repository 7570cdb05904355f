// Delivery planning: for a cart, a destination market and `now`, the ways
// the order can be fulfilled (which warehouse ships which lines, by which
// method), what each parcel costs and when it arrives.
//
// How plans are found: every set of warehouses that can cover the cart
// (each line whole from one warehouse with enough stock and a method to the
// market) is a candidate split; within a set, lines start at the first
// warehouse of the set in data order and are moved one at a time while the
// objective improves (cost for "cheapest", arrival for "fastest"). Each
// parcel then takes its best method for the objective, unless the shopper
// chose one for that warehouse. At most kMaxCandidateWarehouses warehouses
// may be able to ship a given cart.
//
// Dates: an order placed on a working day of the warehouse before the
// method's cutoff (warehouse local time) counts as placed that day,
// otherwise on its next working day; dispatch is handling_days working days
// later; delivery is transit_min..transit_max working days of the transit
// calendar after dispatch.
#ifndef SHOPCORE_FULFILMENT_DELIVERY_PLAN_H_
#define SHOPCORE_FULFILMENT_DELIVERY_PLAN_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "shopcore/money/civil_date.h"
#include "shopcore/fulfilment/fulfilment_data.h"
#include "shopcore/status.h"

namespace shopcore::fulfilment {

constexpr int kMaxCandidateWarehouses = 12;

struct CartItem {
  std::string sku;
  int64_t quantity = 1;           // >= 1
  int64_t unit_price_minor = 0;   // in the request currency; >= 0 (for consignment value and free-shipping thresholds)
  int64_t unit_grams = 0;         // actual weight of one unit, >= 0
  int64_t length_mm = 0, width_mm = 0, height_mm = 0;  // one unit's box; 0 = negligible volume
};

enum class Objective { kCheapest, kFastest, kFewestParcels };
const char* ObjectiveName(Objective objective);  // "cheapest", "fastest", "fewest_parcels"

struct DeliveryRequest {
  std::string market;    // destination, ISO 3166-1 alpha-2
  std::string currency;  // of unit prices; shipping methods must be priced in it
  int64_t now_ms = 0;    // epoch milliseconds
  std::vector<CartItem> items;
  // The shopper's choice of method per parcel, by warehouse id -> method id.
  std::map<std::string, std::string, std::less<>> chosen_methods;
};

// The cutoff that decides the dispatch date, as data for "order within
// 3 h 12 min to ship today".
struct Cutoff {
  bool today = false;          // the order still counts as placed today (warehouse local date)
  int64_t minutes_left = 0;    // until the next cutoff (today's, or the next working day's)
  CivilDate order_day;         // the warehouse day the order counts as placed on
};

struct ParcelLine {
  std::string sku;
  int64_t quantity = 0;
  int64_t value_minor = 0;  // quantity x unit price
};

struct Parcel {
  std::string warehouse;
  std::string warehouse_kind;  // WarehouseKindName
  std::string origin;          // the consignment's origin for tax: customs_origin, else the warehouse country
  bool cross_border = false;   // origin != destination market: the tax module's import regime applies
  std::string method;
  std::string service;         // ServiceClassName
  std::vector<ParcelLine> lines;  // in cart order
  int64_t actual_grams = 0;
  int64_t volumetric_grams = 0;
  int64_t chargeable_grams = 0;
  // The consignment value the tax module's thresholds look at (goods only,
  // request currency), e.g. IOSS <= EUR 150 per parcel.
  int64_t consignment_value_minor = 0;
  bool free_shipping = false;      // free_over reached
  int64_t shipping_minor = 0;      // request currency
  Cutoff cutoff;
  CivilDate ship_date;
  CivilDate earliest;
  CivilDate latest;
};

struct Plan {
  std::vector<Parcel> parcels;  // ordered by warehouse id
  int64_t shipping_minor = 0;   // sum over parcels
  CivilDate earliest;           // when the first parcel may arrive
  CivilDate latest;             // when the whole order has arrived at the latest
};

struct DeliveryOptions {
  std::string market;
  std::string currency;
  // Distinct plans, cheapest first (ties: fewer parcels, earlier latest
  // arrival, then the warehouses' ids).
  std::vector<Plan> plans;
  // Indexes into plans of the pick for each objective.
  size_t cheapest = 0;
  size_t fastest = 0;
  size_t fewest_parcels = 0;
};

// INVALID_ARGUMENT / BAD_REQUEST for a malformed request (with a path),
// OUT_OF_STOCK when no warehouse can ship a line, UNDELIVERABLE when lines
// can be stocked but no method reaches the market, NOT_FOUND for a chosen
// method that does not exist for that warehouse and market. `data` should
// have passed Validate().
Result<DeliveryOptions> PlanDelivery(const FulfilmentData& data, const DeliveryRequest& request);

}  // namespace shopcore::fulfilment

#endif  // SHOPCORE_FULFILMENT_DELIVERY_PLAN_H_
