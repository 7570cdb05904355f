// Catalog JSON -> snapshot bytes: what the builder accepts, what it refuses
// (with the JSON path), and that its bytes are canonical.
#include <algorithm>

#include "snapshot/catalog_json.h"
#include "snapshot_test_util.h"

namespace shopcore {
namespace {

using json::OrderedJson;
using testing::BuildEdited;
using testing::SmallSnapshot;

TEST(SnapshotBuild, OpensAndFindsEntriesById) {
  auto opened = Snapshot::Open(SmallSnapshot());
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  const Snapshot& snapshot = **opened;
  EXPECT_EQ(snapshot.id(), "small-2026-11-21");
  EXPECT_EQ(snapshot.catalog().schema_version(), kSnapshotSchemaVersion);
  EXPECT_EQ(snapshot.item_count(), 2u);
  EXPECT_EQ(snapshot.sku_count(), 3u);

  const schema::Item* item = snapshot.FindItem("item-1");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->brand()->str(), "Glow");
  EXPECT_EQ(snapshot.FindItem("item-3"), nullptr);

  auto sku = snapshot.FindSku("sku-1a");
  ASSERT_NE(sku.sku, nullptr);
  EXPECT_EQ(sku.item, item);
  auto de = snapshot.PriceIn(*sku.sku, "DE");
  ASSERT_TRUE(de.has_value());
  EXPECT_EQ(de->amount(), 1999);
  EXPECT_EQ(de->compare_at(), 2499);
  EXPECT_EQ(de->market_index, static_cast<uint32_t>(snapshot.MarketIndex("DE")));
  EXPECT_FALSE(snapshot.PriceIn(*sku.sku, "US").has_value());
  EXPECT_FALSE(snapshot.PriceIn(*sku.sku, "ZZ").has_value());
  // Schema 2: prices are index columns, never per-price tables.
  EXPECT_EQ(sku.sku->price(), nullptr);
  ASSERT_NE(sku.sku->price_markets(), nullptr);
  EXPECT_EQ(snapshot.catalog().markets()->Get(sku.sku->price_markets()->Get(0))->id()->str(), "DE");
  EXPECT_EQ(snapshot.FindSku("sku-9").sku, nullptr);

  const schema::Market* cn = snapshot.FindMarket("CN");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->currency()->str(), "CNY");
  EXPECT_EQ(cn->pickup_points()->Get(0)->cutoff_minute(), 1320);
  EXPECT_EQ(snapshot.FindMarket("US")->tax_display(), schema::TaxDisplay::Exclusive);

  // Decimals stay exact strings; enums keep their names' values.
  EXPECT_EQ(snapshot.catalog().fx_rates()->Get(0)->rate()->str(), "7.8123");
  EXPECT_EQ(snapshot.catalog().tax_rules()->Get(0)->rates()->LookupByKey("standard")->rate()->str(), "0.19");
  EXPECT_EQ(snapshot.FindSku("sku-2a").sku->stock(), schema::StockState::OutOfStock);
  // int8 factors with their scale, and base64 bytes decoded.
  // (schema 2: one flat row of model.dimensions per item, items by index)
  EXPECT_EQ(snapshot.catalog().factors(), nullptr);
  const uint32_t dimensions = static_cast<uint32_t>(snapshot.catalog().model()->dimensions());
  ASSERT_EQ(snapshot.catalog().factor_scales()->size(), 2u);
  EXPECT_EQ(snapshot.catalog().factor_values()->size(), 2u * dimensions);
  EXPECT_EQ(snapshot.catalog().factor_values()->Get(1), -7);  // item-1 is item 0
  EXPECT_FLOAT_EQ(snapshot.catalog().factor_scales()->Get(0), 0.0125f);
  const auto* pack = snapshot.catalog().locale_packs()->Get(0)->data();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(pack->data()), pack->size()), "{\"decimal\":\",\"}");
}

TEST(SnapshotBuild, DumpThenBuildGivesTheSameBytes) {
  std::string bytes = SmallSnapshot();
  auto dumped = DumpSnapshot(bytes);
  ASSERT_TRUE(dumped.ok()) << dumped.error().ToString();
  auto rebuilt = BuildSnapshot(*dumped);
  ASSERT_TRUE(rebuilt.ok()) << rebuilt.error().ToString();
  EXPECT_EQ(*rebuilt, bytes);
  // The dump is canonical too: dumping the rebuilt bytes prints the same text.
  EXPECT_EQ(*DumpSnapshot(*rebuilt), *dumped);
}

TEST(SnapshotBuild, OrderOfTheInputDoesNotChangeTheBytes) {
  std::string bytes = SmallSnapshot();
  auto reordered = BuildEdited([](OrderedJson& c) {
    std::reverse(c["items"].begin(), c["items"].end());
    std::reverse(c["markets"].begin(), c["markets"].end());
    for (auto& item : c["items"]) std::reverse(item["skus"].begin(), item["skus"].end());
    // Members of an object in another order, and the long form of a map entry.
    OrderedJson moved = c["fx_rates"];
    c.erase("fx_rates");
    c["fx_rates"] = moved;
    c["as_of"]["fx"] = OrderedJson{{"date", "2026-11-20"}};
  });
  ASSERT_TRUE(reordered.ok()) << reordered.error().ToString();
  EXPECT_EQ(*reordered, bytes);
}

struct BadCatalog {
  const char* name;
  std::function<void(OrderedJson&)> edit;
  ErrorCode code;
  const char* error;  // Error::ToString()
};

class SnapshotBuildRejects : public ::testing::TestWithParam<BadCatalog> {};

TEST_P(SnapshotBuildRejects, NamingTheJsonPath) {
  auto built = BuildEdited(GetParam().edit);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, GetParam().code);
  EXPECT_EQ(built.error().ToString(), GetParam().error);
}

// Indexes are those of the fixture's JSON, as its author wrote it.
INSTANTIATE_TEST_SUITE_P(
    Catalogs, SnapshotBuildRejects,
    ::testing::Values(
        BadCatalog{"NegativeAmount", [](OrderedJson& c) { c["items"][1]["skus"][0]["price"]["DE"]["amount"] = -5; },
                   ErrorCode::kInvalidArgument, "INVALID_ARGUMENT at items[1].skus[0].price.DE.amount: negative amount -5"},
        BadCatalog{"DuplicateItem", [](OrderedJson& c) { c["items"][1]["id"] = "item-2"; }, ErrorCode::kConflict,
                   "CONFLICT at items[1].id: duplicate id 'item-2' (also at items[0])"},
        BadCatalog{"DuplicateSkuAcrossItems", [](OrderedJson& c) { c["items"][0]["skus"][0]["id"] = "sku-1a"; },
                   ErrorCode::kConflict,
                   "CONFLICT at items[1].skus[1].id: duplicate SKU id 'sku-1a' (also at items[0].skus[0].id)"},
        BadCatalog{"UnknownMarket", [](OrderedJson& c) { c["items"][0]["sellable_markets"].push_back("XX"); },
                   ErrorCode::kNotFound, "NOT_FOUND at items[0].sellable_markets[2]: no markets entry with id 'XX'"},
        BadCatalog{"PriceInUnknownMarket", [](OrderedJson& c) { c["items"][0]["skus"][0]["price"]["ZZ"] = {{"amount", 1}}; },
                   ErrorCode::kNotFound, "NOT_FOUND at items[0].skus[0].price.ZZ.market: no markets entry with id 'ZZ'"},
        BadCatalog{"UnknownSku", [](OrderedJson& c) { c["bargains"][0]["sku"] = "sku-9"; }, ErrorCode::kNotFound,
                   "NOT_FOUND at bargains[0].sku: no skus entry with id 'sku-9'"},
        BadCatalog{"ExponentRate", [](OrderedJson& c) { c["fx_rates"][0]["rate"] = "1e5"; }, ErrorCode::kInvalidArgument,
                   "INVALID_ARGUMENT at fx_rates[0].rate: not a decimal number: '1e5'"},
        BadCatalog{"UnknownCurrency", [](OrderedJson& c) { c["fx_rates"][0]["base"] = "EUX"; }, ErrorCode::kUnknownCurrency,
                   "UNKNOWN_CURRENCY at fx_rates[0].base: unknown currency 'EUX'"},
        BadCatalog{"UnknownField", [](OrderedJson& c) { c["items"][0]["colour"] = "red"; }, ErrorCode::kBadRequest,
                   "BAD_REQUEST at items[0].colour: unknown field of Item"},
        BadCatalog{"UnknownEnumName", [](OrderedJson& c) { c["items"][0]["skus"][0]["stock"] = "Gone"; },
                   ErrorCode::kInvalidArgument,
                   "INVALID_ARGUMENT at items[0].skus[0].stock: unknown StockState 'Gone' (one of InStock, LowStock, "
                   "OutOfStock, Preorder, Discontinued)"},
        BadCatalog{"WrongType", [](OrderedJson& c) { c["items"][0]["skus"][0]["purchase_limit"] = "3"; },
                   ErrorCode::kBadRequest, "BAD_REQUEST at items[0].skus[0].purchase_limit: expected an integer, got string"},
        BadCatalog{"IntOverflow", [](OrderedJson& c) { c["items"][0]["skus"][0]["purchase_limit"] = 4294967296LL; },
                   ErrorCode::kOverflow, "OVERFLOW at items[0].skus[0].purchase_limit: 4294967296 does not fit in int32"},
        BadCatalog{"OverlappingTaxRules",
                   [](OrderedJson& c) {
                     c["tax_rules"].push_back(
                         {{"id", "de-vat-2"}, {"market", "DE"}, {"valid_from", "2020-01-01"}, {"valid_to", "2021-01-01"}});
                   },
                   ErrorCode::kConflict, "CONFLICT at tax_rules[1]: overlaps tax_rules[0] for DE (2007-01-01 to open)"},
        BadCatalog{"BadDate", [](OrderedJson& c) { c["tax_rules"][0]["valid_from"] = "2026-02-30"; },
                   ErrorCode::kInvalidArgument, "INVALID_ARGUMENT at tax_rules[0].valid_from: not a date (YYYY-MM-DD): '2026-02-30'"},
        BadCatalog{"BadBase64", [](OrderedJson& c) { c["locale_packs"][0]["data"] = "not base64!"; },
                   ErrorCode::kInvalidArgument, "INVALID_ARGUMENT at locale_packs[0].data: not valid base64"},
        BadCatalog{"MapKeyDisagrees", [](OrderedJson& c) { c["items"][0]["skus"][0]["price"]["CN"]["market"] = "US"; },
                   ErrorCode::kBadRequest, "BAD_REQUEST at items[0].skus[0].price.CN.market: differs from its map key 'CN'"},
        BadCatalog{"MissingId", [](OrderedJson& c) { c["fx_rates"][0].erase("id"); }, ErrorCode::kBadRequest,
                   "BAD_REQUEST at fx_rates[0].id: missing (every entry needs a string id)"},
        BadCatalog{"OtherSchemaVersion", [](OrderedJson& c) { c["schema_version"] = 1; }, ErrorCode::kUnsupportedVersion,
                   "UNSUPPORTED_VERSION at schema_version: this build writes schema version 2, the catalog says 1"},
        BadCatalog{"NoSnapshotId", [](OrderedJson& c) { c.erase("snapshot_id"); }, ErrorCode::kBadRequest,
                   "BAD_REQUEST at snapshot_id: every catalog needs a non-empty snapshot_id string"}),
    [](const ::testing::TestParamInfo<BadCatalog>& info) { return std::string(info.param.name); });

TEST(SnapshotBuild, BadJsonSaysWhere) {
  auto built = BuildSnapshot("{\"items\": [");
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().code, ErrorCode::kBadJson);
  EXPECT_EQ(built.error().message.rfind("not valid JSON: syntax error at byte 12", 0), 0u) << built.error().message;
  EXPECT_EQ(BuildSnapshot("[]").error().ToString(), "BAD_REQUEST: a catalog is a JSON object, got array");
}

TEST(SnapshotBuild, OverTheJsonCapIsRefusedBeforeParsing) {
  std::string text = json::Dump(testing::SmallCatalog());
  auto built = snapshot_internal::BuildSnapshotCapped(text, text.size() - 1);
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error().ToString(), "INVALID_ARGUMENT: catalog JSON of " + std::to_string(text.size()) +
                                          " bytes is over this build's cap of " + std::to_string(text.size() - 1) +
                                          " bytes (build large catalogs with the native shopcore)");
  EXPECT_TRUE(snapshot_internal::BuildSnapshotCapped(text, text.size()).ok());
}

TEST(SnapshotBuild, NullAndEmptyAreTheSameAsAbsent) {
  std::string bytes = SmallSnapshot();
  auto same = BuildEdited([](OrderedJson& c) {
    c["creators"][0]["markets"] = OrderedJson::array();
    c["items"][0]["tags"] = nullptr;
    c["coupons"] = OrderedJson::array();
    c["items"][0]["skus"][0]["purchase_limit"] = 0;  // the default
  });
  ASSERT_TRUE(same.ok()) << same.error().ToString();
  auto original = BuildEdited([](OrderedJson& c) { c["creators"][0].erase("markets"); });
  ASSERT_TRUE(original.ok());
  EXPECT_EQ(*same, *original);
}

}  // namespace
}  // namespace shopcore
