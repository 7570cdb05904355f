// The stable names of the tax enums: the JSON rules file and results use them.
#include <string>

#include "shopcore/tax/domestic_rule.h"
#include "shopcore/tax/import_regime.h"
#include "shopcore/tax/landed_cost.h"
#include "shopcore/tax/rounding_config.h"
#include "shopcore/tax/tax_category.h"

namespace shopcore::tax {
namespace {

template <typename Enum>
struct Named {
  Enum value;
  const char* name;
};

template <typename Enum, size_t N>
const char* NameOf(const Named<Enum> (&table)[N], Enum value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

template <typename Enum, size_t N>
Result<Enum> Lookup(const Named<Enum> (&table)[N], std::string_view name, const char* what) {
  for (const auto& entry : table) {
    if (name == entry.name) return entry.value;
  }
  std::string allowed;
  for (const auto& entry : table) allowed += std::string(allowed.empty() ? "" : ", ") + entry.name;
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string("unknown ") + what + " '" + std::string(name.substr(0, 40)) + "' (" + allowed + ")");
}

constexpr Named<TaxCategory> kCategories[] = {{TaxCategory::kStandard, "standard"},
                                              {TaxCategory::kReduced, "reduced"},
                                              {TaxCategory::kZero, "zero"},
                                              {TaxCategory::kExempt, "exempt"}};
constexpr Named<RoundingLevel> kLevels[] = {{RoundingLevel::kPerUnit, "per_unit"},
                                            {RoundingLevel::kPerLine, "per_line"},
                                            {RoundingLevel::kPerInvoice, "per_invoice"}};
constexpr Named<RoundingTarget> kTargets[] = {{RoundingTarget::kTax, "tax"}, {RoundingTarget::kNet, "net"}};
constexpr Named<PriceDisplay> kDisplays[] = {{PriceDisplay::kInclusive, "inclusive"},
                                             {PriceDisplay::kExclusive, "exclusive"}};
constexpr Named<ValueBasis> kBases[] = {{ValueBasis::kIntrinsic, "intrinsic"},
                                        {ValueBasis::kFob, "fob"},
                                        {ValueBasis::kCif, "cif"},
                                        {ValueBasis::kCustomsValue, "customs_value"}};
constexpr Named<ThresholdScope> kScopes[] = {{ThresholdScope::kConsignment, "consignment"},
                                             {ThresholdScope::kItem, "item"}};
constexpr Named<Collector> kCollectors[] = {{Collector::kSeller, "seller"},
                                            {Collector::kPlatform, "platform"},
                                            {Collector::kCarrier, "carrier"},
                                            {Collector::kCustoms, "customs"}};
constexpr Named<Collection> kCollections[] = {{Collection::kIncluded, "included"},
                                              {Collection::kEstimated, "estimated"}};

}  // namespace

const char* TaxCategoryName(TaxCategory v) { return NameOf(kCategories, v); }
Result<TaxCategory> ParseTaxCategory(std::string_view n) { return Lookup(kCategories, n, "tax category"); }
const char* RoundingLevelName(RoundingLevel v) { return NameOf(kLevels, v); }
Result<RoundingLevel> ParseRoundingLevel(std::string_view n) { return Lookup(kLevels, n, "rounding level"); }
const char* RoundingTargetName(RoundingTarget v) { return NameOf(kTargets, v); }
Result<RoundingTarget> ParseRoundingTarget(std::string_view n) { return Lookup(kTargets, n, "rounding target"); }
const char* PriceDisplayName(PriceDisplay v) { return NameOf(kDisplays, v); }
Result<PriceDisplay> ParsePriceDisplay(std::string_view n) { return Lookup(kDisplays, n, "price display"); }
const char* ValueBasisName(ValueBasis v) { return NameOf(kBases, v); }
Result<ValueBasis> ParseValueBasis(std::string_view n) { return Lookup(kBases, n, "value basis"); }
const char* ThresholdScopeName(ThresholdScope v) { return NameOf(kScopes, v); }
Result<ThresholdScope> ParseThresholdScope(std::string_view n) { return Lookup(kScopes, n, "threshold scope"); }
const char* CollectorName(Collector v) { return NameOf(kCollectors, v); }
Result<Collector> ParseCollector(std::string_view n) { return Lookup(kCollectors, n, "collector"); }
const char* CollectionName(Collection v) { return NameOf(kCollections, v); }

bool CollectedAtCheckout(Collector collector) {
  return collector == Collector::kSeller || collector == Collector::kPlatform;
}

}  // namespace shopcore::tax
