// Delivery planning on the fixture: splits, picks, per-parcel methods,
// weights and costs, worked by hand in the comments.
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"

namespace shopcore::fulfilment {
namespace {

using testing::Describe;
using testing::Fixture;
using testing::Iso;
using testing::PlanJson;

// Wed 2026-11-25 10:00 UTC: 11:00 in Berlin and Venlo, 18:00 in Shenzhen.
constexpr const char* kNow = "1795600800000";

std::string Request(const std::string& items, const std::string& extra = "") {
  return std::string(R"({"market": "DE", "currency": "EUR", "now_ms": )") + kNow + extra + R"(, "items": [)" + items + "]}";
}

const char* kItemA = R"({"sku": "A", "quantity": 2, "unit_price_minor": 1500, "unit_grams": 400, "dims_mm": [200, 150, 100]})";
const char* kItemC = R"({"sku": "C", "quantity": 1, "unit_price_minor": 2500, "unit_grams": 900})";

TEST(PlanningTest, SplitsAcrossWarehousesAndPicksPerObjective) {
  // A is in Berlin and Shenzhen, C in Venlo and Shenzhen.
  auto options = PlanJson(Request(std::string(kItemA) + ", " + kItemC));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  std::vector<std::pair<std::string, int64_t>> plans;
  for (const Plan& plan : options->plans) plans.emplace_back(Describe(plan), plan.shipping_minor);
  const std::vector<std::pair<std::string, int64_t>> expected = {
      // DHL 4.99 (goods 30.00 < 50.00 free-over) + PostNL 3.99 (900 g within 2 kg).
      {"de-berlin/de-dhl-standard:A | nl-venlo/nl-postnl:C", 898},
      {"de-berlin/de-dhl-express:A | nl-venlo/nl-postnl:C", 1698},
      // Yanwen A: volumetric 6,000,000 mm3 / 6000 = 1000 g > 800 g actual: 8.00 + 5 x 0.90 + 0.50 fee.
      {"cn-shenzhen/cn-yanwen:A | nl-venlo/nl-postnl:C", 1699},
      // Yanwen C: 900 g: 8.00 + 4 x 0.90 + 0.50.
      {"cn-shenzhen/cn-yanwen:C | de-berlin/de-dhl-standard:A", 1709},
      // Yanwen A+C: 1700 g: 8.00 + 12 x 0.90 + 0.50.
      {"cn-shenzhen/cn-yanwen:A,C", 1930},
      // SF A: volumetric /5000 = 1200 g: 25.00 + 2 x 5.00.
      {"cn-shenzhen/cn-sf-intl:A | nl-venlo/nl-postnl:C", 3899},
      {"cn-shenzhen/cn-sf-intl:A,C", 4000},
  };
  EXPECT_EQ(plans, expected);
  EXPECT_EQ(options->cheapest, 0u);
  EXPECT_EQ(options->fastest, 0u);  // DHL standard by Fri 11-27 and PostNL by Tue 12-01 beat SF's Fri 12-04
  EXPECT_EQ(options->fewest_parcels, 4u);
  const Plan& cheapest = options->plans[0];
  EXPECT_EQ(Iso(cheapest.earliest), "2026-11-26");
  EXPECT_EQ(Iso(cheapest.latest), "2026-12-01");
  const Parcel& venlo = cheapest.parcels[1];
  EXPECT_EQ(venlo.warehouse_kind, "overseas");
  EXPECT_EQ(venlo.origin, "NL");
  EXPECT_TRUE(venlo.cross_border);
  EXPECT_FALSE(cheapest.parcels[0].cross_border);  // Berlin to Germany
  EXPECT_EQ(Iso(venlo.ship_date), "2026-11-26");  // one handling day
  EXPECT_EQ(Iso(venlo.earliest), "2026-11-30");   // 2 working days after Thursday skip the weekend
  EXPECT_EQ(Iso(venlo.latest), "2026-12-01");
}

TEST(PlanningTest, TheShopperChangesTheMethodOfOneParcel) {
  auto options = PlanJson(Request(std::string(kItemA) + ", " + kItemC, R"(, "chosen_methods": {"cn-shenzhen": "cn-sf-intl"})"));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  for (const Plan& plan : options->plans) {
    for (const Parcel& parcel : plan.parcels) {
      if (parcel.warehouse == "cn-shenzhen") {
        EXPECT_EQ(parcel.method, "cn-sf-intl");
      }
    }
  }
  const Plan& fewest = options->plans[options->fewest_parcels];
  EXPECT_EQ(Describe(fewest), "cn-shenzhen/cn-sf-intl:A,C");
  EXPECT_EQ(fewest.shipping_minor, 4000);
  EXPECT_EQ(fewest.parcels[0].service, "express");
}

TEST(PlanningTest, VolumetricWeightBeatsActualWeight) {
  // F: 200 g in a 400 x 300 x 200 mm box: 24,000,000 / 5000 = 4800 g volumetric.
  auto options = PlanJson(Request(R"({"sku": "F", "quantity": 1, "unit_price_minor": 900, "unit_grams": 200, "dims_mm": [400, 300, 200]})"));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  ASSERT_EQ(options->plans.size(), 1u);
  const Parcel& parcel = options->plans[0].parcels[0];
  EXPECT_EQ(parcel.actual_grams, 200);
  EXPECT_EQ(parcel.volumetric_grams, 4800);
  EXPECT_EQ(parcel.chargeable_grams, 4800);
  EXPECT_EQ(parcel.shipping_minor, 399 + 3 * 150);  // 2 kg included, 3 started kilograms above
}

TEST(PlanningTest, FreeShippingOverThresholdKeepsNoFee) {
  // 4 x A at 15.00 = 60.00 >= 50.00: DHL standard is free.
  auto options = PlanJson(Request(R"({"sku": "A", "quantity": 4, "unit_price_minor": 1500, "unit_grams": 400})"));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  const Plan& cheapest = options->plans[options->cheapest];
  EXPECT_EQ(Describe(cheapest), "de-berlin/de-dhl-standard:A");
  EXPECT_TRUE(cheapest.parcels[0].free_shipping);
  EXPECT_EQ(cheapest.shipping_minor, 0);
  EXPECT_EQ(cheapest.parcels[0].consignment_value_minor, 6000);
}

TEST(PlanningTest, StockInOnlyOneWarehouseOfSeveral) {
  // E is only in the Hangzhou bonded warehouse; D is in Hangzhou and Shenzhen.
  auto options = PlanJson(R"({"market": "CN", "currency": "CNY", "now_ms": 1795600800000, "items": [
      {"sku": "E", "quantity": 1, "unit_price_minor": 12900, "unit_grams": 300}]})");
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  ASSERT_EQ(options->plans.size(), 1u);
  EXPECT_EQ(Describe(options->plans[0]), "cn-hangzhou-bonded/cn-bonded-sf:E");
  EXPECT_EQ(options->plans[0].parcels[0].warehouse_kind, "bonded");
  // In China but not yet imported: a cross-border consignment from Korea.
  EXPECT_EQ(options->plans[0].parcels[0].origin, "KR");
  EXPECT_TRUE(options->plans[0].parcels[0].cross_border);
  EXPECT_EQ(options->plans[0].shipping_minor, 0);  // 129.00 >= 99.00 free-over
  // Asking for more than the bonded warehouse holds finds no other source.
  auto too_many = PlanJson(R"({"market": "CN", "currency": "CNY", "now_ms": 1795600800000, "items": [
      {"sku": "E", "quantity": 6, "unit_price_minor": 12900, "unit_grams": 300}]})");
  ASSERT_FALSE(too_many.ok());
  EXPECT_EQ(too_many.error().code, ErrorCode::kOutOfStock);
  EXPECT_EQ(too_many.error().path, "items[0].sku");
  // E is stocked, but the bonded warehouse does not ship to DE.
  auto to_germany = PlanJson(Request(R"({"sku": "E", "quantity": 1, "unit_price_minor": 12900, "unit_grams": 300})"));
  ASSERT_FALSE(to_germany.ok());
  EXPECT_EQ(to_germany.error().code, ErrorCode::kUndeliverable);
  EXPECT_EQ(to_germany.error().message, "no warehouse holding 'E' ships to DE");
}

TEST(PlanningTest, ZeroStockIsNoStock) {
  // Berlin lists B with 0 units: B comes from Venlo or Shenzhen.
  auto options = PlanJson(Request(R"({"sku": "B", "quantity": 1, "unit_price_minor": 100, "unit_grams": 100})"));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  for (const Plan& plan : options->plans) EXPECT_NE(plan.parcels[0].warehouse, "de-berlin");
}

TEST(PlanningTest, AParcelOverTheWeightLimitTakesAnotherMethod) {
  // 40 kg of D: SF's 30 kg limit leaves Yanwen.
  auto options = PlanJson(Request(R"({"sku": "D", "quantity": 40, "unit_price_minor": 100, "unit_grams": 1000})"));
  ASSERT_TRUE(options.ok()) << options.error().ToString();
  ASSERT_EQ(options->plans.size(), 1u);
  EXPECT_EQ(Describe(options->plans[0]), "cn-shenzhen/cn-yanwen:D");
  auto forced = PlanJson(Request(R"({"sku": "D", "quantity": 40, "unit_price_minor": 100, "unit_grams": 1000})",
                                 R"(, "chosen_methods": {"cn-shenzhen": "cn-sf-intl"})"));
  ASSERT_FALSE(forced.ok());
  EXPECT_EQ(forced.error().code, ErrorCode::kUndeliverable);
}

TEST(PlanningTest, PlansAreIdenticalForIdenticalInput) {
  auto first = PlanJson(Request(std::string(kItemA) + ", " + kItemC));
  auto second = PlanJson(Request(std::string(kItemA) + ", " + kItemC));
  ASSERT_TRUE(first.ok() && second.ok());
  auto a = DeliveryOptionsToJson(*first, nullptr), b = DeliveryOptionsToJson(*second, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

}  // namespace
}  // namespace shopcore::fulfilment
