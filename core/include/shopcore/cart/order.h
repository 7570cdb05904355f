// Orders (schemas/order.fbs): the client prices a cart and sends the order;
// the server re-prices it with the same core and reports every difference.
//
// BuildOrder: prices the request against the snapshot and writes an Order
// with the request, the snapshot id, the client's hash and totals.
// VerifyOrder: opens and verifies the Order bytes, re-prices request_json
// against the server's snapshot, and compares: snapshot id, the structured
// fields against the request (market, now, lines, coupons...), the hash and
// each total. Every difference is listed; none is fixed silently.
//
// Verification JSON (deterministic, compact):
//   {"ok":false,"order_snapshot":"s1","snapshot":"s1","server_hash":"...","client_hash":"...",
//    "differences":[{"field":"totals.payable","client":"19.94","server":"14.99"}]}
// Amounts are major-unit strings of the order's currency.
#ifndef SHOPCORE_CART_ORDER_H_
#define SHOPCORE_CART_ORDER_H_

#include <string>
#include <string_view>

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {
namespace cart {

// Errors of PriceJson's request (the client cannot send what it cannot price).
Result<std::string> BuildOrder(const Snapshot& snapshot, std::string_view request_json);

struct OrderVerification {
  bool ok = false;   // no difference at all
  std::string json;  // the report above
};

// Bytes that are not a verified Order are BAD_REQUEST at "order", an Order of
// another schema version UNSUPPORTED_VERSION at "order.schema_version"; a request
// the server cannot price is that error, at "order.request_json:<path>".
Result<OrderVerification> VerifyOrder(const Snapshot& snapshot, std::string_view order_bytes);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_ORDER_H_
