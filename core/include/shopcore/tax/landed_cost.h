// Landed cost: what an order costs the shopper in the destination market,
// split per line and per component, each component marked as collected at
// checkout or estimated and payable on delivery, with the rule that decided
// it. A domestic order (origin == destination) gets the market's VAT/GST;
// a cross-border order gets the destination's import regime.
#ifndef SHOPCORE_TAX_LANDED_COST_H_
#define SHOPCORE_TAX_LANDED_COST_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopcore/money/decimal.h"
#include "shopcore/status.h"
#include "shopcore/tax/tax_category.h"
#include "shopcore/tax/tax_rules.h"

namespace shopcore::tax {

struct PricedLine {
  std::string id;               // the cart line id, echoed in the result
  int64_t amount = 0;           // line total after discounts, minor units of the order currency, >= 0
  int64_t quantity = 1;         // >= 1
  TaxCategory category = TaxCategory::kStandard;
  std::string hs_code;          // tariff classification, digits only: "640399"; may be empty
  std::optional<Decimal> duty_rate;    // the caller's known duty rate for this line (wins over the rule's)
  std::optional<Decimal> excise_rate;  // consumption tax on this good (CN cosmetics 15%); default 0
};

struct FxRate {
  std::string from;  // 1 unit of `from` ...
  std::string to;    // ... is `rate` units of `to`
  Decimal rate;
};

struct LandedCostRequest {
  std::string market;     // destination, ISO 3166-1 alpha-2
  std::string origin;     // where the goods ship from; == market means a domestic order
  std::string currency;   // order currency: every amount below is in its minor units
  std::string locale;     // for labels: "zh-CN"
  std::string channel;    // "courier" or "postal" (Canada's thresholds depend on it); may be empty
  bool seller_ioss = false;  // the seller is registered for the EU IOSS
  // Domestic only: override the market's display (prices entered with tax or without).
  std::optional<bool> prices_include_tax;
  std::vector<PricedLine> lines;
  int64_t shipping = 0;
  int64_t insurance = 0;
  TaxCategory shipping_category = TaxCategory::kStandard;
  // CN CBEC: what is left of the shopper's yearly allowance, in minor units
  // of the import regime's currency (CNY for CN), as the customs quota counts it.
  std::optional<int64_t> annual_quota_remaining;
  std::vector<FxRate> fx;
  int64_t now_ms = 0;
};

enum class Collection { kIncluded, kEstimated };
const char* CollectionName(Collection collection);  // "included", "estimated"

// One amount of the breakdown: a line's (or the order's) duty, tax or fee.
struct Component {
  std::string kind;     // "goods", "shipping", "insurance", "duty", "tax", "fee:<name>"
  int64_t amount = 0;
  Collection collection = Collection::kIncluded;
  std::string rule_id;  // empty for goods/shipping/insurance
};

struct LineCost {
  std::string id;
  int64_t goods = 0;      // net of tax
  int64_t shipping = 0;   // share of the order's shipping (largest remainder by goods)
  int64_t insurance = 0;
  int64_t duty = 0;
  int64_t tax = 0;
  int64_t fees = 0;
  int64_t total = 0;
  Decimal tax_rate;
};

struct RuleRef {
  std::string id;
  std::string source;
  std::string verified_on;
};

struct LandedCost {
  std::string market;
  std::string currency;
  bool cross_border = false;
  bool prices_include_tax = false;  // domestic: whether entered amounts included tax
  std::string tier;                 // import tier name ("ioss", "border", ...); "" for domestic
  std::string notice;               // the tier's notice, if any
  std::vector<std::string> warnings;  // "duty_rate_unknown:line-2", "annual_quota_not_checked"
  std::vector<LineCost> lines;
  // Order totals: goods, shipping, insurance, duty, tax, fees, each with collection.
  std::vector<Component> components;
  int64_t total = 0;                // everything the shopper pays, now and on delivery
  int64_t due_at_checkout = 0;
  int64_t due_on_delivery = 0;      // estimated
  std::vector<RuleRef> rules;       // the rules applied, in order of use
  std::string tax_label;            // "incl. VAT", "税込"
  std::string status_label;         // "Duties & taxes included" / "... payable on delivery"
};

// Validates the request (INVALID_ARGUMENT/BAD_REQUEST with a path), selects
// the rules in force at request.now_ms (NOT_FOUND for an unknown market or
// a missing FX rate) and computes. Rules should have passed Validate().
Result<LandedCost> ComputeLandedCost(const TaxRules& rules, const LandedCostRequest& request);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_LANDED_COST_H_
