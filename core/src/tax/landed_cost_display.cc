#include "shopcore/tax/landed_cost_display.h"

#include <nlohmann/json.hpp>

#include "shopcore/money/format.h"
#include "shopcore/money/money.h"
#include "shopcore/tax/tax_json.h"

namespace shopcore::tax {
namespace {

using OrderedJson = nlohmann::ordered_json;

Result<OrderedJson> DisplayObject(const LandedCost& cost, const LocalePack& pack) {
  auto currency = FindCurrency(cost.currency);
  if (!currency.ok()) return currency.error();
  Status failed;
  auto shown = [&](int64_t minor) -> std::string {
    auto text = FormatMoney(Money::Of(minor, **currency), pack, FormatOptions{});
    if (!text.ok()) {
      if (failed.ok()) failed = text.error();
      return std::string();
    }
    return *text;
  };
  OrderedJson out;
  out["total"] = shown(cost.total);
  out["due_at_checkout"] = shown(cost.due_at_checkout);
  out["due_on_delivery"] = shown(cost.due_on_delivery);
  out["components"] = OrderedJson::array();
  for (const Component& component : cost.components) {
    OrderedJson entry;
    entry["kind"] = component.kind;
    entry["amount"] = shown(component.amount);
    entry["collection"] = CollectionName(component.collection);
    out["components"].push_back(std::move(entry));
  }
  out["lines"] = OrderedJson::array();
  for (const LineCost& line : cost.lines) {
    OrderedJson entry;
    entry["id"] = line.id;
    entry["total"] = shown(line.total);
    entry["tax"] = shown(line.tax);
    entry["duty"] = shown(line.duty);
    out["lines"].push_back(std::move(entry));
  }
  if (!failed.ok()) return failed.error();
  return out;
}

}  // namespace

Result<std::string> LandedCostDisplayJson(const LandedCost& cost, const LocalePack& pack) {
  auto display = DisplayObject(cost, pack);
  if (!display.ok()) return display.error();
  return display->dump(-1, ' ', false, OrderedJson::error_handler_t::replace);
}

Result<std::string> LandedCostWithDisplayJson(const LandedCost& cost, const LocalePack& pack) {
  auto display = DisplayObject(cost, pack);
  if (!display.ok()) return display.error();
  auto text = LandedCostToJson(cost);
  if (!text.ok()) return text.error();
  // Our own output: it parses.
  OrderedJson document = OrderedJson::parse(*text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return MakeError(ErrorCode::kBadJson, "the landed cost JSON did not parse back", "");
  }
  document["display"] = std::move(*display);
  return document.dump(2, ' ', false, OrderedJson::error_handler_t::replace) + "\n";
}

}  // namespace shopcore::tax
