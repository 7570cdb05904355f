// The social commands end to end through RunCommand, the function behind
// both the native `shopcore` and `shopcore --wasm`: this binary also runs
// under Node, so the exact bytes asserted here are checked on both targets.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "support/test_files.h"
#include "shopcore/social/codec.h"
#include "shopcore/social/pcg32.h"

namespace shopcore::cli {
namespace {

CommandOutput Shopcore(const std::vector<std::string>& args) {
  test_support::TestFiles files;
  CommandContext context;
  context.files = &files;
  context.locale_dir = SHOPCORE_LOCALE_DIR;
  return RunCommand(args, context);
}

std::string FixturePath(const std::string& name) {
  return std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/social/fixtures/" + name;
}

TEST(SocialCli, BargainSchedule) {
  auto out = Shopcore({"bargain", "schedule", "--start-minor", "10000", "--floor-minor", "100", "--helpers", "5", "--seed",
                  "42", "--stream", "54"});
  EXPECT_EQ(out.exit_code, 0);
  EXPECT_EQ(out.out,
            "{\"algorithm\":\"double-average-v1\",\"prng\":\"pcg32\",\"seed\":{\"state\":\"42\",\"stream\":\"54\"},"
            "\"currency\":\"CNY\",\"start_minor\":\"10000\",\"floor_minor\":\"100\","
            "\"cuts\":[\"946\",\"2563\",\"267\",\"723\",\"5401\"]}\n");
  auto too_many = Shopcore({"bargain", "schedule", "--start-minor", "105", "--floor-minor", "100", "--helpers", "6",
                       "--seed", "1"});
  EXPECT_EQ(too_many.exit_code, 1);
  EXPECT_EQ(too_many.err, "error: INVALID_ARGUMENT at --helpers: 6 helpers cannot each cut at least 1 minor unit of 5\n");
  EXPECT_EQ(Shopcore({"bargain", "schedule", "--start-minor", "10"}).exit_code, 2);
}

TEST(SocialCli, ShareRoundTripAndRejections) {
  auto encoded = Shopcore({"share", "encode", "--kind", "group", "--item", "sku-tea-250g", "--inviter", "u:10086", "--ref",
                      "g-1", "--market", "CN"});
  EXPECT_EQ(encoded.exit_code, 0);
  EXPECT_EQ(encoded.out.substr(0, 59), "{\"token\":\"AQEMc2t1LXRlYS0yNTBnB3U6MTAwODYDZy0xAkNOAGLpkzQ\",");
  auto decoded = Shopcore({"share", "decode", "AQEMc2t1LXRlYS0yNTBnB3U6MTAwODYDZy0xAkNOAGLpkzQ"});
  EXPECT_EQ(decoded.out,
            "{\"version\":1,\"kind\":\"group\",\"item_id\":\"sku-tea-250g\",\"inviter_id\":\"u:10086\","
            "\"ref_id\":\"g-1\",\"market\":\"CN\",\"signature_b64\":\"\"}\n");
  EXPECT_EQ(Shopcore({"share", "decode", "AQEMc2t1LXRlYS0yNTBnB3U6MTAwODYDZy0xAkNOAGLp"}).err,
            "error: BAD_TOKEN at token: token is truncated\n");
  EXPECT_EQ(Shopcore({"share", "decode", "AgEMc2t1LXRlYS0yNTBnB3U6MTAwODYDZy0xAkNOAHHBqkc"}).err,
            "error: UNSUPPORTED_VERSION at token: share token version 2 is not supported (this build reads 1)\n");
}

TEST(SocialCli, PickupAcrossTheCutoff) {
  std::vector<std::string> base = {"pickup", "slot", "--utc-offset-minutes", "480", "--cutoff", "22:00", "--now-ms"};
  auto before = base;
  before.push_back("1795355999999");
  auto after = base;
  after.push_back("1795356000000");
  EXPECT_NE(Shopcore(before).out.find("\"pickup_date\":\"2026-11-23\""), std::string::npos);
  EXPECT_NE(Shopcore(after).out.find("\"pickup_date\":\"2026-11-24\""), std::string::npos);
}

// The shopper reads the cycle's cutoff day and the pickup day in their
// locale, the point's calendar dates (Intl.DateTimeFormat's month short,
// day numeric, weekday short: "11月23日周一").
TEST(SocialCli, PickupDaysInTheShoppersLocale) {
  std::vector<std::string> args = {"pickup", "slot", "--utc-offset-minutes", "480", "--cutoff", "22:00",
                                   "--now-ms", "1795355999999", "--locale"};
  auto zh = args;
  zh.push_back("zh-CN");
  auto en = args;
  en.push_back("en-US");
  auto zh_out = Shopcore(zh);
  ASSERT_EQ(zh_out.exit_code, 0) << zh_out.err;
  EXPECT_NE(zh_out.out.find("\"display\":{\"cycle_date\":\"11月22日周日\",\"pickup_date\":\"11月23日周一\"}"),
            std::string::npos) << zh_out.out;
  EXPECT_NE(Shopcore(en).out.find("\"display\":{\"cycle_date\":\"Sun, Nov 22\",\"pickup_date\":\"Mon, Nov 23\"}"),
            std::string::npos);
  auto unknown = args;
  unknown.push_back("xx-NOPE");
  auto refused = Shopcore(unknown);
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(refused.out, "");
}

TEST(SocialCli, RequestFileCommands) {
  auto group = Shopcore({"group", "open", "--request", FixturePath("group_open.json")});
  EXPECT_EQ(group.exit_code, 0) << group.err;
  EXPECT_NE(group.out.find("\"stop_at_ms\":1795363200000"), std::string::npos);
  auto referral = Shopcore({"referral", "commission", "--request", FixturePath("referral_commission.json")});
  EXPECT_EQ(referral.exit_code, 0) << referral.err;
  EXPECT_NE(referral.out.find("\"level1_total_minor\":\"399\""), std::string::npos);
  auto earn = Shopcore({"referral", "share-to-earn", "--request", FixturePath("referral_share.json"), "--locale", "zh-CN"});
  EXPECT_EQ(earn.exit_code, 0) << earn.err;
  EXPECT_NE(earn.out.find("\"cart\":{\"earn\":{\"amount_minor\":\"1437\",\"currency\":\"CNY\",\"amount\":\"14.37\","
                          "\"display\":\"\u00a514.37\"}}"),
            std::string::npos)
      << earn.out;
  auto german = Shopcore({"referral", "share-to-earn", "--request", FixturePath("referral_share.json"), "--locale", "de-DE"});
  EXPECT_NE(german.out.find("\"display\":\"14,37\u00a0CN\u00a5\""), std::string::npos) << german.out;
  auto missing = Shopcore({"group", "open", "--request", FixturePath("nope.json")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(Shopcore({"group", "dance"}).exit_code, 2);
}

// No input makes a codec crash: random bytes and random JSON-ish text into
// every entry point must come back as an answer or an Error.
TEST(SocialCodecs, NeverCrashOnArbitraryInput) {
  Pcg32 rng(99, 1);
  const std::string pieces[] = {"{", "}", "[", "]", ",", ":", "\"campaign\"", "\"group\"", "\"members\"", "1",
                                "-1", "1e400", "\"x\"", "null", "true", "\"now_ms\"", "\"cuts\"", "\"seed\"",
                                "\"state\"", "18446744073709551616", "\"points\"", "\"rules\"", "\xff"};
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t count = rng.Bounded(40);
    for (size_t i = 0; i < count; ++i) {
      if (rng.Bounded(4) == 0) {
        text.push_back(static_cast<char>(rng.Bounded(256)));
      } else {
        text += pieces[rng.Bounded(sizeof(pieces) / sizeof(pieces[0]))];
      }
    }
    for (const auto& op : GroupOperations()) (void)GroupOperationJson(op, text);
    (void)BargainOperationJson("progress", text);
    (void)BargainOperationJson("schedule", text);
    (void)ReferralOperationJson("commission", text);
    (void)ReferralOperationJson("share-to-earn", text);
    (void)PickupSlotJson(text);
    (void)ShareEncodeJson(text);
    (void)ShareDecodeJson(text);
  }
  SUCCEED();
}

}  // namespace
}  // namespace shopcore::cli
