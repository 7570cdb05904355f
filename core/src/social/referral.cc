#include "shopcore/social/referral.h"

#include <set>
#include <utility>

#include "shopcore/money/checked.h"
#include "social/enum_names.h"

namespace shopcore {
namespace {


Status CheckRate(const Decimal& rate, const std::string& path) {
  if (rate.is_negative() || Decimal::FromInteger(1) < rate) {
    return MakeError(ErrorCode::kInvalidArgument, "rate " + rate.ToString() + " is not in 0..1", path);
  }
  return Status::Ok();
}

Error AtLine(const Error& error, size_t index, const std::string& field) {
  return MakeError(error.code, error.message, "lines[" + std::to_string(index) + "]" + field);
}

Status ValidateLine(const CommissionLine& line, size_t index) {
  if (line.line_id.empty()) {
    return AtLine(MakeError(ErrorCode::kInvalidArgument, "line id must not be empty"), index, ".line_id");
  }
  if (line.quantity < 1) {
    return AtLine(MakeError(ErrorCode::kInvalidArgument, "quantity must be at least 1"), index, ".quantity");
  }
  if (line.list_unit_minor < 0) {
    return AtLine(MakeError(ErrorCode::kInvalidArgument, "list price must not be negative"), index,
                  ".list_unit_minor");
  }
  if (line.paid_units_minor.size() != static_cast<uint64_t>(line.quantity)) {
    return AtLine(MakeError(ErrorCode::kInvalidArgument, "one paid amount per unit is expected"), index,
                  ".paid_units_minor");
  }
  for (size_t i = 0; i < line.paid_units_minor.size(); ++i) {
    if (line.paid_units_minor[i] < 0) {
      return AtLine(MakeError(ErrorCode::kInvalidArgument, "a paid amount must not be negative"), index,
                    ".paid_units_minor[" + std::to_string(i) + "]");
    }
  }
  return Status::Ok();
}

Result<int64_t> Basis(const CommissionRule& rule, const CommissionLine& line) {
  if (rule.basis == CommissionBasis::kListPrice) return CheckedMultiply(line.list_unit_minor, line.quantity);
  int64_t sum = 0;
  for (int64_t unit : line.paid_units_minor) {
    auto next = CheckedAdd(sum, unit);
    if (!next.ok()) return next.error();
    sum = *next;
  }
  return sum;
}

// (level 1, level 2) beneficiaries for this rule and chain; empty = nobody.
std::pair<std::string, std::string> Beneficiaries(const CommissionRule& rule, const ReferralChain& chain) {
  if (chain.buyer_is_promoter) {
    switch (rule.self_purchase) {
      case SelfPurchasePolicy::kNone: return {"", ""};
      case SelfPurchasePolicy::kBuyerEarns: return {chain.buyer_id, chain.upline_id};
      case SelfPurchasePolicy::kUplineOnly: break;
    }
  }
  return {chain.upline_id, chain.upline_upline_id};
}

}  // namespace

const char* CommissionScopeName(CommissionScope scope) {
  switch (scope) {
    case CommissionScope::kCampaign: return "campaign";
    case CommissionScope::kSku: return "sku";
    case CommissionScope::kCategory: return "category";
  }
  return "unknown";
}

const char* CommissionBasisName(CommissionBasis basis) {
  switch (basis) {
    case CommissionBasis::kPaidAmount: return "paid";
    case CommissionBasis::kListPrice: return "list";
  }
  return "unknown";
}

const char* SelfPurchasePolicyName(SelfPurchasePolicy policy) {
  switch (policy) {
    case SelfPurchasePolicy::kNone: return "none";
    case SelfPurchasePolicy::kBuyerEarns: return "buyer_earns";
    case SelfPurchasePolicy::kUplineOnly: return "upline_only";
  }
  return "unknown";
}

Result<CommissionScope> ParseCommissionScope(const std::string& name) {
  static const CommissionScope kAll[] = {CommissionScope::kCampaign, CommissionScope::kSku, CommissionScope::kCategory};
  return ParseEnumName(name, kAll, CommissionScopeName, "commission scope");
}

Result<CommissionBasis> ParseCommissionBasis(const std::string& name) {
  static const CommissionBasis kAll[] = {CommissionBasis::kPaidAmount, CommissionBasis::kListPrice};
  return ParseEnumName(name, kAll, CommissionBasisName, "commission basis");
}

Result<SelfPurchasePolicy> ParseSelfPurchasePolicy(const std::string& name) {
  static const SelfPurchasePolicy kAll[] = {SelfPurchasePolicy::kNone, SelfPurchasePolicy::kBuyerEarns,
                                            SelfPurchasePolicy::kUplineOnly};
  return ParseEnumName(name, kAll, SelfPurchasePolicyName, "self-purchase policy");
}

Status ValidateCommissionRules(const std::vector<CommissionRule>& rules) {
  std::set<std::string> ids;
  std::set<std::pair<int, std::string>> targets;
  for (size_t i = 0; i < rules.size(); ++i) {
    const CommissionRule& rule = rules[i];
    std::string path = "rules[" + std::to_string(i) + "]";
    if (rule.id.empty()) return MakeError(ErrorCode::kInvalidArgument, "rule id must not be empty", path + ".id");
    if (!ids.insert(rule.id).second) return MakeError(ErrorCode::kConflict, "rule id appears twice", path + ".id");
    if (rule.target.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "rule target must not be empty", path + ".target");
    }
    if (!targets.insert({static_cast<int>(rule.scope), rule.target}).second) {
      return MakeError(ErrorCode::kConflict,
                       std::string("another rule already covers ") + CommissionScopeName(rule.scope) + " '" +
                           rule.target + "'",
                       path + ".target");
    }
    SHOPCORE_RETURN_IF_ERROR(CheckRate(rule.level1_rate, path + ".level1_rate"));
    if (rule.level2_rate) SHOPCORE_RETURN_IF_ERROR(CheckRate(*rule.level2_rate, path + ".level2_rate"));
  }
  return Status::Ok();
}

const CommissionRule* FindCommissionRule(const std::vector<CommissionRule>& rules, const CommissionLine& line) {
  const CommissionRule* best = nullptr;
  for (const auto& rule : rules) {
    bool covers = (rule.scope == CommissionScope::kCampaign && !line.campaign.empty() && rule.target == line.campaign) ||
                  (rule.scope == CommissionScope::kSku && rule.target == line.sku) ||
                  (rule.scope == CommissionScope::kCategory && !line.category.empty() && rule.target == line.category);
    if (covers && (!best || static_cast<int>(rule.scope) < static_cast<int>(best->scope))) best = &rule;
  }
  return best;
}

Result<OrderCommission> ComputeCommission(const std::vector<CommissionRule>& rules,
                                          const std::vector<CommissionLine>& lines, const ReferralChain& chain) {
  SHOPCORE_RETURN_IF_ERROR(ValidateCommissionRules(rules));
  if (chain.buyer_id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "buyer id must not be empty", "chain.buyer_id");
  }
  OrderCommission result;
  for (size_t i = 0; i < lines.size(); ++i) {
    SHOPCORE_RETURN_IF_ERROR(ValidateLine(lines[i], i));
    LineCommission line_commission;
    line_commission.line_id = lines[i].line_id;
    const CommissionRule* rule = FindCommissionRule(rules, lines[i]);
    if (rule) {
      line_commission.rule_id = rule->id;
      auto basis = Basis(*rule, lines[i]);
      if (!basis.ok()) return AtLine(basis.error(), i, "");
      line_commission.basis_minor = *basis;
      auto who = Beneficiaries(*rule, chain);
      const std::string* ids[2] = {&who.first, &who.second};
      const Decimal* rates[2] = {&rule->level1_rate, rule->level2_rate ? &*rule->level2_rate : nullptr};
      for (int level = 0; level < 2; ++level) {
        if (ids[level]->empty() || !rates[level]) continue;
        auto amount = rates[level]->MultiplyAmount(*basis, rule->rounding);
        if (!amount.ok()) return AtLine(amount.error(), i, "");
        line_commission.shares.push_back(CommissionShare{level + 1, *ids[level], *amount});
        int64_t& total = level == 0 ? result.level1_total_minor : result.level2_total_minor;
        auto sum = CheckedAdd(total, *amount);
        if (!sum.ok()) return AtLine(sum.error(), i, "");
        total = *sum;
        auto person = CheckedAdd(result.by_beneficiary[*ids[level]], *amount);
        if (!person.ok()) return AtLine(person.error(), i, "");
        result.by_beneficiary[*ids[level]] = *person;
      }
    }
    result.lines.push_back(std::move(line_commission));
  }
  return result;
}

namespace {
// The sharer, as level 1, of a friend who is not a promoter.
ReferralChain SharerChain() {
  ReferralChain chain;
  chain.buyer_id = "friend";
  chain.upline_id = "sharer";
  return chain;
}
}  // namespace

Result<int64_t> ShareToEarnItem(const std::vector<CommissionRule>& rules, const CommissionLine& item,
                                int64_t unit_price_minor) {
  if (unit_price_minor < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "price must not be negative", "unit_price_minor");
  }
  CommissionLine one = item;
  one.quantity = 1;
  one.paid_units_minor = {unit_price_minor};
  if (one.line_id.empty()) one.line_id = "item";
  auto commission = ComputeCommission(rules, {one}, SharerChain());
  if (!commission.ok()) return commission.error();
  return commission->level1_total_minor;
}

Result<int64_t> ShareToEarnCart(const std::vector<CommissionRule>& rules, const std::vector<CommissionLine>& lines) {
  auto commission = ComputeCommission(rules, lines, SharerChain());
  if (!commission.ok()) return commission.error();
  return commission->level1_total_minor;
}

}  // namespace shopcore
