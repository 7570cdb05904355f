// Every way Open() refuses bytes, and that a refused buffer leaves the
// holder serving the snapshot it had.
#include <cstring>

#include "snapshot_test_util.h"

namespace shopcore {
namespace {

using testing::SmallSnapshot;

// A catalog written with the generated builder, bypassing the JSON builder's
// checks, the way a foreign or hostile producer could.
std::string HandBuilt(uint32_t version, std::vector<std::pair<std::string, std::string>> items_and_skus,
                      const char* snapshot_id = "hand-built") {
  flatbuffers::FlatBufferBuilder builder;
  std::vector<flatbuffers::Offset<schema::Item>> items;
  for (const auto& [item, sku] : items_and_skus) {
    std::vector<flatbuffers::Offset<schema::Sku>> skus{schema::CreateSkuDirect(builder, sku.c_str())};
    items.push_back(schema::CreateItemDirect(builder, item.c_str(), nullptr, nullptr, nullptr, nullptr, nullptr,
                                             nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &skus));
  }
  // Children first: a table under construction must not have objects
  // created inside it (FlatBufferBuilder asserts NotNested in debug builds).
  auto id = snapshot_id ? builder.CreateString(snapshot_id) : 0;
  auto item_vector = builder.CreateVector(items);
  schema::CatalogBuilder catalog(builder);
  catalog.add_schema_version(version);
  if (snapshot_id) catalog.add_snapshot_id(id);
  catalog.add_items(item_vector);
  builder.FinishSizePrefixed(catalog.Finish(), schema::CatalogIdentifier());
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

class SnapshotRejection : public ::testing::Test {
 protected:
  void SetUp() override {
    good_ = SmallSnapshot();
    ASSERT_TRUE(holder_.Load(good_).ok());
    before_ = holder_.current();
  }
  // Loads bytes that must be refused with code; the holder must still serve
  // the very snapshot object it served before.
  void ExpectRefused(std::string bytes, ErrorCode code, const std::string& message_start) {
    Status status = holder_.Load(std::move(bytes));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, code) << status.error().ToString();
    EXPECT_EQ(status.error().message.rfind(message_start, 0), 0u) << status.error().message;
    EXPECT_EQ(holder_.current(), before_);
    EXPECT_EQ(holder_.current()->PriceIn(*holder_.current()->FindSku("sku-1a").sku, "DE")->amount(), 1999);
  }
  std::string good_;
  SnapshotHolder holder_;
  std::shared_ptr<const Snapshot> before_;
};

TEST_F(SnapshotRejection, Truncated) {
  for (size_t keep : {size_t{0}, size_t{7}, size_t{100}, good_.size() / 2, good_.size() - 1}) {
    SCOPED_TRACE(keep);
    ExpectRefused(good_.substr(0, keep), ErrorCode::kBadSnapshot, keep < 16 ? "truncated" : "failed FlatBuffers verification");
  }
}

TEST_F(SnapshotRejection, WrongIdentifier) {
  std::string bytes = good_;
  bytes[8] = 'X';
  ExpectRefused(bytes, ErrorCode::kBadSnapshot, "wrong file identifier 'XCAT' (a catalog snapshot has 'SCAT')");
}

TEST_F(SnapshotRejection, SizePrefixDisagrees) {
  std::string bytes = good_ + std::string(8, '\0');  // trailing bytes after a complete snapshot
  ExpectRefused(bytes, ErrorCode::kBadSnapshot, "failed FlatBuffers verification");
}

TEST_F(SnapshotRejection, CorruptedRootOffset) {
  std::string bytes = good_;
  bytes[5] ^= 0x40;  // the root table offset now points past the end
  ExpectRefused(bytes, ErrorCode::kBadSnapshot, "failed FlatBuffers verification");
}

// Every single-byte corruption is either refused with a clear error or
// opens into a snapshot that still answers lookups: never a crash, never a
// half-swapped holder.
TEST_F(SnapshotRejection, EveryFlippedByteIsSafe) {
  size_t refused = 0;
  for (size_t i = 0; i < good_.size(); ++i) {
    std::string bytes = good_;
    bytes[i] = static_cast<char>(bytes[i] ^ 0xA5);
    SnapshotHolder holder;
    ASSERT_TRUE(holder.Load(good_).ok());
    auto previous = holder.current();
    Status status = holder.Load(std::move(bytes));
    if (!status.ok()) {
      ++refused;
      EXPECT_TRUE(status.error().code == ErrorCode::kBadSnapshot || status.error().code == ErrorCode::kConflict ||
                  status.error().code == ErrorCode::kUnsupportedVersion)
          << i << ": " << status.error().ToString();
      EXPECT_EQ(holder.current(), previous);
    } else {
      const Snapshot& s = *holder.current();
      for (const char* id : {"item-1", "item-2"}) (void)s.FindItem(id);
      (void)s.FindSku("sku-1a");
      (void)DumpSnapshot(s.bytes());
    }
  }
  EXPECT_GT(refused, good_.size() / 10);
}

TEST_F(SnapshotRejection, UnsupportedVersion) {
  // Version 1 had per-price tables where version 2 has index columns.
  ExpectRefused(HandBuilt(1, {{"a", "a1"}}), ErrorCode::kUnsupportedVersion,
                "snapshot schema version 1 is not supported (this build reads version 2)");
  ExpectRefused(HandBuilt(3, {{"a", "a1"}}), ErrorCode::kUnsupportedVersion,
                "snapshot schema version 3 is not supported (this build reads version 2)");
}

TEST_F(SnapshotRejection, OverTheSizeCap) {
  SnapshotLimits limits;
  limits.max_bytes = good_.size() - 1;
  SnapshotHolder small(limits);
  Status status = small.Load(good_);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(), "BAD_SNAPSHOT: " + std::to_string(good_.size()) +
                                           " bytes is over the snapshot size cap of " + std::to_string(good_.size() - 1) +
                                           " bytes");
  EXPECT_EQ(small.current(), nullptr);
  limits.max_bytes = good_.size();
  EXPECT_TRUE(SnapshotHolder(limits).Load(good_).ok());
}

TEST_F(SnapshotRejection, TooManyTablesForTheVerifier) {
  SnapshotLimits limits;
  limits.max_tables = 10;
  auto opened = Snapshot::Open(good_, limits);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().code, ErrorCode::kBadSnapshot);
}

TEST_F(SnapshotRejection, DuplicateIds) {
  ExpectRefused(HandBuilt(kSnapshotSchemaVersion, {{"a", "a1"}, {"a", "a2"}}), ErrorCode::kConflict, "duplicate id 'a' in items");
  ExpectRefused(HandBuilt(kSnapshotSchemaVersion, {{"a", "x1"}, {"b", "x1"}}), ErrorCode::kConflict,
                "duplicate SKU id 'x1' (items[0] and items[1])");
}

TEST_F(SnapshotRejection, UnsortedCollection) {
  ExpectRefused(HandBuilt(kSnapshotSchemaVersion, {{"b", "b1"}, {"a", "a1"}}), ErrorCode::kBadSnapshot, "items is not sorted by id");
}

// Nested keyed vectors are binary-searched too (LookupByKey on a SKU's
// stock per warehouse, a market's pickup points), so Open checks their order
// at every depth, not only the top-level collections.
std::string WithNestedKeys(std::vector<const char*> warehouses, std::vector<const char*> pickup_points) {
  flatbuffers::FlatBufferBuilder builder;
  std::vector<flatbuffers::Offset<schema::WarehouseStock>> stock;
  for (const char* warehouse : warehouses) stock.push_back(schema::CreateWarehouseStockDirect(builder, warehouse, 3));
  auto stock_vector = builder.CreateVector(stock);
  auto sku_id = builder.CreateString("a1");
  schema::SkuBuilder sku(builder);
  sku.add_id(sku_id);
  sku.add_stock_by_warehouse(stock_vector);
  std::vector<flatbuffers::Offset<schema::Sku>> skus{sku.Finish()};
  std::vector<flatbuffers::Offset<schema::Item>> items{schema::CreateItemDirect(
      builder, "a", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &skus)};
  std::vector<flatbuffers::Offset<schema::PickupPoint>> points;
  for (const char* point : pickup_points) points.push_back(schema::CreatePickupPointDirect(builder, point));
  auto points_vector = builder.CreateVector(points);
  auto market_id = builder.CreateString("CN");
  schema::MarketBuilder market(builder);
  market.add_id(market_id);
  market.add_pickup_points(points_vector);
  std::vector<flatbuffers::Offset<schema::Market>> markets{market.Finish()};
  auto id = builder.CreateString("nested");
  auto item_vector = builder.CreateVector(items);
  auto market_vector = builder.CreateVector(markets);
  schema::CatalogBuilder catalog(builder);
  catalog.add_schema_version(kSnapshotSchemaVersion);
  catalog.add_snapshot_id(id);
  catalog.add_items(item_vector);
  catalog.add_markets(market_vector);
  builder.FinishSizePrefixed(catalog.Finish(), schema::CatalogIdentifier());
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

TEST_F(SnapshotRejection, NestedKeyedVectorsAreSortedAndUnique) {
  ASSERT_TRUE(Snapshot::Open(WithNestedKeys({"wh-a", "wh-b"}, {"p1", "p2"})).ok());
  auto unsorted = Snapshot::Open(WithNestedKeys({"wh-b", "wh-a"}, {"p1", "p2"}));
  ASSERT_FALSE(unsorted.ok());
  EXPECT_EQ(unsorted.error().ToString(),
            "BAD_SNAPSHOT at items[0].skus[0].stock_by_warehouse[1]: stock_by_warehouse is not sorted by id");
  ExpectRefused(WithNestedKeys({"wh-b", "wh-a"}, {"p1", "p2"}), ErrorCode::kBadSnapshot, "stock_by_warehouse is not sorted");
  auto duplicate = Snapshot::Open(WithNestedKeys({"wh-a"}, {"p1", "p1"}));
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().ToString(), "CONFLICT at markets[0].pickup_points[1]: duplicate id 'p1' in pickup_points");
  auto keyless = Snapshot::Open(WithNestedKeys({"wh-a", ""}, {"p1"}));
  ASSERT_FALSE(keyless.ok());
  EXPECT_EQ(keyless.error().ToString(), "BAD_SNAPSHOT at items[0].skus[0].stock_by_warehouse[1]: entry without an id");
}

TEST_F(SnapshotRejection, NoSnapshotId) {
  ExpectRefused(HandBuilt(kSnapshotSchemaVersion, {{"a", "a1"}}, nullptr), ErrorCode::kBadSnapshot, "the snapshot has no snapshot_id");
}

TEST_F(SnapshotRejection, ADeltaIsNotASnapshot) {
  auto delta = MakeSnapshotDelta(good_, good_);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();
  ExpectRefused(*delta, ErrorCode::kBadSnapshot, "wrong file identifier 'SDLT' (a catalog snapshot has 'SCAT'; this is a delta)");
}

TEST(SnapshotHolder, SwapsAndOldReadersKeepTheirSnapshot) {
  SnapshotHolder holder;
  EXPECT_EQ(holder.current(), nullptr);
  ASSERT_TRUE(holder.Load(SmallSnapshot()).ok());
  auto first = holder.current();
  auto next = testing::BuildEdited([](json::OrderedJson& c) { c["snapshot_id"] = "next"; });
  ASSERT_TRUE(next.ok());
  ASSERT_TRUE(holder.Load(*next).ok());
  EXPECT_EQ(holder.current()->id(), "next");
  EXPECT_EQ(first->id(), "small-2026-11-21");  // a reader's copy still serves
  EXPECT_NE(first->FindItem("item-1"), nullptr);
}

}  // namespace
}  // namespace shopcore
