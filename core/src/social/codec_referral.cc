// JSON codec of referral commission requests and answers (see shopcore/social/codec.h).
#include <string>
#include <vector>

#include "shopcore/money/format.h"
#include "shopcore/money/money.h"
#include "shopcore/social/codec.h"
#include "shopcore/social/referral.h"
#include "social/json_access.h"

namespace shopcore {
namespace {

using namespace json_access;  // NOLINT: the codec's own helpers

Result<Decimal> DecodeRate(const Json& object, const char* key, const std::string& path) {
  std::string text;
  ASSIGN_OR_RETURN(text, GetString(object, key, path));
  auto rate = Decimal::Parse(text);
  if (!rate.ok()) return MakeError(rate.error().code, rate.error().message, Child(path, key));
  return *rate;
}

Result<std::vector<CommissionRule>> DecodeRules(const Json& request) {
  const Json* rules_json;
  ASSIGN_OR_RETURN(rules_json, GetArray(request, "rules", "", true));
  std::vector<CommissionRule> rules;
  for (size_t i = 0; i < rules_json->size(); ++i) {
    const Json& item = (*rules_json)[i];
    std::string path = Index("rules", i);
    SHOPCORE_RETURN_IF_ERROR(RequireObject(
        item, path, {"id", "scope", "target", "basis", "level1_rate", "level2_rate", "rounding", "self_purchase"}));
    CommissionRule rule;
    ASSIGN_OR_RETURN(rule.id, GetString(item, "id", path));
    std::string scope, basis, rounding, self_purchase;
    ASSIGN_OR_RETURN(scope, GetString(item, "scope", path));
    ASSIGN_OR_RETURN(rule.target, GetString(item, "target", path));
    ASSIGN_OR_RETURN(basis, GetString(item, "basis", path));
    ASSIGN_OR_RETURN(rounding, GetString(item, "rounding", path));
    ASSIGN_OR_RETURN(self_purchase, GetString(item, "self_purchase", path));
    auto parsed_scope = ParseCommissionScope(scope);
    if (!parsed_scope.ok()) return MakeError(parsed_scope.error().code, parsed_scope.error().message, Child(path, "scope"));
    rule.scope = *parsed_scope;
    auto parsed_basis = ParseCommissionBasis(basis);
    if (!parsed_basis.ok()) return MakeError(parsed_basis.error().code, parsed_basis.error().message, Child(path, "basis"));
    rule.basis = *parsed_basis;
    auto parsed_rounding = ParseRoundingMode(rounding);
    if (!parsed_rounding.ok()) return MakeError(parsed_rounding.error().code, parsed_rounding.error().message, Child(path, "rounding"));
    rule.rounding = *parsed_rounding;
    auto parsed_policy = ParseSelfPurchasePolicy(self_purchase);
    if (!parsed_policy.ok()) return MakeError(parsed_policy.error().code, parsed_policy.error().message, Child(path, "self_purchase"));
    rule.self_purchase = *parsed_policy;
    ASSIGN_OR_RETURN(rule.level1_rate, DecodeRate(item, "level1_rate", path));
    if (item.contains("level2_rate") && !item["level2_rate"].is_null()) {
      Decimal level2;
      ASSIGN_OR_RETURN(level2, DecodeRate(item, "level2_rate", path));
      rule.level2_rate = level2;
    }
    rules.push_back(std::move(rule));
  }
  SHOPCORE_RETURN_IF_ERROR(ValidateCommissionRules(rules));
  return rules;
}

// Order lines ("lines") carry paid_units_minor; share items ("items") carry
// unit_price_minor instead.
Result<CommissionLine> DecodeLine(const Json& item, const std::string& path, bool share_item,
                                  int64_t* unit_price_minor) {
  std::vector<const char*> fields = {"line_id", "sku", "category", "campaign", "list_unit_minor"};
  if (share_item) {
    fields.push_back("unit_price_minor");
  } else {
    fields.push_back("quantity");
    fields.push_back("paid_units_minor");
  }
  SHOPCORE_RETURN_IF_ERROR(RequireObject(item, path, fields));
  CommissionLine line;
  if (share_item) {
    ASSIGN_OR_RETURN(line.line_id, GetString(item, "line_id", path, std::string("item")));
  } else {
    ASSIGN_OR_RETURN(line.line_id, GetString(item, "line_id", path));
  }
  ASSIGN_OR_RETURN(line.sku, GetString(item, "sku", path));
  ASSIGN_OR_RETURN(line.category, GetString(item, "category", path, std::string()));
  ASSIGN_OR_RETURN(line.campaign, GetString(item, "campaign", path, std::string()));
  ASSIGN_OR_RETURN(line.list_unit_minor, GetInt64(item, "list_unit_minor", path));
  if (share_item) {
    ASSIGN_OR_RETURN(*unit_price_minor, GetInt64(item, "unit_price_minor", path, line.list_unit_minor));
    line.quantity = 1;
    line.paid_units_minor = {*unit_price_minor};
    return line;
  }
  ASSIGN_OR_RETURN(line.quantity, GetInt64(item, "quantity", path));
  if (line.quantity < 1 || line.quantity > 100000) {
    return MakeError(ErrorCode::kInvalidArgument, "must be in 1..100000", Child(path, "quantity"));
  }
  const Json* units;
  ASSIGN_OR_RETURN(units, GetArray(item, "paid_units_minor", path, true));
  if (units->size() != static_cast<size_t>(line.quantity)) {
    return MakeError(ErrorCode::kInvalidArgument, "one paid amount per unit is expected",
                     Child(path, "paid_units_minor"));
  }
  for (size_t u = 0; u < units->size(); ++u) {
    int64_t unit;
    ASSIGN_OR_RETURN(unit, Int64Of((*units)[u], Index(Child(path, "paid_units_minor"), u)));
    line.paid_units_minor.push_back(unit);
  }
  return line;
}

Result<std::vector<CommissionLine>> DecodeLines(const Json& request, bool required) {
  const Json* lines_json;
  ASSIGN_OR_RETURN(lines_json, GetArray(request, "lines", "", required));
  std::vector<CommissionLine> lines;
  if (!lines_json) return lines;
  for (size_t i = 0; i < lines_json->size(); ++i) {
    CommissionLine line;
    ASSIGN_OR_RETURN(line, DecodeLine((*lines_json)[i], Index("lines", i), false, nullptr));
    lines.push_back(std::move(line));
  }
  return lines;
}

Result<ReferralChain> DecodeChain(const Json& request) {
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "chain", "", true));
  SHOPCORE_RETURN_IF_ERROR(
      RequireObject(*json, "chain", {"buyer_id", "buyer_is_promoter", "upline_id", "upline_upline_id"}));
  ReferralChain chain;
  ASSIGN_OR_RETURN(chain.buyer_id, GetString(*json, "buyer_id", "chain"));
  ASSIGN_OR_RETURN(chain.buyer_is_promoter, GetBool(*json, "buyer_is_promoter", "chain", false));
  ASSIGN_OR_RETURN(chain.upline_id, GetString(*json, "upline_id", "chain", std::string()));
  ASSIGN_OR_RETURN(chain.upline_upline_id, GetString(*json, "upline_upline_id", "chain", std::string()));
  return chain;
}

// "share to earn X" as Money: minor units, currency, the exact major string
// and, given a locale, the text to show.
Result<OrderedJson> MoneyJson(int64_t minor, const Currency& currency, const LocalePack* locale) {
  OrderedJson out;
  Money money = Money::Of(minor, currency);
  out["amount_minor"] = std::to_string(minor);
  out["currency"] = currency.code;
  out["amount"] = money.ToMajorString();
  if (locale) {
    auto text = FormatMoney(money, *locale, FormatOptions{});
    if (!text.ok()) return text.error();
    out["display"] = *text;
  }
  return out;
}

}  // namespace

Result<std::string> ReferralOperationJson(const std::string& op, const std::string& text,
                                          const LocalePack* display_locale) {
  if (op != "commission" && op != "share-to-earn") {
    return MakeError(ErrorCode::kInvalidArgument, "unknown referral operation '" + op + "'", "op");
  }
  Json request;
  ASSIGN_OR_RETURN(request, ParseDocument(text));
  if (op == "commission") {
    SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"currency", "rules", "lines", "chain"}));
  } else {
    SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"currency", "rules", "items", "lines"}));
  }
  std::string currency_code;
  ASSIGN_OR_RETURN(currency_code, GetString(request, "currency", ""));
  auto currency = FindCurrency(currency_code);
  if (!currency.ok()) return MakeError(currency.error().code, currency.error().message, "currency");
  std::vector<CommissionRule> rules;
  ASSIGN_OR_RETURN(rules, DecodeRules(request));

  if (op == "commission") {
    std::vector<CommissionLine> lines;
    ASSIGN_OR_RETURN(lines, DecodeLines(request, true));
    ReferralChain chain;
    ASSIGN_OR_RETURN(chain, DecodeChain(request));
    auto result = ComputeCommission(rules, lines, chain);
    if (!result.ok()) return result.error();
    OrderedJson out;
    out["currency"] = currency_code;
    out["lines"] = OrderedJson::array();
    for (const auto& line : result->lines) {
      OrderedJson item;
      item["line_id"] = line.line_id;
      item["rule_id"] = line.rule_id.empty() ? OrderedJson(nullptr) : OrderedJson(line.rule_id);
      item["basis_minor"] = std::to_string(line.basis_minor);
      item["shares"] = OrderedJson::array();
      for (const auto& share : line.shares) {
        item["shares"].push_back(OrderedJson{{"level", share.level},
                                             {"beneficiary_id", share.beneficiary_id},
                                             {"amount_minor", std::to_string(share.amount_minor)}});
      }
      out["lines"].push_back(std::move(item));
    }
    out["by_beneficiary"] = OrderedJson::array();
    for (const auto& [id, amount] : result->by_beneficiary) {
      out["by_beneficiary"].push_back(OrderedJson{{"beneficiary_id", id}, {"amount_minor", std::to_string(amount)}});
    }
    out["level1_total_minor"] = std::to_string(result->level1_total_minor);
    out["level2_total_minor"] = std::to_string(result->level2_total_minor);
    return Dump(out);
  }

  OrderedJson out;
  out["items"] = OrderedJson::array();
  const Json* items_json;
  ASSIGN_OR_RETURN(items_json, GetArray(request, "items", "", false));
  if (items_json) {
    for (size_t i = 0; i < items_json->size(); ++i) {
      int64_t unit_price = 0;
      CommissionLine item;
      std::string path = Index("items", i);
      ASSIGN_OR_RETURN(item, DecodeLine((*items_json)[i], path, true, &unit_price));
      auto earn = ShareToEarnItem(rules, item, unit_price);
      if (!earn.ok()) return Prefixed(earn.error(), path);
      OrderedJson entry;
      entry["sku"] = item.sku;
      ASSIGN_OR_RETURN(entry["earn"], MoneyJson(*earn, **currency, display_locale));
      out["items"].push_back(std::move(entry));
    }
  }
  std::vector<CommissionLine> lines;
  ASSIGN_OR_RETURN(lines, DecodeLines(request, false));
  if (!lines.empty()) {
    auto earn = ShareToEarnCart(rules, lines);
    if (!earn.ok()) return earn.error();
    OrderedJson earn_json;
    ASSIGN_OR_RETURN(earn_json, MoneyJson(*earn, **currency, display_locale));
    out["cart"] = OrderedJson{{"earn", earn_json}};
  } else {
    out["cart"] = nullptr;
  }
  return Dump(out);
}

}  // namespace shopcore
