// BuildOrder / VerifyOrder. See shopcore/cart/order.h.
#include "shopcore/cart/order.h"

#include <vector>

#include "shopcore/cart/price_json.h"
#include "shopcore/json/checked.h"
#include "shopcore/money/money.h"
#include "shopcore/schema/order_generated.h"

namespace shopcore {
namespace cart {
namespace {

using json::Json;
using json::OrderedJson;

constexpr uint32_t kOrderSchemaVersion = 1;

// The structured fields of an order, read from a request PriceRequest accepted.
struct OrderFields {
  std::string market;
  int64_t now = 0;
  std::vector<std::pair<std::string, int64_t>> lines;
  std::vector<std::string> coupons;
  int64_t points_to_use = -1;
  std::string member_tier;
  std::string pickup_point;
  std::string activity;
  std::string role;
};

std::string StringOr(const Json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>() : "";
}

int64_t IntOr(const Json& object, const char* key, int64_t fallback) {
  return object.is_object() && object.contains(key) && object[key].is_number_integer() ? object[key].get<int64_t>()
                                                                                        : fallback;
}

// Only called on a request PriceRequest accepted, so every field has its type.
OrderFields FieldsOf(const Json& request, const PricedCart& priced) {
  OrderFields fields;
  fields.market = StringOr(request, "market");
  fields.now = IntOr(request, "now", 0);
  if (request.contains("lines") && request["lines"].is_array()) {
    for (const auto& line : request["lines"]) fields.lines.emplace_back(StringOr(line, "sku"), IntOr(line, "qty", 0));
  }
  fields.coupons = priced.applied_coupons;  // what the client's price used, sorted
  fields.points_to_use = IntOr(request, "points_to_use", -1);
  fields.member_tier = StringOr(request, "member_tier");
  fields.pickup_point = StringOr(request, "pickup_point");
  if (request.contains("activity")) {
    fields.activity = StringOr(request["activity"], "id");
    const Json& activity = request["activity"];
    if (activity.contains("leader") && activity["leader"].is_boolean()) {
      fields.role = activity["leader"].get<bool>() ? "leader" : "member";
    }
  }
  return fields;
}

struct Totals {
  int64_t list, discount, goods, shipping, payable, points_used, points_earned;
};

Totals TotalsOf(const PricedCart& priced) {
  return Totals{priced.list_total,    priced.discount_total, priced.goods_payable, priced.shipping_payable,
                priced.total_payable, priced.points_used,    priced.points_earned};
}

}  // namespace

Result<std::string> BuildOrder(const Snapshot& snapshot, std::string_view request_json) {
  auto priced = PriceRequest(snapshot, request_json);
  if (!priced.ok()) return priced.error();
  auto request = json::Parse(request_json);
  if (!request.ok()) return request.error();
  const OrderFields fields = FieldsOf(*request, *priced);
  flatbuffers::FlatBufferBuilder builder;
  std::vector<flatbuffers::Offset<schema::OrderLine>> lines;
  for (const auto& line : fields.lines) {
    lines.push_back(schema::CreateOrderLineDirect(builder, line.first.c_str(), static_cast<int32_t>(line.second),
                                                  fields.activity.empty() ? nullptr : fields.activity.c_str(),
                                                  fields.role.empty() ? nullptr : fields.role.c_str()));
  }
  std::vector<flatbuffers::Offset<flatbuffers::String>> coupons;
  for (const auto& id : fields.coupons) coupons.push_back(builder.CreateString(id));
  const Totals t = TotalsOf(*priced);
  auto totals = schema::CreateOrderTotals(builder, t.list, t.discount, t.goods, t.shipping, t.payable, t.points_used,
                                          t.points_earned);
  const std::string snapshot_id(snapshot.id());
  auto order = schema::CreateOrderDirect(
      builder, kOrderSchemaVersion, snapshot_id.c_str(), fields.market.c_str(), priced->currency->code, fields.now,
      &lines, &coupons, fields.points_to_use < 0 ? 0 : fields.points_to_use,
      fields.member_tier.empty() ? nullptr : fields.member_tier.c_str(),
      fields.pickup_point.empty() ? nullptr : fields.pickup_point.c_str(), priced->hash.c_str(), totals,
      std::string(request_json).c_str());
  builder.Finish(order, schema::OrderIdentifier());
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

Result<OrderVerification> VerifyOrder(const Snapshot& snapshot, std::string_view order_bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(order_bytes.data());
  if (order_bytes.size() < 8 || !schema::OrderBufferHasIdentifier(data)) {
    return MakeError(ErrorCode::kBadRequest, "not an order (identifier SORD)", "order");
  }
  flatbuffers::Verifier verifier(data, order_bytes.size(), 16, order_bytes.size() / 8 + 1);
  if (!schema::VerifyOrderBuffer(verifier)) {
    return MakeError(ErrorCode::kBadRequest, "order bytes fail verification", "order");
  }
  const schema::Order* order = schema::GetOrder(data);
  if (order->schema_version() != kOrderSchemaVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "order schema version " + std::to_string(order->schema_version()), "order.schema_version");
  }
  if (order->request_json() == nullptr) {
    return MakeError(ErrorCode::kBadRequest, "the order carries no request", "order.request_json");
  }
  const std::string request_text = order->request_json()->str();
  auto priced = PriceRequest(snapshot, request_text);
  if (!priced.ok()) {
    Error error = priced.error();
    return MakeError(error.code, error.message, "order.request_json" + (error.path.empty() ? "" : ":" + error.path));
  }
  auto request = json::Parse(request_text);
  if (!request.ok()) return request.error();
  const OrderFields expected = FieldsOf(*request, *priced);

  OrderedJson differences = OrderedJson::array();
  auto differ = [&](const std::string& field, OrderedJson client, OrderedJson server) {
    if (client == server) return;
    differences.push_back({{"field", field}, {"client", std::move(client)}, {"server", std::move(server)}});
  };
  auto text = [](const flatbuffers::String* s) { return s == nullptr ? std::string() : s->str(); };
  differ("snapshot_id", text(order->snapshot_id()), std::string(snapshot.id()));
  differ("market", text(order->market()), expected.market);
  differ("currency", text(order->currency()), priced->currency->code);
  differ("now", order->now(), expected.now);
  OrderedJson client_lines = OrderedJson::array(), server_lines = OrderedJson::array();
  if (order->lines() != nullptr) {
    for (const auto* line : *order->lines()) client_lines.push_back({text(line->sku()), line->quantity()});
  }
  for (const auto& line : expected.lines) server_lines.push_back({line.first, line.second});
  differ("lines", client_lines, server_lines);
  OrderedJson client_coupons = OrderedJson::array(), server_coupons = OrderedJson::array();
  if (order->coupons() != nullptr) {
    for (const auto* id : *order->coupons()) client_coupons.push_back(text(id));
  }
  for (const auto& id : expected.coupons) server_coupons.push_back(id);
  differ("coupons", client_coupons, server_coupons);
  differ("member_tier", text(order->member_tier()), expected.member_tier);
  differ("pickup_point", text(order->pickup_point()), expected.pickup_point);
  differ("hash", text(order->client_hash()), priced->hash);
  const Totals server = TotalsOf(*priced);
  const schema::OrderTotals* totals = order->client_totals();
  auto amount = [&](int64_t minor) { return Money::Of(minor, *priced->currency).ToMajorString(); };
  if (totals == nullptr) {
    differences.push_back({{"field", "totals"}, {"client", nullptr}, {"server", "present"}});
  } else {
    differ("totals.list", amount(totals->list()), amount(server.list));
    differ("totals.discount", amount(totals->discount()), amount(server.discount));
    differ("totals.goods", amount(totals->goods()), amount(server.goods));
    differ("totals.shipping", amount(totals->shipping()), amount(server.shipping));
    differ("totals.payable", amount(totals->payable()), amount(server.payable));
    differ("totals.points_used", totals->points_used(), server.points_used);
    differ("totals.points_earned", totals->points_earned(), server.points_earned);
  }
  OrderVerification result;
  result.ok = differences.empty();
  OrderedJson report = OrderedJson::object();
  report["ok"] = result.ok;
  report["order_snapshot"] = text(order->snapshot_id());
  report["snapshot"] = std::string(snapshot.id());
  report["client_hash"] = text(order->client_hash());
  report["server_hash"] = priced->hash;
  report["differences"] = std::move(differences);
  result.json = json::Dump(report);
  return result;
}

}  // namespace cart
}  // namespace shopcore
