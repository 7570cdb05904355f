// Tax rules JSON and a landed-cost request JSON (RULES RS REQUEST) through
// ParseTaxRulesJson, ParseLandedCostRequestJson, ComputeLandedCost and
// LandedCostToJson: what `shopcore landed-cost` and, later, a snapshot's
// tax rules feed the engine.
// Invariants: no crash or UB; rejections carry one of the documented codes;
// an accepted order adds up (lines and components sum to the total, which
// is what is due at checkout plus on delivery); its JSON is well-formed
// UTF-8 JSON, the same bytes when computed twice.
#include <nlohmann/json.hpp>

#include <string>

#include "fuzz_support.h"
#include "shopcore/tax.h"

namespace shopcore::fuzz {
namespace {

bool DocumentedCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadJson:
    case ErrorCode::kBadRequest:
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kOverflow:
    case ErrorCode::kUnknownCurrency:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
      return true;
    default:
      return false;
  }
}

void CheckRejection(const Error& error, const char* stage) {
  Check(DocumentedCode(error.code), std::string(stage) + " rejects with an undocumented code: " + error.ToString());
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  // The shipped rules with the fixture requests, plus one cross-border and
  // one domestic order per market the rules know, so every regime is reached.
  const std::string rules = ReadSourceFile("data/tax-rules.json");
  std::vector<std::string> seeds;
  for (const auto& name : ListSourceFiles("tests/unit/tax/fixtures", ".request.json")) {
    seeds.push_back(JoinParts({rules, ReadSourceFile("tests/unit/tax/fixtures/" + name)}));
  }
  auto document = nlohmann::json::parse(rules, nullptr, false);
  for (const char* section : {"domestic", "imports"}) {
    if (!document.is_object() || !document.contains(section) || !document[section].is_array()) {
      Violation(std::string("data/tax-rules.json has no ") + section + " array");
    }
    for (const auto& rule : document[section]) {
      if (!rule.is_object() || !rule.contains("market") || !rule.contains("currency")) continue;
      if (!rule["market"].is_string() || !rule["currency"].is_string()) continue;
      nlohmann::ordered_json request;
      request["market"] = rule["market"];
      request["origin"] = std::string(section) == "domestic" ? rule["market"] : nlohmann::json("CN");
      request["currency"] = rule["currency"];
      request["now"] = rule.contains("valid_from") ? rule["valid_from"] : nlohmann::json("2026-07-01");
      request["shipping_minor"] = 800;
      request["lines"] = nlohmann::json::array(
          {{{"id", "shoes"}, {"amount_minor", 12999}, {"quantity", 2}, {"hs_code", "640399"}},
           {{"id", "book"}, {"amount_minor", "1500"}, {"tax_category", "reduced"}, {"duty_rate", "0"}}});
      seeds.push_back(JoinParts({rules, request.dump(2)}));
    }
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  auto parts = SplitParts(data, size);
  parts.resize(2);
  auto rules = tax::ParseTaxRulesJson(parts[0]);
  if (!rules.ok()) {
    CheckRejection(rules.error(), "ParseTaxRulesJson");
    return 0;
  }
  auto request = tax::ParseLandedCostRequestJson(parts[1]);
  if (!request.ok()) {
    CheckRejection(request.error(), "ParseLandedCostRequestJson");
    return 0;
  }
  auto cost = tax::ComputeLandedCost(*rules, *request);
  if (!cost.ok()) {
    CheckRejection(cost.error(), "ComputeLandedCost");
    return 0;
  }

  __int128 lines = 0, components = 0;
  for (const auto& line : cost->lines) lines += line.total;
  for (const auto& component : cost->components) components += component.amount;
  Check(lines == cost->total, "line totals do not add up to the order total");
  Check(components == cost->total, "components do not add up to the order total");
  Check(static_cast<__int128>(cost->due_at_checkout) + cost->due_on_delivery == cost->total,
        "due at checkout + on delivery is not the total");

  auto text = tax::LandedCostToJson(*cost);
  Check(text.ok(), "an accepted landed cost does not print: " + (text.ok() ? "" : text.error().ToString()));
  Check(IsValidUtf8(*text), "landed-cost JSON is not UTF-8");
  Check(!nlohmann::json::parse(*text, nullptr, false).is_discarded(), "landed-cost output is not JSON");
  auto again = tax::ComputeLandedCost(*rules, *request);
  Check(again.ok(), "the same order fails the second time");
  auto text_again = tax::LandedCostToJson(*again);
  Check(text_again.ok() && *text_again == *text, "the same order prints different bytes");
  return 0;
}
