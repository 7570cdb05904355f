// Referral and distribution 分销: promoters earn a commission on what the
// shoppers they brought buy, on one or two levels.
//
// Rules: each names its scope (a campaign, a SKU or a category) and, for an
// order line, the most specific one applies: campaign, then SKU, then
// category (two rules with the same scope and target are a CONFLICT). A line
// no rule covers earns nothing.
// Basis, per rule: the amount actually paid for the line after discounts
// (the sum of its per-unit allocation, which the cart engine computes) or
// the list price x quantity. Commission per line and level =
// basis x rate, rounded once with the rule's mode (Decimal, no double).
// Who earns (level 1, level 2) depends on the buyer's referral chain and on
// the rule's self-purchase policy, applied when the buyer is a promoter:
//   none:        a promoter's own purchase earns nobody anything;
//   buyer_earns: the buyer earns level 1 (自购返佣), their upline level 2;
//   upline_only: the buyer earns nothing; their upline earns level 1 and the
//                upline's upline level 2, as for any other shopper.
#ifndef SHOPCORE_SOCIAL_REFERRAL_H_
#define SHOPCORE_SOCIAL_REFERRAL_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "shopcore/money/decimal.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {

enum class CommissionScope { kCampaign, kSku, kCategory };  // also the precedence order
enum class CommissionBasis { kPaidAmount, kListPrice };
enum class SelfPurchasePolicy { kNone, kBuyerEarns, kUplineOnly };

const char* CommissionScopeName(CommissionScope scope);  // "campaign", "sku", "category"
const char* CommissionBasisName(CommissionBasis basis);  // "paid", "list"
const char* SelfPurchasePolicyName(SelfPurchasePolicy policy);  // "none", "buyer_earns", "upline_only"
Result<CommissionScope> ParseCommissionScope(const std::string& name);
Result<CommissionBasis> ParseCommissionBasis(const std::string& name);
Result<SelfPurchasePolicy> ParseSelfPurchasePolicy(const std::string& name);

struct CommissionRule {
  std::string id;
  CommissionScope scope = CommissionScope::kSku;
  std::string target;  // the campaign, SKU or category id
  CommissionBasis basis = CommissionBasis::kPaidAmount;
  Decimal level1_rate;                // 0 .. 1 ("0.1" is 10%)
  std::optional<Decimal> level2_rate;  // none: a one-level rule
  RoundingMode rounding = RoundingMode::kDown;
  SelfPurchasePolicy self_purchase = SelfPurchasePolicy::kNone;
};

struct CommissionLine {
  std::string line_id;
  std::string sku;
  std::string category;
  std::string campaign;  // empty: not an activity line
  int64_t quantity = 0;
  int64_t list_unit_minor = 0;
  std::vector<int64_t> paid_units_minor;  // per-unit amounts after discounts; quantity entries
};

struct ReferralChain {
  std::string buyer_id;
  bool buyer_is_promoter = false;
  std::string upline_id;         // who brought the buyer; empty if nobody
  std::string upline_upline_id;  // who brought the upline; empty if nobody
};

struct CommissionShare {
  int level = 0;  // 1 or 2
  std::string beneficiary_id;
  int64_t amount_minor = 0;
};

struct LineCommission {
  std::string line_id;
  std::string rule_id;  // empty: no rule covers the line
  int64_t basis_minor = 0;
  std::vector<CommissionShare> shares;  // level order; only levels someone earns
};

struct OrderCommission {
  std::vector<LineCommission> lines;                // in input order
  std::map<std::string, int64_t> by_beneficiary;    // sorted by id
  int64_t level1_total_minor = 0;
  int64_t level2_total_minor = 0;
};

Status ValidateCommissionRules(const std::vector<CommissionRule>& rules);
// The rule that covers the line, or nullptr.
const CommissionRule* FindCommissionRule(const std::vector<CommissionRule>& rules, const CommissionLine& line);

Result<OrderCommission> ComputeCommission(const std::vector<CommissionRule>& rules,
                                          const std::vector<CommissionLine>& lines, const ReferralChain& chain);

// "Share to earn X": what a promoter earns at level 1 if a friend buys.
// For an item, one unit at unit_price_minor (the price the friend would pay;
// list-price rules use list_unit_minor); for a cart, the sum over its lines.
Result<int64_t> ShareToEarnItem(const std::vector<CommissionRule>& rules, const CommissionLine& item,
                                int64_t unit_price_minor);
Result<int64_t> ShareToEarnCart(const std::vector<CommissionRule>& rules, const std::vector<CommissionLine>& lines);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_REFERRAL_H_
