// Group-buy and bargain campaigns taken by id from the open snapshot, the
// checked build refusing campaigns the social rules refuse, and the full
// issue-5 flow: open a group, two friends join and pay, the group succeeds,
// the activity order prices at the group price through cart::PriceJson.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <memory>
#include <string>

#include "shopcore/cart/price_json.h"
#include "shopcore/engine.h"
#include "shopcore/engine/checked_build.h"
#include "shopcore/snapshot/builder.h"

namespace shopcore {
namespace {

using nlohmann::json;

// 2026-11-21T12:00:00Z.
constexpr int64_t kNow = 1763726400000;
constexpr int64_t kHour = 3600000;

json Catalog() {
  return json::parse(R"({
    "snapshot_id": "social-test",
    "markets": [{"id": "CN", "currency": "CNY", "locale": "zh-CN", "time_zone": "Asia/Shanghai"},
                {"id": "SG", "currency": "SGD", "locale": "en-SG", "time_zone": "Asia/Singapore"}],
    "items": [{"id": "item-tea", "category_path": ["Food", "Tea"], "tax_category": "standard",
               "skus": [{"id": "tea-gift", "price": {"CN": {"amount": 15900}}}]}],
    "group_buys": [{"id": "gb-tea", "item": "item-tea", "sku": "tea-gift", "markets": ["CN"], "currency": "CNY",
                    "group_price": 9900, "leader_price": 8900, "group_size": 3, "open_duration_ms": 86400000,
                    "per_user_limit": 2, "virtual_fill": true, "virtual_fill_min_bp": 6000,
                    "starts_at": 1, "ends_at": 2000000000000}],
    "bargains": [{"id": "bg-tea", "item": "item-tea", "sku": "tea-gift", "markets": ["CN"], "currency": "CNY",
                  "start_price": 15900, "floor_price": 5900, "helper_count": 5, "duration_ms": 172800000,
                  "prng": "pcg32", "starts_at": 1, "ends_at": 2000000000000}]
  })");
}

std::unique_ptr<Engine> OpenEngine(const json& catalog = Catalog()) {
  auto engine = std::make_unique<Engine>();
  auto bytes = BuildCheckedSnapshot(catalog.dump());
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  if (bytes.ok()) {
    EXPECT_TRUE(engine->OpenSnapshot(*bytes).ok());
  }
  return engine;
}

json Call(const Result<std::string>& answer) {
  EXPECT_TRUE(answer.ok()) << answer.error().ToString();
  return answer.ok() ? json::parse(*answer) : json();
}

json Shopper(const std::string& user) { return {{"user_id", user}, {"market", "CN"}}; }

TEST(SocialSnapshotTest, CampaignsByIdAnswerAsTheInlineFormDoes) {
  auto engine = OpenEngine();
  json by_id = {{"campaign_id", "gb-tea"}, {"shopper", Shopper("u-lead")}};
  json inline_form = {{"campaign",
                       {{"id", "gb-tea"}, {"sku", "tea-gift"}, {"currency", "CNY"}, {"group_price_minor", 9900},
                        {"leader_price_minor", 8900}, {"group_size", 3}, {"open_duration_ms", 86400000},
                        {"per_user_limit", 2}, {"virtual_fill_min_percent", 60}, {"markets", {"CN"}}}},
                      {"shopper", Shopper("u-lead")}};
  auto a = engine->GroupJson("check-open", by_id.dump());
  auto b = engine->GroupJson("check-open", inline_form.dump());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*a, R"({"allowed":true,"refusals":[],"role":"leader","price_minor":"8900","currency":"CNY"})");

  auto schedule = Call(engine->BargainJson(
      "schedule", json({{"campaign_id", "bg-tea"}, {"seed", {{"state", "42"}, {"stream", "7"}}}}).dump()));
  ASSERT_EQ(schedule["cuts"].size(), 5u);
  int64_t sum = 0;
  for (const auto& cut : schedule["cuts"]) sum += std::stoll(cut.get<std::string>());
  EXPECT_EQ(sum, 10000);  // start - floor
  auto progress = Call(engine->BargainJson(
      "progress", json({{"campaign_id", "bg-tea"},
                        {"seed", {{"state", "42"}, {"stream", "7"}}},
                        {"session", {{"started_at_ms", kNow}, {"helpers_done", 5}}},
                        {"now_ms", kNow + kHour}})
                      .dump()));
  EXPECT_EQ(progress["status"], "reached_floor");
  EXPECT_EQ(progress["price_minor"], "5900");
}

TEST(SocialSnapshotTest, UnknownOrAmbiguousCampaignsAreRefused) {
  auto engine = OpenEngine();
  auto unknown = engine->GroupJson("check-open", json({{"campaign_id", "gb-none"}, {"shopper", Shopper("u")}}).dump());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().ToString(), "NOT_FOUND at campaign_id: no group-buy campaign 'gb-none' in the snapshot");
  auto both = engine->BargainJson("validate", json({{"campaign_id", "bg-tea"}, {"campaign", json::object()}}).dump());
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error().ToString(), "BAD_REQUEST at campaign_id: give either campaign or campaign_id, not both");
  Engine empty;
  auto closed = empty.BargainJson("validate", json({{"campaign_id", "bg-tea"}}).dump());
  ASSERT_FALSE(closed.ok());
  EXPECT_EQ(closed.error().ToString(), "NOT_FOUND at campaign_id: no snapshot is open to find campaign 'bg-tea' in");
}

TEST(SocialSnapshotTest, TheCheckedBuildRefusesCampaignsTheRulesRefuse) {
  struct Case {
    const char* collection;
    const char* field;
    json value;
    const char* expected;
  };
  const Case cases[] = {
      {"bargains", "helper_count", 30000,
       "INVALID_ARGUMENT at bargains[bg-tea].helper_count: helper count must be in 1..10000"},
      {"bargains", "floor_price", 15898,
       "INVALID_ARGUMENT at bargains[bg-tea].helper_count: 5 helpers cannot each cut at least 1 minor unit of 2"},
      {"bargains", "floor_price", 15900,
       "INVALID_ARGUMENT at bargains[bg-tea].start_price: start price 15900 must be above the floor 15900"},
      {"bargains", "duration_ms", 0, "INVALID_ARGUMENT at bargains[bg-tea].duration_ms: time limit must be positive"},
      {"bargains", "prng", "xorshift",
       "INVALID_ARGUMENT at bargains[bg-tea].prng: the cut schedule is specified for \"pcg32\" only, not 'xorshift'"},
      {"group_buys", "group_size", 1, "INVALID_ARGUMENT at group_buys[gb-tea].group_size: group size must be in 2..1000"},
      {"group_buys", "open_duration_ms", 0,
       "INVALID_ARGUMENT at group_buys[gb-tea].open_duration_ms: open duration must be positive"},
      {"group_buys", "virtual_fill_min_bp", 6050,
       "INVALID_ARGUMENT at group_buys[gb-tea].virtual_fill_min_bp: virtual fill needs a threshold of whole percent: "
       "100..10000 bp in steps of 100, got 6050"},
      {"group_buys", "markets", json::array(),
       "INVALID_ARGUMENT at group_buys[gb-tea].markets: a campaign runs in at least one market"},
  };
  for (const Case& c : cases) {
    json catalog = Catalog();
    catalog[c.collection][0][c.field] = c.value;
    // The plain builder checks structure only; the checked build runs the social rules.
    EXPECT_TRUE(BuildSnapshot(catalog.dump()).ok()) << c.field;
    auto built = BuildCheckedSnapshot(catalog.dump());
    ASSERT_FALSE(built.ok()) << c.field;
    EXPECT_EQ(built.error().ToString(), c.expected);
  }
}

TEST(SocialSnapshotTest, FullFlowOpenJoinSucceedAndPriceTheActivityOrder) {
  auto engine = OpenEngine();
  // The leader opens the group, paying the 团长价.
  json group = Call(engine->GroupJson("open", json({{"campaign_id", "gb-tea"},
                                                   {"shopper", Shopper("u-lead")},
                                                   {"group_id", "g-1"},
                                                   {"paid_minor", 8900},
                                                   {"now_ms", kNow}})
                                                 .dump()))["group"];
  EXPECT_EQ(group["status"], "open");
  EXPECT_EQ(group["stop_at_ms"], kNow + 24 * kHour);
  // Two friends join (pending), then pay the group price.
  for (const char* friend_id : {"u-amy", "u-bo"}) {
    group = Call(engine->GroupJson("join", json({{"campaign_id", "gb-tea"},
                                                {"group", group},
                                                {"shopper", Shopper(friend_id)},
                                                {"now_ms", kNow + kHour}})
                                              .dump()))["group"];
  }
  json view = Call(engine->GroupJson(
      "view", json({{"campaign_id", "gb-tea"}, {"group", group}, {"shopper", Shopper("u-amy")}, {"now_ms", kNow + kHour}})
                  .dump()));
  EXPECT_EQ(view["seats_left"], 0);
  EXPECT_EQ(view["viewer"]["status"], "pending_payment");
  EXPECT_EQ(view["viewer"]["price_minor"], "9900");
  group = Call(engine->GroupJson("pay", json({{"campaign_id", "gb-tea"},
                                             {"group", group},
                                             {"user_id", "u-amy"},
                                             {"paid_minor", 9900},
                                             {"now_ms", kNow + 2 * kHour}})
                                           .dump()))["group"];
  EXPECT_EQ(group["status"], "open");
  group = Call(engine->GroupJson("pay", json({{"campaign_id", "gb-tea"},
                                             {"group", group},
                                             {"user_id", "u-bo"},
                                             {"paid_minor", 9900},
                                             {"now_ms", kNow + 3 * kHour}})
                                           .dump()))["group"];
  EXPECT_EQ(group["status"], "success");
  for (const auto& member : group["members"]) EXPECT_EQ(member["status"], "success");

  // The activity orders, priced by the cart engine from the same snapshot.
  auto snapshot = engine->snapshot();
  ASSERT_NE(snapshot, nullptr);
  auto price = [&](const std::string& activity) {
    std::string request = R"({"market":"CN","now":)" + std::to_string(kNow + 3 * kHour) +
                          R"(,"lines":[{"sku":"tea-gift","qty":1}],"activity":)" + activity + "}";
    return Call(cart::PriceJson(*snapshot, request));
  };
  json member_order = price(R"({"kind":"group","id":"gb-tea"})");
  EXPECT_EQ(member_order["activity_order"], true);
  EXPECT_EQ(member_order["totals"]["list"], "159.00");
  EXPECT_EQ(member_order["totals"]["goods"], "99.00");
  json leader_order = price(R"({"kind":"group","id":"gb-tea","leader":true})");
  EXPECT_EQ(leader_order["totals"]["goods"], "89.00");
  // A bargain that reached its floor prices at the floor.
  json bargain_order = price(R"({"kind":"bargain","id":"bg-tea","price":5900})");
  EXPECT_EQ(bargain_order["totals"]["goods"], "59.00");
}

TEST(SocialSnapshotTest, AWithdrawnCampaignFailsItsOpenGroups) {
  json catalog = Catalog();
  catalog["group_buys"][0]["withdrawn"] = true;
  auto engine = OpenEngine(catalog);
  json check = Call(engine->GroupJson("check-open", json({{"campaign_id", "gb-tea"}, {"shopper", Shopper("u")}}).dump()));
  EXPECT_EQ(check["allowed"], false);
  EXPECT_EQ(check["refusals"], json({"campaign_withdrawn"}));
}

}  // namespace
}  // namespace shopcore
