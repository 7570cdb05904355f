// The snapshot commands through RunCommand with an in-memory disk: what a
// user sees, and that a failed build writes nothing.
#include <map>

#include "command.h"
#include "support/test_files.h"
#include "snapshot_test_util.h"

namespace shopcore {
namespace {

class SnapshotCli : public ::testing::Test {
 protected:
  cli::CommandOutput Run(std::vector<std::string> args) {
    cli::CommandContext context;
    context.files = &files_;
    return cli::RunCommand(args, context);
  }
  test_support::TestFiles files_;
};

TEST_F(SnapshotCli, BuildVerifyDumpRoundTrip) {
  files_.files["catalog.json"] = json::Dump(testing::SmallCatalog());
  auto built = Run({"snapshot", "build", "catalog.json", "-o", "snap.bin"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(files_.files["snap.bin"], testing::SmallSnapshot());
  EXPECT_EQ(built.out.rfind("{\"snapshot_id\":\"small-2026-11-21\",\"schema_version\":2,", 0), 0u) << built.out;

  auto verified = Run({"snapshot", "verify", "snap.bin"});
  EXPECT_EQ(verified.exit_code, 0);
  EXPECT_EQ(verified.out, built.out);

  auto dumped = Run({"snapshot", "dump", "snap.bin", "-o", "dump.json"});
  ASSERT_EQ(dumped.exit_code, 0) << dumped.err;
  ASSERT_EQ(Run({"snapshot", "build", "dump.json", "--out", "again.bin"}).exit_code, 0);
  EXPECT_EQ(files_.files["again.bin"], files_.files["snap.bin"]);
}

TEST_F(SnapshotCli, AFailedBuildWritesNothing) {
  json::OrderedJson catalog = testing::SmallCatalog();
  catalog["items"][1]["skus"][0]["price"]["DE"]["amount"] = -1;
  files_.files["bad.json"] = json::Dump(catalog);
  files_.files["snap.bin"] = "previous";
  auto built = Run({"snapshot", "build", "bad.json", "-o", "snap.bin"});
  EXPECT_EQ(built.exit_code, 1);
  EXPECT_EQ(built.err, "error: INVALID_ARGUMENT at items[1].skus[0].price.DE.amount: negative amount -1\n");
  EXPECT_EQ(files_.files["snap.bin"], "previous");
}

TEST_F(SnapshotCli, DeltaAndApply) {
  files_.files["old.bin"] = testing::SmallSnapshot();
  auto next = testing::BuildEdited([](json::OrderedJson& c) {
    c["snapshot_id"] = "v2";
    c["items"][0]["brand"] = "Yunshan Tea";
  });
  ASSERT_TRUE(next.ok());
  files_.files["new.bin"] = *next;
  auto delta = Run({"snapshot", "delta", "old.bin", "new.bin", "-o", "d.bin"});
  ASSERT_EQ(delta.exit_code, 0) << delta.err;
  EXPECT_NE(delta.out.find("\"upserts\":{\"items\":1},\"deletes\":{}"), std::string::npos) << delta.out;
  auto applied = Run({"snapshot", "apply", "old.bin", "d.bin", "-o", "out.bin"});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_EQ(files_.files["out.bin"], *next);
  auto wrong = Run({"snapshot", "apply", "new.bin", "d.bin", "-o", "out2.bin"});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_EQ(wrong.err.rfind("error: WRONG_DELTA_BASE: the delta was made from snapshot 'small-2026-11-21'", 0), 0u);
  EXPECT_EQ(files_.files.count("out2.bin"), 0u);
}

TEST_F(SnapshotCli, UsageErrors) {
  EXPECT_EQ(Run({"snapshot"}).exit_code, 2);
  EXPECT_EQ(Run({"snapshot", "build", "x.json"}).err, "error: USAGE at -o: missing -o OUTPUT\n");
  EXPECT_EQ(Run({"snapshot", "frob"}).exit_code, 2);
  EXPECT_EQ(Run({"snapshot", "verify", "missing.bin"}).err, "error: IO_ERROR at missing.bin: cannot read missing.bin\n");
}

}  // namespace
}  // namespace shopcore
