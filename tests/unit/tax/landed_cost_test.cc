// The worked examples of issue 6 on the shipped rules (data/tax-rules.json):
// exact amounts, the rule that decided them, and who collects.
#include "shopcore/tax/landed_cost.h"

#include <gtest/gtest.h>

#include "tax/tax_test_util.h"

namespace shopcore::tax {
namespace {

using testing::ComponentAmount;
using testing::Cost;
using testing::ShippedRules;

TEST(LandedCost, ShippedRulesParseAndValidate) {
  auto parsed = ParseTaxRulesJson(testing::ReadSourceFile("data/tax-rules.json"));
  ASSERT_TRUE(parsed.ok()) << parsed.error().ToString();
  for (const auto& rule : parsed->domestic) {
    EXPECT_FALSE(rule.meta.source.empty()) << rule.meta.id;
    EXPECT_FALSE(rule.meta.verified_on.empty()) << rule.meta.id;
  }
  for (const auto& regime : parsed->imports) {
    EXPECT_FALSE(regime.meta.source.empty()) << regime.meta.id;
    EXPECT_FALSE(regime.meta.verified_on.empty()) << regime.meta.id;
  }
}

TEST(LandedCost, ChinaCrossBorderCompositeRate) {
  // CNY 300 item + CNY 20 freight: 320 x 13% x 70% = CNY 29.12, withheld by the platform.
  auto cost = Cost(R"({"market":"CN","origin":"US","currency":"CNY","locale":"zh-CN",
    "lines":[{"id":"a","amount_minor":30000}],"shipping_minor":2000,
    "annual_quota_remaining_minor":2600000,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "cbec");
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 2912);
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 0);
  EXPECT_EQ(cost->total, 34912);
  EXPECT_EQ(cost->due_at_checkout, 34912);
  EXPECT_EQ(cost->tax_label, "含税");
  EXPECT_EQ(cost->status_label, "含税费");
  EXPECT_EQ(cost->rules[0].id, "CN-CBEC-2019");
  EXPECT_TRUE(cost->warnings.empty());
}

TEST(LandedCost, ChinaCosmeticsCompositeWithConsumptionTax) {
  // 15% consumption tax: (13% + 15%) / (1 - 15%) x 70% = 23.0588..% of CNY 100 -> 23.06.
  auto cost = Cost(R"({"market":"CN","origin":"KR","currency":"CNY",
    "lines":[{"id":"a","amount_minor":10000,"excise_rate":"0.15"}],
    "annual_quota_remaining_minor":2600000,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 2306);
}

TEST(LandedCost, ChinaOverTheQuotaIsGeneralTradeAndSaysSo) {
  // CNY 3,000 fits the single limit but not a remaining quota of CNY 1,000.
  auto cost = Cost(R"({"market":"CN","origin":"US","currency":"CNY",
    "lines":[{"id":"a","amount_minor":300000,"duty_rate":"0.1"}],
    "annual_quota_remaining_minor":100000,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "general_trade");
  EXPECT_EQ(cost->notice, "Over the cross-border limits: duty and taxes are charged in full as general trade.");
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 30000);
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 42900);  // (3000 + 300) x 13%
  // Without the quota the CBEC tier applies, with a warning that it was not checked.
  auto unchecked = Cost(R"({"market":"CN","origin":"US","currency":"CNY",
    "lines":[{"id":"a","amount_minor":300000}],"now":"2026-11-22"})");
  ASSERT_TRUE(unchecked.ok());
  EXPECT_EQ(unchecked->tier, "cbec");
  ASSERT_EQ(unchecked->warnings.size(), 1u);
  EXPECT_EQ(unchecked->warnings[0], "annual_quota_not_checked");
}

const char kFranceIoss[] = R"({"market":"FR","origin":"CN","currency":"EUR","locale":"fr-FR","seller_ioss":true,
  "lines":[{"id":"blouse","amount_minor":4999,"hs_code":"620640"}],"shipping_minor":500,"now":"%s"})";

std::string At(const char* pattern, const char* date) {
  std::string text(pattern);
  return text.replace(text.find("%s"), 2, date);
}

TEST(LandedCost, FranceIossBeforeTheFlatDuty) {
  // EUR 49.99 + EUR 5.00 shipping at 20%: VAT 10.998 -> EUR 11.00 at checkout.
  auto cost = Cost(At(kFranceIoss, "2026-06-30"));
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "ioss");
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 1100);
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 0);
  EXPECT_EQ(cost->total, 6599);
  EXPECT_EQ(cost->due_on_delivery, 0);
  EXPECT_EQ(cost->rules[0].id, "FR-IMPORT-2021-07");
  EXPECT_EQ(cost->tax_label, "TTC");
  EXPECT_EQ(cost->status_label, "Droits et taxes inclus");
}

TEST(LandedCost, FranceIossFromJulyTwentySixPaysThreeEurosPerTariffLine) {
  auto cost = Cost(At(kFranceIoss, "2026-07-01"));
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 1100);  // the flat duty is not in the VAT base
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 300);
  EXPECT_EQ(cost->total, 6899);
  EXPECT_EQ(cost->rules[0].id, "FR-IMPORT-2026-07");
  // Silk blouse + two wool blouses (two sub-headings) + a watch: 3 x EUR 3.
  auto mixed = Cost(R"({"market":"FR","origin":"CN","currency":"EUR","seller_ioss":true,
    "lines":[{"id":"silk","amount_minor":2000,"hs_code":"620610"},
             {"id":"wool","amount_minor":3000,"quantity":2,"hs_code":"62062000"},
             {"id":"wool2","amount_minor":1500,"hs_code":"620620"},
             {"id":"watch","amount_minor":4000,"hs_code":"910211"}],"now":"2026-11-22"})");
  ASSERT_TRUE(mixed.ok()) << mixed.error().ToString();
  EXPECT_EQ(ComponentAmount(*mixed, "duty"), 900);
  EXPECT_EQ(mixed->lines[1].duty, 300);
  EXPECT_EQ(mixed->lines[2].duty, 0);  // same sub-heading as "wool": counted once
}

TEST(LandedCost, FranceOverOneFiftyIsEstimatedAtTheBorder) {
  auto cost = Cost(R"({"market":"FR","origin":"CN","currency":"EUR","locale":"en","seller_ioss":true,
    "lines":[{"id":"a","amount_minor":20000,"hs_code":"640399","duty_rate":"0.08"}],"shipping_minor":1000,
    "now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "border");
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 1680);  // 8% of CIF 210.00
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 4536);   // 20% of 226.80
  EXPECT_EQ(cost->due_at_checkout, 21000);
  EXPECT_EQ(cost->due_on_delivery, 6216);
  EXPECT_EQ(cost->status_label, "Estimated duties & taxes, payable on delivery");
  for (const Component& component : cost->components) {
    if (component.kind == "duty" || component.kind == "tax") {
      EXPECT_EQ(component.collection, Collection::kEstimated);
    }
  }
}

TEST(LandedCost, BrazilRemessaConforme) {
  // CIF US$50: II 20% = 10.00; ICMS (50 + 10) / 0.83 x 17% = 12.29; total 72.29.
  auto fifty = Cost(R"({"market":"BR","origin":"CN","currency":"USD",
    "lines":[{"id":"a","amount_minor":4000}],"shipping_minor":800,"insurance_minor":200,"now":"2026-11-22"})");
  ASSERT_TRUE(fifty.ok()) << fifty.error().ToString();
  EXPECT_EQ(fifty->tier, "up_to_50");
  EXPECT_EQ(ComponentAmount(*fifty, "duty"), 1000);
  EXPECT_EQ(ComponentAmount(*fifty, "tax"), 1229);
  EXPECT_EQ(fifty->total, 7229);
  // CIF US$100: II 60% - US$20 = 40.00; ICMS 140 / 0.83 x 17% = 28.67; total 168.67.
  auto hundred = Cost(R"({"market":"BR","origin":"CN","currency":"USD",
    "lines":[{"id":"a","amount_minor":10000}],"now":"2026-11-22"})");
  ASSERT_TRUE(hundred.ok()) << hundred.error().ToString();
  EXPECT_EQ(hundred->tier, "up_to_3000");
  EXPECT_EQ(ComponentAmount(*hundred, "duty"), 4000);
  EXPECT_EQ(ComponentAmount(*hundred, "tax"), 2867);
  EXPECT_EQ(hundred->total, 16867);
  EXPECT_EQ(hundred->due_at_checkout, 16867);
}

TEST(LandedCost, BrazilThresholdConvertsAtTheGivenRate) {
  // BRL 250.00 at 1 BRL = 0.19 USD is US$47.50: the 20% tier. II 50.00,
  // ICMS 300 / 0.83 x 17% = 61.45.
  auto cost = Cost(R"({"market":"BR","origin":"CN","currency":"BRL",
    "lines":[{"id":"a","amount_minor":25000}],"fx":[{"from":"BRL","to":"USD","rate":"0.19"}],"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "up_to_50");
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 5000);
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 6145);
  // Without the rate the threshold cannot be decided.
  auto missing = Cost(R"({"market":"BR","origin":"CN","currency":"BRL",
    "lines":[{"id":"a","amount_minor":25000}],"now":"2026-11-22"})");
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().path, "fx");
}

TEST(LandedCost, IndonesiaDutyAndEffectiveVat) {
  // CIF US$60: duty 7.5% = 4.50; VAT 11% of 64.50 = 7.095 -> 7.10.
  auto cost = Cost(R"({"market":"ID","origin":"CN","currency":"USD",
    "lines":[{"id":"a","amount_minor":5000}],"shipping_minor":1000,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "consignment");
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 450);
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 710);
  EXPECT_EQ(cost->due_on_delivery, 1160);
}

TEST(LandedCost, JapanSixtyPercentRuleAndTheTenThousandYenExemption) {
  // JPY 16,000 retail + JPY 400 shipping: customs value 9,600 + 400 = 10,000: exempt.
  auto exempt = Cost(R"({"market":"JP","origin":"US","currency":"JPY","locale":"ja-JP",
    "lines":[{"id":"a","amount_minor":16000}],"shipping_minor":400,"now":"2026-11-22"})");
  ASSERT_TRUE(exempt.ok()) << exempt.error().ToString();
  EXPECT_EQ(exempt->tier, "exempt");
  EXPECT_EQ(exempt->total, 16400);
  EXPECT_EQ(exempt->status_label, "関税・税込");
  // One yen more of shipping: taxed on 10,001 (+ duty) at 10%, estimated.
  auto taxed = Cost(R"({"market":"JP","origin":"US","currency":"JPY","locale":"ja-JP",
    "lines":[{"id":"a","amount_minor":16000,"duty_rate":"0.05"}],"shipping_minor":401,"now":"2026-11-22"})");
  ASSERT_TRUE(taxed.ok()) << taxed.error().ToString();
  EXPECT_EQ(taxed->tier, "border");
  EXPECT_EQ(ComponentAmount(*taxed, "duty"), 500);   // 5% of 10,001 = 500.05, rounded down
  EXPECT_EQ(ComponentAmount(*taxed, "tax"), 1050);   // 10% of 10,501 = 1,050.1
  EXPECT_EQ(taxed->status_label, "関税・税（概算）はお届け時にお支払い");
}

TEST(LandedCost, CanadaCourierThresholdsDependOnOriginAndChannel) {
  const char* pattern = R"({"market":"CA","origin":"%s","channel":"courier","currency":"CAD",
    "lines":[{"id":"a","amount_minor":10000}],"now":"2026-11-22"})";
  auto from_us = Cost(At(pattern, "US"));
  ASSERT_TRUE(from_us.ok()) << from_us.error().ToString();
  EXPECT_EQ(from_us->tier, "cusma_courier_taxed");
  EXPECT_EQ(ComponentAmount(*from_us, "duty"), 0);
  EXPECT_EQ(ComponentAmount(*from_us, "tax"), 500);  // GST 5%
  auto from_cn = Cost(At(pattern, "CN"));
  ASSERT_TRUE(from_cn.ok());
  EXPECT_EQ(from_cn->tier, "border");
  EXPECT_EQ(from_cn->warnings[0], "duty_rate_unknown:a");
}

TEST(LandedCost, UnitedStatesHasNoDeMinimisAndEstimatesDuty) {
  auto cost = Cost(R"({"market":"US","origin":"CN","currency":"USD",
    "lines":[{"id":"a","amount_minor":2000,"duty_rate":"0.25"}],"shipping_minor":500,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->tier, "formal");
  EXPECT_EQ(ComponentAmount(*cost, "duty"), 500);  // on FOB, not on shipping
  EXPECT_EQ(cost->due_on_delivery, 500);
}

TEST(LandedCost, KoreaAllowsMoreFromTheUnitedStates) {
  const char* pattern = R"({"market":"KR","origin":"%s","currency":"USD",
    "lines":[{"id":"a","amount_minor":18000,"duty_rate":"0.08"}],"now":"2026-11-22"})";
  auto from_us = Cost(At(pattern, "US"));
  ASSERT_TRUE(from_us.ok());
  EXPECT_EQ(from_us->tier, "list_clearance_us");
  EXPECT_EQ(from_us->total, 18000);
  auto from_cn = Cost(At(pattern, "CN"));
  ASSERT_TRUE(from_cn.ok());
  EXPECT_EQ(ComponentAmount(*from_cn, "duty"), 1440);
  EXPECT_EQ(ComponentAmount(*from_cn, "tax"), 1944);  // 10% of 194.40: the whole value
}

TEST(LandedCost, DomesticInclusiveAndExclusiveMarkets) {
  // DE shows prices with VAT: EUR 9.99 incl. 19% -> VAT 1.60, net 8.39.
  auto de = Cost(R"({"market":"DE","origin":"DE","currency":"EUR","locale":"de-DE",
    "lines":[{"id":"a","amount_minor":999}],"now":"2026-11-22"})");
  ASSERT_TRUE(de.ok()) << de.error().ToString();
  EXPECT_FALSE(de->cross_border);
  EXPECT_TRUE(de->prices_include_tax);
  EXPECT_EQ(de->lines[0].goods, 839);
  EXPECT_EQ(de->lines[0].tax, 160);
  EXPECT_EQ(de->total, 999);
  EXPECT_EQ(de->tax_label, "inkl. MwSt.");
  // Canada adds GST: 3 x 1.08 + shipping 2.00 at 5%.
  auto ca = Cost(R"({"market":"CA","origin":"CA","currency":"CAD",
    "lines":[{"id":"a","amount_minor":324,"quantity":3}],"shipping_minor":200,"now":"2026-11-22"})");
  ASSERT_TRUE(ca.ok()) << ca.error().ToString();
  EXPECT_FALSE(ca->prices_include_tax);
  EXPECT_EQ(ComponentAmount(*ca, "tax"), 16 + 10);
  EXPECT_EQ(ca->total, 324 + 200 + 26);
  EXPECT_EQ(ca->tax_label, "plus GST/HST");
}

TEST(LandedCost, JapanDomesticTaxIsRoundedOncePerInvoicePerRate) {
  auto cost = Cost(R"({"market":"JP","origin":"JP","currency":"JPY",
    "lines":[{"id":"a","amount_minor":150},{"id":"b","amount_minor":150},{"id":"c","amount_minor":150},
             {"id":"rice","amount_minor":540,"tax_category":"reduced"}],"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 80);  // 40 at 10% + 40 at 8%; per item it would be 39 + 40
}

TEST(LandedCost, MixedRatesSplitCorrectlyAndAddUp) {
  auto cost = Cost(R"({"market":"FR","origin":"FR","currency":"EUR",
    "lines":[{"id":"book","amount_minor":2110,"tax_category":"reduced"},{"id":"pen","amount_minor":1200},
             {"id":"gift","amount_minor":500,"tax_category":"exempt"}],"shipping_minor":600,"now":"2026-11-22"})");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->lines[0].tax_rate.ToString(), "0.055");
  // Book 21.10 incl. 5.5% -> 1.10; pen 12.00 incl. 20% -> 2.00; shipping 6.00
  // incl. 20% -> 1.00, spread by goods 55/32/13: the exempt gift carries only
  // its share of the shipping VAT.
  EXPECT_EQ(cost->lines[0].tax, 110 + 55);
  EXPECT_EQ(cost->lines[1].tax, 200 + 32);
  EXPECT_EQ(cost->lines[2].tax, 13);
  EXPECT_EQ(ComponentAmount(*cost, "tax"), 410);
  EXPECT_EQ(ComponentAmount(*cost, "shipping"), 500);
  int64_t sum = 0;
  for (const LineCost& line : cost->lines) sum += line.total;
  EXPECT_EQ(sum, cost->total);
  EXPECT_EQ(cost->total, 2110 + 1200 + 500 + 600);  // inclusive: the shopper pays the shown prices
}

}  // namespace
}  // namespace shopcore::tax
