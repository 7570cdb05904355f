// Every way fulfilment data or a delivery request can be wrong gets a code
// and a path, and nothing is planned.
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"

namespace shopcore::fulfilment {
namespace {

using testing::PlanJson;

struct ErrorCase {
  std::string json;
  ErrorCode code;
  std::string path;
};

const char* kCalendars = R"("calendars": [{"id": "DE"}])";
const char* kWarehouse = R"({"id": "w", "kind": "domestic", "country": "DE", "utc_offset_minutes": 60, "calendar": "DE", "stock": {"A": 1}})";
const char* kMethod = R"({"id": "m", "warehouse": "w", "market": "DE", "service": "standard", "transit_days": [1, 2], "cutoff": "15:00", "transit_calendar": "DE", "cost": {"currency": "EUR", "base_minor": 100}})";

std::string Data(const std::string& calendars, const std::string& warehouse, const std::string& method) {
  return "{" + calendars + R"(, "warehouses": [)" + warehouse + R"(], "methods": [)" + method + "]}";
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

TEST(FulfilmentDataErrorsTest, EachBadFieldIsNamed) {
  ASSERT_TRUE(ParseFulfilmentJson(Data(kCalendars, kWarehouse, kMethod)).ok());
  const std::vector<ErrorCase> cases = {
      {"{", ErrorCode::kBadJson, "$"},
      {"[]", ErrorCode::kBadRequest, "$"},
      {R"({"calendars": [], "warehouses": [], "methods": [], "extra": 1})", ErrorCode::kBadRequest, "extra"},
      {R"({"warehouses": [], "methods": []})", ErrorCode::kBadRequest, "calendars"},
      {Data(R"("calendars": [{"id": "DE", "holidays": ["2026-02-30"]}])", kWarehouse, kMethod), ErrorCode::kInvalidArgument, "calendars[0].holidays[0]"},
      {Data(R"("calendars": [{"id": "DE", "weekend": ["sat", "sunday"]}])", kWarehouse, kMethod), ErrorCode::kInvalidArgument, "calendars[0].weekend[1]"},
      {Data(R"("calendars": [{"id": "DE", "weekend": ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]}])", kWarehouse, kMethod),
       ErrorCode::kInvalidArgument, "calendars[0].weekend"},
      {Data(R"("calendars": [{"id": "DE"}, {"id": "DE"}])", kWarehouse, kMethod), ErrorCode::kConflict, "calendars[1].id"},
      {Data(kCalendars, Replace(kWarehouse, "domestic", "warehouse"), kMethod), ErrorCode::kInvalidArgument, "warehouses[0].kind"},
      {Data(kCalendars, Replace(kWarehouse, "\"DE\", \"utc", "\"Germany\", \"utc"), kMethod), ErrorCode::kInvalidArgument, "warehouses[0].country"},
      {Data(kCalendars, Replace(kWarehouse, "60", "1200"), kMethod), ErrorCode::kInvalidArgument, "warehouses[0].utc_offset_minutes"},
      {Data(kCalendars, Replace(kWarehouse, "\"DE\", \"utc", "\"DE\", \"customs_origin\": \"K\", \"utc"), kMethod), ErrorCode::kInvalidArgument, "warehouses[0].customs_origin"},
      {Data(kCalendars, Replace(kWarehouse, "\"calendar\": \"DE\"", "\"calendar\": \"FR\""), kMethod), ErrorCode::kNotFound, "warehouses[0].calendar"},
      {Data(kCalendars, Replace(kWarehouse, "\"A\": 1", "\"A\": -1"), kMethod), ErrorCode::kInvalidArgument, "warehouses[0].stock.A"},
      {Data(kCalendars, Replace(kWarehouse, "\"A\": 1", "\"A\": 1.5"), kMethod), ErrorCode::kBadRequest, "warehouses[0].stock.A"},
      {Data(kCalendars, std::string(kWarehouse) + ", " + kWarehouse, kMethod), ErrorCode::kConflict, "warehouses[1].id"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"warehouse\": \"w\"", "\"warehouse\": \"x\"")), ErrorCode::kNotFound, "methods[0].warehouse"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "standard", "overnight")), ErrorCode::kInvalidArgument, "methods[0].service"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "[1, 2]", "[3, 2]")), ErrorCode::kInvalidArgument, "methods[0].transit_days"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "[1, 2]", "[1]")), ErrorCode::kBadRequest, "methods[0].transit_days"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "15:00", "25:00")), ErrorCode::kInvalidArgument, "methods[0].cutoff"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "15:00", "00:00")), ErrorCode::kInvalidArgument, "methods[0].cutoff"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "15:00", "3pm")), ErrorCode::kInvalidArgument, "methods[0].cutoff"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"transit_calendar\": \"DE\"", "\"transit_calendar\": \"XX\"")), ErrorCode::kNotFound, "methods[0].transit_calendar"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "EUR", "EURO")), ErrorCode::kUnknownCurrency, "methods[0].cost.currency"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"base_minor\": 100", "\"base_minor\": -100")), ErrorCode::kInvalidArgument, "methods[0].cost.base_minor"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"base_minor\": 100", "\"per_step_minor\": 100")), ErrorCode::kInvalidArgument, "methods[0].cost.step_grams"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"base_minor\": 100", "\"base\": 100")), ErrorCode::kBadRequest, "methods[0].cost.base"},
      {Data(kCalendars, kWarehouse, Replace(kMethod, "\"base_minor\": 100", "\"base_minor\": \"99999999999999999999\"")), ErrorCode::kOverflow, "methods[0].cost.base_minor"},
      {Data(kCalendars, kWarehouse, std::string(kMethod) + ", " + kMethod), ErrorCode::kConflict, "methods[1].id"},
  };
  for (const auto& c : cases) {
    auto parsed = ParseFulfilmentJson(c.json);
    ASSERT_FALSE(parsed.ok()) << c.json;
    EXPECT_EQ(ErrorCodeName(parsed.error().code), std::string(ErrorCodeName(c.code))) << c.json << " -> " << parsed.error().ToString();
    EXPECT_EQ(parsed.error().path, c.path) << c.json;
  }
}

const char* kItem = R"({"sku": "A", "quantity": 1, "unit_price_minor": 1500, "unit_grams": 400})";

std::string Req(const std::string& fields, const std::string& items = kItem) {
  return R"({"market": "DE", "currency": "EUR", "now_ms": 1795600800000)" + fields + R"(, "items": [)" + items + "]}";
}

TEST(DeliveryRequestErrorsTest, EachBadFieldIsNamed) {
  ASSERT_TRUE(PlanJson(Req("")).ok());
  const std::vector<ErrorCase> cases = {
      {"nope", ErrorCode::kBadJson, "$"},
      {R"({"currency": "EUR", "now_ms": 1, "items": []})", ErrorCode::kBadRequest, "market"},
      {Req(R"(, "tip": 1)"), ErrorCode::kBadRequest, "tip"},
      {Req(""), ErrorCode::kOk, ""},
      {Replace(Req(""), "\"DE\"", "\"DEU\""), ErrorCode::kInvalidArgument, "market"},
      {Replace(Req(""), "EUR", "XYZ"), ErrorCode::kUnknownCurrency, "currency"},
      {Replace(Req(""), "EUR", "USD"), ErrorCode::kInvalidArgument, "currency"},  // methods to DE are priced in EUR
      {Replace(Req(""), "1795600800000", "1.5"), ErrorCode::kBadRequest, "now_ms"},
      {Replace(Req(""), "1795600800000", "-1"), ErrorCode::kInvalidArgument, "now_ms"},
      {Replace(Req(""), "1795600800000", "9223372036854775807"), ErrorCode::kInvalidArgument, "now_ms"},
      {Replace(Req(""), "1795600800000", "253399622400000"), ErrorCode::kOk, ""},
      {Req("", ""), ErrorCode::kInvalidArgument, "items"},
      {Req("", std::string(kItem) + ", " + kItem), ErrorCode::kConflict, "items[1].sku"},
      {Req("", Replace(kItem, "\"quantity\": 1", "\"quantity\": 0")), ErrorCode::kInvalidArgument, "items[0].quantity"},
      {Req("", Replace(kItem, "1500", "-1")), ErrorCode::kInvalidArgument, "items[0].unit_price_minor"},
      {Req("", Replace(kItem, "\"unit_grams\": 400", "\"unit_grams\": -400")), ErrorCode::kInvalidArgument, "items[0].unit_grams"},
      {Req("", Replace(kItem, "\"sku\": \"A\"", "\"sku\": \"\"")), ErrorCode::kInvalidArgument, "items[0].sku"},
      {Req("", Replace(kItem, "400}", "400, \"dims_mm\": [1, 2]}")), ErrorCode::kBadRequest, "items[0].dims_mm"},
      {Req("", Replace(kItem, "400}", "400, \"dims_mm\": [1, 2, -3]}")), ErrorCode::kInvalidArgument, "items[0].height_mm"},
      {Req("", Replace(kItem, "400}", "400, \"dims_mm\": [4000000000, 4000000000, 4000000000]}")), ErrorCode::kOverflow, "items[0].height_mm"},
      {Req("", Replace(kItem, "\"quantity\": 1", "\"quantity\": 9000000000000000000")), ErrorCode::kOverflow, "items[0].unit_grams"},
      {Req("", Replace(kItem, "\"A\"", "\"NOPE\"")), ErrorCode::kOutOfStock, "items[0].sku"},
      {Req("", Replace(kItem, "\"quantity\": 1", "\"quantity\": 101")), ErrorCode::kOutOfStock, "items[0].sku"},
      {Req(R"(, "chosen_methods": {"de-berlin": "cn-yanwen"})"), ErrorCode::kNotFound, "chosen_methods.de-berlin"},
      {Req(R"(, "chosen_methods": {"mars": "cn-yanwen"})"), ErrorCode::kNotFound, "chosen_methods.mars"},
      {Req(R"(, "chosen_methods": {"de-berlin": 7})"), ErrorCode::kBadRequest, "chosen_methods.de-berlin"},
  };
  for (const auto& c : cases) {
    auto planned = PlanJson(c.json);
    if (c.code == ErrorCode::kOk) {
      EXPECT_TRUE(planned.ok()) << c.json;
      continue;
    }
    ASSERT_FALSE(planned.ok()) << c.json;
    EXPECT_EQ(ErrorCodeName(planned.error().code), std::string(ErrorCodeName(c.code))) << c.json << " -> " << planned.error().ToString();
    EXPECT_EQ(planned.error().path, c.path) << c.json;
  }
}

TEST(DeliveryRequestErrorsTest, TooManyCandidateWarehousesIsRefusedNotSlow) {
  FulfilmentData data;
  data.calendars.push_back(WorkingCalendar{});
  data.calendars[0].id = "DE";
  for (int i = 0; i < kMaxCandidateWarehouses + 1; ++i) {
    Warehouse warehouse;
    warehouse.id = "w" + std::to_string(100 + i);
    warehouse.country = "DE";
    warehouse.calendar = "DE";
    warehouse.stock["A"] = 1;
    data.warehouses.push_back(warehouse);
    ShippingMethod method;
    method.id = "m" + std::to_string(100 + i);
    method.warehouse = warehouse.id;
    method.market = "DE";
    method.transit_calendar = "DE";
    method.cost.currency = "EUR";
    data.methods.push_back(method);
  }
  ASSERT_TRUE(Validate(data).ok());
  auto planned = PlanJson(Req(""), data);
  ASSERT_FALSE(planned.ok());
  EXPECT_EQ(planned.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(planned.error().message, "13 warehouses could ship this cart; the planner considers at most 12");
  data.warehouses.pop_back();
  data.methods.pop_back();
  auto twelve = PlanJson(Req(""), data);
  ASSERT_TRUE(twelve.ok()) << twelve.error().ToString();
  EXPECT_EQ(twelve->plans.size(), 12u);  // one single-parcel plan per warehouse
  EXPECT_EQ(twelve->plans[0].parcels[0].warehouse, "w100");  // equal cost and dates: ties by warehouse id
}

TEST(DeliveryRequestErrorsTest, CostsAndParcelTotalsThatOverflowAreErrors) {
  auto data = ParseFulfilmentJson(Data(kCalendars, Replace(kWarehouse, "\"A\": 1", "\"A\": 1, \"B\": 1"),
                                       Replace(kMethod, "\"base_minor\": 100", "\"per_step_minor\": 4611686018427387904, \"step_grams\": 1")));
  ASSERT_TRUE(data.ok()) << data.error().ToString();
  // 400 g at 2^62 per gram.
  auto cost = PlanJson(Req(""), *data);
  ASSERT_FALSE(cost.ok());
  EXPECT_EQ(cost.error().code, ErrorCode::kOverflow);
  EXPECT_EQ(cost.error().path, "items");
  // Each line fits; together they weigh more than int64 grams.
  const std::string heavy = R"({"sku": "A", "quantity": 1, "unit_price_minor": 1, "unit_grams": 5000000000000000000}, )"
                            R"({"sku": "B", "quantity": 1, "unit_price_minor": 1, "unit_grams": 5000000000000000000})";
  auto totals = PlanJson(Req("", heavy), *data);
  ASSERT_FALSE(totals.ok());
  EXPECT_EQ(totals.error().code, ErrorCode::kOverflow);
  EXPECT_EQ(totals.error().message, "a shipping cost or parcel total does not fit in int64");
}

}  // namespace
}  // namespace shopcore::fulfilment
