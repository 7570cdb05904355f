// Deltas: apply(old, delta(old, new)) == new byte for byte; a delta on the
// wrong base, or a damaged delta, is refused and changes nothing.
#include "snapshot_test_util.h"

namespace shopcore {
namespace {

using json::OrderedJson;
using testing::BuildEdited;
using testing::SmallSnapshot;

std::string NextSnapshot() {
  auto next = BuildEdited([](OrderedJson& c) {
    c["snapshot_id"] = "small-2";
    c["base_snapshot_id"] = "small-2026-11-21";
    c["items"][1]["skus"][1]["price"]["DE"]["amount"] = 1899;     // sku-1a repriced
    c.erase("bargains");                                          // it referred to item-2
    c["items"].erase(0);                                          // item-2 gone
    c["creators"].push_back({{"id", "kol-max"}, {"name", "Max"}});  // a new creator
    c["model"]["dimensions"] = 3;                                 // a singleton changed
    c["factors"][0]["factors"] = {12, -7, 5};                     // (factor rows follow it)
    c["as_of"]["fx"] = "2026-11-21";
  });
  EXPECT_TRUE(next.ok()) << next.error().ToString();
  return next.ok() ? *next : std::string();
}

TEST(SnapshotDelta, ApplyGivesTheTargetByteForByte) {
  std::string old_bytes = SmallSnapshot(), new_bytes = NextSnapshot();
  auto delta = MakeSnapshotDelta(old_bytes, new_bytes);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();
  auto applied = ApplySnapshotDelta(old_bytes, *delta);
  ASSERT_TRUE(applied.ok()) << applied.error().ToString();
  EXPECT_EQ(*applied, new_bytes);
  auto summary = DescribeSnapshotDelta(*delta);
  ASSERT_TRUE(summary.ok());
  auto parsed = json::Parse(*summary);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ((*parsed)["upserts"], json::Json::parse(R"({"creators":1,"factors":1,"items":1})"));
  EXPECT_EQ((*parsed)["deletes"], json::Json::parse(R"({"bargains":1,"items":1})"));
  // Only what changed travels.
  EXPECT_LT(delta->size(), new_bytes.size());
}

TEST(SnapshotDelta, BothDirectionsAndTheEmptyDelta) {
  std::string a = SmallSnapshot(), b = NextSnapshot();
  auto back = MakeSnapshotDelta(b, a);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*ApplySnapshotDelta(b, *back), a);
  auto same = MakeSnapshotDelta(a, a);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(*ApplySnapshotDelta(a, *same), a);
}

TEST(SnapshotDelta, WrongBaseIsRefusedAndTheHolderKeepsServing) {
  std::string old_bytes = SmallSnapshot(), new_bytes = NextSnapshot();
  auto delta = MakeSnapshotDelta(old_bytes, new_bytes);
  ASSERT_TRUE(delta.ok());
  SnapshotHolder holder;
  ASSERT_TRUE(holder.Load(new_bytes).ok());
  auto before = holder.current();
  Status status = holder.ApplyDelta(*delta);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kWrongDeltaBase);
  EXPECT_EQ(status.error().message.rfind("the delta was made from snapshot 'small-2026-11-21' (hash ", 0), 0u)
      << status.error().message;
  EXPECT_EQ(holder.current(), before);

  // Same id, other content: the hash tells them apart.
  auto impostor = BuildEdited([](OrderedJson& c) { c["created_at"] = 1; });
  ASSERT_TRUE(impostor.ok());
  EXPECT_EQ(ApplySnapshotDelta(*impostor, *delta).error().code, ErrorCode::kWrongDeltaBase);

  SnapshotHolder empty;
  EXPECT_EQ(empty.ApplyDelta(*delta).error().code, ErrorCode::kWrongDeltaBase);
}

TEST(SnapshotDelta, HolderAppliesAndSwaps) {
  std::string old_bytes = SmallSnapshot(), new_bytes = NextSnapshot();
  auto delta = MakeSnapshotDelta(old_bytes, new_bytes);
  ASSERT_TRUE(delta.ok());
  SnapshotHolder holder;
  ASSERT_TRUE(holder.Load(old_bytes).ok());
  auto reader = holder.current();
  ASSERT_TRUE(holder.ApplyDelta(*delta).ok());
  EXPECT_EQ(holder.current()->bytes(), new_bytes);
  EXPECT_EQ(holder.current()->FindItem("item-2"), nullptr);
  EXPECT_EQ(holder.current()->PriceIn(*holder.current()->FindSku("sku-1a").sku, "DE")->amount(), 1899);
  EXPECT_EQ(reader->PriceIn(*reader->FindSku("sku-1a").sku, "DE")->amount(), 1999);
}

TEST(SnapshotDelta, DamagedDeltaIsRefused) {
  std::string old_bytes = SmallSnapshot();
  auto delta = MakeSnapshotDelta(old_bytes, NextSnapshot());
  ASSERT_TRUE(delta.ok());
  SnapshotHolder holder;
  ASSERT_TRUE(holder.Load(old_bytes).ok());
  auto before = holder.current();
  for (size_t keep : {size_t{3}, size_t{20}, delta->size() / 2}) {
    Status status = holder.ApplyDelta(delta->substr(0, keep));
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.error().code, ErrorCode::kBadSnapshot);
    EXPECT_EQ(holder.current(), before);
  }
  // A snapshot is not a delta.
  EXPECT_EQ(holder.ApplyDelta(old_bytes).error().ToString(), "BAD_SNAPSHOT: not a catalog delta (no 'SDLT' file identifier)");
  // Flipped bytes anywhere: refused or, if it still verifies, refused by the
  // target hash unless the flip was in a byte the result does not depend on.
  size_t refused = 0;
  for (size_t i = 0; i < delta->size(); i += 7) {
    std::string bytes = *delta;
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
    Status status = holder.ApplyDelta(bytes);
    if (!status.ok()) {
      ++refused;
      EXPECT_EQ(holder.current(), before);
    } else {
      ASSERT_TRUE(holder.Load(old_bytes).ok());
    }
    before = holder.current();
  }
  EXPECT_GT(refused, 0u);
}

}  // namespace
}  // namespace shopcore

namespace shopcore {
namespace {

// This test runs natively and in wasm: both must write the very same bytes
// for the fixture's snapshot and delta (g++ and clang differ in argument
// evaluation order, libc and float printing; none of it may leak into bytes).
// Adding schema fields that the fixture does not set keeps these hashes.
TEST(SnapshotBytes, TheSameInEveryBuild) {
  std::string old_bytes = SmallSnapshot();
  auto delta = MakeSnapshotDelta(old_bytes, NextSnapshot());
  ASSERT_TRUE(delta.ok());
  EXPECT_EQ(HashHex(Fnv1a64(old_bytes)), "9f9899773f28f576");
  EXPECT_EQ(HashHex(Fnv1a64(*delta)), "bbf2a3ef607b0b09");
}

}  // namespace
}  // namespace shopcore
