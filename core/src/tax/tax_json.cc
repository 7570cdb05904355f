#include "shopcore/tax/tax_json.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "json_access.h"
#include "shopcore/money/money.h"

namespace shopcore::tax {
namespace {

using json_access::JsonView;

Error AtPath(const Error& error, const std::string& path) {
  return MakeError(error.code, error.message, error.path.empty() ? path : path + "." + error.path);
}

// Rule amounts are exact major-unit strings in the rule's currency: "150.00".
Result<int64_t> MajorAmount(const JsonView& object, const char* key, const std::string& currency) {
  auto text = object.String(key);
  if (!text.ok()) return text.error();
  auto money = Money::ParseMajor(*text, currency);
  if (!money.ok()) return MakeError(money.error().code, money.error().message, object.PathOf(key));
  if (money->is_negative()) return MakeError(ErrorCode::kInvalidArgument, "amount must not be negative", object.PathOf(key));
  return money->minor_units();
}

template <typename Enum>
Result<Enum> EnumField(const JsonView& object, const char* key, Result<Enum> (*parse)(std::string_view), Enum fallback) {
  if (!object.Has(key)) return fallback;
  auto text = object.String(key);
  if (!text.ok()) return text.error();
  auto value = parse(*text);
  if (!value.ok()) return MakeError(value.error().code, value.error().message, object.PathOf(key));
  return *value;
}

Result<std::map<std::string, std::string>> StringMap(const JsonView& object, const char* key) {
  std::map<std::string, std::string> out;
  if (!object.Has(key)) return out;
  auto field = object.Field(key);
  if (!field.ok()) return field.error();
  SHOPCORE_RETURN_IF_ERROR(field->ExpectObject());
  for (auto it = field->value().begin(); it != field->value().end(); ++it) {
    if (!it.value().is_string()) return field->Bad(it.key(), "expected a string");
    out[it.key()] = it.value().get<std::string>();
  }
  return out;
}

Result<RuleMeta> ParseMeta(const JsonView& object) {
  RuleMeta meta;
  auto id = object.String("id");
  if (!id.ok()) return id.error();
  meta.id = *id;
  auto market = object.String("market");
  if (!market.ok()) return market.error();
  meta.market = *market;
  auto from = object.String("valid_from");
  if (!from.ok()) return from.error();
  meta.valid_from = *from;
  auto to = object.StringOr("valid_to", "");
  if (!to.ok()) return to.error();
  meta.valid_to = *to;
  // Every rule says where it came from and when it was last checked.
  auto source = object.String("source");
  if (!source.ok()) return source.error();
  meta.source = *source;
  auto verified = object.String("verified_on");
  if (!verified.ok()) return verified.error();
  meta.verified_on = *verified;
  auto note = object.StringOr("note", "");
  if (!note.ok()) return note.error();
  meta.note = *note;
  if (auto status = ResolveValidity(&meta); !status.ok()) return AtPath(status.error(), object.path());
  return meta;
}

#define SHOPCORE_ASSIGN(target, expr)              \
  do {                                             \
    auto assign_result_ = (expr);                  \
    if (!assign_result_.ok()) return assign_result_.error(); \
    target = std::move(*assign_result_);           \
  } while (0)

Result<DomesticRule> ParseDomestic(const JsonView& object) {
  SHOPCORE_RETURN_IF_ERROR(object.OnlyKeys({"id", "market", "valid_from", "valid_to", "source", "verified_on", "note",
                                            "currency", "tax_name", "rates", "display", "rounding", "labels"}));
  DomesticRule rule;
  SHOPCORE_ASSIGN(rule.meta, ParseMeta(object));
  SHOPCORE_ASSIGN(rule.currency, object.String("currency"));
  if (auto currency = FindCurrency(rule.currency); !currency.ok()) {
    return MakeError(currency.error().code, currency.error().message, object.PathOf("currency"));
  }
  SHOPCORE_ASSIGN(rule.tax_name, object.String("tax_name"));
  JsonView rates = object;
  SHOPCORE_ASSIGN(rates, object.Field("rates"));
  SHOPCORE_RETURN_IF_ERROR(rates.OnlyKeys({"standard", "reduced"}));
  SHOPCORE_ASSIGN(rule.standard_rate, rates.OptionalDecimal("standard"));
  SHOPCORE_ASSIGN(rule.reduced_rate, rates.OptionalDecimal("reduced"));
  for (const auto* rate : {&rule.standard_rate, &rule.reduced_rate}) {
    if (*rate && (*rate)->is_negative()) return MakeError(ErrorCode::kInvalidArgument, "rate must not be negative", rates.path());
  }
  if (!object.Has("display")) return object.Bad("display", "missing field 'display'");
  SHOPCORE_ASSIGN(rule.display, EnumField(object, "display", ParsePriceDisplay, PriceDisplay::kInclusive));
  JsonView rounding = object;
  SHOPCORE_ASSIGN(rounding, object.Field("rounding"));
  SHOPCORE_RETURN_IF_ERROR(rounding.OnlyKeys({"level", "mode", "target"}));
  SHOPCORE_ASSIGN(rule.rounding.level, EnumField(rounding, "level", ParseRoundingLevel, RoundingLevel::kPerLine));
  SHOPCORE_ASSIGN(rule.rounding.mode, EnumField(rounding, "mode", ParseRoundingMode, RoundingMode::kHalfUp));
  SHOPCORE_ASSIGN(rule.rounding.target, EnumField(rounding, "target", ParseRoundingTarget, RoundingTarget::kTax));
  SHOPCORE_ASSIGN(rule.labels, StringMap(object, "labels"));
  return rule;
}

Result<DutySpec> ParseDuty(const JsonView& object, const std::string& currency) {
  SHOPCORE_RETURN_IF_ERROR(object.OnlyKeys({"rate", "by_tariff", "basis", "deduction", "flat_per_tariff_line"}));
  DutySpec duty;
  SHOPCORE_ASSIGN(duty.rate, object.OptionalDecimal("rate"));
  if (object.Has("by_tariff")) {
    JsonView table = object;
    SHOPCORE_ASSIGN(table, object.Field("by_tariff"));
    SHOPCORE_RETURN_IF_ERROR(table.ExpectObject());
    for (auto it = table.value().begin(); it != table.value().end(); ++it) {
      Decimal rate;
      SHOPCORE_ASSIGN(rate, table.DecimalValue(it.key()));
      for (char c : it.key()) {
        if (c < '0' || c > '9') return table.Bad(it.key(), "tariff prefix must be digits");
      }
      duty.by_tariff.emplace_back(it.key(), rate);
    }
  }
  SHOPCORE_ASSIGN(duty.basis, EnumField(object, "basis", ParseValueBasis, ValueBasis::kCif));
  if (object.Has("deduction")) SHOPCORE_ASSIGN(duty.deduction_minor, MajorAmount(object, "deduction", currency));
  if (object.Has("flat_per_tariff_line")) {
    SHOPCORE_ASSIGN(duty.flat_per_tariff_line_minor, MajorAmount(object, "flat_per_tariff_line", currency));
  }
  return duty;
}

Result<ImportTaxSpec> ParseImportTax(const JsonView& object) {
  SHOPCORE_RETURN_IF_ERROR(object.OnlyKeys({"rate", "basis", "include_duty", "gross_up", "factor"}));
  ImportTaxSpec tax;
  std::string rate;
  SHOPCORE_ASSIGN(rate, object.String("rate"));
  tax.rate_from_domestic = rate == "domestic";
  if (!tax.rate_from_domestic) SHOPCORE_ASSIGN(tax.rate, object.OptionalDecimal("rate"));
  SHOPCORE_ASSIGN(tax.basis, EnumField(object, "basis", ParseValueBasis, ValueBasis::kCif));
  SHOPCORE_ASSIGN(tax.include_duty, object.BoolOr("include_duty", true));
  SHOPCORE_ASSIGN(tax.gross_up, object.BoolOr("gross_up", false));
  if (object.Has("factor")) SHOPCORE_ASSIGN(tax.factor, object.DecimalValue("factor"));
  if ((tax.rate && tax.rate->is_negative()) || tax.factor.is_negative()) {
    return MakeError(ErrorCode::kInvalidArgument, "rate and factor must not be negative", object.path());
  }
  return tax;
}

Result<ImportTier> ParseTier(const JsonView& object, const std::string& currency) {
  SHOPCORE_RETURN_IF_ERROR(object.OnlyKeys({"name", "up_to", "origins", "channels", "requires_ioss", "uses_annual_quota",
                                            "exempt", "collector", "duty", "tax", "fees", "notice"}));
  ImportTier tier;
  SHOPCORE_ASSIGN(tier.name, object.String("name"));
  if (object.Has("up_to")) SHOPCORE_ASSIGN(tier.up_to_minor, MajorAmount(object, "up_to", currency));
  SHOPCORE_ASSIGN(tier.origins, object.StringArrayOrEmpty("origins"));
  SHOPCORE_ASSIGN(tier.channels, object.StringArrayOrEmpty("channels"));
  SHOPCORE_ASSIGN(tier.requires_ioss, object.BoolOr("requires_ioss", false));
  SHOPCORE_ASSIGN(tier.uses_annual_quota, object.BoolOr("uses_annual_quota", false));
  SHOPCORE_ASSIGN(tier.exempt, object.BoolOr("exempt", false));
  if (!object.Has("collector")) return object.Bad("collector", "missing field 'collector'");
  SHOPCORE_ASSIGN(tier.collector, EnumField(object, "collector", ParseCollector, Collector::kCarrier));
  if (object.Has("duty")) {
    JsonView duty = object;
    SHOPCORE_ASSIGN(duty, object.Field("duty"));
    SHOPCORE_ASSIGN(tier.duty, ParseDuty(duty, currency));
  }
  if (object.Has("tax")) {
    JsonView tax = object;
    SHOPCORE_ASSIGN(tax, object.Field("tax"));
    SHOPCORE_ASSIGN(tier.tax, ParseImportTax(tax));
  }
  std::vector<JsonView> fees;
  SHOPCORE_ASSIGN(fees, object.ArrayOrEmpty("fees"));
  for (const JsonView& fee_json : fees) {
    SHOPCORE_RETURN_IF_ERROR(fee_json.OnlyKeys({"name", "amount"}));
    Fee fee;
    SHOPCORE_ASSIGN(fee.name, fee_json.String("name"));
    SHOPCORE_ASSIGN(fee.amount_minor, MajorAmount(fee_json, "amount", currency));
    tier.fees.push_back(fee);
  }
  SHOPCORE_ASSIGN(tier.notice, object.StringOr("notice", ""));
  return tier;
}

Result<ImportRegime> ParseImport(const JsonView& object) {
  SHOPCORE_RETURN_IF_ERROR(object.OnlyKeys({"id", "market", "valid_from", "valid_to", "source", "verified_on", "note",
                                            "currency", "threshold_basis", "threshold_scope", "customs_value_factor",
                                            "rounding", "tiers"}));
  ImportRegime regime;
  SHOPCORE_ASSIGN(regime.meta, ParseMeta(object));
  SHOPCORE_ASSIGN(regime.currency, object.String("currency"));
  if (auto currency = FindCurrency(regime.currency); !currency.ok()) {
    return MakeError(currency.error().code, currency.error().message, object.PathOf("currency"));
  }
  SHOPCORE_ASSIGN(regime.threshold_basis, EnumField(object, "threshold_basis", ParseValueBasis, ValueBasis::kIntrinsic));
  SHOPCORE_ASSIGN(regime.threshold_scope, EnumField(object, "threshold_scope", ParseThresholdScope, ThresholdScope::kConsignment));
  if (object.Has("customs_value_factor")) SHOPCORE_ASSIGN(regime.customs_value_factor, object.DecimalValue("customs_value_factor"));
  SHOPCORE_ASSIGN(regime.rounding, EnumField(object, "rounding", ParseRoundingMode, RoundingMode::kHalfUp));
  std::vector<JsonView> tiers;
  SHOPCORE_ASSIGN(tiers, object.Array("tiers"));
  if (tiers.empty()) return object.Bad("tiers", "an import rule needs at least one tier");
  for (const JsonView& tier : tiers) {
    ImportTier parsed;
    SHOPCORE_ASSIGN(parsed, ParseTier(tier, regime.currency));
    regime.tiers.push_back(std::move(parsed));
  }
  return regime;
}

}  // namespace

Result<TaxRules> ParseTaxRulesJson(std::string_view text) {
  nlohmann::json document;
  SHOPCORE_ASSIGN(document, json_access::ParseJson(text));
  JsonView root(document, "");
  SHOPCORE_RETURN_IF_ERROR(root.OnlyKeys({"version", "comment", "labels", "domestic", "imports"}));
  TaxRules rules;
  SHOPCORE_ASSIGN(rules.version, root.String("version"));
  if (root.Has("labels")) {
    JsonView labels = root;
    SHOPCORE_ASSIGN(labels, root.Field("labels"));
    SHOPCORE_RETURN_IF_ERROR(labels.ExpectObject());
    for (auto it = labels.value().begin(); it != labels.value().end(); ++it) {
      SHOPCORE_ASSIGN(rules.labels[it.key()], StringMap(labels, it.key().c_str()));
    }
  }
  std::vector<JsonView> items;
  SHOPCORE_ASSIGN(items, root.ArrayOrEmpty("domestic"));
  for (const JsonView& item : items) {
    DomesticRule rule;
    SHOPCORE_ASSIGN(rule, ParseDomestic(item));
    rules.domestic.push_back(std::move(rule));
  }
  SHOPCORE_ASSIGN(items, root.ArrayOrEmpty("imports"));
  for (const JsonView& item : items) {
    ImportRegime regime;
    SHOPCORE_ASSIGN(regime, ParseImport(item));
    rules.imports.push_back(std::move(regime));
  }
  SHOPCORE_RETURN_IF_ERROR(rules.Validate());
  return rules;
}

Result<LandedCostRequest> ParseLandedCostRequestJson(std::string_view text) {
  nlohmann::json document;
  SHOPCORE_ASSIGN(document, json_access::ParseJson(text));
  JsonView root(document, "");
  SHOPCORE_RETURN_IF_ERROR(root.OnlyKeys({"market", "origin", "currency", "locale", "channel", "seller_ioss",
                                          "prices_include_tax", "lines", "shipping_minor", "insurance_minor",
                                          "shipping_category", "annual_quota_remaining_minor", "fx", "now"}));
  LandedCostRequest request;
  SHOPCORE_ASSIGN(request.market, root.String("market"));
  SHOPCORE_ASSIGN(request.origin, root.String("origin"));
  SHOPCORE_ASSIGN(request.currency, root.String("currency"));
  SHOPCORE_ASSIGN(request.locale, root.StringOr("locale", "en"));
  SHOPCORE_ASSIGN(request.channel, root.StringOr("channel", ""));
  SHOPCORE_ASSIGN(request.seller_ioss, root.BoolOr("seller_ioss", false));
  if (root.Has("prices_include_tax")) {
    bool inclusive = false;
    SHOPCORE_ASSIGN(inclusive, root.BoolOr("prices_include_tax", false));
    request.prices_include_tax = inclusive;
  }
  std::vector<JsonView> lines;
  SHOPCORE_ASSIGN(lines, root.Array("lines"));
  for (const JsonView& item : lines) {
    SHOPCORE_RETURN_IF_ERROR(item.OnlyKeys({"id", "amount_minor", "quantity", "tax_category", "hs_code", "duty_rate", "excise_rate"}));
    PricedLine line;
    SHOPCORE_ASSIGN(line.id, item.String("id"));
    SHOPCORE_ASSIGN(line.amount, item.Int("amount_minor"));
    if (item.Has("quantity")) SHOPCORE_ASSIGN(line.quantity, item.Int("quantity"));
    SHOPCORE_ASSIGN(line.category, EnumField(item, "tax_category", ParseTaxCategory, TaxCategory::kStandard));
    SHOPCORE_ASSIGN(line.hs_code, item.StringOr("hs_code", ""));
    SHOPCORE_ASSIGN(line.duty_rate, item.OptionalDecimal("duty_rate"));
    SHOPCORE_ASSIGN(line.excise_rate, item.OptionalDecimal("excise_rate"));
    request.lines.push_back(std::move(line));
  }
  if (root.Has("shipping_minor")) SHOPCORE_ASSIGN(request.shipping, root.Int("shipping_minor"));
  if (root.Has("insurance_minor")) SHOPCORE_ASSIGN(request.insurance, root.Int("insurance_minor"));
  SHOPCORE_ASSIGN(request.shipping_category, EnumField(root, "shipping_category", ParseTaxCategory, TaxCategory::kStandard));
  SHOPCORE_ASSIGN(request.annual_quota_remaining, root.OptionalInt("annual_quota_remaining_minor"));
  std::vector<JsonView> fx;
  SHOPCORE_ASSIGN(fx, root.ArrayOrEmpty("fx"));
  for (const JsonView& item : fx) {
    SHOPCORE_RETURN_IF_ERROR(item.OnlyKeys({"from", "to", "rate"}));
    FxRate rate;
    SHOPCORE_ASSIGN(rate.from, item.String("from"));
    SHOPCORE_ASSIGN(rate.to, item.String("to"));
    SHOPCORE_ASSIGN(rate.rate, item.DecimalValue("rate"));
    request.fx.push_back(rate);
  }
  // `now` is epoch milliseconds, or a "YYYY-MM-DD" date meaning its start (UTC).
  auto now = root.Field("now");
  if (!now.ok()) return now.error();
  if (now->value().is_string()) {
    std::string text = now->value().get<std::string>();
    auto ms = ParseIsoDate(text);
    if (!ms.ok()) return MakeError(ms.error().code, ms.error().message, "now");
    request.now_ms = *ms;
  } else {
    SHOPCORE_ASSIGN(request.now_ms, root.Int("now"));
  }
  return request;
}

Result<std::string> LandedCostToJson(const LandedCost& cost) {
  auto currency = FindCurrency(cost.currency);
  if (!currency.ok()) return currency.error();
  auto major = [&](int64_t minor) { return Money::Of(minor, **currency).ToMajorString(); };
  nlohmann::ordered_json out;
  out["market"] = cost.market;
  out["currency"] = cost.currency;
  out["cross_border"] = cost.cross_border;
  if (!cost.cross_border) out["prices_include_tax"] = cost.prices_include_tax;
  if (cost.cross_border) out["tier"] = cost.tier;
  if (!cost.notice.empty()) out["notice"] = cost.notice;
  out["lines"] = nlohmann::ordered_json::array();
  for (const LineCost& line : cost.lines) {
    nlohmann::ordered_json item;
    item["id"] = line.id;
    item["goods"] = major(line.goods);
    item["shipping"] = major(line.shipping);
    item["insurance"] = major(line.insurance);
    item["duty"] = major(line.duty);
    item["tax"] = major(line.tax);
    item["fees"] = major(line.fees);
    item["total"] = major(line.total);
    item["tax_rate"] = line.tax_rate.ToString();
    out["lines"].push_back(item);
  }
  out["components"] = nlohmann::ordered_json::array();
  for (const Component& component : cost.components) {
    nlohmann::ordered_json item;
    item["kind"] = component.kind;
    item["amount"] = major(component.amount);
    item["collection"] = CollectionName(component.collection);
    if (!component.rule_id.empty()) item["rule_id"] = component.rule_id;
    out["components"].push_back(item);
  }
  out["total"] = major(cost.total);
  out["due_at_checkout"] = major(cost.due_at_checkout);
  out["due_on_delivery"] = major(cost.due_on_delivery);
  out["labels"] = {{"tax", cost.tax_label}, {"status", cost.status_label}};
  out["warnings"] = cost.warnings;
  out["rules"] = nlohmann::ordered_json::array();
  for (const RuleRef& rule : cost.rules) {
    out["rules"].push_back({{"id", rule.id}, {"source", rule.source}, {"verified_on", rule.verified_on}});
  }
  // Strings come from input files: invalid UTF-8 is replaced, not thrown
  // (a throw would abort under -fno-exceptions).
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace shopcore::tax
