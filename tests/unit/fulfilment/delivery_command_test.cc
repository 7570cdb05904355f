// `shopcore delivery FULFILMENT.json REQUEST.json` through RunCommand, the
// function both the native binary and the wasm CLI call: exact output bytes
// (golden file reviewed by hand against planning_test.cc), exit codes and
// error lines.
#include <gtest/gtest.h>

#include "command.h"
#include "support/test_files.h"
#include "fulfilment/fulfilment_test_util.h"

namespace shopcore::fulfilment {
namespace {

using testing::FixturePath;
using testing::ReadFileBytes;

cli::CommandOutput RunShopcore(const std::vector<std::string>& args) {
  test_support::TestFiles files;
  cli::CommandContext context;
  context.files = &files;
  context.locale_dir = SHOPCORE_LOCALE_DIR;
  return cli::RunCommand(args, context);
}

TEST(DeliveryCommandTest, PrintsThePlansWithPromisesInTheRequestLocale) {
  auto output = RunShopcore({"delivery", FixturePath("fulfilment.json"), FixturePath("request-split.json")});
  EXPECT_EQ(output.err, "");
  EXPECT_EQ(output.exit_code, 0);
  EXPECT_EQ(output.out, ReadFileBytes(FixturePath("split.expected.json")));
}

TEST(DeliveryCommandTest, UsageAndInputErrors) {
  auto usage = RunShopcore({"delivery", FixturePath("fulfilment.json")});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(usage.err, "usage: shopcore delivery SNAP.bin|FULFILMENT.json REQUEST.json\n");
  auto missing = RunShopcore({"delivery", "/nonexistent/f.json", FixturePath("request-split.json")});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "error: IO_ERROR at /nonexistent/f.json: cannot read /nonexistent/f.json\n");
  // The data file is named in the path of an error inside it.
  auto bad_data = RunShopcore({"delivery", FixturePath("request-split.json"), FixturePath("request-split.json")});
  EXPECT_EQ(bad_data.exit_code, 1);
  EXPECT_EQ(bad_data.err, "error: BAD_REQUEST at " + FixturePath("request-split.json") + ":currency: unknown field 'currency'\n");
  auto bad_request = RunShopcore({"delivery", FixturePath("fulfilment.json"), FixturePath("fulfilment.json")});
  EXPECT_EQ(bad_request.exit_code, 1);
  EXPECT_EQ(bad_request.err, "error: BAD_REQUEST at " + FixturePath("fulfilment.json") + ":calendars: unknown field 'calendars'\n");
}

}  // namespace
}  // namespace shopcore::fulfilment
