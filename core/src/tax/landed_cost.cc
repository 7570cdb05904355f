#include "shopcore/tax/landed_cost.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "shopcore/money/allocation.h"
#include "shopcore/money/checked.h"
#include "shopcore/money/fx.h"
#include "shopcore/money/money.h"
#include "shopcore/tax/line_tax.h"

namespace shopcore::tax {
namespace {

std::string LinePath(size_t i) { return "lines[" + std::to_string(i) + "]"; }

// Overflow-checked running sum.
class Sum {
 public:
  Status Add(int64_t value) {
    auto next = CheckedAdd(value_, value);
    if (!next.ok()) return next.error();
    value_ = *next;
    return Status::Ok();
  }
  int64_t value() const { return value_; }

 private:
  int64_t value_ = 0;
};

Status ValidateRequest(const LandedCostRequest& request) {
  if (request.market.empty()) return MakeError(ErrorCode::kBadRequest, "market is required", "market");
  if (request.origin.empty()) return MakeError(ErrorCode::kBadRequest, "origin is required", "origin");
  if (auto currency = FindCurrency(request.currency); !currency.ok()) {
    return MakeError(currency.error().code, currency.error().message, "currency");
  }
  if (request.lines.empty()) return MakeError(ErrorCode::kBadRequest, "an order needs at least one line", "lines");
  // Results and warnings name lines by id: two lines with one id could not be told apart.
  std::set<std::string_view> ids;
  for (size_t i = 0; i < request.lines.size(); ++i) {
    const PricedLine& line = request.lines[i];
    if (!ids.insert(line.id).second) {
      return MakeError(ErrorCode::kConflict, "line id '" + line.id + "' is used by an earlier line", LinePath(i) + ".id");
    }
    if (line.amount < 0) return MakeError(ErrorCode::kInvalidArgument, "amount must not be negative", LinePath(i) + ".amount");
    if (line.quantity < 1) return MakeError(ErrorCode::kInvalidArgument, "quantity must be >= 1", LinePath(i) + ".quantity");
    for (char c : line.hs_code) {
      if (c < '0' || c > '9') return MakeError(ErrorCode::kInvalidArgument, "hs_code must be digits only", LinePath(i) + ".hs_code");
    }
    if (line.duty_rate && line.duty_rate->is_negative()) {
      return MakeError(ErrorCode::kInvalidArgument, "duty_rate must not be negative", LinePath(i) + ".duty_rate");
    }
    if (line.excise_rate && (line.excise_rate->is_negative() || !(*line.excise_rate < Decimal::FromInteger(1)))) {
      return MakeError(ErrorCode::kInvalidArgument, "excise_rate must be in [0, 1)", LinePath(i) + ".excise_rate");
    }
  }
  if (request.shipping < 0) return MakeError(ErrorCode::kInvalidArgument, "shipping must not be negative", "shipping");
  if (request.insurance < 0) return MakeError(ErrorCode::kInvalidArgument, "insurance must not be negative", "insurance");
  if (request.annual_quota_remaining && *request.annual_quota_remaining < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "annual_quota_remaining must not be negative", "annual_quota_remaining");
  }
  for (size_t i = 0; i < request.fx.size(); ++i) {
    if (request.fx[i].rate.is_zero() || request.fx[i].rate.is_negative()) {
      return MakeError(ErrorCode::kInvalidArgument, "rate must be positive", "fx[" + std::to_string(i) + "].rate");
    }
  }
  return Status::Ok();
}

// Minor units of `from` expressed in `to`, with mode. Only direct rates are
// used: inverting a rate would be a second, unstated rounding.
Result<int64_t> ConvertMinor(const LandedCostRequest& request, int64_t amount, const std::string& from,
                             const std::string& to, RoundingMode mode) {
  if (from == to) return amount;
  for (const FxRate& fx : request.fx) {
    if (fx.from == from && fx.to == to) {
      auto money = Money::Of(amount, from);
      if (!money.ok()) return money.error();
      auto converted = Convert(*money, to, fx.rate, mode);
      if (!converted.ok()) return converted.error();
      return converted->minor_units();
    }
  }
  return MakeError(ErrorCode::kNotFound, "no exchange rate " + from + " -> " + to + " in the request", "fx");
}

// Splits amount over lines by weight; all-zero weights split evenly.
Result<std::vector<int64_t>> Spread(int64_t amount, const std::vector<int64_t>& weights) {
  if (amount == 0) return std::vector<int64_t>(weights.size(), 0);
  bool any = false;
  for (int64_t w : weights) any = any || w > 0;
  if (!any) return Allocate(amount, std::vector<int64_t>(weights.size(), 1));
  return Allocate(amount, weights);
}

void AddRule(LandedCost* cost, const RuleMeta& meta) {
  for (const RuleRef& ref : cost->rules) {
    if (ref.id == meta.id) return;
  }
  cost->rules.push_back(RuleRef{meta.id, meta.source, meta.verified_on});
}

// The rounded tax (or duty) of lines grouped by a key: each group's bases are
// summed, multiplied by the exact rational numerator/denominator once,
// rounded once, and allocated back by base. This is "once per rate".
struct Group {
  __int128 numerator = 1;
  __int128 denominator = 1;
  std::vector<size_t> lines;
};

Result<std::vector<int64_t>> RoundPerGroup(const std::map<std::string, Group>& groups, const std::vector<int64_t>& bases,
                                           RoundingMode mode) {
  std::vector<int64_t> out(bases.size(), 0);
  for (const auto& entry : groups) {
    const Group& group = entry.second;
    Sum total;
    std::vector<int64_t> weights;
    for (size_t index : group.lines) {
      SHOPCORE_RETURN_IF_ERROR(total.Add(bases[index]));
      weights.push_back(bases[index]);
    }
    __int128 product;
    if (__builtin_mul_overflow(static_cast<__int128>(total.value()), group.numerator, &product)) {
      return MakeError(ErrorCode::kOverflow, "tax base times rate does not fit in 128 bits");
    }
    auto rounded = RoundQuotient(product, group.denominator, mode);
    if (!rounded.ok()) return rounded.error();
    auto shares = Spread(*rounded, weights);
    if (!shares.ok()) return shares.error();
    for (size_t k = 0; k < group.lines.size(); ++k) out[group.lines[k]] = (*shares)[k];
  }
  return out;
}

// 10^exponent for a Decimal scale (<= 18): fits easily in 128 bits.
__int128 Pow10(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// group ratio x factor (and / divisor below), exactly, with overflow checks.
Status MultiplyRatio(Group* group, const Decimal& factor) {
  const __int128 scale = Pow10(factor.scale());
  if (__builtin_mul_overflow(group->numerator, static_cast<__int128>(factor.coefficient()), &group->numerator) ||
      __builtin_mul_overflow(group->denominator, scale, &group->denominator)) {
    return MakeError(ErrorCode::kOverflow, "tax rate arithmetic does not fit in 128 bits");
  }
  return Status::Ok();
}

Status DivideRatio(Group* group, const Decimal& divisor) {
  const __int128 scale = Pow10(divisor.scale());
  if (__builtin_mul_overflow(group->numerator, scale, &group->numerator) ||
      __builtin_mul_overflow(group->denominator, static_cast<__int128>(divisor.coefficient()), &group->denominator)) {
    return MakeError(ErrorCode::kOverflow, "tax rate arithmetic does not fit in 128 bits");
  }
  return Status::Ok();
}

std::optional<Decimal> DutyRateFor(const PricedLine& line, const DutySpec& spec) {
  if (line.duty_rate) return line.duty_rate;
  size_t best = 0;
  std::optional<Decimal> found;
  for (const auto& entry : spec.by_tariff) {
    const std::string& prefix = entry.first;
    if (prefix.size() > best && line.hs_code.compare(0, prefix.size(), prefix) == 0) {
      best = prefix.size();
      found = entry.second;
    }
  }
  if (found) return found;
  return spec.rate;
}

Result<LandedCost> Domestic(const DomesticRule& rule, const LandedCostRequest& request) {
  LandedCost cost;
  cost.market = request.market;
  cost.currency = request.currency;
  cost.prices_include_tax =
      request.prices_include_tax ? *request.prices_include_tax : rule.display == PriceDisplay::kInclusive;
  std::vector<TaxableAmount> amounts;
  std::vector<int64_t> goods_weights;
  for (size_t i = 0; i < request.lines.size(); ++i) {
    auto rate = rule.RateFor(request.lines[i].category);
    if (!rate.ok()) return MakeError(rate.error().code, rate.error().message, LinePath(i) + ".tax_category");
    amounts.push_back(TaxableAmount{request.lines[i].amount, request.lines[i].quantity, *rate});
    goods_weights.push_back(request.lines[i].amount);
  }
  // Shipping is taxed as a supply of its own category (usually following the
  // goods at the standard rate); insurance is an exempt financial service.
  auto shipping_rate = rule.RateFor(request.shipping_category);
  if (!shipping_rate.ok()) return MakeError(shipping_rate.error().code, shipping_rate.error().message, "shipping_category");
  amounts.push_back(TaxableAmount{request.shipping, 1, *shipping_rate});
  auto taxed = ComputeLineTaxes(amounts, cost.prices_include_tax, rule.rounding);
  if (!taxed.ok()) return taxed.error();
  const AmountTax shipping_tax = taxed->back();
  auto shipping_net = Spread(shipping_tax.net, goods_weights);
  if (!shipping_net.ok()) return shipping_net.error();
  auto shipping_tax_shares = Spread(shipping_tax.tax, goods_weights);
  if (!shipping_tax_shares.ok()) return shipping_tax_shares.error();
  auto insurance = Spread(request.insurance, goods_weights);
  if (!insurance.ok()) return insurance.error();

  Sum goods, tax, total;
  for (size_t i = 0; i < request.lines.size(); ++i) {
    LineCost line;
    line.id = request.lines[i].id;
    line.goods = (*taxed)[i].net;
    line.shipping = (*shipping_net)[i];
    line.insurance = (*insurance)[i];
    line.tax_rate = amounts[i].rate;
    auto line_tax = CheckedAdd((*taxed)[i].tax, (*shipping_tax_shares)[i]);
    if (!line_tax.ok()) return line_tax.error();
    line.tax = *line_tax;
    Sum line_total;
    for (int64_t part : {line.goods, line.shipping, line.insurance, line.tax}) {
      SHOPCORE_RETURN_IF_ERROR(line_total.Add(part));
    }
    line.total = line_total.value();
    SHOPCORE_RETURN_IF_ERROR(goods.Add(line.goods));
    SHOPCORE_RETURN_IF_ERROR(tax.Add(line.tax));
    SHOPCORE_RETURN_IF_ERROR(total.Add(line.total));
    cost.lines.push_back(line);
  }
  cost.components = {
      {"goods", goods.value(), Collection::kIncluded, ""},
      {"shipping", shipping_tax.net, Collection::kIncluded, ""},
      {"insurance", request.insurance, Collection::kIncluded, ""},
      {"tax", tax.value(), Collection::kIncluded, rule.meta.id},
  };
  cost.total = total.value();
  cost.due_at_checkout = total.value();
  AddRule(&cost, rule.meta);
  cost.tax_label = FindLabel(rule.labels, request.locale);
  return cost;
}

struct LineValues {
  std::vector<int64_t> goods, shipping, insurance;
};

// A line's value on a basis, in order-currency minor units.
Result<int64_t> ValueOn(ValueBasis basis, const LineValues& v, size_t i, const ImportRegime& regime) {
  switch (basis) {
    case ValueBasis::kIntrinsic:
    case ValueBasis::kFob: return v.goods[i];
    case ValueBasis::kCif: break;
    case ValueBasis::kCustomsValue: {
      auto scaled = regime.customs_value_factor.MultiplyAmount(v.goods[i], regime.rounding);
      if (!scaled.ok()) return scaled.error();
      Sum sum;
      for (int64_t part : {*scaled, v.shipping[i], v.insurance[i]}) SHOPCORE_RETURN_IF_ERROR(sum.Add(part));
      return sum.value();
    }
  }
  Sum sum;
  for (int64_t part : {v.goods[i], v.shipping[i], v.insurance[i]}) SHOPCORE_RETURN_IF_ERROR(sum.Add(part));
  return sum.value();
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Result<LandedCost> Import(const ImportRegime& regime, const DomesticRule* domestic, const TaxRules& rules,
                          const LandedCostRequest& request) {
  LandedCost cost;
  cost.market = request.market;
  cost.currency = request.currency;
  cost.cross_border = true;
  const size_t n = request.lines.size();

  LineValues values;
  for (const PricedLine& line : request.lines) values.goods.push_back(line.amount);
  auto shipping = Spread(request.shipping, values.goods);
  if (!shipping.ok()) return shipping.error();
  auto insurance = Spread(request.insurance, values.goods);
  if (!insurance.ok()) return insurance.error();
  values.shipping = *shipping;
  values.insurance = *insurance;

  // The value the thresholds are measured on, in the regime's currency.
  // Converting with ceiling keeps "<= threshold" exact: ceil(x) <= N iff x <= N.
  int64_t measured = 0;
  if (regime.threshold_scope == ThresholdScope::kConsignment) {
    Sum sum;
    for (size_t i = 0; i < n; ++i) {
      auto value = ValueOn(regime.threshold_basis, values, i, regime);
      if (!value.ok()) return value.error();
      SHOPCORE_RETURN_IF_ERROR(sum.Add(*value));
    }
    measured = sum.value();
  } else {
    for (size_t i = 0; i < n; ++i) {
      auto value = ValueOn(regime.threshold_basis, values, i, regime);
      if (!value.ok()) return value.error();
      const int64_t q = request.lines[i].quantity;
      measured = std::max(measured, *value / q + (*value % q != 0 ? 1 : 0));  // the dearest unit
    }
  }
  bool needs_conversion = false;
  for (const ImportTier& tier : regime.tiers) needs_conversion = needs_conversion || tier.up_to_minor || tier.uses_annual_quota;
  int64_t measured_in_regime = measured;
  if (needs_conversion) {
    auto converted = ConvertMinor(request, measured, request.currency, regime.currency, RoundingMode::kCeiling);
    if (!converted.ok()) return converted.error();
    measured_in_regime = *converted;
  }

  const ImportTier* tier = nullptr;
  bool quota_unchecked = false;
  for (const ImportTier& candidate : regime.tiers) {
    if (!candidate.origins.empty() && !Contains(candidate.origins, request.origin)) continue;
    if (!candidate.channels.empty() && !Contains(candidate.channels, request.channel)) continue;
    if (candidate.requires_ioss && !request.seller_ioss) continue;
    if (candidate.up_to_minor && measured_in_regime > *candidate.up_to_minor) continue;
    if (candidate.uses_annual_quota) {
      if (!request.annual_quota_remaining) {
        quota_unchecked = true;
      } else if (measured_in_regime > *request.annual_quota_remaining) {
        continue;
      }
    }
    tier = &candidate;
    break;
  }
  if (tier == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no tier of import rule " + regime.meta.id + " matches this order", "market");
  }
  if (quota_unchecked) cost.warnings.push_back("annual_quota_not_checked");
  cost.tier = tier->name;
  cost.notice = tier->notice;
  AddRule(&cost, regime.meta);
  const Collection collection = CollectedAtCheckout(tier->collector) ? Collection::kIncluded : Collection::kEstimated;

  std::vector<int64_t> duty(n, 0), tax(n, 0), fees(n, 0);
  std::vector<Decimal> tax_rates(n);
  if (!tier->exempt && tier->duty) {
    const DutySpec& spec = *tier->duty;
    std::map<std::string, Group> groups;
    std::vector<int64_t> bases(n, 0);
    for (size_t i = 0; i < n; ++i) {
      auto rate = DutyRateFor(request.lines[i], spec);
      if (!rate) {
        cost.warnings.push_back("duty_rate_unknown:" + request.lines[i].id);
        continue;
      }
      auto base = ValueOn(spec.basis, values, i, regime);
      if (!base.ok()) return base.error();
      bases[i] = *base;
      Group& group = groups[rate->ToString()];
      if (group.lines.empty()) SHOPCORE_RETURN_IF_ERROR(MultiplyRatio(&group, *rate));
      group.lines.push_back(i);
    }
    auto ad_valorem = RoundPerGroup(groups, bases, regime.rounding);
    if (!ad_valorem.ok()) return ad_valorem.error();
    duty = *ad_valorem;
    if (spec.deduction_minor > 0) {
      auto deduction = ConvertMinor(request, spec.deduction_minor, regime.currency, request.currency, regime.rounding);
      if (!deduction.ok()) return deduction.error();
      Sum before;
      for (int64_t d : duty) SHOPCORE_RETURN_IF_ERROR(before.Add(d));
      const int64_t after = std::max<int64_t>(0, before.value() - *deduction);
      auto shares = Spread(after, duty);
      if (!shares.ok()) return shares.error();
      duty = *shares;
    }
    if (spec.flat_per_tariff_line_minor > 0) {
      auto flat = ConvertMinor(request, spec.flat_per_tariff_line_minor, regime.currency, request.currency,
                               regime.rounding);
      if (!flat.ok()) return flat.error();
      // Each distinct 6-digit sub-heading pays once, on its first line.
      std::vector<std::string> seen;
      for (size_t i = 0; i < n; ++i) {
        const std::string& hs = request.lines[i].hs_code;
        if (hs.size() < 6) {
          return MakeError(ErrorCode::kBadRequest,
                           "rule " + regime.meta.id + " charges per tariff line: a 6+ digit hs_code is required",
                           LinePath(i) + ".hs_code");
        }
        if (Contains(seen, hs.substr(0, 6))) continue;
        seen.push_back(hs.substr(0, 6));
        auto with_flat = CheckedAdd(duty[i], *flat);
        if (!with_flat.ok()) return with_flat.error();
        duty[i] = *with_flat;
      }
    }
  }

  if (!tier->exempt && tier->tax) {
    const ImportTaxSpec& spec = *tier->tax;
    std::map<std::string, Group> groups;
    std::vector<int64_t> bases(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const PricedLine& line = request.lines[i];
      Decimal rate;
      if (spec.rate_from_domestic) {
        if (domestic == nullptr) {
          return MakeError(ErrorCode::kNotFound, "rule " + regime.meta.id + " takes the domestic rate but " +
                                                     request.market + " has no domestic rule in force", "market");
        }
        auto found = domestic->RateFor(line.category);
        if (!found.ok()) return MakeError(found.error().code, found.error().message, LinePath(i) + ".tax_category");
        rate = *found;
        AddRule(&cost, domestic->meta);
      } else if (spec.rate) {
        rate = *spec.rate;
      }
      tax_rates[i] = rate;
      const Decimal excise = line.excise_rate ? *line.excise_rate : Decimal();
      auto base = ValueOn(spec.basis, values, i, regime);
      if (!base.ok()) return base.error();
      Sum full_base;
      SHOPCORE_RETURN_IF_ERROR(full_base.Add(*base));
      if (spec.include_duty) SHOPCORE_RETURN_IF_ERROR(full_base.Add(duty[i]));
      bases[i] = full_base.value();
      const std::string key = rate.ToString() + "/" + excise.ToString();
      if (groups.count(key) != 0) {
        groups[key].lines.push_back(i);
        continue;
      }
      // factor x (rate + excise) / (1 - excise - (gross_up ? rate : 0))
      Group group;
      auto sum = rate.Add(excise);
      if (!sum.ok()) return sum.error();
      SHOPCORE_RETURN_IF_ERROR(MultiplyRatio(&group, spec.factor));
      SHOPCORE_RETURN_IF_ERROR(MultiplyRatio(&group, *sum));
      auto divisor = Decimal::FromInteger(1).Add(*Decimal::Of(-excise.coefficient(), excise.scale()));
      if (!divisor.ok()) return divisor.error();
      if (spec.gross_up) {
        divisor = divisor->Add(*Decimal::Of(-rate.coefficient(), rate.scale()));
        if (!divisor.ok()) return divisor.error();
      }
      if (divisor->is_zero() || divisor->is_negative()) {
        return MakeError(ErrorCode::kInvalidArgument, "rate and excise leave no base to gross up", LinePath(i));
      }
      SHOPCORE_RETURN_IF_ERROR(DivideRatio(&group, *divisor));
      group.lines.push_back(i);
      groups.emplace(key, group);
    }
    auto rounded = RoundPerGroup(groups, bases, regime.rounding);
    if (!rounded.ok()) return rounded.error();
    tax = *rounded;
  }

  Sum fee_total;
  std::vector<Component> fee_components;
  if (!tier->fees.empty()) {
    for (const Fee& fee : tier->fees) {
      auto amount = ConvertMinor(request, fee.amount_minor, regime.currency, request.currency, regime.rounding);
      if (!amount.ok()) return amount.error();
      SHOPCORE_RETURN_IF_ERROR(fee_total.Add(*amount));
      fee_components.push_back({"fee:" + fee.name, *amount, collection, regime.meta.id});
    }
    auto shares = Spread(fee_total.value(), values.goods);
    if (!shares.ok()) return shares.error();
    fees = *shares;
  }

  Sum goods, ship, ins, duty_sum, tax_sum, total;
  for (size_t i = 0; i < n; ++i) {
    LineCost line;
    line.id = request.lines[i].id;
    line.goods = values.goods[i];
    line.shipping = values.shipping[i];
    line.insurance = values.insurance[i];
    line.duty = duty[i];
    line.tax = tax[i];
    line.fees = fees[i];
    line.tax_rate = tax_rates[i];
    Sum line_total;
    for (int64_t part : {line.goods, line.shipping, line.insurance, line.duty, line.tax, line.fees}) {
      SHOPCORE_RETURN_IF_ERROR(line_total.Add(part));
    }
    line.total = line_total.value();
    SHOPCORE_RETURN_IF_ERROR(goods.Add(line.goods));
    SHOPCORE_RETURN_IF_ERROR(ship.Add(line.shipping));
    SHOPCORE_RETURN_IF_ERROR(ins.Add(line.insurance));
    SHOPCORE_RETURN_IF_ERROR(duty_sum.Add(line.duty));
    SHOPCORE_RETURN_IF_ERROR(tax_sum.Add(line.tax));
    SHOPCORE_RETURN_IF_ERROR(total.Add(line.total));
    cost.lines.push_back(line);
  }
  cost.components = {
      {"goods", goods.value(), Collection::kIncluded, ""},
      {"shipping", ship.value(), Collection::kIncluded, ""},
      {"insurance", ins.value(), Collection::kIncluded, ""},
      {"duty", duty_sum.value(), collection, regime.meta.id},
      {"tax", tax_sum.value(), collection, regime.meta.id},
  };
  for (const Component& fee : fee_components) cost.components.push_back(fee);
  cost.total = total.value();
  Sum at_checkout, on_delivery;
  for (const Component& component : cost.components) {
    SHOPCORE_RETURN_IF_ERROR((component.collection == Collection::kIncluded ? at_checkout : on_delivery).Add(component.amount));
  }
  cost.due_at_checkout = at_checkout.value();
  cost.due_on_delivery = on_delivery.value();
  if (domestic != nullptr) cost.tax_label = FindLabel(domestic->labels, request.locale);
  auto labels = rules.labels.find(on_delivery.value() > 0 ? kLabelEstimated : kLabelIncluded);
  if (labels != rules.labels.end()) cost.status_label = FindLabel(labels->second, request.locale);
  return cost;
}

}  // namespace

Result<LandedCost> ComputeLandedCost(const TaxRules& rules, const LandedCostRequest& request) {
  SHOPCORE_RETURN_IF_ERROR(ValidateRequest(request));
  auto domestic = rules.SelectDomestic(request.market, request.now_ms);
  if (request.origin == request.market) {
    if (!domestic.ok()) return domestic.error();
    return Domestic(**domestic, request);
  }
  auto regime = rules.SelectImport(request.market, request.now_ms);
  if (!regime.ok()) return regime.error();
  return Import(**regime, domestic.ok() ? *domestic : nullptr, rules, request);
}

}  // namespace shopcore::tax
