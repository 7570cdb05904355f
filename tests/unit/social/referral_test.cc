#include "shopcore/social/referral.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shopcore {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

CommissionRule Rule(const std::string& id, CommissionScope scope, const std::string& target, const char* level1,
                    const char* level2 = nullptr) {
  CommissionRule rule;
  rule.id = id;
  rule.scope = scope;
  rule.target = target;
  rule.level1_rate = D(level1);
  if (level2) rule.level2_rate = D(level2);
  return rule;
}

CommissionLine Line(const std::string& id, const std::string& sku, const std::string& category,
                    std::vector<int64_t> paid_units, int64_t list_unit) {
  CommissionLine line;
  line.line_id = id;
  line.sku = sku;
  line.category = category;
  line.quantity = static_cast<int64_t>(paid_units.size());
  line.list_unit_minor = list_unit;
  line.paid_units_minor = std::move(paid_units);
  return line;
}

ReferralChain Chain(bool buyer_is_promoter = false) {
  ReferralChain chain;
  chain.buyer_id = "buyer";
  chain.buyer_is_promoter = buyer_is_promoter;
  chain.upline_id = "lin";
  chain.upline_upline_id = "wang";
  return chain;
}

TEST(Referral, MostSpecificRuleWinsCampaignThenSkuThenCategory) {
  std::vector<CommissionRule> rules = {Rule("cat", CommissionScope::kCategory, "tea", "0.05"),
                                       Rule("sku", CommissionScope::kSku, "sku-oolong", "0.08"),
                                       Rule("camp", CommissionScope::kCampaign, "gb-tea", "0.02")};
  CommissionLine line = Line("l1", "sku-oolong", "tea", {1000}, 1200);
  EXPECT_EQ(FindCommissionRule(rules, line)->id, "sku");
  line.campaign = "gb-tea";
  EXPECT_EQ(FindCommissionRule(rules, line)->id, "camp");
  line.campaign.clear();
  line.sku = "sku-green";
  EXPECT_EQ(FindCommissionRule(rules, line)->id, "cat");
  line.category = "coffee";
  EXPECT_EQ(FindCommissionRule(rules, line), nullptr);
}

TEST(Referral, TwoLevelsOnPaidAndListBasisWithPerRuleRounding) {
  CommissionRule paid = Rule("r-paid", CommissionScope::kSku, "sku-a", "0.1", "0.03");
  paid.rounding = RoundingMode::kHalfUp;
  CommissionRule list = Rule("r-list", CommissionScope::kSku, "sku-b", "0.075");
  list.basis = CommissionBasis::kListPrice;
  list.rounding = RoundingMode::kDown;
  // sku-a: 3 units paid 333+333+334 = 1000 after a discount (list 400 each).
  // sku-b: 2 units, list 1999 each = 3998; 7.5% = 299.85 -> 299 (down).
  auto result = ComputeCommission({paid, list},
                                  {Line("l1", "sku-a", "", {333, 333, 334}, 400), Line("l2", "sku-b", "", {1500, 1500}, 1999),
                                   Line("l3", "sku-c", "", {99}, 99)},
                                  Chain());
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  ASSERT_EQ(result->lines.size(), 3u);
  EXPECT_EQ(result->lines[0].basis_minor, 1000);
  ASSERT_EQ(result->lines[0].shares.size(), 2u);
  EXPECT_EQ(result->lines[0].shares[0].beneficiary_id, "lin");
  EXPECT_EQ(result->lines[0].shares[0].amount_minor, 100);
  EXPECT_EQ(result->lines[0].shares[1].beneficiary_id, "wang");
  EXPECT_EQ(result->lines[0].shares[1].amount_minor, 30);
  EXPECT_EQ(result->lines[1].basis_minor, 3998);
  ASSERT_EQ(result->lines[1].shares.size(), 1u);  // a one-level rule
  EXPECT_EQ(result->lines[1].shares[0].amount_minor, 299);
  EXPECT_EQ(result->lines[2].rule_id, "");
  EXPECT_TRUE(result->lines[2].shares.empty());
  EXPECT_EQ(result->level1_total_minor, 399);
  EXPECT_EQ(result->level2_total_minor, 30);
  EXPECT_EQ(result->by_beneficiary.at("lin"), 399);
  EXPECT_EQ(result->by_beneficiary.at("wang"), 30);

  // The same half-cent tie under different modes: 5% of 1010 = 50.5.
  CommissionRule tie = Rule("tie", CommissionScope::kSku, "sku-a", "0.05");
  tie.rounding = RoundingMode::kHalfEven;
  EXPECT_EQ(ComputeCommission({tie}, {Line("l", "sku-a", "", {1010}, 0)}, Chain())->level1_total_minor, 50);
  tie.rounding = RoundingMode::kHalfUp;
  EXPECT_EQ(ComputeCommission({tie}, {Line("l", "sku-a", "", {1010}, 0)}, Chain())->level1_total_minor, 51);
}

TEST(Referral, SelfPurchasePolicies) {
  CommissionRule rule = Rule("r", CommissionScope::kSku, "sku-a", "0.1", "0.05");
  std::vector<CommissionLine> lines = {Line("l1", "sku-a", "", {2000}, 2000)};

  rule.self_purchase = SelfPurchasePolicy::kNone;
  auto none = ComputeCommission({rule}, lines, Chain(true));
  EXPECT_TRUE(none->lines[0].shares.empty());
  EXPECT_EQ(none->level1_total_minor, 0);

  rule.self_purchase = SelfPurchasePolicy::kBuyerEarns;
  auto buyer = ComputeCommission({rule}, lines, Chain(true));
  EXPECT_EQ(buyer->lines[0].shares[0].beneficiary_id, "buyer");
  EXPECT_EQ(buyer->lines[0].shares[0].amount_minor, 200);
  EXPECT_EQ(buyer->lines[0].shares[1].beneficiary_id, "lin");
  EXPECT_EQ(buyer->lines[0].shares[1].amount_minor, 100);

  rule.self_purchase = SelfPurchasePolicy::kUplineOnly;
  auto upline = ComputeCommission({rule}, lines, Chain(true));
  EXPECT_EQ(upline->lines[0].shares[0].beneficiary_id, "lin");
  EXPECT_EQ(upline->lines[0].shares[1].beneficiary_id, "wang");

  // Not a promoter: the policy does not matter.
  rule.self_purchase = SelfPurchasePolicy::kNone;
  EXPECT_EQ(ComputeCommission({rule}, lines, Chain(false))->lines[0].shares[0].beneficiary_id, "lin");
  // Nobody upstream: nobody earns.
  ReferralChain alone;
  alone.buyer_id = "solo";
  EXPECT_TRUE(ComputeCommission({rule}, lines, alone)->lines[0].shares.empty());
}

TEST(Referral, ShareToEarnPerItemAndPerCart) {
  std::vector<CommissionRule> rules = {Rule("r", CommissionScope::kCategory, "tea", "0.12", "0.04")};
  CommissionLine item = Line("", "sku-oolong", "tea", {}, 6800);
  item.quantity = 0;
  EXPECT_EQ(*ShareToEarnItem(rules, item, 5990), 718);  // 12% of 59.90 = 7.188 -> 7.18 (down)
  EXPECT_EQ(*ShareToEarnCart(rules, {Line("a", "sku-oolong", "tea", {5990, 5990}, 6800),
                                     Line("b", "sku-mug", "ware", {2500}, 2500)}),
            1437);  // 12% of 119.80 = 14.376 -> 14.37; the mug has no rule
  EXPECT_EQ(ShareToEarnItem(rules, item, -1).error().path, "unit_price_minor");
}

TEST(Referral, RejectsBadRulesAndLines) {
  EXPECT_EQ(ValidateCommissionRules({Rule("a", CommissionScope::kSku, "x", "1.01")}).error().path,
            "rules[0].level1_rate");
  EXPECT_EQ(ValidateCommissionRules({Rule("a", CommissionScope::kSku, "x", "0.1", "-0.01")}).error().path,
            "rules[0].level2_rate");
  EXPECT_EQ(ValidateCommissionRules({Rule("a", CommissionScope::kSku, "x", "0.1"),
                                     Rule("b", CommissionScope::kSku, "x", "0.2")})
                .error()
                .code,
            ErrorCode::kConflict);
  EXPECT_EQ(ValidateCommissionRules({Rule("a", CommissionScope::kSku, "x", "0.1"),
                                     Rule("a", CommissionScope::kSku, "y", "0.2")})
                .error()
                .path,
            "rules[1].id");
  EXPECT_TRUE(ValidateCommissionRules({Rule("a", CommissionScope::kSku, "x", "0.1"),
                                       Rule("b", CommissionScope::kCategory, "x", "0.2")})
                  .ok());
  std::vector<CommissionRule> rules = {Rule("r", CommissionScope::kSku, "sku-a", "0.1")};
  CommissionLine short_units = Line("l", "sku-a", "", {100}, 100);
  short_units.quantity = 2;
  EXPECT_EQ(ComputeCommission(rules, {short_units}, Chain()).error().path, "lines[0].paid_units_minor");
  EXPECT_EQ(ComputeCommission(rules, {Line("l", "sku-a", "", {100, -1}, 100)}, Chain()).error().path,
            "lines[0].paid_units_minor[1]");
  EXPECT_EQ(ComputeCommission(rules, {Line("l", "sku-a", "", {INT64_MAX, 1}, 100)}, Chain()).error().code,
            ErrorCode::kOverflow);
  ReferralChain nobody;
  EXPECT_EQ(ComputeCommission(rules, {}, nobody).error().path, "chain.buyer_id");
}

}  // namespace
}  // namespace shopcore
