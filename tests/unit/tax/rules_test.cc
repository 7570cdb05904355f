// Rule validity windows, conflicts and the JSON codec's error paths.
#include "shopcore/tax/tax_rules.h"

#include <gtest/gtest.h>

#include "shopcore/tax/tax_json.h"
#include "tax/tax_test_util.h"

namespace shopcore::tax {
namespace {

// A minimal rules document with two domestic rules for XX; the windows are
// filled in per test.
std::string TwoRules(const char* first_to, const char* second_from) {
  return std::string(R"({"version":"t","domestic":[
    {"id":"XX-1","market":"FR","valid_from":"2020-01-01","valid_to":")") + first_to +
         R"(","source":"s","verified_on":"2026-11-21","currency":"EUR","tax_name":"VAT",
     "rates":{"standard":"0.20"},"display":"inclusive","rounding":{"level":"per_line"}},
    {"id":"XX-2","market":"FR","valid_from":")" + second_from +
         R"(","source":"s","verified_on":"2026-11-21","currency":"EUR","tax_name":"VAT",
     "rates":{"standard":"0.21"},"display":"inclusive","rounding":{"level":"per_line"}}]})";
}

int64_t Day(const char* date) { return *ParseIsoDate(date); }

TEST(TaxRules, SelectsTheRuleInForceAtNow) {
  auto rules = ParseTaxRulesJson(TwoRules("2025-12-31", "2026-01-01"));
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  EXPECT_EQ((*rules->SelectDomestic("FR", Day("2025-12-31") + 86399999))->meta.id, "XX-1");
  EXPECT_EQ((*rules->SelectDomestic("FR", Day("2026-01-01")))->meta.id, "XX-2");
  // Before the first window nothing applies: an outdated or future rule is never used.
  auto before = rules->SelectDomestic("FR", Day("2019-12-31"));
  EXPECT_EQ(before.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(before.error().path, "now");
  auto unknown = rules->SelectDomestic("ZZ", Day("2026-01-01"));
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().path, "market");
}

TEST(TaxRules, ARuleOutsideItsWindowIsNotApplied) {
  // The shipped FR rules: the EUR 3 duty rule ends 2028-06-30 and nothing
  // after it is known, so an order in 2028-07 is refused rather than priced
  // with an expired rule.
  auto late = testing::Cost(R"({"market":"FR","origin":"CN","currency":"EUR","seller_ioss":true,
    "lines":[{"id":"a","amount_minor":1000,"hs_code":"620640"}],"now":"2028-07-01"})");
  EXPECT_EQ(late.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(late.error().message, "no import rule for FR in force at " + std::to_string(Day("2028-07-01")));
  auto last_day = testing::Cost(R"({"market":"FR","origin":"CN","currency":"EUR","seller_ioss":true,
    "lines":[{"id":"a","amount_minor":1000,"hs_code":"620640"}],"now":"2028-06-30"})");
  ASSERT_TRUE(last_day.ok());
  EXPECT_EQ(last_day->rules[0].id, "FR-IMPORT-2026-07");
}

TEST(TaxRules, OverlappingRulesForOneMarketAreAConflict) {
  auto overlap = ParseTaxRulesJson(TwoRules("2026-01-01", "2026-01-01"));
  ASSERT_FALSE(overlap.ok());
  EXPECT_EQ(overlap.error().code, ErrorCode::kConflict);
  EXPECT_EQ(overlap.error().path, "domestic[1]");
  EXPECT_EQ(overlap.error().message,
            "rules 'XX-1' and 'XX-2' are both in force for FR between 2026-01-01 and 2026-01-01");
  // An open-ended rule conflicts with any later one for the same market.
  auto open_ended = ParseTaxRulesJson(TwoRules("", "2030-01-01"));
  ASSERT_FALSE(open_ended.ok());
  EXPECT_EQ(open_ended.error().code, ErrorCode::kConflict);
}

TEST(TaxRules, DuplicateIdsAreAConflict) {
  std::string text = TwoRules("2025-12-31", "2026-01-01");
  text.replace(text.find("XX-2"), 4, "XX-1");
  auto rules = ParseTaxRulesJson(text);
  EXPECT_EQ(rules.error().code, ErrorCode::kConflict);
  EXPECT_EQ(rules.error().path, "domestic[1].id");
}

TEST(TaxRules, DatesAreStrict) {
  EXPECT_EQ(ParseIsoDate("1970-01-01").value(), 0);
  EXPECT_EQ(ParseIsoDate("2026-07-01").value(), 1782864000000);
  EXPECT_TRUE(ParseIsoDate("2024-02-29").ok());
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "26-07-01", "2026-07-01T00", ""}) {
    EXPECT_EQ(ParseIsoDate(bad).error().code, ErrorCode::kInvalidArgument) << bad;
  }
  auto reversed = ParseTaxRulesJson(TwoRules("2019-01-01", "2026-01-01"));
  EXPECT_EQ(reversed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(reversed.error().path, "domestic[0].valid_to");
}

TEST(TaxJson, RulesErrorsNameTheJsonPath) {
  struct Case {
    std::string text;
    ErrorCode code;
    const char* path;
  };
  std::string base = TwoRules("2025-12-31", "2026-01-01");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    text.replace(text.find(from), from.size(), to);
    return text;
  };
  const Case cases[] = {
      {"{", ErrorCode::kBadJson, "$"},
      {"[]", ErrorCode::kBadRequest, "$"},
      {R"({"domestic":[]})", ErrorCode::kBadRequest, "version"},
      {with(R"("rates":{"standard":"0.20"})", R"("rates":{"standard":0.2})"), ErrorCode::kBadRequest,
       "domestic[0].rates.standard"},
      {with(R"("rates":{"standard":"0.20"})", R"("rates":{"standard":"-0.2"})"), ErrorCode::kInvalidArgument,
       "domestic[0].rates"},
      {with(R"("level":"per_line"})", R"("level":"per_item"})"), ErrorCode::kInvalidArgument,
       "domestic[0].rounding.level"},
      {with(R"("source":"s",)", ""), ErrorCode::kBadRequest, "domestic[0].source"},
      {with(R"("valid_to")", R"("valid_until")"), ErrorCode::kBadRequest, "domestic[0].valid_until"},
      {with(R"("currency":"EUR")", R"("currency":"EURO")"), ErrorCode::kUnknownCurrency, "domestic[0].currency"},
      {with(R"("valid_from":"2020-01-01")", R"("valid_from":"2020-02-30")"), ErrorCode::kInvalidArgument,
       "domestic[0].valid_from"},
  };
  for (const Case& c : cases) {
    auto rules = ParseTaxRulesJson(c.text);
    ASSERT_FALSE(rules.ok()) << c.text;
    EXPECT_EQ(rules.error().code, c.code) << c.text << " " << rules.error().ToString();
    EXPECT_EQ(rules.error().path, c.path) << c.text;
  }
}

TEST(TaxJson, ImportRuleErrorsNameTheJsonPath) {
  const std::string regime = R"({"version":"t","imports":[{"id":"I","market":"BR","valid_from":"2024-08-01",
    "source":"s","verified_on":"2026-11-21","currency":"USD","tiers":[
    {"name":"a","up_to":"50.00","collector":"platform"}]}]})";
  ASSERT_TRUE(ParseTaxRulesJson(regime).ok());
  std::string too_precise = regime;
  too_precise.replace(too_precise.find("50.00"), 5, "50.001");
  auto rules = ParseTaxRulesJson(too_precise);
  EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(rules.error().path, "imports[0].tiers[0].up_to");
  std::string no_collector = regime;
  no_collector.replace(no_collector.find(R"(,"collector":"platform")"), 23, "");
  EXPECT_EQ(ParseTaxRulesJson(no_collector).error().path, "imports[0].tiers[0].collector");
  std::string bad_tariff = regime;
  bad_tariff.replace(bad_tariff.find(R"("up_to":"50.00")"), 15, R"("duty":{"by_tariff":{"64x":"0.1"}})");
  EXPECT_EQ(ParseTaxRulesJson(bad_tariff).error().path, "imports[0].tiers[0].duty.by_tariff.64x");
}

TEST(TaxJson, RequestErrorsNameTheJsonPath) {
  struct Case {
    const char* text;
    ErrorCode code;
    const char* path;
  };
  const Case cases[] = {
      {"not json", ErrorCode::kBadJson, "$"},
      {R"({"origin":"CN","currency":"EUR","lines":[],"now":0})", ErrorCode::kBadRequest, "market"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1.5}],"now":0})",
       ErrorCode::kBadRequest, "lines[0].amount_minor"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":9223372036854775808}],"now":0})",
       ErrorCode::kOverflow, "lines[0].amount_minor"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":"99999999999999999999"}],"now":0})",
       ErrorCode::kOverflow, "lines[0].amount_minor"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1,"tax_category":"luxury"}],"now":0})",
       ErrorCode::kInvalidArgument, "lines[0].tax_category"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1,"colour":"red"}],"now":0})",
       ErrorCode::kBadRequest, "lines[0].colour"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1}],"now":"2026-7-1"})",
       ErrorCode::kInvalidArgument, "now"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1}]})",
       ErrorCode::kBadRequest, "now"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1}],
          "fx":[{"from":"EUR","to":"USD","rate":"1,08"}],"now":0})",
       ErrorCode::kInvalidArgument, "fx[0].rate"},
  };
  for (const Case& c : cases) {
    auto request = ParseLandedCostRequestJson(c.text);
    ASSERT_FALSE(request.ok()) << c.text;
    EXPECT_EQ(request.error().code, c.code) << c.text << " " << request.error().ToString();
    EXPECT_EQ(request.error().path, c.path) << c.text;
  }
}

TEST(LandedCostErrors, BadRequestsAreRejectedWithAPath) {
  struct Case {
    const char* text;
    ErrorCode code;
    const char* path;
  };
  const Case cases[] = {
      {R"({"market":"XX","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1}],"now":"2026-11-22"})",
       ErrorCode::kNotFound, "market"},
      {R"({"market":"XX","origin":"XX","currency":"EUR","lines":[{"id":"a","amount_minor":1}],"now":"2026-11-22"})",
       ErrorCode::kNotFound, "market"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":-1}],"now":"2026-11-22"})",
       ErrorCode::kInvalidArgument, "lines[0].amount"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1}],"shipping_minor":-5,"now":"2026-11-22"})",
       ErrorCode::kInvalidArgument, "shipping"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1,"quantity":0}],"now":"2026-11-22"})",
       ErrorCode::kInvalidArgument, "lines[0].quantity"},
      {R"({"market":"FR","origin":"CN","currency":"XYZ","lines":[{"id":"a","amount_minor":1}],"now":"2026-11-22"})",
       ErrorCode::kUnknownCurrency, "currency"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[],"now":"2026-11-22"})",
       ErrorCode::kBadRequest, "lines"},
      {R"({"market":"FR","origin":"CN","currency":"EUR","lines":[{"id":"a","amount_minor":1,"hs_code":"62-06"}],"now":"2026-11-22"})",
       ErrorCode::kInvalidArgument, "lines[0].hs_code"},
      // The flat EUR 3 duty counts tariff lines, so it needs them.
      {R"({"market":"FR","origin":"CN","currency":"EUR","seller_ioss":true,"lines":[{"id":"a","amount_minor":1}],"now":"2026-11-22"})",
       ErrorCode::kBadRequest, "lines[0].hs_code"},
      {R"({"market":"AU","origin":"AU","currency":"AUD","lines":[{"id":"a","amount_minor":1,"tax_category":"reduced"}],"now":"2026-11-22"})",
       ErrorCode::kNotFound, "lines[0].tax_category"},
      {R"({"market":"BR","origin":"CN","currency":"USD","lines":[{"id":"a","amount_minor":400000}],"now":"2026-11-22"})",
       ErrorCode::kNotFound, "market"},
      {R"({"market":"FR","origin":"FR","currency":"EUR","lines":[{"id":"a","amount_minor":9223372036854775807},{"id":"b","amount_minor":1}],"now":"2026-11-22"})",
       ErrorCode::kOverflow, ""},
      {R"({"market":"US","origin":"CN","currency":"USD","lines":[{"id":"a","amount_minor":9223372036854775807}],"shipping_minor":1,"now":"2026-11-22"})",
       ErrorCode::kOverflow, ""},
  };
  for (const Case& c : cases) {
    auto cost = testing::Cost(c.text);
    ASSERT_FALSE(cost.ok()) << c.text;
    EXPECT_EQ(cost.error().code, c.code) << c.text << " " << cost.error().ToString();
    EXPECT_EQ(cost.error().path, c.path) << c.text;
  }
}

}  // namespace
}  // namespace shopcore::tax
