// The planner fed from a snapshot. fixtures/fulfilment-catalog.json is
// fixtures/fulfilment.json written as catalog tables (warehouse cutoffs as
// method overrides, handling days as extra days, SKU weights, boxes and DE
// prices as request-split.json has them), so the snapshot path must print
// exactly split.expected.json, the golden file of the JSON form.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "command.h"
#include "fulfilment/fulfilment_test_util.h"
#include "shopcore/engine/checked_build.h"
#include "shopcore/fulfilment/snapshot_fulfilment.h"
#include "shopcore/snapshot/builder.h"

namespace shopcore::fulfilment {
namespace {

using testing::FixturePath;
using testing::LoadPack;
using testing::ReadFileBytes;

nlohmann::ordered_json CatalogJson() {
  return nlohmann::ordered_json::parse(ReadFileBytes(FixturePath("fulfilment-catalog.json")));
}

Result<std::shared_ptr<const Snapshot>> Open(const nlohmann::ordered_json& catalog) {
  auto bytes = BuildSnapshot(catalog.dump());
  if (!bytes.ok()) return bytes.error();
  return Snapshot::Open(*bytes);
}

const char kSplitRequest[] =
    R"({"market": "DE", "now_ms": 1795600800000, "locale": "en-US",
        "items": [{"sku": "A", "quantity": 2}, {"sku": "C", "quantity": 1}]})";

Result<std::string> Plan(const Snapshot& snapshot, const std::string& request_json) {
  auto request = ParseSnapshotDeliveryRequestJson(snapshot, request_json);
  if (!request.ok()) return request.error();
  auto pack = LoadPack(request->locale.empty() ? "en-US" : request->locale);
  if (!pack.ok()) return pack.error();
  return PlanSnapshotDeliveryJson(snapshot, *request, request->locale.empty() ? nullptr : &*pack);
}

TEST(SnapshotFulfilmentTest, PlansExactlyAsTheJsonFormDoes) {
  auto snapshot = Open(CatalogJson());
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  auto text = Plan(**snapshot, kSplitRequest);
  ASSERT_TRUE(text.ok()) << text.error().ToString();
  EXPECT_EQ(*text, ReadFileBytes(FixturePath("split.expected.json")));
}

TEST(SnapshotFulfilmentTest, MapsTheSchemaFields) {
  auto snapshot = Open(CatalogJson());
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  auto data = FulfilmentFromSnapshot(**snapshot, {"A", "D"});
  ASSERT_TRUE(data.ok()) << data.error().ToString();
  const Warehouse* bonded = data->FindWarehouse("cn-hangzhou-bonded");
  ASSERT_NE(bonded, nullptr);
  EXPECT_EQ(bonded->kind, WarehouseKind::kBonded);
  EXPECT_EQ(bonded->customs_origin, "KR");
  EXPECT_EQ(bonded->utc_offset_minutes, 480);
  // Stock only for the SKUs asked about.
  EXPECT_EQ(bonded->stock.size(), 1u);
  EXPECT_EQ(bonded->stock.at("D"), 20);
  const WorkingCalendar* cn = data->FindCalendar("CN");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->weekend_mask, (1 << 0) | (1 << 6));  // ISO 6, 7 -> Saturday, Sunday
  EXPECT_EQ(cn->extra_working_days.count(DaysFromCivil({2026, 10, 10})), 1u);
  const ShippingMethod* postnl = nullptr;
  for (const auto& method : data->methods) {
    if (method.id == "nl-postnl") postnl = &method;
  }
  ASSERT_NE(postnl, nullptr);
  EXPECT_EQ(postnl->name, "PostNL");
  EXPECT_EQ(postnl->handling_days, 1);
  EXPECT_EQ(postnl->cutoff_minute, 17 * 60);
  EXPECT_EQ(postnl->cost.included_grams, 2000);
  EXPECT_EQ(postnl->cost.per_step_minor, 150);
  EXPECT_EQ(postnl->cost.step_grams, 1000);
  EXPECT_FALSE(postnl->cost.free_over_minor.has_value());  // free_over 0 = never free
}

TEST(SnapshotFulfilmentTest, WarehouseDefaultsApplyWhenTheMethodHasNoOverride) {
  auto catalog = CatalogJson();
  for (auto& warehouse : catalog["warehouses"]) {
    if (warehouse["id"] == "de-berlin") {
      warehouse["handling_days"] = 2;
      warehouse["cutoff_minute"] = 14 * 60;
    }
  }
  for (auto& method : catalog["shipping_methods"]) {
    if (method["id"] == "de-dhl-standard") {
      method.erase("cutoff_override_minute");
      method["extra_handling_days"] = 1;
      method.erase("step_grams");
    }
  }
  auto snapshot = Open(catalog);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  auto data = FulfilmentFromSnapshot(**snapshot, {});
  ASSERT_TRUE(data.ok()) << data.error().ToString();
  for (const auto& method : data->methods) {
    if (method.id == "de-dhl-standard") {
      EXPECT_EQ(method.cutoff_minute, 14 * 60);
      EXPECT_EQ(method.handling_days, 3);
      EXPECT_EQ(method.cost.step_grams, 1000);  // per_kg: per started kilogram
    }
    if (method.id == "de-dhl-express") {
      EXPECT_EQ(method.cutoff_minute, 12 * 60);  // its own override
    }
  }
}

TEST(SnapshotFulfilmentTest, OutOfStockSkusHaveNoStockAnywhere) {
  auto catalog = CatalogJson();
  for (auto& item : catalog["items"]) {
    if (item["id"] == "item-C") item["skus"][0]["stock"] = "OutOfStock";
  }
  auto snapshot = Open(catalog);
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  auto text = Plan(**snapshot, kSplitRequest);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kOutOfStock);
}

TEST(SnapshotFulfilmentTest, RequestErrorsNameRequestPaths) {
  auto snapshot = Open(CatalogJson());
  ASSERT_TRUE(snapshot.ok()) << snapshot.error().ToString();
  auto unknown_sku = Plan(**snapshot, R"({"market": "DE", "now_ms": 0, "items": [{"sku": "A", "quantity": 1}, {"sku": "Z", "quantity": 1}]})");
  ASSERT_FALSE(unknown_sku.ok());
  EXPECT_EQ(unknown_sku.error().ToString(), "NOT_FOUND at items[1].sku: no SKU 'Z' in the snapshot");
  auto unknown_market = Plan(**snapshot, R"({"market": "FR", "now_ms": 0, "items": []})");
  ASSERT_FALSE(unknown_market.ok());
  EXPECT_EQ(unknown_market.error().ToString(), "NOT_FOUND at market: no market 'FR' in the snapshot");
  // Prices and weights come from the snapshot: a request cannot override them.
  auto priced = Plan(**snapshot, R"({"market": "DE", "now_ms": 0, "items": [{"sku": "A", "quantity": 1, "unit_price_minor": 1}]})");
  ASSERT_FALSE(priced.ok());
  EXPECT_EQ(priced.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(priced.error().path, "items[0].unit_price_minor");
  auto zero = Plan(**snapshot, R"({"market": "DE", "now_ms": 0, "items": [{"sku": "A", "quantity": 0}]})");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().path, "items[0].quantity");
}

TEST(SnapshotFulfilmentTest, BadSnapshotDataIsRefusedAtBuildWithItsSnapshotPath) {
  struct Case {
    const char* method;
    const char* field;
    int value;
    const char* expected;
  };
  const Case cases[] = {
      {"de-dhl-express", "cutoff_override_minute", 1500,
       "INVALID_ARGUMENT at shipping_methods[de-dhl-express].cutoff_override_minute: cutoff minute 1500 is past the end of the day (1440)"},
      {"nl-postnl", "transit_days_min", 9,
       "INVALID_ARGUMENT at shipping_methods[nl-postnl].transit_days_max: must be within transit_min_days..120"},
  };
  for (const Case& c : cases) {
    auto catalog = CatalogJson();
    for (auto& method : catalog["shipping_methods"]) {
      if (method["id"] == c.method) method[c.field] = c.value;
    }
    auto built = BuildCheckedSnapshot(catalog.dump());
    ASSERT_FALSE(built.ok()) << c.field;
    EXPECT_EQ(built.error().ToString(), c.expected);
  }
  auto catalog = CatalogJson();
  catalog["calendars"][0]["weekend_days"] = {6, 8};  // calendars[0] of the fixture is DE
  auto built = BuildCheckedSnapshot(catalog.dump());
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().ToString(),
            "INVALID_ARGUMENT at calendars[DE].weekend_days[1]: ISO weekdays are 1 (Monday) .. 7 (Sunday), got 8");
  catalog = CatalogJson();
  catalog["calendars"][0]["weekend_days"] = {1, 2, 3, 4, 5, 6, 7};
  built = BuildCheckedSnapshot(catalog.dump());
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().ToString(), "INVALID_ARGUMENT at calendars[DE].weekend_days: every weekday is off: nothing could ever ship");
  EXPECT_TRUE(BuildCheckedSnapshot(CatalogJson().dump()).ok());
}

// The real disk (NODERAWFS under wasm): the snapshot is written to the build tree.
class DiskFiles : public cli::FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kIoError, "cannot read " + path, path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  Status WriteFile(const std::string& path, const std::string&) override {
    return MakeError(ErrorCode::kIoError, "read-only in tests", path);
  }
};

TEST(SnapshotFulfilmentTest, TheDeliveryCommandTakesASnapshot) {
  auto bytes = BuildSnapshot(CatalogJson().dump());
  ASSERT_TRUE(bytes.ok());
  const std::string snapshot_path = std::string(SHOPCORE_BINARY_DIR) + "/fulfilment-catalog.scat";
  const std::string request_path = std::string(SHOPCORE_BINARY_DIR) + "/fulfilment-split-request.json";
  std::ofstream(snapshot_path, std::ios::binary) << *bytes;
  std::ofstream(request_path, std::ios::binary) << kSplitRequest;
  DiskFiles files;
  cli::CommandContext context;
  context.files = &files;
  context.locale_dir = SHOPCORE_LOCALE_DIR;
  auto output = cli::RunCommand({"delivery", snapshot_path, request_path}, context);
  EXPECT_EQ(output.err, "");
  EXPECT_EQ(output.exit_code, 0);
  EXPECT_EQ(output.out, ReadFileBytes(FixturePath("split.expected.json")));
  std::ofstream(request_path, std::ios::binary) << R"({"market": "DE", "now_ms": 0, "items": [{"sku": "Q", "quantity": 1}]})";
  auto bad = cli::RunCommand({"delivery", snapshot_path, request_path}, context);
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: NOT_FOUND at " + request_path + ":items[0].sku: no SKU 'Q' in the snapshot\n");
}

}  // namespace
}  // namespace shopcore::fulfilment
