// The engine facade: each door answers with its module's bytes, and every
// rejected call leaves the engine byte-identical (snapshot info + profile).
#include "shopcore/engine.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/delta.h"
#include "shopcore/social/codec.h"

#include "support/read_file.h"

namespace shopcore {
namespace {

using test_support::ReadFileBytes;

std::string SmallCatalogJson() {
  return ReadFileBytes(std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/snapshot/fixtures/small-catalog.json");
}

std::string SmallSnapshot() {
  auto bytes = BuildSnapshot(SmallCatalogJson());
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? *bytes : std::string();
}

// What a caller can observe of the engine's state.
std::string Observe(const Engine& engine) {
  auto info = engine.SnapshotInfoJson();
  return (info.ok() ? *info : info.error().ToString()) + "\n" + engine.ProfileExportJson() + "\n" +
         engine.ProfileJson();
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    snapshot_ = SmallSnapshot();
    ASSERT_TRUE(engine_.OpenSnapshot(snapshot_).ok());
    ASSERT_TRUE(engine_.TrackJson(R"({"type":"view","time_ms":1000,"item":"kettle"})").ok());
    ASSERT_TRUE(engine_.TrackJson(R"({"type":"purchase","time_ms":2000,"item":"kettle","amount_minor":100})").ok());
  }
  std::string snapshot_;
  Engine engine_;
};

TEST(EngineEmpty, SnapshotInfoBeforeOpenIsNotFound) {
  Engine engine;
  EXPECT_EQ(engine.SnapshotInfoJson().error().code, ErrorCode::kNotFound);
  EXPECT_EQ(engine.ApplySnapshotDelta("x").error().code, ErrorCode::kWrongDeltaBase);
}

TEST_F(EngineTest, SnapshotInfoIsTheSnapshotsDescription) {
  EXPECT_EQ(*engine_.SnapshotInfoJson(), engine_.snapshot()->Describe());
  EXPECT_NE(engine_.SnapshotInfoJson()->find("\"bytes\":" + std::to_string(snapshot_.size())), std::string::npos)
      << *engine_.SnapshotInfoJson();
}

TEST_F(EngineTest, RejectedSnapshotKeepsTheOldOneServing) {
  const std::string before = Observe(engine_);
  auto held = engine_.snapshot();
  EXPECT_EQ(engine_.OpenSnapshot(snapshot_.substr(0, snapshot_.size() / 2)).error().code, ErrorCode::kBadSnapshot);
  EXPECT_EQ(engine_.OpenSnapshot("not a snapshot").error().code, ErrorCode::kBadSnapshot);
  EXPECT_EQ(engine_.ApplySnapshotDelta("garbage").error().code, ErrorCode::kBadSnapshot);
  EXPECT_EQ(Observe(engine_), before);
  EXPECT_EQ(engine_.snapshot(), held);
}

TEST_F(EngineTest, DeltaFromAnotherBaseIsRefusedAndChangesNothing) {
  std::string catalog = SmallCatalogJson();
  const size_t id = catalog.find("\"snapshot_id\"");
  ASSERT_NE(id, std::string::npos);
  const size_t value = catalog.find('"', catalog.find(':', id) + 1);
  std::string other_catalog = catalog;
  other_catalog.insert(value + 1, "other-");
  auto other = BuildSnapshot(other_catalog);
  ASSERT_TRUE(other.ok()) << other.error().ToString();
  std::string third_catalog = catalog;
  third_catalog.insert(value + 1, "third-");
  auto third = BuildSnapshot(third_catalog);
  ASSERT_TRUE(third.ok());
  auto delta = MakeSnapshotDelta(*other, *third);
  ASSERT_TRUE(delta.ok()) << delta.error().ToString();

  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.ApplySnapshotDelta(*delta).error().code, ErrorCode::kWrongDeltaBase);
  EXPECT_EQ(Observe(engine_), before);

  // The matching delta swaps the new snapshot in, byte for byte.
  auto good = MakeSnapshotDelta(snapshot_, *other);
  ASSERT_TRUE(good.ok());
  ASSERT_TRUE(engine_.ApplySnapshotDelta(*good).ok());
  EXPECT_EQ(engine_.snapshot()->bytes(), *other);
}

TEST_F(EngineTest, TrackCountsEventsAndRejectsWithoutChange) {
  EXPECT_EQ(*engine_.TrackJson(R"({"type":"view","time_ms":3000,"item":"mug"})"), R"({"events":3})");
  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.TrackJson(R"({"type":"purchase","time_ms":5})").error().ToString(),
            "BAD_REQUEST at .item: purchase needs an item");
  EXPECT_EQ(engine_.TrackJson("{").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(Observe(engine_), before);
}

TEST_F(EngineTest, ProfileRoundTripsAndRejectedRestoreKeepsTheCurrentOne) {
  const std::string persisted = engine_.ProfileJson();
  const std::string before = Observe(engine_);
  EXPECT_EQ(engine_.RestoreProfile("{\"format\":\"shopcore.reco.profile\",\"version\":99}").error().code,
            ErrorCode::kUnsupportedVersion);
  EXPECT_EQ(engine_.RestoreProfile("[").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(Observe(engine_), before);

  Engine other;
  ASSERT_TRUE(other.RestoreProfile(persisted).ok());
  EXPECT_EQ(other.ProfileExportJson(), engine_.ProfileExportJson());
  EXPECT_EQ(other.ProfileJson(), persisted);
}

TEST_F(EngineTest, EraseLeavesNothingAndConsentGatesUploads) {
  EXPECT_EQ(engine_.UploadBatchJson(10).error().code, ErrorCode::kConsentRequired);
  engine_.SetConsent(true);
  auto batch = engine_.UploadBatchJson(10);
  ASSERT_TRUE(batch.ok());
  EXPECT_NE(batch->find("\"through_seq\":2"), std::string::npos) << *batch;
  EXPECT_EQ(engine_.AcknowledgeUpload(99).error().code, ErrorCode::kInvalidArgument);
  ASSERT_TRUE(engine_.AcknowledgeUpload(2).ok());

  engine_.EraseProfile();
  EXPECT_TRUE(engine_.profile().IsEmpty());
  EXPECT_EQ(engine_.ProfileExportJson(), Engine().ProfileExportJson());
  EXPECT_EQ(engine_.UploadBatchJson(10).error().code, ErrorCode::kConsentRequired);
}

TEST_F(EngineTest, SocialDoorsSpeakTheSocialCodecs) {
  const std::string before = Observe(engine_);
  auto encoded = engine_.ShareEncodeJson(R"({"kind":"item","item_id":"kettle","inviter_id":"u:7","market":"SG"})");
  ASSERT_TRUE(encoded.ok()) << encoded.error().ToString();
  EXPECT_EQ(*encoded, *ShareEncodeJson(R"({"kind":"item","item_id":"kettle","inviter_id":"u:7","market":"SG"})"));
  EXPECT_EQ(engine_.ShareDecodeJson("nope").error().code, ErrorCode::kBadToken);
  EXPECT_EQ(engine_.GroupJson("fly", "{}").error().code, ErrorCode::kInvalidArgument);
  auto schedule = engine_.BargainJson("schedule",
                                      R"({"campaign":{"currency":"JPY","start_minor":5,"floor_minor":0,"helpers":2,)"
                                      R"("time_limit_ms":1},"seed":{"state":"7"}})");
  EXPECT_TRUE(schedule.ok()) << schedule.error().ToString();
  EXPECT_EQ(engine_.PickupJson("{}").error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(Observe(engine_), before);
}

TEST_F(EngineTest, ReferralDisplayNeedsALoadedLocale) {
  auto missing = engine_.ReferralJson("share-to-earn", R"({"currency":"CNY","rules":[]})", "zz-ZZ");
  EXPECT_EQ(missing.error().code, ErrorCode::kUnknownLocale);
  EXPECT_EQ(engine_.LoadLocalePack("{}").error().code, ErrorCode::kBadLocalePack);
  auto tag = engine_.LoadLocalePack(ReadFileBytes(std::string(SHOPCORE_LOCALE_DIR) + "/zh-CN.json"));
  ASSERT_TRUE(tag.ok()) << tag.error().ToString();
  EXPECT_EQ(*tag, "zh-CN");
  EXPECT_TRUE(engine_.locales().Find("zh-CN").ok());
}

}  // namespace
}  // namespace shopcore
