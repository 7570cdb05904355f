// Snapshot TaxRule + Market -> tax::DomesticRule. See snapshot_tax_rules.h.
#include "shopcore/tax/snapshot_tax_rules.h"

#include <string>

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

Result<DomesticRule> RuleFromSnapshot(const Snapshot& snapshot, const schema::TaxRule& source, const std::string& path) {
  DomesticRule rule;
  rule.meta.id = Str(source.id());
  rule.meta.market = Str(source.market());
  rule.meta.valid_from = Str(source.valid_from());
  rule.meta.valid_to = Str(source.valid_to());
  rule.meta.source = Str(source.source());
  rule.meta.verified_on = Str(source.verified_on());
  auto from = ParseIsoDate(rule.meta.valid_from);
  if (!from.ok()) return MakeError(ErrorCode::kInvalidArgument, from.error().message, path + ".valid_from");
  rule.meta.from_ms = *from;
  if (!rule.meta.valid_to.empty()) {
    // The snapshot's valid_to is exclusive: the first day no longer in force.
    auto to = ParseIsoDate(rule.meta.valid_to);
    if (!to.ok()) return MakeError(ErrorCode::kInvalidArgument, to.error().message, path + ".valid_to");
    rule.meta.to_ms = *to;
  }
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
  auto valid = rules.Validate();
  if (!valid.ok()) {
    // Validate names "domestic[i]": the same index as the snapshot's tax_rules.
    std::string where = valid.error().path;
    if (where.rfind("domestic", 0) == 0) where = "tax_rules" + where.substr(8);
    return MakeError(valid.error().code, valid.error().message, where);
  }
  return rules;
}

}  // namespace shopcore::tax
