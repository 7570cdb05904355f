// Snapshot TaxRule + Market -> tax::DomesticRule. See snapshot_tax_rules.h.
#include "shopcore/tax/snapshot_tax_rules.h"

#include <optional>
#include <string>
#include <vector>

#include "shopcore/money/decimal.h"

namespace shopcore::tax {
namespace {

std::string Str(const flatbuffers::String* text) { return text == nullptr ? std::string() : text->str(); }

RoundingMode ModeFromSchema(schema::RoundingMode mode) {
  switch (mode) {
    case schema::RoundingMode::HalfEven: return RoundingMode::kHalfEven;
    case schema::RoundingMode::HalfUp: return RoundingMode::kHalfUp;
    case schema::RoundingMode::HalfDown: return RoundingMode::kHalfDown;
    case schema::RoundingMode::Up: return RoundingMode::kUp;
    case schema::RoundingMode::Down: return RoundingMode::kDown;
    case schema::RoundingMode::Ceiling: return RoundingMode::kCeiling;
    case schema::RoundingMode::Floor: return RoundingMode::kFloor;
  }
  return RoundingMode::kHalfUp;
}

// The validity of a snapshot rule in epoch ms. The snapshot's valid_to is
// exclusive: the first day no longer in force (the JSON rules' is inclusive).
Status ResolveSnapshotValidity(RuleMeta* meta, const std::string& path) {
  auto from = ParseIsoDate(meta->valid_from);
  if (!from.ok()) return MakeError(ErrorCode::kInvalidArgument, from.error().message, path + ".valid_from");
  meta->from_ms = *from;
  if (!meta->valid_to.empty()) {
    auto to = ParseIsoDate(meta->valid_to);
    if (!to.ok()) return MakeError(ErrorCode::kInvalidArgument, to.error().message, path + ".valid_to");
    meta->to_ms = *to;
  }
  return Status::Ok();
}

Result<DomesticRule> RuleFromSnapshot(const Snapshot& snapshot, const schema::TaxRule& source, const std::string& path) {
  DomesticRule rule;
  rule.meta.id = Str(source.id());
  rule.meta.market = Str(source.market());
  rule.meta.valid_from = Str(source.valid_from());
  rule.meta.valid_to = Str(source.valid_to());
  rule.meta.source = Str(source.source());
  rule.meta.verified_on = Str(source.verified_on());
  SHOPCORE_RETURN_IF_ERROR(ResolveSnapshotValidity(&rule.meta, path));
  rule.tax_name = Str(source.tax_name());
  if (source.rates() != nullptr) {
    for (const auto* rate : *source.rates()) {
      const std::string category = Str(rate->category());
      const std::string rate_path = path + ".rates." + category;
      auto value = Decimal::Parse(rate->rate() == nullptr ? std::string_view() : rate->rate()->string_view());
      if (!value.ok() || value->coefficient() < 0) {
        return MakeError(ErrorCode::kInvalidArgument, "not a rate: '" + Str(rate->rate()) + "'", rate_path);
      }
      auto parsed = ParseTaxCategory(category);
      if (!parsed.ok()) return MakeError(ErrorCode::kInvalidArgument, parsed.error().message, rate_path);
      if (*parsed == TaxCategory::kStandard) rule.standard_rate = *value;
      if (*parsed == TaxCategory::kReduced) rule.reduced_rate = *value;
      // zero and exempt are 0 by definition; a non-zero rate there is a data error.
      if ((*parsed == TaxCategory::kZero || *parsed == TaxCategory::kExempt) && value->coefficient() != 0) {
        return MakeError(ErrorCode::kInvalidArgument, category + " must be 0", rate_path);
      }
    }
  }
  if (source.labels() != nullptr) {
    for (const auto* label : *source.labels()) rule.labels[Str(label->locale())] = Str(label->text());
  }
  const schema::Market* market = snapshot.FindMarket(rule.meta.market);
  if (market == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no market '" + rule.meta.market + "'", path + ".market");
  }
  rule.currency = Str(market->currency());
  rule.display = market->tax_display() == schema::TaxDisplay::Exclusive ? PriceDisplay::kExclusive : PriceDisplay::kInclusive;
  if (const schema::TaxRounding* rounding = market->tax_rounding()) {
    rule.rounding.mode = ModeFromSchema(rounding->mode());
    switch (rounding->level()) {
      case schema::TaxRoundingLevel::Unit: rule.rounding.level = RoundingLevel::kPerUnit; break;
      case schema::TaxRoundingLevel::Invoice: rule.rounding.level = RoundingLevel::kPerInvoice; break;
      default: rule.rounding.level = RoundingLevel::kPerLine; break;
    }
    rule.rounding.target = rounding->target() == schema::TaxRoundingTarget::Net ? RoundingTarget::kNet : RoundingTarget::kTax;
  }
  return rule;
}

// target = *expr, or return expr's error.
#define IMPORT_ASSIGN(target, expr)                          \
  do {                                                       \
    auto assign_result_ = (expr);                            \
    if (!assign_result_.ok()) return assign_result_.error(); \
    target = std::move(*assign_result_);                     \
  } while (0)

Error Bad(const std::string& message, const std::string& path) {
  return MakeError(ErrorCode::kInvalidArgument, message, path);
}

// An optional decimal string: empty = fallback.
Result<Decimal> DecimalOr(const flatbuffers::String* text, Decimal fallback, const std::string& path) {
  if (text == nullptr || text->size() == 0) return fallback;
  auto value = Decimal::Parse(text->string_view());
  if (!value.ok() || value->is_negative()) return Bad("not a non-negative decimal: '" + text->str() + "'", path);
  return *value;
}

Result<ValueBasis> BasisOr(const flatbuffers::String* text, ValueBasis fallback, const std::string& path) {
  if (text == nullptr || text->size() == 0) return fallback;
  auto basis = ParseValueBasis(text->string_view());
  if (!basis.ok()) return Bad(basis.error().message, path);
  return *basis;
}

std::vector<std::string> Strings(const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::String>>* list) {
  std::vector<std::string> out;
  if (list != nullptr) {
    for (const auto* text : *list) out.push_back(Str(text));
  }
  return out;
}

Result<ImportTier> TierFromSnapshot(const schema::ImportTier& source, const std::string& path) {
  ImportTier tier;
  tier.name = Str(source.name());
  if (tier.name.empty()) return Bad("a tier needs a name", path + ".name");
  if (source.up_to() > 0) tier.up_to_minor = source.up_to();
  tier.origins = Strings(source.origins());
  tier.channels = Strings(source.channels());
  tier.requires_ioss = source.requires_ioss();
  tier.uses_annual_quota = source.uses_annual_quota();
  tier.exempt = source.exempt();
  auto collector = ParseCollector(source.collector() == nullptr ? std::string_view() : source.collector()->string_view());
  if (!collector.ok()) return Bad(collector.error().message, path + ".collector");
  tier.collector = *collector;
  if (const schema::ImportDuty* duty = source.duty()) {
    DutySpec spec;
    if (duty->rate() != nullptr && duty->rate()->size() > 0) {
      IMPORT_ASSIGN(spec.rate, DecimalOr(duty->rate(), Decimal(), path + ".duty.rate"));
    }
    if (duty->by_tariff() != nullptr) {
      for (const auto* entry : *duty->by_tariff()) {
        const std::string prefix = Str(entry->hs_prefix());
        const std::string where = path + ".duty.by_tariff." + prefix;
        for (char c : prefix) {
          if (c < '0' || c > '9') return Bad("tariff prefix must be digits", where);
        }
        Decimal rate;
        IMPORT_ASSIGN(rate, DecimalOr(entry->rate(), Decimal(), where));
        spec.by_tariff.emplace_back(prefix, rate);
      }
    }
    IMPORT_ASSIGN(spec.basis, BasisOr(duty->basis(), ValueBasis::kCif, path + ".duty.basis"));
    spec.deduction_minor = duty->deduction();
    spec.flat_per_tariff_line_minor = duty->flat_per_tariff_line();
    tier.duty = std::move(spec);
  }
  if (const schema::ImportTax* tax = source.tax()) {
    ImportTaxSpec spec;
    const std::string rate = Str(tax->rate());
    spec.rate_from_domestic = rate == "domestic";
    if (!spec.rate_from_domestic) {
      if (rate.empty()) return Bad("an import tax needs a rate (\"domestic\" or a decimal)", path + ".tax.rate");
      Decimal value;
      IMPORT_ASSIGN(value, DecimalOr(tax->rate(), Decimal(), path + ".tax.rate"));
      spec.rate = value;
    }
    IMPORT_ASSIGN(spec.basis, BasisOr(tax->basis(), ValueBasis::kCif, path + ".tax.basis"));
    spec.include_duty = tax->include_duty();
    spec.gross_up = tax->gross_up();
    IMPORT_ASSIGN(spec.factor, DecimalOr(tax->factor(), Decimal::FromInteger(1), path + ".tax.factor"));
    tier.tax = std::move(spec);
  }
  if (source.fees() != nullptr) {
    for (const auto* fee : *source.fees()) tier.fees.push_back(Fee{Str(fee->name()), fee->amount()});
  }
  tier.notice = Str(source.notice());
  return tier;
}

// nullopt for a regime without tiers: it only summarises (an older
// producer), so the market has no import rule the tax module could apply.
Result<std::optional<ImportRegime>> ImportFromSnapshot(const schema::ImportRegime& source, const std::string& path) {
  if (source.tiers() == nullptr || source.tiers()->size() == 0) return std::optional<ImportRegime>();
  ImportRegime regime;
  regime.meta.id = Str(source.id());
  regime.meta.market = Str(source.destination());
  regime.meta.valid_from = Str(source.valid_from());
  regime.meta.valid_to = Str(source.valid_to());
  regime.meta.source = Str(source.source());
  regime.meta.verified_on = Str(source.verified_on());
  regime.meta.note = Str(source.note());
  SHOPCORE_RETURN_IF_ERROR(ResolveSnapshotValidity(&regime.meta, path));
  regime.currency = Str(source.threshold_currency());
  if (regime.currency.empty()) return Bad("an import regime needs threshold_currency", path + ".threshold_currency");
  IMPORT_ASSIGN(regime.threshold_basis, BasisOr(source.threshold_basis(), ValueBasis::kIntrinsic, path + ".threshold_basis"));
  if (source.threshold_scope() != nullptr && source.threshold_scope()->size() > 0) {
    auto scope = ParseThresholdScope(source.threshold_scope()->string_view());
    if (!scope.ok()) return Bad(scope.error().message, path + ".threshold_scope");
    regime.threshold_scope = *scope;
  }
  IMPORT_ASSIGN(regime.customs_value_factor,
                  DecimalOr(source.customs_value_factor(), Decimal::FromInteger(1), path + ".customs_value_factor"));
  regime.rounding = ModeFromSchema(source.rounding());
  for (flatbuffers::uoffset_t i = 0; i < source.tiers()->size(); ++i) {
    ImportTier tier;
    IMPORT_ASSIGN(tier, TierFromSnapshot(*source.tiers()->Get(i), path + ".tiers[" + std::to_string(i) + "]"));
    regime.tiers.push_back(std::move(tier));
  }
  return std::optional<ImportRegime>(std::move(regime));
}

#undef IMPORT_ASSIGN

}  // namespace

Result<TaxRules> TaxRulesFromSnapshot(const Snapshot& snapshot) {
  TaxRules rules;
  rules.version = std::string(snapshot.id());
  const auto* tax_rules = snapshot.catalog().tax_rules();
  if (tax_rules != nullptr) {
    for (size_t i = 0; i < tax_rules->size(); ++i) {
      const std::string path = "tax_rules[" + std::to_string(i) + "]";
      auto rule = RuleFromSnapshot(snapshot, *tax_rules->Get(static_cast<flatbuffers::uoffset_t>(i)), path);
      if (!rule.ok()) return rule.error();
      rules.domestic.push_back(std::move(*rule));
    }
  }
  // Snapshot index of each imports[k], for error paths.
  std::vector<size_t> import_index;
  if (const auto* regimes = snapshot.catalog().import_regimes()) {
    for (size_t i = 0; i < regimes->size(); ++i) {
      const std::string path = "import_regimes[" + std::to_string(i) + "]";
      auto regime = ImportFromSnapshot(*regimes->Get(static_cast<flatbuffers::uoffset_t>(i)), path);
      if (!regime.ok()) return regime.error();
      if (!*regime) continue;
      rules.imports.push_back(std::move(**regime));
      import_index.push_back(i);
    }
  }
  auto valid = rules.Validate();
  if (!valid.ok()) {
    // Validate names "domestic[i]" (the same index as the snapshot's
    // tax_rules) or "imports[k]" (the k-th regime with tiers).
    std::string where = valid.error().path;
    if (where.rfind("domestic", 0) == 0) where = "tax_rules" + where.substr(8);
    if (where.rfind("imports[", 0) == 0) {
      size_t close = where.find(']');
      size_t k = static_cast<size_t>(std::stoul(where.substr(8, close - 8)));
      if (k < import_index.size()) where = "import_regimes[" + std::to_string(import_index[k]) + "]" + where.substr(close + 1);
    }
    return MakeError(valid.error().code, valid.error().message, where);
  }
  return rules;
}

}  // namespace shopcore::tax
