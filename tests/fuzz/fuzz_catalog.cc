#include "fuzz_catalog.h"

#include "fuzz_support.h"
#include "shopcore/json/checked.h"
#include "shopcore/snapshot/builder.h"

namespace shopcore::fuzz {
namespace {

using json::OrderedJson;

OrderedJson ParseOrDie(std::string_view text, const char* what) {
  auto parsed = json::ParseOrdered(text);
  if (!parsed.ok()) Violation(std::string("the fuzz catalog's ") + what + " is not JSON: " + parsed.error().ToString());
  return *parsed;
}

// What the fixture lacks for pricing: each entry reaches a phase or a
// request field (wallet, member_tier, points, activity) the fixture cannot.
constexpr char kPricingAdditions[] = R"({
  "pricing_policy": {"version": 1, "phases": ["Activity", "MemberOrLimited", "Threshold", "Coupon", "Points", "Shipping", "PointsEarn"]},
  "coupons": [
    {"id": "c-5off", "kind": "AmountOff", "markets": ["DE"], "currency": "EUR", "amount_off": 500, "min_spend": 1000,
     "class": "platform", "valid_from": 1, "valid_to": 2000000000000},
    {"id": "c-10pct", "kind": "PercentOff", "markets": ["DE"], "currency": "EUR", "percent_off": "0.10", "cap": 300,
     "class": "platform", "valid_from": 1, "valid_to": 2000000000000},
    {"id": "c-big", "kind": "Threshold", "markets": ["DE"], "currency": "EUR", "amount_off": 2000, "min_spend": 5000,
     "class": "shop", "valid_from": 1},
    {"id": "c-cn", "kind": "AmountOff", "markets": ["CN"], "currency": "CNY", "amount_off": 100, "class": "shop"},
    {"id": "c-ship", "kind": "FreeShipping", "markets": ["DE"], "currency": "EUR", "class": "shipping"},
    {"id": "c-serum", "kind": "PercentOff", "markets": ["DE"], "currency": "EUR", "percent_off": "0.05", "class": "product",
     "scope": {"items": ["item-1"]}}
  ],
  "member_tiers": [
    {"id": "tier-gold", "name": {"en-US": "Gold"}, "rank": 2, "percent_off": "0.05", "points_multiplier": "1.5"}
  ],
  "points_rules": [
    {"id": "points-de", "market": "DE", "earn_per_unit": "1", "redeem_value": 1, "redeem_points": 100, "redeem_cap_bp": 3000,
     "min_points": 100},
    {"id": "points-cn", "market": "CN", "earn_per_unit": "1", "redeem_value": 1, "redeem_points": 100, "redeem_cap_bp": 3000,
     "min_points": 100}
  ],
  "group_buys": [
    {"id": "gb-1", "item": "item-1", "sku": "sku-1b", "markets": ["CN"], "currency": "CNY", "group_price": 12900,
     "leader_price": 11900, "group_size": 3, "open_duration_ms": 86400000, "per_user_limit": 2,
     "starts_at": 1763640000000, "ends_at": 1764940000000}
  ],
  "flash_promotion": {"id": "cn-flash", "kind": "FlashSale", "phase": "Activity", "markets": ["CN"], "currency": "CNY",
    "windows": [{"starts_at": 1763700000000, "ends_at": 1763760000000, "skus": {"sku-1b": {"price": 9900, "quota": 2}}}],
    "per_user_limit": 1, "stop_after": true, "starts_at": 1763700000000, "ends_at": 1763760000000},
  "member_promotion": {"id": "de-gold", "kind": "MemberPrice", "phase": "MemberOrLimited", "markets": ["DE"], "currency": "EUR",
    "member_tier": "tier-gold", "percent_off": "0.08", "scope": {"items": ["item-1"]}, "starts_at": 1, "ends_at": 2000000000000}
})";

OrderedJson Catalog() {
  OrderedJson catalog = ParseOrDie(ReadSourceFile("tests/unit/snapshot/fixtures/small-catalog.json"), "fixture");
  OrderedJson additions = ParseOrDie(kPricingAdditions, "additions");
  for (const char* key : {"pricing_policy", "coupons", "member_tiers", "points_rules", "group_buys"}) {
    catalog[key] = additions[key];
  }
  catalog["promotions"].push_back(additions["flash_promotion"]);
  catalog["promotions"].push_back(additions["member_promotion"]);
  // sku-1b is sold in CN too, so the CN flash sale and group-buy have a line to price.
  for (auto& item : catalog["items"]) {
    for (auto& sku : item["skus"]) {
      if (sku["id"] == "sku-1b") sku["price"]["CN"] = OrderedJson{{"amount", 19900}};
    }
  }
  return catalog;
}

std::string BuildOrDie(const std::string& catalog_json, const char* what) {
  auto bytes = BuildSnapshot(catalog_json);
  if (!bytes.ok()) Violation(std::string("the fuzz catalog (") + what + ") does not build: " + bytes.error().ToString());
  return *bytes;
}

}  // namespace

std::string FuzzCatalogJson() { return json::Dump(Catalog()); }

std::string FuzzCatalogNextJson() {
  OrderedJson catalog = Catalog();
  catalog["snapshot_id"] = "small-2026-11-22";
  OrderedJson items = OrderedJson::array();
  for (auto& item : catalog["items"]) {
    if (item["id"] == "item-2") continue;  // deleted
    for (auto& sku : item["skus"]) {
      if (sku["id"] == "sku-1a") sku["price"]["DE"]["amount"] = 1799;  // changed
    }
    items.push_back(item);
  }
  items.push_back(ParseOrDie(R"({"id": "item-3", "title": {"en-US": "Cup"}, "category_path": ["Home"],
    "tax_category": "standard", "skus": [{"id": "sku-3a", "price": {"DE": {"amount": 990}, "CN": {"amount": 3900}}}]})",
                             "added item"));
  catalog["items"] = items;
  catalog.erase("bargains");  // its campaign was on item-2
  catalog["coupons"].erase(catalog["coupons"].begin());
  return json::Dump(catalog);
}

const std::string& FuzzSnapshotBytes() {
  static const std::string bytes = BuildOrDie(FuzzCatalogJson(), "base");
  return bytes;
}

const Snapshot& FuzzSnapshot() {
  static const std::shared_ptr<const Snapshot> snapshot = [] {
    auto opened = Snapshot::Open(FuzzSnapshotBytes());
    if (!opened.ok()) Violation("the fuzz snapshot does not open: " + opened.error().ToString());
    return *opened;
  }();
  return *snapshot;
}

}  // namespace shopcore::fuzz
