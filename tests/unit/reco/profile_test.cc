#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

Profile BusyProfile() {
  Profile profile("shopper-42");
  profile.SetConsent(true);
  EXPECT_TRUE(profile.Track(ItemEvent(EventType::kView, "s1", kNow - 5000)).ok());
  Event dwell = ItemEvent(EventType::kDwell, "s1", kNow - 4000);
  dwell.dwell_ms = 12000;
  EXPECT_TRUE(profile.Track(dwell).ok());
  EXPECT_TRUE(profile.Track(ItemEvent(EventType::kAddToCart, "b2", kNow - 3000)).ok());
  Event purchase = ItemEvent(EventType::kPurchase, "k1", kNow - 2000);
  purchase.amount_minor = 2599;
  EXPECT_TRUE(profile.Track(purchase).ok());
  EXPECT_TRUE(profile.Track(ItemEvent(EventType::kHide, "e3", kNow - 1500)).ok());
  Event follow;
  follow.type = EventType::kFollowCreator;
  follow.creator = "lily";
  follow.time_ms = kNow - 1200;
  EXPECT_TRUE(profile.Track(follow).ok());
  Event search;
  search.type = EventType::kSearch;
  search.query = "nike running";
  search.time_ms = kNow - 1100;
  EXPECT_TRUE(profile.Track(search).ok());
  Event friend_shared = ItemEvent(EventType::kFriendShared, "b3", kNow - 1000);
  friend_shared.friend_id = "ana";
  EXPECT_TRUE(profile.Track(friend_shared).ok());
  return profile;
}

TEST(Profile, TrackKeepsTheStateThatOutlivesEvents) {
  Profile profile = BusyProfile();
  EXPECT_EQ(profile.events().size(), 8u);
  EXPECT_EQ(profile.cart().count("b2"), 1u);
  EXPECT_EQ(profile.purchases().at("k1").amount_minor, 2599);
  EXPECT_EQ(profile.hidden().count("e3"), 1u);
  EXPECT_EQ(profile.following().count("lily"), 1u);
  EXPECT_EQ(profile.last_activity_ms(), kNow - 1100);  // the search; the friend's share is the server's news
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kPurchase, "b2", kNow)).ok());
  EXPECT_EQ(profile.cart().count("b2"), 0u);  // bought: no longer in the cart
}

TEST(Profile, AnInvalidEventIsAnErrorAndChangesNothing) {
  Profile profile = BusyProfile();
  const std::string before = ProfileToJson(profile);
  Event no_item;
  no_item.type = EventType::kPurchase;
  no_item.time_ms = kNow;
  Status status = profile.Track(no_item);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().ToString(), "INVALID_ARGUMENT at event.item: purchase needs an item");
  Event no_friend = ItemEvent(EventType::kFriendBought, "s1", kNow);
  EXPECT_EQ(profile.Track(no_friend).error().path, "event.friend");
  EXPECT_EQ(profile.Track(ItemEvent(EventType::kView, "s1", -1)).error().path, "event.time_ms");
  EXPECT_EQ(ProfileToJson(profile), before);
}

TEST(Profile, HistoryIsBounded) {
  Profile profile("bounded", ProfileLimits{3, 2});
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(profile.Track(ItemEvent(EventType::kPurchase, "s" + std::to_string(i + 1), kNow + i)).ok());
  }
  ASSERT_EQ(profile.events().size(), 3u);
  EXPECT_EQ(profile.events().front().seq, 3u);
  EXPECT_EQ(profile.events().front().event.item, "s3");
  // Purchases keep the two most recent.
  ASSERT_EQ(profile.purchases().size(), 2u);
  EXPECT_EQ(profile.purchases().begin()->first, "s4");
}

TEST(Profile, PersistedFormRoundTripsByteForByte) {
  Profile profile = BusyProfile();
  const std::string stored = ProfileToJson(profile);
  auto restored = ProfileFromJson(stored);
  ASSERT_TRUE(restored.ok()) << restored.error().ToString();
  EXPECT_EQ(ProfileToJson(*restored), stored);
  EXPECT_EQ(stored.substr(0, 62), R"({"format":"shopcore.reco.profile","version":1,"shopper":"shopp)");
}

TEST(Profile, CorruptedOrFutureProfilesAreClearErrorsAndAFreshStart) {
  const std::string good = ProfileToJson(BusyProfile());
  struct Case {
    std::string text;
    std::string error;
  };
  std::string future = good;
  future.replace(future.find(R"("version":1)"), 11, R"("version":2)");
  std::string bad_event = good;
  bad_event.replace(bad_event.find(R"("type":"view")"), 13, R"("type":"stare")");
  std::string bad_seq = good;
  bad_seq.replace(bad_seq.find(R"("seq":2)"), 7, R"("seq":1)");
  const Case cases[] = {
      {good.substr(0, good.size() / 2), "BAD_JSON: not valid JSON"},
      {"[]", "BAD_REQUEST: a profile must be a JSON object"},
      {R"({"format":"other","version":1})", "BAD_REQUEST at .format: not a shopcore profile ('other')"},
      {future, "UNSUPPORTED_VERSION at .version: profile version 2 is newer than this build reads (1)"},
      {bad_event, "BAD_REQUEST at .events[0].type: unknown event type 'stare'"},
      {bad_seq, "BAD_REQUEST at .events[1].seq: must be 2..8"},
  };
  for (const auto& c : cases) {
    RestoredProfile restored = RestoreProfileOrFresh(c.text);
    ASSERT_FALSE(restored.status.ok()) << c.text;
    EXPECT_EQ(restored.status.error().ToString(), c.error);
    EXPECT_TRUE(restored.profile.IsEmpty());
  }
  RestoredProfile ok = RestoreProfileOrFresh(good);
  EXPECT_TRUE(ok.status.ok());
  EXPECT_EQ(ok.profile.shopper_id(), "shopper-42");
}

TEST(Profile, EraseLeavesNothingBehind) {
  OwnedModel shop = Shop();
  Profile profile = BusyProfile();
  const std::string fresh_json = ProfileToJson(Profile());
  profile.Erase();
  EXPECT_TRUE(profile.IsEmpty());
  const std::string stored = ProfileToJson(profile);
  EXPECT_EQ(stored, fresh_json);
  for (const char* trace : {"shopper-42", "s1", "b2", "k1", "e3", "lily", "nike", "ana", "2599"}) {
    EXPECT_EQ(stored.find(trace), std::string::npos) << trace;
    EXPECT_EQ(ProfileExportJson(profile).find(trace), std::string::npos) << trace;
  }
  EXPECT_EQ(stored,
            R"({"format":"shopcore.reco.profile","version":1,"shopper":"","consent":false,"next_seq":1,)"
            R"("uploaded_through_seq":0,"last_activity_ms":0,"events":[],"purchases":[],"cart":[],"hidden":[],"following":[]})");
  // And the feed is a new shopper's again.
  auto feed = Recommend(shop.view(), profile, HomeRequest("DE", 5));
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(Ids(*feed), (std::vector<std::string>{"e1", "b1", "s1", "k1", "e2"}));
  EXPECT_EQ(MakeUploadBatch(profile).error().code, ErrorCode::kConsentRequired);
}

TEST(Profile, ExportShowsEverythingStoredReadably) {
  const std::string exported = ProfileExportJson(BusyProfile());
  for (const char* expected : {R"("shopper": "shopper-42")", R"("consent": true)", R"("type": "dwell")",
                               R"("dwell_ms": 12000)", R"("time": "2026-09-21T14:13:15.000Z")",
                               R"("query": "nike running")", R"("friend": "ana")", R"("amount_minor": 2599)",
                               R"("hidden": [)", R"("creator": "lily")", R"("added": "2026-09-21T14:13:17.000Z")"}) {
    EXPECT_NE(exported.find(expected), std::string::npos) << expected << "\n" << exported;
  }
}

TEST(Profile, UploadBatchesNeedConsentAndLeaveServerSignalsOut) {
  Profile profile = BusyProfile();
  profile.SetConsent(false);
  auto refused = MakeUploadBatch(profile);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().ToString(),
            "CONSENT_REQUIRED at consent: the shopper has not consented to sharing behaviour");
  profile.SetConsent(true);
  auto batch = MakeUploadBatch(profile, 100);
  ASSERT_TRUE(batch.ok());
  EXPECT_EQ(batch->events.size(), 7u);  // the friend's share came from the server
  EXPECT_EQ(batch->through_seq, 8u);
  ASSERT_TRUE(profile.AcknowledgeUpload(batch->through_seq).ok());
  auto empty = MakeUploadBatch(profile);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->events.empty());
  EXPECT_EQ(UploadBatchToJson(*empty), R"({"shopper":"shopper-42","through_seq":8,"events":[]})");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kLike, "s2", kNow)).ok());
  EXPECT_EQ(UploadBatchToJson(*MakeUploadBatch(profile)),
            R"({"shopper":"shopper-42","through_seq":9,"events":[{"seq":9,"type":"like","time_ms":1790000000000,"item":"s2"}]})");
  EXPECT_EQ(profile.AcknowledgeUpload(99).error().code, ErrorCode::kInvalidArgument);
}

TEST(Profile, EventJsonIsCheckedField_by_field) {
  auto event = EventFromJson(R"({"type":"purchase","time_ms":5,"item":"s1","amount_minor":100})");
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->amount_minor, 100);
  EXPECT_EQ(EventFromJson(R"({"type":"purchase","time_ms":5})").error().ToString(),
            "BAD_REQUEST at .item: purchase needs an item");
  EXPECT_EQ(EventFromJson(R"({"type":"view","time_ms":"5","item":"s1"})").error().ToString(),
            "BAD_REQUEST at .time_ms: must be an integer");
  EXPECT_EQ(EventFromJson(R"({"type":"view","time_ms":5,"item":"s1","colour":1})").error().ToString(),
            "BAD_REQUEST at .colour: unknown field");
}

}  // namespace
}  // namespace shopcore::reco

namespace shopcore::reco {
namespace {

using namespace testing;

// Every truncation and many one-byte corruptions of a stored profile either
// restore to a profile that stores back to the same meaning, or are an error
// with a fresh profile: never a crash, never a half-restored profile.
TEST(Profile, NoCorruptionCrashesOrHalfRestores) {
  Profile busy("shopper-9");
  busy.SetConsent(true);
  ASSERT_TRUE(busy.Track(ItemEvent(EventType::kView, "s1", kNow - 5000)).ok());
  ASSERT_TRUE(busy.Track(ItemEvent(EventType::kAddToCart, "b2", kNow - 3000)).ok());
  ASSERT_TRUE(busy.Track(ItemEvent(EventType::kPurchase, "k1", kNow - 2000)).ok());
  const std::string good = ProfileToJson(busy);
  const char replacements[] = {'"', '{', ']', '9', '-', 'x', '\0', ','};
  int restored = 0;
  int refused = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    std::vector<std::string> variants = {good.substr(0, i)};
    for (char c : replacements) {
      std::string corrupted = good;
      corrupted[i] = c;
      variants.push_back(corrupted);
    }
    for (const auto& text : variants) {
      RestoredProfile result = RestoreProfileOrFresh(text);
      if (result.status.ok()) {
        ++restored;
        // Whatever was accepted is a consistent profile: it stores and restores.
        auto again = ProfileFromJson(ProfileToJson(result.profile));
        ASSERT_TRUE(again.ok()) << text;
      } else {
        ++refused;
        ASSERT_TRUE(result.profile.IsEmpty()) << text;
      }
    }
  }
  EXPECT_GT(refused, 0);
  EXPECT_GT(restored, 0);  // e.g. a digit changed inside a time stays valid
}

}  // namespace
}  // namespace shopcore::reco
