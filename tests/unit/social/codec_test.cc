// The JSON requests and answers the CLI and the JS API share, including the
// full group-buy flow driven only through JSON, as a front end would.
#include "shopcore/social/codec.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

namespace shopcore {
namespace {

using Json = nlohmann::ordered_json;

std::string Fixture(const std::string& name) {
  std::ifstream in(std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/social/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

Json Parse(const Result<std::string>& answer) {
  EXPECT_TRUE(answer.ok()) << answer.error().ToString();
  return answer.ok() ? Json::parse(*answer, nullptr, false) : Json();
}

const char kCampaign[] =
    R"({"id":"gb-tea","sku":"sku-tea-250g","currency":"CNY","group_price_minor":3990,"leader_price_minor":2990,)"
    R"("group_size":3,"open_duration_ms":86400000,"per_user_limit":2,"markets":["CN","HK"]})";
constexpr int64_t kT0 = 1795276800000;

std::string Request(const Json& group, const std::string& rest) {
  return std::string(R"({"campaign":)") + kCampaign + R"(,"group":)" + group.dump() + "," + rest + "}";
}

TEST(GroupCodec, FullFlowThroughJson) {
  Json opened = Parse(GroupOperationJson("open", Fixture("group_open.json")));
  Json group = opened["group"];
  EXPECT_EQ(group["stop_at_ms"], kT0 + 86400000);
  EXPECT_EQ(group["members"][0]["paid_minor"], "2990");

  group = Parse(GroupOperationJson(
      "join", Request(group, R"("shopper":{"user_id":"bob","market":"CN"},"now_ms":1795280400000)")))["group"];
  group = Parse(GroupOperationJson(
      "join", Request(group, R"("shopper":{"user_id":"carol","market":"HK"},"now_ms":1795284000000)")))["group"];
  group = Parse(GroupOperationJson("pay", Request(group, R"("user_id":"bob","paid_minor":"3990","now_ms":1795287600000)")))["group"];

  auto view = GroupOperationJson(
      "view", Request(group, R"("shopper":{"user_id":"carol","market":"HK"},"now_ms":1795359600000)"));
  ASSERT_TRUE(view.ok()) << view.error().ToString();
  EXPECT_EQ(*view,
            R"({"status":"open","failure":"none","seats_left":0,"paid_members":2,"group_size":3,)"
            R"("time_left_ms":3600000,"viewer":{"role":"member","status":"pending_payment","price_minor":"3990",)"
            R"("currency":"CNY"},"payment_if_fails":"not_charged","virtual_fill_if_timeout":false,)"
            R"("join":{"allowed":false,"refusals":["already_member","full"],"role":"member","price_minor":"3990",)"
            R"("currency":"CNY"}})");

  // Carol pays one millisecond before stop_at: the group succeeds.
  group = Parse(GroupOperationJson(
      "pay", Request(group, R"("user_id":"carol","paid_minor":3990,"now_ms":1795363199999)")))["group"];
  EXPECT_EQ(group["status"], "success");
  for (const auto& member : group["members"]) EXPECT_EQ(member["status"], "success");
  EXPECT_EQ(group["members"][2]["joined_at_ms"], 1795284000000);
}

TEST(GroupCodec, CheckOpenListsReasons) {
  std::string request = std::string(R"({"campaign":)") + kCampaign +
                        R"(,"shopper":{"user_id":"x","market":"DE","groups_taken":2}})";
  EXPECT_EQ(*GroupOperationJson("check-open", request),
            R"({"allowed":false,"refusals":["not_in_market","over_limit"],"role":"leader","price_minor":"2990",)"
            R"("currency":"CNY"})");
}

TEST(GroupCodec, ErrorsNameTheJsonPath) {
  Json group = Parse(GroupOperationJson("open", Fixture("group_open.json")))["group"];
  EXPECT_EQ(GroupOperationJson("open", "{").error().code, ErrorCode::kBadJson);
  EXPECT_EQ(GroupOperationJson("fly", "{}").error().path, "op");
  EXPECT_EQ(GroupOperationJson("open", "[]").error().path, "request");
  EXPECT_EQ(GroupOperationJson("withdraw", Request(group, R"("extra":1)")).error().path, "extra");
  Json bad = group;
  bad["members"][0]["status"] = "dancing";
  EXPECT_EQ(GroupOperationJson("withdraw", Request(bad, R"("now_ms":1)")).error().code,
            ErrorCode::kBadRequest);  // now_ms is not a withdraw field
  auto status = GroupOperationJson("expire", Request(bad, R"("now_ms":1)"));
  EXPECT_EQ(status.error().path, "group.members[0].status");
  EXPECT_EQ(status.error().message, "unknown member status 'dancing'");
  bad = group;
  bad["members"][0]["paid_minor"] = 29.9;
  EXPECT_EQ(GroupOperationJson("expire", Request(bad, R"("now_ms":1)")).error().code, ErrorCode::kInexactNumber);
  bad = group;
  bad["members"][0]["paid_minor"] = "99999999999999999999";
  EXPECT_EQ(GroupOperationJson("expire", Request(bad, R"("now_ms":1)")).error().code, ErrorCode::kOverflow);
  std::string bad_campaign = Fixture("group_open.json");
  bad_campaign.replace(bad_campaign.find("\"group_size\": 3"), 15, "\"group_size\": 1");
  EXPECT_EQ(GroupOperationJson("open", bad_campaign).error().path, "campaign.group_size");
  auto early = GroupOperationJson("expire", Request(group, R"("now_ms":1795276800001)"));
  EXPECT_EQ(early.error().code, ErrorCode::kInvalidTransition);
}

TEST(BargainCodec, ProgressFromSeedOrCuts) {
  EXPECT_EQ(*BargainOperationJson("progress", Fixture("bargain_progress.json")),
            R"({"status":"in_progress","currency":"CNY","price_minor":"6491","floor_minor":"100","helpers_done":2,)"
            R"("helpers_total":5,"cut_so_far_minor":"3509","left_to_floor_minor":"6391","next_cut_minor":"267",)"
            R"("progress_permille":354,"time_left_ms":82800000})");
  std::string with_cuts = Fixture("bargain_progress.json");
  const std::string seed = R"("seed": {"state": "42", "stream": "54"})";
  with_cuts.replace(with_cuts.find(seed), seed.size(),
                    R"("cuts": [946, 2563, 267, 723, 5401])");
  EXPECT_EQ(Parse(BargainOperationJson("progress", with_cuts))["next_cut_minor"], "267");
  std::string bad_cuts = with_cuts;
  bad_cuts.replace(bad_cuts.find("5401"), 4, "5400");
  EXPECT_EQ(BargainOperationJson("progress", bad_cuts).error().message, "cuts sum to 9899, not start - floor = 9900");
  EXPECT_EQ(BargainOperationJson("schedule",
                                 R"({"campaign":{"currency":"CNY","start_minor":5,"floor_minor":0,"helpers":6,)"
                                 R"("time_limit_ms":1},"seed":{"state":"1"}})")
                .error()
                .path,
            "campaign.helpers");
  EXPECT_EQ(BargainOperationJson("schedule",
                                 R"({"campaign":{"currency":"CNY","start_minor":5,"floor_minor":0,"helpers":2,)"
                                 R"("time_limit_ms":1},"seed":{"state":"18446744073709551616"}})")
                .error()
                .code,
            ErrorCode::kOverflow);
  auto top_seed = BargainOperationJson("schedule",
                                       R"({"campaign":{"currency":"JPY","start_minor":5,"floor_minor":0,"helpers":2,)"
                                       R"("time_limit_ms":1},"seed":{"state":"18446744073709551615"}})");
  EXPECT_TRUE(top_seed.ok()) << top_seed.error().ToString();
}

TEST(ReferralCodec, CommissionAndShareToEarn) {
  Json commission = Parse(ReferralOperationJson("commission", Fixture("referral_commission.json")));
  EXPECT_EQ(commission["level1_total_minor"], "399");
  EXPECT_EQ(commission["level2_total_minor"], "30");
  EXPECT_EQ(commission["by_beneficiary"].dump(),
            R"([{"beneficiary_id":"lin","amount_minor":"399"},{"beneficiary_id":"wang","amount_minor":"30"}])");
  EXPECT_EQ(*ReferralOperationJson("share-to-earn", Fixture("referral_share.json")),
            R"({"items":[{"sku":"sku-oolong","earn":{"amount_minor":"718","currency":"CNY","amount":"7.18"}},)"
            R"({"sku":"sku-mug","earn":{"amount_minor":"0","currency":"CNY","amount":"0.00"}}],)"
            R"("cart":{"earn":{"amount_minor":"1437","currency":"CNY","amount":"14.37"}}})");
  std::string bad = Fixture("referral_commission.json");
  bad.replace(bad.find("\"0.075\""), 7, "\"7.5%\"");
  EXPECT_EQ(ReferralOperationJson("commission", bad).error().path, "rules[1].level1_rate");
  bad = Fixture("referral_commission.json");
  bad.replace(bad.find("half-up"), 7, "nearest");
  EXPECT_EQ(ReferralOperationJson("commission", bad).error().path, "rules[0].rounding");
  bad = Fixture("referral_commission.json");
  bad.replace(bad.find("[333, 333, 334]"), 15, "[333, 333]");
  EXPECT_EQ(ReferralOperationJson("commission", bad).error().path, "lines[0].paid_units_minor");
}

TEST(PickupCodec, SlotForAPointAmongMany) {
  EXPECT_EQ(*PickupSlotJson(Fixture("pickup_points.json")),
            R"({"point_id":"pp-weekly","cycle_date":"2026-11-29","cutoff_at_ms":1795955400000,)"
            R"("time_to_cutoff_ms":599400000,"rolled_over":true,"pickup_date":"2026-12-01","pickup_weekday":2,)"
            R"("postage_minor":"0"})");
  std::string bad = Fixture("pickup_points.json");
  bad.replace(bad.find("\"20:30\""), 7, "\"8:30pm\"");
  EXPECT_EQ(PickupSlotJson(bad).error().path, "points[1].cutoff");
  bad = Fixture("pickup_points.json");
  bad.replace(bad.find("\"pp-weekly\"", bad.find("point_id")), 11, "\"pp-none\"");
  EXPECT_EQ(PickupSlotJson(bad).error().code, ErrorCode::kNotFound);
}

TEST(ShareCodec, EncodeDecode) {
  Json encoded = Parse(ShareEncodeJson(
      R"({"kind":"bargain","item_id":"sku-kettle","inviter_id":"u:7","ref_id":"bg-9","market":"SG","signature_b64":"AAEC"})"));
  EXPECT_EQ(encoded["link"]["signature_b64"], "AAEC");
  auto decoded = ShareDecodeJson(encoded["token"].get<std::string>());
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded,
            R"({"version":1,"kind":"bargain","item_id":"sku-kettle","inviter_id":"u:7","ref_id":"bg-9",)"
            R"("market":"SG","signature_b64":"AAEC"})");
  EXPECT_EQ(ShareEncodeJson(R"({"kind":"coupon","item_id":"a","inviter_id":"b","market":"SG"})").error().path, "kind");
  EXPECT_EQ(ShareEncodeJson(R"({"kind":"item","item_id":"a","inviter_id":"b","market":"SG","signature_b64":"***"})")
                .error()
                .path,
            "signature_b64");
  EXPECT_EQ(ShareDecodeJson("%%%").error().code, ErrorCode::kBadToken);
}

}  // namespace
}  // namespace shopcore
