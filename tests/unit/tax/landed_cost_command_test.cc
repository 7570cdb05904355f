// `shopcore landed-cost RULES.json REQUEST.json` through RunCommand, the
// function both the native binary and the wasm CLI call: exact output bytes
// (golden files reviewed by hand), exit codes and error lines.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "command.h"
#include "support/test_files.h"
#include "tax/tax_test_util.h"

namespace shopcore::tax {
namespace {

const std::string kRoot = SHOPCORE_SOURCE_DIR;
const std::string kRules = kRoot + "/data/tax-rules.json";
const std::string kFixtures = kRoot + "/tests/unit/tax/fixtures/";

cli::CommandOutput RunShopcore(const std::vector<std::string>& args) {
  test_support::TestFiles files;
  cli::CommandContext context;
  context.files = &files;
  return cli::RunCommand(args, context);
}

TEST(LandedCostCommand, PrintsTheBreakdownExactly) {
  for (const char* name : {"fr-ioss-2026-07", "br-remessa-100"}) {
    auto output = RunShopcore({"landed-cost", kRules, kFixtures + name + ".request.json"});
    EXPECT_EQ(output.exit_code, 0) << name << output.err;
    EXPECT_EQ(output.err, "");
    EXPECT_EQ(output.out, testing::ReadSourceFile(std::string("tests/unit/tax/fixtures/") + name + ".expected.json"))
        << name;
  }
}

TEST(LandedCostCommand, ErrorsNameFileAndPath) {
  auto missing = RunShopcore({"landed-cost", kRules, kFixtures + "nope.json"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "error: IO_ERROR at " + kFixtures + "nope.json: cannot read " + kFixtures + "nope.json\n");
  // A request file is not a rules file: its first unknown key is reported.
  auto swapped = RunShopcore({"landed-cost", kFixtures + "br-remessa-100.request.json", kRules});
  EXPECT_EQ(swapped.exit_code, 1);
  EXPECT_EQ(swapped.err, "error: BAD_REQUEST at " + kFixtures + "br-remessa-100.request.json:currency: unknown field 'currency'\n");
  auto not_json = RunShopcore({"landed-cost", kRules, kFixtures + "br-remessa-100.expected.json"});
  EXPECT_EQ(not_json.exit_code, 1);
  EXPECT_EQ(not_json.err.rfind("error: BAD_REQUEST at ", 0), 0u) << not_json.err;
  auto usage = RunShopcore({"landed-cost", kRules});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "usage: shopcore landed-cost SNAP.bin|RULES.json REQUEST.json\n");
  auto option = RunShopcore({"landed-cost", "--fast", kRules, kRules});
  EXPECT_EQ(option.exit_code, 2);
}

}  // namespace
}  // namespace shopcore::tax

namespace shopcore::tax {
namespace {

TEST(LandedCostJson, InvalidUtf8InInputIsReplacedNotFatal) {
  // nlohmann throws (an abort here) when dumping invalid UTF-8; the codec
  // replaces it so a hostile line id cannot take the process down.
  auto cost = testing::Cost("{\"market\":\"US\",\"origin\":\"CN\",\"currency\":\"USD\",\"lines\":[{\"id\":\"a\\u00e9\","
                            "\"amount_minor\":100,\"duty_rate\":\"0.1\"}],\"now\":\"2026-11-22\"}");
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  cost->lines[0].id = "bad\xff";
  auto text = LandedCostToJson(*cost);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("\"id\": \"bad\xef\xbf\xbd\""), std::string::npos);
}

}  // namespace
}  // namespace shopcore::tax
