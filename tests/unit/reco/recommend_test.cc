#include <algorithm>
#include <set>

#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

bool Contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

size_t Position(const std::vector<std::string>& ids, const std::string& id) {
  return static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

TEST(Recommend, NewShopperGetsTheMarketsPopularItems) {
  OwnedModel shop = Shop();
  Profile fresh("new-shopper");
  auto result = Recommend(shop.view(), fresh, HomeRequest("DE", 5));
  ASSERT_TRUE(result.ok()) << result.error().ToString();
  // r1 (not sold in DE) and o1 (out of stock) are more popular but filtered;
  // s1's +50% trend lifts it above k1.
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"e1", "b1", "s1", "k1", "e2"}));
  for (const auto& item : result->items) {
    EXPECT_EQ(item.reason.kind, ReasonKind::kPopularInMarket) << item.id;
    EXPECT_EQ(item.reason.market, "DE");
  }
  EXPECT_TRUE(result->items[0].reason.trending);
  EXPECT_FALSE(result->items[1].reason.trending);
  EXPECT_EQ(result->candidate_count, 15u);

  // Another market, another list.
  auto french = Recommend(shop.view(), fresh, HomeRequest("FR", 2));
  ASSERT_TRUE(french.ok());
  EXPECT_EQ(Ids(*french), (std::vector<std::string>{"b3", "s2"}));
}

TEST(Recommend, ViewingThreeItemsOfACategoryRaisesThatCategory) {
  OwnedModel shop = Shop();
  Profile profile("p1");
  auto before = Recommend(shop.view(), profile, HomeRequest("DE", 15));
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "b2", kNow - 3 * 60000)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "b3", kNow - 2 * 60000)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "b4", kNow - 1 * 60000)).ok());
  auto after = Recommend(shop.view(), profile, HomeRequest("DE", 15));
  ASSERT_TRUE(after.ok());
  const auto ids_before = Ids(*before);
  const auto ids_after = Ids(*after);
  // Every bag moves up or stays first; the top three are bags now.
  for (const char* bag : {"b1", "b2", "b3", "b4"}) {
    EXPECT_LE(Position(ids_after, bag), Position(ids_before, bag)) << bag;
  }
  EXPECT_EQ(std::vector<std::string>(ids_after.begin(), ids_after.begin() + 4),
            (std::vector<std::string>{"b3", "b1", "b4", "b2"}));
  // b3 is b2's neighbour: the view of b2 is why.
  EXPECT_EQ(after->items[0].reason.kind, ReasonKind::kBecauseYouInteracted);
  EXPECT_EQ(after->items[0].reason.item, "b2");
  EXPECT_EQ(after->items[0].reason.event, EventType::kView);
}

TEST(Recommend, APurchasedItemLeavesTheFeedButAConsumableStays) {
  OwnedModel shop = Shop();
  Profile profile("p2");
  ASSERT_TRUE(Contains(AllPages(shop.view(), profile, HomeRequest()), "e1"));
  Event purchase = ItemEvent(EventType::kPurchase, "e1", kNow - kDay);
  purchase.amount_minor = 19900;
  ASSERT_TRUE(profile.Track(purchase).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kPurchase, "k1", kNow - kDay)).ok());
  const auto all = AllPages(shop.view(), profile, HomeRequest());
  EXPECT_FALSE(Contains(all, "e1"));
  EXPECT_TRUE(Contains(all, "k1"));  // repurchasable every 30 days
  EXPECT_EQ(all.size(), 14u);
}

TEST(Recommend, ARestrictedItemNeverShowsInItsMarket) {
  OwnedModel shop = Shop();
  Profile profile("p3");
  // Everything that would pull r1 up: its neighbour viewed, a friend bought
  // it, it is boosted and explicitly allowed.
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "e1", kNow - 1000)).ok());
  Event friend_bought = ItemEvent(EventType::kFriendBought, "r1", kNow - 1000);
  friend_bought.friend_id = "ana";
  ASSERT_TRUE(profile.Track(friend_bought).ok());
  RecommendRequest request = HomeRequest("DE", 3);
  request.boosts = {Boost{"r1", "spring", 100.0}};
  request.max_boosted_percent = 100;
  EXPECT_FALSE(Contains(AllPages(shop.view(), profile, request), "r1"));
  request.allow = {"r1", "e2"};
  EXPECT_EQ(AllPages(shop.view(), profile, request), (std::vector<std::string>{"e2"}));
  // Where it may be sold, it leads.
  request.market = "CN";
  request.allow.clear();
  auto china = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(china.ok());
  ASSERT_FALSE(china->items.empty());
  EXPECT_EQ(china->items[0].id, "r1");
  EXPECT_EQ(china->items[0].campaign, "spring");
}

TEST(Recommend, AFriendsPurchaseShowsWithItsReason) {
  OwnedModel shop = Shop();
  Profile profile("p4");
  for (const char* friend_id : {"ben", "ana"}) {
    Event event = ItemEvent(EventType::kFriendBought, "b3", kNow - 2 * kDay);
    event.friend_id = friend_id;
    ASSERT_TRUE(profile.Track(event).ok());
  }
  auto result = Recommend(shop.view(), profile, HomeRequest("DE", 3));
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result->items[0].id, "b3");
  EXPECT_EQ(result->items[0].reason.kind, ReasonKind::kFriends);
  EXPECT_EQ(result->items[0].reason.friends, (std::vector<std::string>{"ana", "ben"}));
  const std::string json = RecommendationToJson(*result);
  EXPECT_NE(json.find(R"({"id":"b3","score":)"), std::string::npos) << json;
  EXPECT_NE(json.find(R"("reason":{"kind":"friends","event":"friend_bought","friends":["ana","ben"]})"),
            std::string::npos)
      << json;
}

TEST(Recommend, ExactlyNAndPagesNeverRepeat) {
  OwnedModel shop = Shop();
  Profile profile("p5");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "s1", kNow - kDay)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kAddToCart, "b1", kNow - kDay)).ok());
  Diversity modes[3];
  modes[1].mode = DiversityMode::kCaps;
  modes[1].max_per_category = 1;
  modes[1].max_per_brand = 1;
  modes[2].mode = DiversityMode::kMmr;
  modes[2].mmr_lambda = 0.5;
  for (const Diversity& diversity : modes) {
    for (uint32_t size = 1; size <= 16; ++size) {
      RecommendRequest request = HomeRequest("DE", size);
      request.diversity = diversity;
      request.boosts = {Boost{"k2", "c", 0.5}, Boost{"e3", "c", 0.5}};
      request.max_boosted_percent = 50;
      std::vector<std::string> seen;
      const uint32_t candidates = 14;  // 17 - r1 - o1 - b1 (in cart)
      for (request.page = 0; request.page * size < candidates + size; ++request.page) {
        auto result = Recommend(shop.view(), profile, request);
        ASSERT_TRUE(result.ok());
        ASSERT_EQ(result->candidate_count, candidates);
        const uint32_t left = candidates - std::min(candidates, request.page * size);
        ASSERT_EQ(result->items.size(), std::min(size, left)) << "size " << size << " page " << request.page;
        EXPECT_EQ(result->has_more, left > size);
        for (const auto& item : result->items) seen.push_back(item.id);
      }
      std::set<std::string> unique(seen.begin(), seen.end());
      EXPECT_EQ(unique.size(), seen.size()) << "a page repeated an item, size " << size;
      EXPECT_EQ(seen.size(), candidates);
    }
  }
}

TEST(Recommend, CategoryCapsSpreadAPage) {
  OwnedModel shop = Shop();
  Profile profile("p6");
  for (const char* id : {"s1", "s2", "s3"}) ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, id, kNow)).ok());
  RecommendRequest request = HomeRequest("DE", 4);
  auto plain = Recommend(shop.view(), profile, request);
  request.diversity.mode = DiversityMode::kCaps;
  request.diversity.max_per_category = 1;
  auto capped = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(plain.ok() && capped.ok());
  // s4 is a neighbour of both s2 and s3, so it leads.
  EXPECT_EQ(Ids(*plain), (std::vector<std::string>{"s4", "s2", "s1", "s3"}));
  EXPECT_EQ(Ids(*capped), (std::vector<std::string>{"s4", "b1", "e1", "k1"}));
}

TEST(Recommend, BoostedItemsAreCappedInShareOfThePage) {
  OwnedModel shop = Shop();
  Profile profile("p7");
  RecommendRequest request = HomeRequest("DE", 4);
  request.boosts = {Boost{"b4", "summer", 10}, Boost{"k3", "summer", 10}, Boost{"s5", "summer", 10}};
  request.max_boosted_percent = 25;  // one of four
  auto page0 = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(page0.ok());
  int boosted = 0;
  for (const auto& item : page0->items) boosted += !item.campaign.empty();
  EXPECT_EQ(boosted, 1);
  EXPECT_EQ(page0->items[0].id, "b4");
  EXPECT_EQ(page0->items[0].campaign, "summer");
  request.page = 1;
  auto page1 = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(page1.ok());
  EXPECT_EQ(page1->items[0].campaign, "summer");
}

TEST(Recommend, SimilarItemExplainsByTheAnchor) {
  OwnedModel shop = Shop();
  Profile profile("p8");
  RecommendRequest request = HomeRequest("DE", 3);
  request.context = Context::kSimilarItem;
  request.anchors = {"s1"};
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"s2", "s3", "s4"}));
  EXPECT_EQ(result->items[0].reason.kind, ReasonKind::kSimilarTo);
  EXPECT_EQ(result->items[0].reason.item, "s1");
}

TEST(Recommend, CartGetsWhatIsBoughtTogether) {
  OwnedModel shop = Shop();
  Profile profile("p9");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kAddToCart, "s1", kNow - 60000)).ok());
  RecommendRequest request = HomeRequest("DE", 2);
  request.context = Context::kFrequentlyBoughtTogether;
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"k1", "b4"}));
  EXPECT_EQ(result->items[0].reason.kind, ReasonKind::kBoughtTogether);
  EXPECT_EQ(result->items[0].reason.item, "s1");
}

TEST(Recommend, HiddenAndDeniedItemsAreFiltered) {
  OwnedModel shop = Shop();
  Profile profile("p10");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kHide, "e1", kNow)).ok());
  RecommendRequest request = HomeRequest("DE", 3);
  request.deny = {"b1"};
  auto result = Recommend(shop.view(), profile, request);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(Ids(*result), (std::vector<std::string>{"s1", "k1", "e2"}));
}

TEST(Recommend, BadRequestsAreErrors) {
  OwnedModel shop = Shop();
  Profile profile;
  RecommendRequest request = HomeRequest("US", 3);
  auto unknown_market = Recommend(shop.view(), profile, request);
  ASSERT_FALSE(unknown_market.ok());
  EXPECT_EQ(unknown_market.error().ToString(), "NOT_FOUND at market: market 'US' is not in the model");
  request = HomeRequest("DE", 0);
  EXPECT_EQ(Recommend(shop.view(), profile, request).error().code, ErrorCode::kInvalidArgument);
  auto parsed = RecommendRequestFromJson(R"({"market":"DE","now_ms":1,"page_sise":3})");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().ToString(), "BAD_REQUEST at .page_sise: unknown field");
  EXPECT_EQ(RecommendRequestFromJson("{").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(RecommendRequestFromJson(R"({"market":"DE","now_ms":1.5})").error().ToString(),
            "BAD_REQUEST at .now_ms: must be an integer");
}

TEST(Recommend, SameRequestSameBytes) {
  // The exact bytes: the wasm build runs this same test, so both targets
  // must produce this string.
  OwnedModel shop = Shop();
  Profile profile("golden");
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kView, "s1", kNow - 3 * kDay)).ok());
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kLike, "k2", kNow - 20 * kDay)).ok());
  auto request = RecommendRequestFromJson(
      R"({"context":"home_feed","market":"DE","now_ms":1790000000000,"page_size":3,"explain":true})");
  ASSERT_TRUE(request.ok());
  auto result = Recommend(shop.view(), profile, *request);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(RecommendationToJson(*result),
            R"({"context":"home_feed","market":"DE","page":0,"page_size":3,"candidates":15,"has_more":true,"experiments":[],"items":[{"id":"s2","score":"1.578906","reason":{"kind":"because_you_interacted","item":"s1","event":"view"},"signals":{"item_item":"1.000000","embedding":"0.371580","content":"0.207327","popularity":"0.000000","social":"0.000000","bought_together":"0.000000"}},{"id":"s3","score":"1.494768","reason":{"kind":"because_you_interacted","item":"s1","event":"view"},"signals":{"item_item":"0.750000","embedding":"0.386659","content":"0.358110","popularity":"0.000000","social":"0.000000","bought_together":"0.000000"}},{"id":"k2","score":"1.246641","reason":{"kind":"like_what_you_browse","attribute":"creator","value":"lily"},"signals":{"item_item":"0.000000","embedding":"0.446641","content":"0.800000","popularity":"0.000000","social":"0.000000","bought_together":"0.000000"}}]})");
}

}  // namespace
}  // namespace shopcore::reco
