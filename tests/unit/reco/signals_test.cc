// Each remaining signal moves the ranking the way a shopper would expect,
// and says so in the reason.
#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

TEST(Signals, ASearchForABrandRaisesItsItems) {
  OwnedModel shop = Shop();
  Profile profile("q");
  Event search;
  search.type = EventType::kSearch;
  search.query = "COACH bag";
  search.time_ms = kNow - 60000;
  ASSERT_TRUE(profile.Track(search).ok());
  auto result = Recommend(shop.view(), profile, HomeRequest("DE", 2));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"b1", "b2"}));
  EXPECT_EQ(result->items[1].reason.kind, ReasonKind::kLikeWhatYouBrowse);
  EXPECT_EQ(result->items[1].reason.attribute, "brand");
  EXPECT_EQ(result->items[1].reason.value, "Coach");
}

TEST(Signals, FollowingACreatorBringsTheirItems) {
  OwnedModel shop = Shop();
  Profile profile("f");
  Event follow;
  follow.type = EventType::kFollowCreator;
  follow.creator = "lily";
  follow.time_ms = kNow - kDay;
  ASSERT_TRUE(profile.Track(follow).ok());
  auto result = Recommend(shop.view(), profile, HomeRequest("DE", 2));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"k2", "k3"}));
  EXPECT_EQ(result->items[0].reason.kind, ReasonKind::kFromCreatorYouFollow);
  EXPECT_EQ(result->items[0].reason.creator, "lily");
}

TEST(Signals, AfterCheckoutWhatGoesWithTheOrder) {
  OwnedModel shop = Shop();
  Profile profile("pp");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kPurchase, "s2", kNow - 5 * kDay)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kPurchase, "e1", kNow - 60000)).ok());
  RecommendRequest request = HomeRequest("DE", 2);
  request.context = Context::kPostPurchase;
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  // The latest order (e1) is the anchor: e3 is bought with it, e2 is its neighbour.
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"e3", "e2"}));
  EXPECT_EQ(result->items[0].reason.kind, ReasonKind::kBoughtTogether);
  EXPECT_EQ(result->items[0].reason.item, "e1");
}

TEST(Signals, OldEventsCountLessThanNewOnes) {
  OwnedModel shop = Shop();
  Profile profile("d");
  // Same event, 8 half-lives apart: the recent one wins.
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "b1", kNow - 112 * kDay)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "e1", kNow)).ok());
  RecommendRequest request = HomeRequest("DE", 1);
  request.deny = {"b1", "e1"};
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"e2"}));
}

TEST(Signals, MmrTradesRelevanceForVariety) {
  OwnedModel shop = Shop();
  Profile profile("m");
  for (const char* id : {"s1", "s2", "s3"}) ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, id, kNow)).ok());
  RecommendRequest request = HomeRequest("DE", 4);
  request.diversity.mode = DiversityMode::kMmr;
  request.diversity.mmr_lambda = 0.3;
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  // Without diversity the page is four sneakers (s4, s2, s1, s3).
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"s4", "b1", "e1", "k1"}));
}

TEST(Signals, RemovingFromTheCartTakesBackInterest) {
  OwnedModel shop = Shop();
  Profile profile("r");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "e1", kNow - 1000)).ok());
  auto before = Recommend(shop.view(), profile, HomeRequest("DE", 1));
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kRemoveFromCart, "e1", kNow - 400)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kRemoveFromCart, "e1", kNow - 300)).ok());
  auto after = Recommend(shop.view(), profile, HomeRequest("DE", 1));
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(Ids(*before), (std::vector<std::string>{"e2"}));  // e1's neighbour
  // view 1 - two removals 2: net negative, so e1's neighbour falls back and
  // the market's most popular item leads again.
  EXPECT_EQ(Ids(*after), (std::vector<std::string>{"e1"}));
  EXPECT_EQ(after->items[0].reason.kind, ReasonKind::kPopularInMarket);
}

}  // namespace
}  // namespace shopcore::reco
