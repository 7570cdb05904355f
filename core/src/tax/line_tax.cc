#include "shopcore/tax/line_tax.h"

#include <map>
#include <string>

#include "shopcore/money/allocation.h"
#include "shopcore/money/checked.h"

namespace shopcore::tax {
namespace {

__int128 PowerOfTenWide(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

Result<AmountTax> Compose(int64_t amount, int64_t tax, bool inclusive) {
  AmountTax out;
  out.tax = tax;
  if (inclusive) {
    out.gross = amount;
    auto net = CheckedSubtract(amount, tax);
    if (!net.ok()) return net.error();
    out.net = *net;
  } else {
    out.net = amount;
    auto gross = CheckedAdd(amount, tax);
    if (!gross.ok()) return gross.error();
    out.gross = *gross;
  }
  return out;
}

// Per unit: the line's amount split evenly over its units (the first
// amount % quantity units carry one minor unit more), each unit's tax rounded.
Result<AmountTax> PerUnit(const TaxableAmount& line, bool inclusive, const RoundingConfig& rounding) {
  const int64_t base = line.amount / line.quantity;
  const int64_t heavier = line.amount % line.quantity;
  auto light = TaxOnAmount(base, line.rate, inclusive, rounding);
  if (!light.ok()) return light.error();
  auto heavy = TaxOnAmount(base + 1, line.rate, inclusive, rounding);
  if (!heavy.ok()) return heavy.error();
  const __int128 tax = static_cast<__int128>(light->tax) * (line.quantity - heavier) +
                       static_cast<__int128>(heavy->tax) * heavier;
  if (tax > INT64_MAX) return MakeError(ErrorCode::kOverflow, "line tax does not fit in int64");
  return Compose(line.amount, static_cast<int64_t>(tax), inclusive);
}

Result<std::vector<AmountTax>> PerInvoice(const std::vector<TaxableAmount>& amounts, bool inclusive,
                                          const RoundingConfig& rounding) {
  // Lines of one rate, in input order; the map orders rates by their exact
  // text, which is only used as a key (results go back by index).
  std::map<std::string, std::vector<size_t>> by_rate;
  for (size_t i = 0; i < amounts.size(); ++i) by_rate[amounts[i].rate.ToString()].push_back(i);
  std::vector<AmountTax> out(amounts.size());
  for (const auto& group : by_rate) {
    int64_t total = 0;
    std::vector<int64_t> weights;
    for (size_t index : group.second) {
      auto sum = CheckedAdd(total, amounts[index].amount);
      if (!sum.ok()) return sum.error();
      total = *sum;
      weights.push_back(amounts[index].amount);
    }
    auto group_tax = TaxOnAmount(total, amounts[group.second.front()].rate, inclusive, rounding);
    if (!group_tax.ok()) return group_tax.error();
    std::vector<int64_t> shares(weights.size(), 0);
    if (total > 0) {
      auto allocated = Allocate(group_tax->tax, weights);
      if (!allocated.ok()) return allocated.error();
      shares = *allocated;
    }
    for (size_t k = 0; k < group.second.size(); ++k) {
      const size_t index = group.second[k];
      auto composed = Compose(amounts[index].amount, shares[k], inclusive);
      if (!composed.ok()) return composed.error();
      out[index] = *composed;
    }
  }
  return out;
}

}  // namespace

Result<AmountTax> TaxOnAmount(int64_t amount, const Decimal& rate, bool inclusive, const RoundingConfig& rounding) {
  if (amount < 0) return MakeError(ErrorCode::kInvalidArgument, "taxable amount is negative", "amount");
  if (rate.is_negative()) return MakeError(ErrorCode::kInvalidArgument, "tax rate is negative", "rate");
  const __int128 one = PowerOfTenWide(rate.scale());  // rate = coefficient / one
  const __int128 coefficient = rate.coefficient();
  if (!inclusive) {
    auto tax = RoundQuotient(static_cast<__int128>(amount) * coefficient, one, rounding.mode);
    if (!tax.ok()) return tax.error();
    return Compose(amount, *tax, false);
  }
  // gross = net x (1 + r): tax = gross x r / (1 + r), net = gross / (1 + r).
  if (rounding.target == RoundingTarget::kTax) {
    auto tax = RoundQuotient(static_cast<__int128>(amount) * coefficient, one + coefficient, rounding.mode);
    if (!tax.ok()) return tax.error();
    return Compose(amount, *tax, true);
  }
  auto net = RoundQuotient(static_cast<__int128>(amount) * one, one + coefficient, rounding.mode);
  if (!net.ok()) return net.error();
  return Compose(amount, amount - *net, true);
}

Result<std::vector<AmountTax>> ComputeLineTaxes(const std::vector<TaxableAmount>& amounts, bool inclusive,
                                                const RoundingConfig& rounding) {
  for (size_t i = 0; i < amounts.size(); ++i) {
    const std::string path = "[" + std::to_string(i) + "]";
    if (amounts[i].amount < 0) return MakeError(ErrorCode::kInvalidArgument, "taxable amount is negative", path + ".amount");
    if (amounts[i].quantity < 1) return MakeError(ErrorCode::kInvalidArgument, "quantity must be >= 1", path + ".quantity");
    if (amounts[i].rate.is_negative()) return MakeError(ErrorCode::kInvalidArgument, "tax rate is negative", path + ".rate");
  }
  if (rounding.level == RoundingLevel::kPerInvoice) return PerInvoice(amounts, inclusive, rounding);
  std::vector<AmountTax> out;
  out.reserve(amounts.size());
  for (const auto& line : amounts) {
    auto taxed = rounding.level == RoundingLevel::kPerUnit ? PerUnit(line, inclusive, rounding)
                                                           : TaxOnAmount(line.amount, line.rate, inclusive, rounding);
    if (!taxed.ok()) return taxed.error();
    out.push_back(*taxed);
  }
  return out;
}

}  // namespace shopcore::tax
