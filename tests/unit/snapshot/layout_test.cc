// Schema 2's index columns: the JSON names markets and items by id, the
// snapshot stores their index numbers, dump turns them back into ids, and a
// delta that shifts the numbers (an inserted item) still applies exactly.
#include "snapshot/schema_json.h"
#include "snapshot_test_util.h"

namespace shopcore {
namespace {

using json::OrderedJson;
using testing::BuildEdited;

void AddNeighbours(OrderedJson& c) {
  c["neighbours"] = OrderedJson::array();
  c["neighbours"].push_back({{"item", "item-2"}, {"neighbours", {"item-1"}}, {"weights", {0.5}}});
  c["neighbours"].push_back({{"item", "item-1"}, {"neighbours", {"item-2"}}, {"weights", {0.25}}});
}

std::vector<std::string> NeighbourRows(const Snapshot& s) {
  std::vector<std::string> rows;
  const auto& c = s.catalog();
  for (uint32_t i = 0; i + 1 < c.neighbour_offsets()->size(); ++i) {
    for (uint32_t k = c.neighbour_offsets()->Get(i); k < c.neighbour_offsets()->Get(i + 1); ++k) {
      rows.push_back(c.items()->Get(i)->id()->str() + " -> " +
                     c.items()->Get(c.neighbour_items()->Get(k))->id()->str() + " " +
                     std::to_string(c.neighbour_weights()->Get(k)));
    }
  }
  return rows;
}

TEST(SnapshotLayout, NeighboursAreItemIndexesInCsrRows) {
  auto bytes = BuildEdited(AddNeighbours);
  ASSERT_TRUE(bytes.ok()) << bytes.error().ToString();
  auto opened = Snapshot::Open(*bytes);
  ASSERT_TRUE(opened.ok()) << opened.error().ToString();
  const auto& c = (*opened)->catalog();
  EXPECT_EQ(c.neighbours(), nullptr);
  ASSERT_EQ(c.neighbour_offsets()->size(), 3u);  // items + 1
  EXPECT_EQ(NeighbourRows(**opened), (std::vector<std::string>{"item-1 -> item-2 0.250000", "item-2 -> item-1 0.500000"}));
  // Dump shows ids again, and rebuilding it gives the same bytes.
  auto dumped = DumpSnapshot(*bytes, -1);
  ASSERT_TRUE(dumped.ok());
  EXPECT_NE(dumped->find("\"neighbours\":[{\"item\":\"item-1\",\"neighbours\":[\"item-2\"],\"weights\":[0.25]}"),
            std::string::npos)
      << *dumped;
  EXPECT_EQ(*BuildSnapshot(*dumped), *bytes);
  EXPECT_NE((*opened)->Describe().find("\"neighbours\":2"), std::string::npos) << (*opened)->Describe();
}

TEST(SnapshotLayout, ColumnsAreNotJson) {
  auto derived = BuildEdited([](OrderedJson& c) { c["items"][0]["skus"][0]["price_markets"] = {0}; });
  ASSERT_FALSE(derived.ok());
  EXPECT_EQ(derived.error().ToString(), "BAD_REQUEST at items[0].skus[0].price_markets: unknown field of Sku");
  auto mismatch = BuildEdited([](OrderedJson& c) {
    AddNeighbours(c);
    c["neighbours"][0]["weights"] = {0.5, 0.1};
  });
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().ToString(), "INVALID_ARGUMENT at neighbours: item 'item-2' has 1 neighbours but 2 weights");
  auto factors = BuildEdited([](OrderedJson& c) { c["factors"][0]["factors"] = {1, 2, 3}; });
  ASSERT_FALSE(factors.ok());
  EXPECT_EQ(factors.error().ToString(), "INVALID_ARGUMENT at factors: item 'item-1' has 3 factors, model.dimensions is 2");
  auto unknown = BuildEdited([](OrderedJson& c) {
    AddNeighbours(c);
    c["neighbours"][0]["neighbours"] = {"item-9"};
  });
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().ToString(), "NOT_FOUND at neighbours[0].neighbours[0]: no items entry with id 'item-9'");
}

TEST(SnapshotLayout, ADeltaThatShiftsIndexesAppliesExactly) {
  auto base = BuildEdited(AddNeighbours);
  // item-0 sorts first: every item number and the DE/CN market numbers move.
  auto target = BuildEdited([](OrderedJson& c) {
    AddNeighbours(c);
    c["markets"].push_back({{"id", "AT"}, {"currency", "EUR"}, {"locale", "de-AT"}});
    c["items"].push_back({{"id", "item-0"},
                          {"skus", {{{"id", "sku-0a"}, {"price", {{"AT", {{"amount", 500}}}, {"DE", {{"amount", 700}}}}}}}}});
    c["neighbours"].push_back({{"item", "item-0"}, {"neighbours", {"item-1", "item-2"}}, {"weights", {0.75, 0.125}}});
  });
  ASSERT_TRUE(base.ok()) << base.error().ToString();
  ASSERT_TRUE(target.ok()) << target.error().ToString();
  auto delta = MakeSnapshotDelta(*base, *target);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();
  auto applied = ApplySnapshotDelta(*base, *delta);
  ASSERT_TRUE(applied.ok()) << applied.error().ToString();
  EXPECT_EQ(*applied, *target);
  auto opened = Snapshot::Open(*applied);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(NeighbourRows(**opened),
            (std::vector<std::string>{"item-0 -> item-1 0.750000", "item-0 -> item-2 0.125000",
                                      "item-1 -> item-2 0.250000", "item-2 -> item-1 0.500000"}));
  const Snapshot& s = **opened;
  EXPECT_EQ(s.PriceIn(*s.FindSku("sku-1a").sku, "DE")->amount(), 1999);
  EXPECT_EQ(s.PriceIn(*s.FindSku("sku-0a").sku, "AT")->amount(), 500);
  EXPECT_EQ(s.PriceIn(*s.FindSku("sku-0a").sku, "DE")->amount(), 700);
  EXPECT_FALSE(s.PriceIn(*s.FindSku("sku-0a").sku, "CN").has_value());
}

// Index columns the verifier cannot judge: Open checks every number.
std::string WithPriceColumn(std::vector<uint16_t> markets, std::vector<int64_t> amounts) {
  flatbuffers::FlatBufferBuilder builder;
  auto sku_id = builder.CreateString("a1");
  auto market_vector = builder.CreateVector(markets);
  auto amount_vector = builder.CreateVector(amounts);
  schema::SkuBuilder sku(builder);
  sku.add_id(sku_id);
  sku.add_price_markets(market_vector);
  sku.add_price_amounts(amount_vector);
  std::vector<flatbuffers::Offset<schema::Sku>> skus{sku.Finish()};
  std::vector<flatbuffers::Offset<schema::Item>> items{schema::CreateItemDirect(
      builder, "a", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
      nullptr, &skus)};
  std::vector<flatbuffers::Offset<schema::Market>> market_tables{schema::CreateMarketDirect(builder, "DE", "EUR")};
  auto id = builder.CreateString("columns");
  auto item_vector = builder.CreateVector(items);
  auto markets_vector = builder.CreateVector(market_tables);
  schema::CatalogBuilder catalog(builder);
  catalog.add_schema_version(kSnapshotSchemaVersion);
  catalog.add_snapshot_id(id);
  catalog.add_markets(markets_vector);
  catalog.add_items(item_vector);
  builder.FinishSizePrefixed(catalog.Finish(), schema::CatalogIdentifier());
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

TEST(SnapshotLayout, OpenChecksEveryIndex) {
  auto good = Snapshot::Open(WithPriceColumn({0}, {100}));
  ASSERT_TRUE(good.ok()) << good.error().ToString();
  EXPECT_EQ((*good)->PriceIn(*(*good)->FindSku("a1").sku, "DE")->amount(), 100);
  auto out_of_range = Snapshot::Open(WithPriceColumn({1}, {100}));
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.error().ToString(),
            "BAD_SNAPSHOT at items[0].skus[0].price_markets[0]: market index out of range or out of order");
  auto short_amounts = Snapshot::Open(WithPriceColumn({0}, {}));
  ASSERT_FALSE(short_amounts.ok());
  EXPECT_EQ(short_amounts.error().ToString(), "BAD_SNAPSHOT at items[0].skus[0].price_amounts: price columns of different lengths");
}

}  // namespace
}  // namespace shopcore
