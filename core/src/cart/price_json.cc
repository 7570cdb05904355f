// PriceJson: request JSON -> snapshot adapters -> Price() -> tax -> JSON.
// See shopcore/cart/price_json.h for the request and output formats.
#include "shopcore/cart/price_json.h"

#include <map>
#include <set>
#include <vector>

#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/price.h"
#include "shopcore/cart/priced_cart_json.h"
#include "shopcore/cart/snapshot_catalog.h"
#include "shopcore/json/checked.h"
#include "shopcore/money/format.h"
#include "shopcore/money/money.h"
#include "shopcore/tax/line_tax.h"
#include "shopcore/tax/snapshot_tax_rules.h"

namespace shopcore {
namespace cart {
namespace {

using json::Json;
using json::OrderedJson;

struct ParsedRequest {
  std::string market;
  int64_t now = 0;
  std::vector<CartLine> lines;
  std::map<std::string, int64_t> purchased;
  struct WalletEntry {
    std::string id;
    bool used = false;
  };
  std::vector<WalletEntry> wallet;
  PricingRequest pricing;  // coupons are filled once the catalog view exists
  PromotionContext context;
  std::string pickup_point;
};

Error Bad(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadRequest, message, path);
}

Status CheckKeys(const Json& object, const std::string& path, const std::set<std::string>& allowed) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (allowed.count(it.key()) == 0) return Bad(json::PathKey(path, it.key()), "unknown field");
  }
  return Status::Ok();
}

Result<int64_t> NonNegative(const Json& object, const char* key, const std::string& path) {
  auto value = json::GetInt64(object, key, path);
  if (!value.ok()) return value.error();
  if (*value < 0) return Bad(json::PathKey(path, key), "must be >= 0");
  return *value;
}

Result<ParsedRequest> ParseRequest(std::string_view text) {
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return parsed.error();
  const Json& root = *parsed;
  if (!root.is_object()) return Bad("", "the request must be a JSON object");
  SHOPCORE_RETURN_IF_ERROR(CheckKeys(root, "",
                                     {"market", "now", "lines", "member_tier", "wallet", "choose_best_coupons", "coupons",
                                      "points_balance", "points_to_use", "shipping", "pickup_point", "activity",
                                      "purchased"}));
  ParsedRequest request;
  auto market = json::GetString(root, "market", "");
  if (!market.ok()) return market.error();
  request.market = *market;
  auto now = NonNegative(root, "now", "");
  if (!now.ok()) return now.error();
  request.now = *now;
  request.pricing.now = *now;
  request.context.now = *now;

  if (!root.contains("lines") || !root["lines"].is_array() || root["lines"].empty()) {
    return Bad("lines", "expected a non-empty array of {sku, qty}");
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < root["lines"].size(); ++i) {
    const Json& line = root["lines"][i];
    const std::string path = json::PathIndex("lines", i);
    if (!line.is_object()) return Bad(path, "expected an object {sku, qty}");
    SHOPCORE_RETURN_IF_ERROR(CheckKeys(line, path, {"sku", "qty"}));
    auto sku = json::GetString(line, "sku", path);
    if (!sku.ok()) return sku.error();
    auto qty = json::GetInt64(line, "qty", path);
    if (!qty.ok()) return qty.error();
    if (!seen.insert(*sku).second) return Bad(json::PathKey(path, "sku"), "SKU '" + *sku + "' is listed twice");
    request.lines.push_back(CartLine{*sku, *qty});
  }
  if (root.contains("member_tier")) {
    auto tier = json::GetString(root, "member_tier", "");
    if (!tier.ok()) return tier.error();
    request.pricing.member_tier = *tier;
  }
  if (root.contains("wallet")) {
    if (!root["wallet"].is_array()) return Bad("wallet", "expected an array of {id, state}");
    for (size_t i = 0; i < root["wallet"].size(); ++i) {
      const Json& entry = root["wallet"][i];
      const std::string path = json::PathIndex("wallet", i);
      if (!entry.is_object()) return Bad(path, "expected an object {id, state}");
      SHOPCORE_RETURN_IF_ERROR(CheckKeys(entry, path, {"id", "state"}));
      auto id = json::GetString(entry, "id", path);
      if (!id.ok()) return id.error();
      auto state = json::GetString(entry, "state", path);
      if (!state.ok()) return state.error();
      if (*state != "unused" && *state != "used") return Bad(json::PathKey(path, "state"), "expected \"unused\" or \"used\"");
      request.wallet.push_back({*id, *state == "used"});
    }
  }
  if (root.contains("choose_best_coupons")) {
    if (!root["choose_best_coupons"].is_boolean()) return Bad("choose_best_coupons", "expected true or false");
    request.pricing.choose_best_coupons = root["choose_best_coupons"].get<bool>();
  }
  if (root.contains("coupons")) {
    if (root.contains("choose_best_coupons") && request.pricing.choose_best_coupons) {
      return Bad("coupons", "explicit coupons and choose_best_coupons: true exclude each other");
    }
    if (!root["coupons"].is_array()) return Bad("coupons", "expected an array of coupon ids");
    request.pricing.choose_best_coupons = false;
    for (size_t i = 0; i < root["coupons"].size(); ++i) {
      const Json& id = root["coupons"][i];
      if (!id.is_string()) return Bad(json::PathIndex("coupons", i), "expected a coupon id");
      request.pricing.selected_coupons.push_back(id.get<std::string>());
    }
  }
  if (root.contains("points_balance")) {
    auto points = NonNegative(root, "points_balance", "");
    if (!points.ok()) return points.error();
    request.pricing.points_balance = *points;
  }
  if (root.contains("points_to_use")) {
    auto points = NonNegative(root, "points_to_use", "");
    if (!points.ok()) return points.error();
    request.pricing.points_to_use = *points;
  }
  if (root.contains("shipping")) {
    auto shipping = json::GetString(root, "shipping", "");
    if (!shipping.ok()) return shipping.error();
    request.context.shipping_rule = *shipping;
  }
  if (root.contains("pickup_point")) {
    if (root.contains("shipping")) return Bad("pickup_point", "a pickup point and a shipping rule exclude each other");
    auto point = json::GetString(root, "pickup_point", "");
    if (!point.ok()) return point.error();
    request.pickup_point = *point;
    request.pricing.pickup = true;
  }
  if (root.contains("activity")) {
    const Json& activity = root["activity"];
    if (!activity.is_object()) return Bad("activity", "expected an object {kind, id}");
    SHOPCORE_RETURN_IF_ERROR(CheckKeys(activity, "activity", {"kind", "id", "leader", "price"}));
    auto kind = json::GetString(activity, "kind", "activity");
    if (!kind.ok()) return kind.error();
    if (*kind != "flash") {
      auto id = json::GetString(activity, "id", "activity");
      if (!id.ok()) return id.error();
      if (*kind == "group") {
        request.pricing.joined_activities.push_back(*id);
        if (activity.contains("leader")) {
          if (!activity["leader"].is_boolean()) return Bad("activity.leader", "expected true or false");
          request.context.group_leader = activity["leader"].get<bool>();
        }
      } else if (*kind == "bargain") {
        auto price = NonNegative(activity, "price", "activity");
        if (!price.ok()) return price.error();
        request.pricing.joined_activities.push_back(*id);
        request.context.bargain_prices[*id] = *price;
      } else {
        return Bad("activity.kind", "expected \"flash\", \"group\" or \"bargain\"");
      }
    }
  }
  if (root.contains("purchased")) {
    const Json& purchased = root["purchased"];
    if (!purchased.is_object()) return Bad("purchased", "expected an object {sku: units}");
    for (auto it = purchased.begin(); it != purchased.end(); ++it) {
      auto units = NonNegative(purchased, it.key().c_str(), "purchased");
      if (!units.ok()) return units.error();
      request.purchased[it.key()] = *units;
    }
  }
  return request;
}

struct PricingInputs {
  CatalogView view;
  Cart cart;
  std::vector<Promotion> promotions;
  PricingRules rules;
  PricingRequest request;
};

Result<PricingInputs> BuildInputs(const Snapshot& snapshot, ParsedRequest parsed) {
  PricingInputs inputs;
  auto view = CatalogViewFromSnapshot(snapshot, parsed.market, parsed.purchased);
  if (!view.ok()) return view.error().path == "markets" ? MakeError(view.error().code, view.error().message, "market")
                                                         : view.error();
  inputs.view = std::move(*view);
  for (size_t i = 0; i < parsed.lines.size(); ++i) {
    const CartLine& line = parsed.lines[i];
    CartOpResult added = inputs.cart.Add(inputs.view, line.sku_id, line.quantity);
    if (!added.ok()) {
      return MakeError(added.error.code, std::string(CartRefusalName(added.refusal)) + ": " + added.error.message,
                       json::PathIndex("lines", i));
    }
  }
  if (!parsed.pickup_point.empty()) {
    const schema::Market* market = snapshot.FindMarket(parsed.market);
    const auto* points = market->pickup_points();
    if (points == nullptr || points->LookupByKey(parsed.pickup_point.c_str()) == nullptr) {
      return MakeError(ErrorCode::kNotFound, "no pickup point '" + parsed.pickup_point + "' in market " + parsed.market,
                       "pickup_point");
    }
  }
  auto promotions = PromotionsFromSnapshot(snapshot, inputs.view, parsed.context);
  if (!promotions.ok()) return promotions.error();
  inputs.promotions = std::move(*promotions);
  auto rules = PricingRulesFromSnapshot(snapshot, parsed.market);
  if (!rules.ok()) return rules.error();
  inputs.rules = std::move(*rules);
  inputs.request = std::move(parsed.pricing);
  std::set<std::string> wallet_ids;
  for (size_t i = 0; i < parsed.wallet.size(); ++i) {
    const std::string path = json::PathIndex("wallet", i);
    if (!wallet_ids.insert(parsed.wallet[i].id).second) return Bad(path + ".id", "coupon listed twice");
    auto coupon = CouponFromSnapshot(snapshot, inputs.view, parsed.wallet[i].id);
    if (!coupon.ok()) {
      if (coupon.error().path == "coupons") return MakeError(coupon.error().code, coupon.error().message, path + ".id");
      return coupon.error();
    }
    coupon->used = parsed.wallet[i].used;
    inputs.request.coupons.push_back(std::move(*coupon));
  }
  return inputs;
}

Result<PricedCart> PriceParsed(const Snapshot& snapshot, ParsedRequest parsed) {
  auto inputs = BuildInputs(snapshot, std::move(parsed));
  if (!inputs.ok()) return inputs.error();
  return Price(inputs->cart, inputs->view, inputs->promotions, inputs->rules, inputs->request);
}

// Domestic VAT/GST of the priced cart from the snapshot's rule in force.
Result<OrderedJson> TaxSection(const Snapshot& snapshot, const ParsedRequest& request, const PricedCart& priced,
                               int64_t* grand_total) {
  OrderedJson out = OrderedJson::object();
  *grand_total = priced.total_payable;
  auto rules = tax::TaxRulesFromSnapshot(snapshot);
  if (!rules.ok()) return rules.error();
  auto rule = rules->SelectDomestic(request.market, request.now);
  if (!rule.ok()) {
    out["status"] = "NO_RULE";
    out["message"] = rule.error().message;
    return out;
  }
  const tax::DomesticRule& domestic = **rule;
  auto amount = [&](int64_t minor) { return Money::Of(minor, *priced.currency).ToMajorString(); };
  std::vector<tax::TaxableAmount> amounts;
  std::vector<std::string> categories;
  std::vector<bool> cross_border;
  OrderedJson warnings = OrderedJson::array();
  for (size_t i = 0; i < priced.lines.size(); ++i) {
    const PricedLine& line = priced.lines[i];
    Snapshot::SkuEntry entry = snapshot.FindSku(line.sku_id);
    std::string category = "standard";
    bool abroad = false;
    if (entry.item != nullptr) {
      if (entry.item->tax_category() != nullptr && entry.item->tax_category()->size() > 0) {
        category = entry.item->tax_category()->str();
      }
      abroad = entry.item->origin_country() != nullptr && entry.item->origin_country()->size() > 0 &&
               entry.item->origin_country()->string_view() != request.market;
    }
    const std::string item_path = "items[" + (entry.item != nullptr && entry.item->id() != nullptr ? entry.item->id()->str() : line.sku_id) + "].tax_category";
    auto parsed_category = tax::ParseTaxCategory(category);
    if (!parsed_category.ok()) return MakeError(ErrorCode::kInvalidArgument, parsed_category.error().message, item_path);
    auto rate = domestic.RateFor(*parsed_category);
    if (!rate.ok()) return MakeError(rate.error().code, rate.error().message, item_path);
    amounts.push_back(tax::TaxableAmount{line.payable, line.quantity, *rate});
    categories.push_back(category);
    cross_border.push_back(abroad);
    // Import duty and regimes are not in the snapshot in a form the tax
    // module can use (see snapshot_tax_rules.h): say so, never invent them.
    if (abroad) warnings.push_back("import_rule_unavailable:" + line.sku_id);
  }
  const bool has_shipping = priced.shipping_payable > 0;
  if (has_shipping) {
    auto rate = domestic.RateFor(tax::TaxCategory::kStandard);
    amounts.push_back(tax::TaxableAmount{priced.shipping_payable, 1, rate.ok() ? *rate : Decimal()});
  }
  const bool inclusive = domestic.display == tax::PriceDisplay::kInclusive;
  auto taxes = tax::ComputeLineTaxes(amounts, inclusive, domestic.rounding);
  if (!taxes.ok()) return taxes.error();
  out["rule"] = domestic.meta.id;
  out["name"] = domestic.tax_name;
  out["display"] = tax::PriceDisplayName(domestic.display);
  out["rounding"] = {{"level", tax::RoundingLevelName(domestic.rounding.level)},
                     {"mode", RoundingModeName(domestic.rounding.mode)},
                     {"target", tax::RoundingTargetName(domestic.rounding.target)}};
  out["source"] = domestic.meta.source;
  out["verified_on"] = domestic.meta.verified_on;
  OrderedJson lines = OrderedJson::array();
  OrderedJson shipping = nullptr;
  int64_t net = 0, tax_total = 0, gross = 0;
  for (size_t i = 0; i < taxes->size(); ++i) {
    const tax::AmountTax& t = (*taxes)[i];
    net += t.net;
    tax_total += t.tax;
    gross += t.gross;
    OrderedJson row = OrderedJson::object();
    if (i < priced.lines.size()) {
      row["sku"] = priced.lines[i].sku_id;
      row["category"] = categories[i];
    }
    row["rate"] = amounts[i].rate.ToString();
    row["net"] = amount(t.net);
    row["tax"] = amount(t.tax);
    row["gross"] = amount(t.gross);
    if (i < priced.lines.size()) {
      row["cross_border"] = static_cast<bool>(cross_border[i]);
      lines.push_back(std::move(row));
    } else {
      shipping = std::move(row);
    }
  }
  out["lines"] = std::move(lines);
  out["shipping"] = std::move(shipping);
  out["net"] = amount(net);
  out["tax"] = amount(tax_total);
  out["gross"] = amount(gross);
  *grand_total = gross;
  out["grand_total"] = amount(gross);
  out["warnings"] = std::move(warnings);
  return out;
}

Result<OrderedJson> DisplaySection(const PricedCart& priced, int64_t grand_total, const LocalePack& pack) {
  auto format = [&](int64_t minor) { return FormatMoney(Money::Of(minor, *priced.currency), pack, FormatOptions{}); };
  OrderedJson out = OrderedJson::object();
  out["locale"] = pack.locale();
  auto payable = format(priced.total_payable);
  if (!payable.ok()) return payable.error();
  out["payable"] = *payable;
  auto total = format(grand_total);
  if (!total.ok()) return total.error();
  out["grand_total"] = *total;
  OrderedJson nudges = OrderedJson::array();
  for (const Nudge& nudge : priced.nudges) {
    auto text = format(nudge.amount_short);
    if (!text.ok()) return text.error();
    nudges.push_back({{"promotion", nudge.promotion_id}, {"amount_short", *text}});
  }
  out["nudges"] = std::move(nudges);
  OrderedJson coupons = OrderedJson::array();
  for (const CouponOutcome& coupon : priced.coupons) {
    if (coupon.refusal != CouponRefusal::kBelowThreshold) continue;
    auto text = format(coupon.short_by);
    if (!text.ok()) return text.error();
    coupons.push_back({{"id", coupon.coupon_id}, {"short_by", *text}});
  }
  out["coupons_short_by"] = std::move(coupons);
  return out;
}

}  // namespace

Result<PricedCart> PriceRequest(const Snapshot& snapshot, std::string_view request_json) {
  auto parsed = ParseRequest(request_json);
  if (!parsed.ok()) return parsed.error();
  return PriceParsed(snapshot, std::move(*parsed));
}

Result<std::string> RequestMarket(std::string_view request_json) {
  auto parsed = ParseRequest(request_json);
  if (!parsed.ok()) return parsed.error();
  return parsed->market;
}

Result<std::string> PriceJson(const Snapshot& snapshot, std::string_view request_json, const LocalePack* locale_pack) {
  auto parsed = ParseRequest(request_json);
  if (!parsed.ok()) return parsed.error();
  auto priced = PriceParsed(snapshot, *parsed);
  if (!priced.ok()) return priced.error();
  auto document = json::ParseOrdered(PricedCartToJson(*priced));
  if (!document.ok()) return document.error();
  OrderedJson out = std::move(*document);
  out["market"] = parsed->market;
  int64_t grand_total = priced->total_payable;
  auto tax = TaxSection(snapshot, *parsed, *priced, &grand_total);
  if (!tax.ok()) return tax.error();
  out["tax"] = std::move(*tax);
  if (locale_pack != nullptr) {
    auto display = DisplaySection(*priced, grand_total, *locale_pack);
    if (!display.ok()) return display.error();
    out["display"] = std::move(*display);
  }
  return json::Dump(out);
}

}  // namespace cart
}  // namespace shopcore
