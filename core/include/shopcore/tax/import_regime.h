// How a destination market taxes goods bought from abroad: de minimis
// thresholds, duty, import VAT/GST and who collects them. A regime is one
// rule (one market, one validity window) holding ordered tiers; the first
// tier whose conditions match the consignment applies. Everything here is
// data from the rules file: rates, thresholds, bases, collectors.
//
// The arithmetic, per tier:
//   duty   = round(sum of duty basis x duty rate, per rate) - deduction (not below 0)
//            + flat amount per distinct tariff sub-heading (6 HS digits)
//   tax    = round(base x factor x (rate + excise) / (1 - excise - (gross_up ? rate : 0)))
//            base = tax basis [+ duty]
// which covers China's CBEC composite ((VAT + CT)/(1 - CT) x 70%), Brazil's
// ICMS "por dentro" (r/(1 - r)), Japan's 60% personal-import basis (the
// customs value factor) and the plain cases (factor 1, no excise).
#ifndef SHOPCORE_TAX_IMPORT_REGIME_H_
#define SHOPCORE_TAX_IMPORT_REGIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "shopcore/money/decimal.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"
#include "shopcore/tax/rule_meta.h"

namespace shopcore::tax {

// Which value a threshold or a tax is measured on.
enum class ValueBasis {
  kIntrinsic,     // the goods alone (EU IOSS, UK: "intrinsic value")
  kFob,           // goods at the port of export: for us the same as intrinsic
  kCif,           // goods + shipping + insurance
  kCustomsValue,  // goods x customs_value_factor + shipping + insurance (JP 60%)
};
const char* ValueBasisName(ValueBasis basis);
Result<ValueBasis> ParseValueBasis(std::string_view name);

// Whether a threshold applies to the whole consignment or to each unit.
enum class ThresholdScope { kConsignment, kItem };
const char* ThresholdScopeName(ThresholdScope scope);
Result<ThresholdScope> ParseThresholdScope(std::string_view name);

// Who takes the money. Seller and platform collect at checkout (the amount is
// included in what the shopper pays); carrier and customs collect on
// delivery (we can only estimate).
enum class Collector { kSeller, kPlatform, kCarrier, kCustoms };
const char* CollectorName(Collector collector);
Result<Collector> ParseCollector(std::string_view name);
bool CollectedAtCheckout(Collector collector);

struct DutySpec {
  // Ad valorem rate when neither the line nor by_tariff gives one; absent =
  // unknown (the result says so instead of inventing a rate).
  std::optional<Decimal> rate;
  // Longest matching HS-code prefix wins: {"6403", "0.10"}.
  std::vector<std::pair<std::string, Decimal>> by_tariff;
  ValueBasis basis = ValueBasis::kCif;
  // Brazil: 60% minus US$20. In the regime currency's minor units.
  int64_t deduction_minor = 0;
  // EU from 2026-07-01: EUR 3 per distinct 6-digit tariff sub-heading.
  int64_t flat_per_tariff_line_minor = 0;
};

struct ImportTaxSpec {
  // The rate: from the market's domestic rule for the line's category
  // (EU IOSS charges the destination rate) or a fixed rate (BR ICMS 17%).
  bool rate_from_domestic = true;
  std::optional<Decimal> rate;
  ValueBasis basis = ValueBasis::kCif;
  bool include_duty = true;    // import VAT is on CIF + duty; IOSS VAT is not
  bool gross_up = false;       // tax computed "por dentro" (Brazil ICMS)
  Decimal factor = Decimal::FromInteger(1);  // CN CBEC: 0.7 of the statutory amount
};

struct Fee {
  std::string name;         // "carrier_clearance"
  int64_t amount_minor = 0; // regime currency
};

struct ImportTier {
  std::string name;  // "ioss", "border", "cbec", "general_trade": shown in the result
  // Applies while the threshold value is <= up_to (regime currency minor units);
  // absent = no upper bound.
  std::optional<int64_t> up_to_minor;
  std::vector<std::string> origins;   // only from these origin markets; empty = any
  std::vector<std::string> channels;  // only via these channels ("courier", "postal"); empty = any
  bool requires_ioss = false;         // only when the seller is IOSS-registered
  bool uses_annual_quota = false;     // CN: the order must also fit the shopper's remaining annual quota
  bool exempt = false;                // no duty and no tax (de minimis)
  Collector collector = Collector::kCarrier;
  std::optional<DutySpec> duty;       // absent = no duty in this tier
  std::optional<ImportTaxSpec> tax;   // absent = no import tax in this tier
  std::vector<Fee> fees;
  std::string notice;                 // said plainly to the shopper: "taxed as general trade"
};

struct ImportRegime {
  RuleMeta meta;
  std::string currency;  // currency of thresholds, deductions, flat duties: "EUR", "USD"
  ValueBasis threshold_basis = ValueBasis::kIntrinsic;
  ThresholdScope threshold_scope = ThresholdScope::kConsignment;
  Decimal customs_value_factor = Decimal::FromInteger(1);  // JP personal imports: 0.6
  RoundingMode rounding = RoundingMode::kHalfUp;
  std::vector<ImportTier> tiers;
};

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_IMPORT_REGIME_H_
