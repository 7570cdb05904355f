#include "shopcore/cart/cart_session.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

namespace shopcore {
namespace cart {
namespace {

using Json = nlohmann::json;

Error Bad(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadRequest, message, path);
}

// Ids and messages may carry what a caller typed: bytes that are not UTF-8
// are replaced rather than left to nlohmann's throwing (aborting) default.
std::string Dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }
std::string Quoted(const std::string& text) { return Dump(Json(text)); }

}  // namespace

Result<CartOptions> ParseCartOptions(std::string_view text) {
  CartOptions options;
  if (text.empty()) return options;
  const Json root = Json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return MakeError(ErrorCode::kBadJson, "cart options are not valid JSON", "options");
  if (!root.is_object()) return Bad("options", "expected an object");
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (it.key() != "market" && it.key() != "purchased") {
      return Bad("options." + it.key(), "unknown field (market, purchased)");
    }
  }
  if (root.contains("market")) {
    const Json& market = root["market"];
    if (!market.is_string() || market.get_ref<const std::string&>().empty()) {
      return Bad("options.market", "expected a market id");
    }
    options.market = market.get<std::string>();
  }
  if (root.contains("purchased")) {
    const Json& purchased = root["purchased"];
    if (!purchased.is_object()) return Bad("options.purchased", "expected an object {sku: units}");
    for (auto it = purchased.begin(); it != purchased.end(); ++it) {
      const std::string path = "options.purchased." + it.key();
      if (!it.value().is_number_integer()) return Bad(path, "expected an integer");
      const int64_t units = it.value().get<int64_t>();
      if (units < 0) return Bad(path, "must be >= 0");
      options.purchased[it.key()] = units;
    }
  }
  return options;
}

CatalogView CartCatalog(const CatalogView& market_view, const CartSession& session,
                        const std::vector<std::string>& extra) {
  CatalogView view;
  view.currency = market_view.currency;
  view.market = market_view.market;
  auto take = [&](const std::string& sku_id) {
    const SkuInfo* info = market_view.Find(sku_id);
    if (info == nullptr || view.skus.count(sku_id) > 0) return;
    SkuInfo copy = *info;
    auto bought = session.options.purchased.find(sku_id);
    if (copy.user_limit_remaining != kUnlimited && bought != session.options.purchased.end()) {
      copy.user_limit_remaining = std::max<int64_t>(0, copy.user_limit_remaining - bought->second);
    }
    view.skus.emplace(sku_id, std::move(copy));
  };
  for (const auto& line : session.cart.lines()) take(line.sku_id);
  for (const auto& sku_id : extra) take(sku_id);
  return view;
}

std::string CartLinesJson(const Cart& cart) {
  std::string out = "[";
  for (const auto& line : cart.lines()) {
    if (out.size() > 1) out += ',';
    out += "{\"sku\":" + Quoted(line.sku_id) + ",\"quantity\":" + std::to_string(line.quantity) + "}";
  }
  return out + "]";
}

std::string CartChangesJson(const std::vector<CartChange>& changes) {
  std::string out = "[";
  for (const auto& change : changes) {
    if (out.size() > 1) out += ',';
    out += "{\"sku\":" + Quoted(change.sku_id) + ",\"quantity_before\":" + std::to_string(change.quantity_before) +
           ",\"quantity_after\":" + std::to_string(change.quantity_after) + ",\"reason\":\"" +
           CartRefusalName(change.reason) + "\"}";
  }
  return out + "]";
}

std::string CartRefusalJson(const CartOpResult& result) {
  return std::string("{\"refused\":{\"reason\":\"") + CartRefusalName(result.refusal) +
         "\",\"allowed_quantity\":" + std::to_string(result.allowed_quantity) + ",\"code\":\"" +
         ErrorCodeName(result.error.code) + "\",\"message\":" + Quoted(result.error.message) +
         ",\"path\":" + Quoted(result.error.path) + "}}";
}

Result<std::string> CartPriceRequest(const CartSession& session, std::string_view options) {
  Json request = Json::object();
  if (!options.empty()) {
    request = Json::parse(options.begin(), options.end(), nullptr, false);
    if (request.is_discarded()) return MakeError(ErrorCode::kBadJson, "price options are not valid JSON", "options");
    if (!request.is_object()) return Bad("options", "expected an object");
  }
  if (request.contains("lines")) return Bad("options.lines", "the lines come from the cart");
  if (!request.contains("market")) request["market"] = session.options.market;
  if (!request.contains("purchased") && !session.options.purchased.empty()) {
    Json purchased = Json::object();
    for (const auto& [sku, units] : session.options.purchased) purchased[sku] = units;
    request["purchased"] = std::move(purchased);
  }
  Json lines = Json::array();
  for (const auto& line : session.cart.lines()) lines.push_back(Json{{"sku", line.sku_id}, {"qty", line.quantity}});
  request["lines"] = std::move(lines);
  return Dump(request);
}

}  // namespace cart
}  // namespace shopcore
