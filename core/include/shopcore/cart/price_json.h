// PriceJson: a cart priced from a catalog snapshot, end to end, as the bytes
// `shopcore price` prints natively and in wasm (and the JS API returns).
//
// Request (unknown keys are refused, so a misspelt field never changes a price):
//   {"market": "DE",                          required: the market prices and rules come from
//    "now": 1763700000000,                    required: epoch ms (nothing reads the clock)
//    "lines": [{"sku": "sku-1a", "qty": 2}],  required: each SKU once, qty >= 1
//    "member_tier": "tier-gold",              optional
//    "wallet": [{"id": "c1", "state": "unused"|"used"}],  the shopper's coupons (snapshot ids)
//    "choose_best_coupons": true,             default true: the set that saves most
//    "coupons": ["c1"],                       explicit choice instead (then choose_best_coupons must not be true)
//    "points_balance": 0, "points_to_use": 500,  optional; points_to_use default: as many as allowed
//    "shipping": "de-flat",                   a market shipping rule id (default: the first by id)
//    "pickup_point": "sh-xuhui-01",           collect at a pickup point: no postage (not with "shipping")
//    "activity": {"kind": "group"|"bargain"|"flash", "id": "gb-1", "leader": false, "price": 1234},
//                                             group: join campaign id (leader: 团长价); bargain: the price
//                                             reached (minor units); flash: flash sales apply by time anyway
//    "purchased": {"sku-1a": 1},              units already bought, against per-user limits
//    "import": {"seller_ioss": true,          cross-border facts: the seller is IOSS-registered,
//               "annual_quota_remaining": 2600000,  CN CBEC quota left (regime currency minor units),
//               "channel": "courier"}}        CA-style thresholds by channel
// Integers are JSON integers.
//
// Output: PricedCartToJson's object (lines, per-unit buckets, adjustments,
// totals, coupons with reasons, promotions, nudges, canonical hash), then
//   "market": "DE",
//   "tax": {"rule", "name", "display": "inclusive"|"exclusive", "rounding": {level, mode, target},
//           "source", "verified_on" (the rule's labels are not printed yet),
//           "lines": [{"sku", "category", "rate", "net", "tax", "gross", "cross_border"}]  (domestic lines),
//           "shipping": {"rate", "net", "tax", "gross"}, "net", "tax", "gross",
//           "imports": [{"origin", "rule", "tier", "notice"?, "lines": [{"sku", "goods", "shipping", "duty",
//                        "tax", "fees", "total", "tax_rate"}], "components": [{"kind", "amount",
//                        "collection": "included"|"estimated"}], "due_at_checkout", "due_on_delivery",
//                        "label"?, "rules": [{"id", "source", "verified_on"}]}]  (only when any),
//           "due_on_delivery" (only with imports), "grand_total" (domestic gross + imports due at checkout),
//           "warnings": ["import_rule_unavailable:sku-9", "duty_rate_unknown:sku-3", "annual_quota_not_checked:JP"]}
//          Cross-border lines (item origin_country != market) of a market with an import regime in
//          force ship as one consignment per origin through tax::ComputeLandedCost: the line's
//          payable is the goods value, duty and import tax come on top (included when the tier's
//          collector is the seller or platform, estimated otherwise). Postage is domestic while
//          any line is; a cart of imports only ships it with the consignments (CIF, split by goods).
//          or {"status": "NO_RULE", "message": "..."} when the market has no rule in force,
//   "display": {"payable": "€49,99", "grand_total": ..., "nudges": [...]} when a locale pack is given.
// The hash covers the priced cart (what the server re-prices), not tax or display.
// Deterministic bytes: fixed key order, compact, no floating point.
#ifndef SHOPCORE_CART_PRICE_JSON_H_
#define SHOPCORE_CART_PRICE_JSON_H_

#include <string>
#include <string_view>

#include "shopcore/cart/priced_cart.h"
#include "shopcore/money/locale_pack.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// BAD_JSON / BAD_REQUEST (path of the request field), NOT_FOUND (market,
// SKU, coupon, shipping rule, pickup point), REFUSED (a line the SKU's rules
// refuse, path "lines[i]"), errors of the snapshot adapters (snapshot paths).
Result<std::string> PriceJson(const Snapshot& snapshot, std::string_view request_json,
                              const LocalePack* locale_pack = nullptr);

// The priced cart alone (no tax, no display): what order verify compares.
Result<PricedCart> PriceRequest(const Snapshot& snapshot, std::string_view request_json);

// The market named by a request, for callers that load a locale pack first.
Result<std::string> RequestMarket(std::string_view request_json);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICE_JSON_H_
