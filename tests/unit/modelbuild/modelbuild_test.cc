// The offline model builder on a small seeded log with known structure: two
// disjoint taste clusters, one product pair always bought together, and
// popularity with exact decay. Native only (Eigen; tests/CMakeLists.txt).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "command.h"
#include "support/test_files.h"
#include "model_build.h"

namespace shopcore::modelbuild {
namespace {

const int64_t kDay = 24LL * 3600 * 1000;
const int64_t kNow = 1763700000000;  // 2025-11-21

// 40 users; users 0..19 like only a0..a9, users 20..39 only b0..b9; each
// touches 6 of their cluster's items chosen by a seeded generator.
std::string ClusterLog() {
  std::ostringstream csv;
  csv << "user,item,timestamp,event\n";
  uint64_t state = 7;
  for (int u = 0; u < 40; ++u) {
    const char cluster = u < 20 ? 'a' : 'b';
    std::vector<int> items = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    for (int k = 9; k > 0; --k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(items[k], items[(state >> 33) % (k + 1)]);
    }
    for (int k = 0; k < 6; ++k) {
      csv << "u" << u << "," << cluster << items[k] << "," << kNow - k * kDay << ",view\n";
    }
  }
  return csv.str();
}

Interactions Read(const std::string& text) {
  std::istringstream in(text);
  auto log = ReadInteractions(in);
  EXPECT_TRUE(log.ok()) << log.error().message;
  return log.ok() ? std::move(*log) : Interactions();
}

uint32_t Index(const Interactions& log, const std::string& id) {
  return static_cast<uint32_t>(std::lower_bound(log.items.begin(), log.items.end(), id) - log.items.begin());
}

void ExpectNeighboursStayInCluster(const Interactions& log, const NeighbourLists& lists) {
  for (uint32_t i = 0; i < log.items.size(); ++i) {
    ASSERT_GT(lists.offsets[i + 1], lists.offsets[i]) << log.items[i];
    for (uint32_t k = lists.offsets[i]; k < lists.offsets[i + 1]; ++k) {
      EXPECT_EQ(log.items[lists.items[k]][0], log.items[i][0]) << log.items[i] << " -> " << log.items[lists.items[k]];
      EXPECT_NE(lists.weights[k], 0.0f);
      if (k > lists.offsets[i]) {
        EXPECT_GE(std::fabs(lists.weights[k - 1]), std::fabs(lists.weights[k]));
      }
    }
  }
}

TEST(ModelBuild, ReadsAndInternsIdsSorted) {
  Interactions log = Read("u2,x,5,purchase\nu1,y,6,view,2.5\nu2,y,7,add_to_cart\n");
  EXPECT_EQ(log.users, (std::vector<std::string>{"u1", "u2"}));
  EXPECT_EQ(log.items, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(log.user, (std::vector<uint32_t>{1, 0, 1}));
  EXPECT_EQ(log.item, (std::vector<uint32_t>{0, 1, 1}));
  EXPECT_EQ(log.weight, (std::vector<float>{5, 2.5f, 3}));
  EXPECT_EQ(log.purchase, (std::vector<uint8_t>{1, 0, 1}));
}

TEST(ModelBuild, MalformedRowNamesItsLine) {
  std::istringstream bad_time("user,item,timestamp,event\nu1,x,5,view\nu1,x,soon,view\n");
  auto log = ReadInteractions(bad_time);
  ASSERT_FALSE(log.ok());
  EXPECT_EQ(log.error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(log.error().path, "line 3");
  EXPECT_EQ(log.error().message, "timestamp is not epoch milliseconds: 'soon'");
  std::istringstream bad_event("u1,x,5,stare\n");
  auto unknown = ReadInteractions(bad_event);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "unknown event 'stare'");
}

TEST(ModelBuild, EaseAndCosineNeighboursStayInTheirCluster) {
  Interactions log = Read(ClusterLog());
  ASSERT_EQ(log.items.size(), 20u);
  UserItems users = GroupByUser(log);
  auto dense = EaseWeights(users, 20, 5.0);
  ASSERT_TRUE(dense.ok());
  NeighbourLists ease = TopK(*dense, 5);
  ExpectNeighboursStayInCluster(log, ease);
  NeighbourLists cosine = CosineNeighbours(users, 20, 1.0, 5);
  ExpectNeighboursStayInCluster(log, cosine);
  EXPECT_FALSE(EaseWeights(users, kMaxEaseItems + 1, 5.0).ok());
}

TEST(ModelBuild, CosineWeightIsSharedUsersOverShrunkNorm) {
  // x: u1 u2 u3, y: u1 u2: cos = 2 / (sqrt(3 * 2) + 1).
  Interactions log = Read("u1,x,1,view\nu2,x,1,view\nu3,x,1,view\nu1,y,1,view\nu2,y,1,view\n");
  NeighbourLists lists = CosineNeighbours(GroupByUser(log), 2, 1.0, 10);
  ASSERT_EQ(lists.offsets, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_FLOAT_EQ(lists.weights[0], static_cast<float>(2 / (std::sqrt(6.0) + 1)));
}

TEST(ModelBuild, IalsFactorsSeparateTheClustersAndAreDeterministic) {
  Interactions log = Read(ClusterLog());
  UserItems users = GroupByUser(log);
  IalsOptions options;
  options.factors = 8;
  options.alpha = 10;
  options.lambda = 1;
  options.seed = 3;
  QuantizedFactors q = Quantize(TrainIals(users, 20, options));
  QuantizedFactors again = Quantize(TrainIals(users, 20, options));
  EXPECT_EQ(q.item, again.item);
  EXPECT_EQ(q.gram, again.gram);
  auto dot = [&](uint32_t a, uint32_t b) {
    double s = 0;
    for (uint32_t c = 0; c < 8; ++c) s += q.item[a * 8 + c] * q.scale[a] * q.item[b * 8 + c] * q.scale[b];
    return s;
  };
  // Every item is closer to each item of its own cluster than to any of the other's.
  int misordered = 0;
  for (uint32_t a = 0; a < 20; ++a) {
    for (uint32_t b = 0; b < 20; ++b) {
      for (uint32_t x = 0; x < 20; ++x) {
        const bool same = log.items[a][0] == log.items[b][0], other = log.items[a][0] != log.items[x][0];
        if (a != b && same && other && dot(a, b) <= dot(a, x)) ++misordered;
      }
    }
  }
  EXPECT_EQ(misordered, 0);
  // The Gram matrix is YᵀY of the dequantized factors.
  double g01 = 0;
  for (uint32_t i = 0; i < 20; ++i) g01 += q.item[i * 8] * q.scale[i] * q.item[i * 8 + 1] * q.scale[i];
  EXPECT_NEAR(q.gram[1], g01, 1e-4);
  for (int8_t v : q.item) EXPECT_GE(v, -127);
}

TEST(ModelBuild, PopularityHalvesPerHalfLife) {
  Interactions log = Read("u1,new,1000000000,view\nu1,old,999000000,view\n");
  Popularity p = ComputePopularity(log, 1000000000, 1000000);
  EXPECT_FLOAT_EQ(p.score[Index(log, "new")], 1.0f);
  EXPECT_FLOAT_EQ(p.score[Index(log, "old")], 0.5f);
}

TEST(ModelBuild, BoughtTogetherRulesHaveSupportConfidenceLift) {
  // 4 baskets: {p, q} three times, {r} once; a view never makes a basket.
  Interactions log = Read(
      "u1,p,0,purchase\nu1,q,60000,purchase\nu2,p,0,purchase\nu2,q,0,add_to_cart\n"
      "u3,q,0,purchase\nu3,p,1000,purchase\nu4,r,0,purchase\nu4,p,0,view\n");
  FbtOptions options;
  options.min_count = 3;
  auto rules = MineBoughtTogether(log, options);
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(log.items[rules[0].antecedent], "p");
  EXPECT_EQ(log.items[rules[0].consequent], "q");
  EXPECT_EQ(rules[0].count, 3u);
  EXPECT_FLOAT_EQ(rules[0].support, 0.75f);
  EXPECT_FLOAT_EQ(rules[0].confidence, 1.0f);
  EXPECT_FLOAT_EQ(rules[0].lift, 4.0f / 3.0f);
  options.min_count = 4;
  EXPECT_TRUE(MineBoughtTogether(log, options).empty());
}

// The command's output is a catalog the snapshot builder accepts, with the
// model in the sections the device reads, and the same bytes every time.
TEST(ModelBuildCommand, WritesModelSectionsTheSnapshotBuilderReads) {
  std::ifstream fixture(std::string(SHOPCORE_SOURCE_DIR) + "/tests/unit/snapshot/fixtures/small-catalog.json");
  std::stringstream catalog;
  catalog << fixture.rdbuf();
  const std::string log_path = std::string(SHOPCORE_BINARY_DIR) + "/modelbuild_test_log.csv";
  {
    std::ofstream log(log_path);
    log << "user,item,timestamp,event\n";
    for (int u = 0; u < 5; ++u) {
      log << "u" << u << ",item-1," << kNow << ",purchase\n";
      log << "u" << u << ",item-2," << kNow << ",purchase\n";
    }
    log << "u9,item-1," << kNow << ",view\nu9,gone," << kNow << ",view\n";
  }
  test_support::TestFiles files;
  files.files["catalog.json"] = catalog.str();
  cli::CommandContext context;
  context.files = &files;
  std::vector<std::string> args = {"model", "build", "--interactions", log_path, "--catalog", "catalog.json",
                                   "-o", "out.json", "--factors", "2", "--lambda", "1", "--als-lambda", "0.05",
                                   "--alpha", "12.5"};
  auto built = cli::RunCommand(args, context);
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_EQ(built.out,
            "model ease+ials: 12 rows (1 for items not in the catalog), 6 users, 2 items, 2 neighbours, 2 factors, "
            "2 bought-together rules\n");
  const std::string first = files.files["out.json"];
  ASSERT_EQ(cli::RunCommand(args, context).exit_code, 0);
  EXPECT_EQ(files.files["out.json"], first);

  auto out = nlohmann::json::parse(first, nullptr, false);
  ASSERT_TRUE(out.is_object());
  EXPECT_EQ(out["model"]["algorithm"], "ease+ials");
  EXPECT_EQ(out["model"]["gram"].size(), 4u);
  // The device folds a shopper in with the terms the factors were trained with.
  EXPECT_EQ(out["model"]["regularization"], "0.05");
  EXPECT_EQ(out["model"]["fold_in_alpha"], "12.5");
  EXPECT_EQ(out["neighbours"][0]["item"], "item-1");
  EXPECT_EQ(out["neighbours"][0]["neighbours"], nlohmann::json::array({"item-2"}));
  EXPECT_EQ(out["fbt_rules"][0]["id"], "item-1>item-2");
  EXPECT_EQ(out["fbt_rules"][0]["count"], 5);
  // Popularity goes to each market the item is sellable in: item-2 is not in DE.
  ASSERT_EQ(out["popularity"].size(), 3u);
  EXPECT_EQ(out["popularity"][1]["market"], "DE");
  EXPECT_EQ(out["popularity"][1]["items"], nlohmann::json::array({"item-1"}));

  auto snapshot = cli::RunCommand({"snapshot", "build", "out.json", "-o", "snap.bin"}, context);
  EXPECT_EQ(snapshot.exit_code, 0) << snapshot.err;
}

TEST(ModelBuildCommand, BadInputIsAClearErrorAndWritesNothing) {
  test_support::TestFiles files;
  files.files["catalog.json"] = "{\"items\": []}";
  cli::CommandContext context;
  context.files = &files;
  auto missing = cli::RunCommand({"model", "build", "--interactions", "/nonexistent/log.csv", "--catalog",
                                  "catalog.json", "-o", "out.json"},
                                 context);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "error: IO_ERROR at /nonexistent/log.csv: cannot read /nonexistent/log.csv\n");
  auto usage = cli::RunCommand({"model", "build", "--catalog", "catalog.json", "--neighbours", "0"}, context);
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_EQ(files.files.count("out.json"), 0u);
}

}  // namespace
}  // namespace shopcore::modelbuild
