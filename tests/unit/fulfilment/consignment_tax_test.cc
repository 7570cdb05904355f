// Each parcel is its own consignment for the tax module: here a split order
// to Germany where one parcel is over the EU's EUR 150 low-value threshold
// and its sibling stays under, priced by core/tax on the shipped rules.
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"
#include "shopcore/tax.h"

namespace shopcore::fulfilment {
namespace {

using testing::Describe;
using testing::PlanJson;

tax::LandedCostRequest ConsignmentOf(const Parcel& parcel, int64_t now_ms, const char* market = "DE", const char* currency = "EUR") {
  tax::LandedCostRequest request;
  request.market = market;
  request.origin = parcel.origin;
  request.currency = currency;
  request.locale = "de-DE";
  request.seller_ioss = true;
  request.shipping = parcel.shipping_minor;
  request.now_ms = now_ms;
  for (const ParcelLine& line : parcel.lines) {
    tax::PricedLine priced;
    priced.id = line.sku;
    priced.amount = line.value_minor;
    priced.quantity = line.quantity;
    priced.hs_code = "950300";
    priced.duty_rate = Decimal::Parse("0.047").ok() ? *Decimal::Parse("0.047") : Decimal();
    request.lines.push_back(priced);
  }
  return request;
}

TEST(ConsignmentTaxTest, OneParcelOverTheThresholdItsSiblingUnder) {
  constexpr int64_t kNow = 1795600800000;
  // D (EUR 160.00) only ships from Shenzhen, G (EUR 50.00) only from Osaka.
  auto options = PlanJson(R"({"market": "DE", "currency": "EUR", "now_ms": 1795600800000, "items": [
      {"sku": "D", "quantity": 1, "unit_price_minor": 16000, "unit_grams": 500},
      {"sku": "G", "quantity": 2, "unit_price_minor": 2500, "unit_grams": 200}]})");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Plan& plan = options->plans[options->cheapest];
  ASSERT_EQ(Describe(plan), "cn-shenzhen/cn-yanwen:D | jp-osaka/jp-ems:G");
  const Parcel& china = plan.parcels[0];
  const Parcel& japan = plan.parcels[1];
  EXPECT_EQ(china.consignment_value_minor, 16000);
  EXPECT_EQ(japan.consignment_value_minor, 5000);

  auto parsed_rules = tax::ParseTaxRulesJson(testing::ReadFileBytes(std::string(SHOPCORE_SOURCE_DIR) + "/data/tax-rules.json"));
  ASSERT_TRUE(parsed_rules.ok()) << parsed_rules.error().ToString();
  const tax::TaxRules& rules = *parsed_rules;
  auto over = tax::ComputeLandedCost(rules, ConsignmentOf(china, kNow));
  auto under = tax::ComputeLandedCost(rules, ConsignmentOf(japan, kNow));
  ASSERT_TRUE(over.ok()) << over.error().ToString();
  ASSERT_TRUE(under.ok()) << under.error().ToString();
  EXPECT_TRUE(over->cross_border);
  EXPECT_EQ(over->tier, "border");  // EUR 160 > 150: duty and import VAT on delivery
  EXPECT_GT(over->due_on_delivery, 0);
  EXPECT_EQ(under->tier, "ioss");   // EUR 50 <= 150: VAT collected at checkout
  EXPECT_EQ(under->due_on_delivery, 0);
  // The same goods as one consignment would all be over the threshold.
  Parcel merged = china;
  merged.lines.insert(merged.lines.end(), japan.lines.begin(), japan.lines.end());
  auto together = tax::ComputeLandedCost(rules, ConsignmentOf(merged, kNow));
  ASSERT_TRUE(together.ok()) << together.error().ToString();
  EXPECT_EQ(together->tier, "border");
}

TEST(ConsignmentTaxTest, BondedAndDirectMailToChinaAreBothCrossBorderRetailImports) {
  // E is only in the Hangzhou bonded warehouse (goods from Korea), G only in Osaka (direct mail).
  auto options = PlanJson(R"({"market": "CN", "currency": "CNY", "now_ms": 1795600800000, "items": [
      {"sku": "E", "quantity": 1, "unit_price_minor": 12900, "unit_grams": 300},
      {"sku": "G", "quantity": 1, "unit_price_minor": 25000, "unit_grams": 200}]})");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Plan& plan = options->plans[options->cheapest];
  ASSERT_EQ(Describe(plan), "cn-hangzhou-bonded/cn-bonded-sf:E | jp-osaka/jp-ems-cn:G");
  auto parsed_rules = tax::ParseTaxRulesJson(testing::ReadFileBytes(std::string(SHOPCORE_SOURCE_DIR) + "/data/tax-rules.json"));
  ASSERT_TRUE(parsed_rules.ok()) << parsed_rules.error().ToString();
  for (const Parcel& parcel : plan.parcels) {
    EXPECT_TRUE(parcel.cross_border) << parcel.warehouse;
    auto cost = tax::ComputeLandedCost(*parsed_rules, ConsignmentOf(parcel, 1795600800000, "CN", "CNY"));
    ASSERT_TRUE(cost.ok()) << cost.error().ToString();
    EXPECT_TRUE(cost->cross_border) << parcel.warehouse;
    EXPECT_EQ(cost->tier, "cbec") << parcel.warehouse;
  }
}

}  // namespace
}  // namespace shopcore::fulfilment
