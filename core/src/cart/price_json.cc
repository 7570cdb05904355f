// PriceJson: request JSON -> snapshot adapters -> Price() -> tax -> JSON.
// See shopcore/cart/price_json.h for the request and output formats.
#include "shopcore/cart/price_json.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "shopcore/cart/cart_state.h"
#include "shopcore/cart/price.h"
#include "shopcore/cart/priced_cart_json.h"
#include "shopcore/cart/snapshot_catalog.h"
#include "shopcore/json/checked.h"
#include "shopcore/money/format.h"
#include "shopcore/money/money.h"
#include "shopcore/money/allocation.h"
#include "shopcore/money/checked.h"
#include "shopcore/tax/landed_cost.h"
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
  // Cross-border facts the import regimes need (issue 6).
  bool seller_ioss = false;                       // the seller is registered for the EU IOSS
  std::optional<int64_t> annual_quota_remaining;  // CN CBEC: minor units of the regime currency
  std::string channel;                            // "courier" or "postal"
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
                                      "purchased", "import"}));
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
  if (root.contains("import")) {
    const Json& options = root["import"];
    if (!options.is_object()) return Bad("import", "expected an object {seller_ioss, annual_quota_remaining, channel}");
    SHOPCORE_RETURN_IF_ERROR(CheckKeys(options, "import", {"seller_ioss", "annual_quota_remaining", "channel"}));
    if (options.contains("seller_ioss")) {
      if (!options["seller_ioss"].is_boolean()) return Bad("import.seller_ioss", "expected true or false");
      request.seller_ioss = options["seller_ioss"].get<bool>();
    }
    if (options.contains("annual_quota_remaining")) {
      auto quota = NonNegative(options, "annual_quota_remaining", "import");
      if (!quota.ok()) return quota.error();
      request.annual_quota_remaining = *quota;
    }
    if (options.contains("channel")) {
      auto channel = json::GetString(options, "channel", "import");
      if (!channel.ok()) return channel.error();
      request.channel = *channel;
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
  std::vector<size_t> domestic_lines;  // index into priced.lines of each amounts[] row
  // Cross-border lines whose destination has an import regime in force,
  // grouped by origin: each origin ships as one consignment.
  std::map<std::string, tax::LandedCostRequest> consignments;
  const auto import_regime = rules->SelectImport(request.market, request.now);
  const schema::Market* market = snapshot.FindMarket(request.market);
  OrderedJson warnings = OrderedJson::array();
  for (size_t i = 0; i < priced.lines.size(); ++i) {
    const PricedLine& line = priced.lines[i];
    Snapshot::SkuEntry entry = snapshot.FindSku(line.sku_id);
    std::string category = "standard";
    std::string origin;
    if (entry.item != nullptr) {
      if (entry.item->tax_category() != nullptr && entry.item->tax_category()->size() > 0) {
        category = entry.item->tax_category()->str();
      }
      if (entry.item->origin_country() != nullptr) origin = entry.item->origin_country()->str();
    }
    const bool abroad = !origin.empty() && origin != request.market;
    const std::string item_path = "items[" + (entry.item != nullptr && entry.item->id() != nullptr ? entry.item->id()->str() : line.sku_id) + "].tax_category";
    auto parsed_category = tax::ParseTaxCategory(category);
    if (!parsed_category.ok()) return MakeError(ErrorCode::kInvalidArgument, parsed_category.error().message, item_path);
    if (abroad && import_regime.ok()) {
      tax::LandedCostRequest& consignment = consignments[origin];
      tax::PricedLine imported;
      imported.id = line.sku_id;
      imported.amount = line.payable;
      imported.quantity = line.quantity;
      imported.category = *parsed_category;
      if (entry.item->hs_code() != nullptr) imported.hs_code = entry.item->hs_code()->str();
      consignment.lines.push_back(std::move(imported));
      continue;
    }
    auto rate = domestic.RateFor(*parsed_category);
    if (!rate.ok()) return MakeError(rate.error().code, rate.error().message, item_path);
    amounts.push_back(tax::TaxableAmount{line.payable, line.quantity, *rate});
    categories.push_back(category);
    cross_border.push_back(abroad);
    domestic_lines.push_back(i);
    // No import regime in force for this market in the snapshot: say so,
    // never invent one (the line is taxed as a domestic one meanwhile).
    if (abroad) warnings.push_back("import_rule_unavailable:" + line.sku_id);
  }
  // Postage is a domestic supply while any line is; a cart of imports only
  // ships its postage with the consignments (CIF), split by goods value.
  const bool has_shipping = priced.shipping_payable > 0 && !(domestic_lines.empty() && !consignments.empty());
  if (priced.shipping_payable > 0 && !has_shipping) {
    std::vector<int64_t> weights;
    bool any = false;
    for (const auto& [origin, consignment] : consignments) {
      int64_t goods = 0;
      for (const tax::PricedLine& line : consignment.lines) goods += line.amount;
      weights.push_back(goods);
      any = any || goods > 0;
    }
    if (!any) weights.assign(weights.size(), 1);
    auto shares = Allocate(priced.shipping_payable, weights);
    if (!shares.ok()) return shares.error();
    size_t k = 0;
    for (auto& [origin, consignment] : consignments) consignment.shipping = (*shares)[k++];
  }
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
    const bool is_line = i < domestic_lines.size();
    if (is_line) {
      row["sku"] = priced.lines[domestic_lines[i]].sku_id;
      row["category"] = categories[i];
    }
    row["rate"] = amounts[i].rate.ToString();
    row["net"] = amount(t.net);
    row["tax"] = amount(t.tax);
    row["gross"] = amount(t.gross);
    if (is_line) {
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
  int64_t total = gross;
  int64_t on_delivery = 0;
  OrderedJson imports = OrderedJson::array();
  for (auto& [origin, consignment] : consignments) {
    consignment.market = request.market;
    consignment.origin = origin;
    consignment.currency = priced.currency->code;
    consignment.locale = market != nullptr && market->locale() != nullptr ? market->locale()->str() : "en";
    consignment.channel = request.channel;
    consignment.seller_ioss = request.seller_ioss;
    consignment.annual_quota_remaining = request.annual_quota_remaining;
    consignment.now_ms = request.now;
    if (const auto* rates = snapshot.catalog().fx_rates()) {
      for (const auto* fx : *rates) {
        auto value = Decimal::Parse(fx->rate() == nullptr ? std::string_view() : fx->rate()->string_view());
        if (!value.ok() || fx->base() == nullptr || fx->quote() == nullptr) continue;
        consignment.fx.push_back(tax::FxRate{fx->base()->str(), fx->quote()->str(), *value});
      }
    }
    auto cost = tax::ComputeLandedCost(*rules, consignment);
    if (!cost.ok()) {
      // Request paths name the consignment's lines; say which import it was.
      return MakeError(cost.error().code, "import from " + origin + ": " + cost.error().message,
                       "tax.imports." + origin + (cost.error().path.empty() ? "" : "." + cost.error().path));
    }
    OrderedJson entry = OrderedJson::object();
    entry["origin"] = origin;
    entry["rule"] = (*import_regime)->meta.id;
    entry["tier"] = cost->tier;
    if (!cost->notice.empty()) entry["notice"] = cost->notice;
    OrderedJson rows = OrderedJson::array();
    for (const tax::LineCost& line : cost->lines) {
      rows.push_back({{"sku", line.id}, {"goods", amount(line.goods)}, {"shipping", amount(line.shipping)},
                      {"duty", amount(line.duty)}, {"tax", amount(line.tax)}, {"fees", amount(line.fees)},
                      {"total", amount(line.total)}, {"tax_rate", line.tax_rate.ToString()}});
    }
    entry["lines"] = std::move(rows);
    OrderedJson components = OrderedJson::array();
    for (const tax::Component& component : cost->components) {
      if (component.kind == "goods" || component.kind == "shipping" || component.kind == "insurance") continue;
      components.push_back({{"kind", component.kind}, {"amount", amount(component.amount)},
                            {"collection", tax::CollectionName(component.collection)}});
    }
    entry["components"] = std::move(components);
    entry["due_at_checkout"] = amount(cost->due_at_checkout);
    entry["due_on_delivery"] = amount(cost->due_on_delivery);
    if (!cost->status_label.empty()) entry["label"] = cost->status_label;
    OrderedJson used = OrderedJson::array();
    for (const tax::RuleRef& rule : cost->rules) {
      used.push_back({{"id", rule.id}, {"source", rule.source}, {"verified_on", rule.verified_on}});
    }
    entry["rules"] = std::move(used);
    for (const std::string& warning : cost->warnings) {
      std::string text = warning;
      // "duty_rate_unknown:<sku>" already names the line; others name the origin.
      if (text.find(':') == std::string::npos) text += ":" + origin;
      warnings.push_back(text);
    }
    auto with_checkout = CheckedAdd(total, cost->due_at_checkout);
    if (!with_checkout.ok()) return with_checkout.error();
    total = *with_checkout;
    auto with_delivery = CheckedAdd(on_delivery, cost->due_on_delivery);
    if (!with_delivery.ok()) return with_delivery.error();
    on_delivery = *with_delivery;
    imports.push_back(std::move(entry));
  }
  *grand_total = total;
  if (!imports.empty()) {
    out["imports"] = std::move(imports);
    out["due_on_delivery"] = amount(on_delivery);
  }
  out["grand_total"] = amount(total);
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
