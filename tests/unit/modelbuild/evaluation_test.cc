// `shopcore eval` on a seeded log of four disjoint taste clusters: the
// device's ranking (reco::Recommend over the built model) agrees with the
// direct reference scoring of the same data, and cluster structure is found.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "evaluation.h"

namespace shopcore::modelbuild {
namespace {

// model name -> "Recall@20 | NDCG@20 | HR@10 | coverage" cells of the table.
std::map<std::string, std::string> Rows(const std::string& table) {
  std::map<std::string, std::string> rows;
  std::istringstream lines(table);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| ", 0) != 0 || line.rfind("| model", 0) == 0) continue;
    const size_t name_end = line.find(" | ", 2);
    const size_t seconds = line.rfind(" | ", line.size() - 3);
    rows[line.substr(2, name_end - 2)] = line.substr(name_end + 3, seconds - name_end - 3);
  }
  return rows;
}

TEST(Evaluation, DeviceRankingAgreesWithTheReferenceScoring) {
  std::ostringstream csv;
  uint64_t state = 11;
  for (int u = 0; u < 120; ++u) {
    const int cluster = u % 4;
    std::vector<int> items(25);
    for (int k = 0; k < 25; ++k) items[k] = cluster * 25 + k;
    for (int k = 24; k > 0; --k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(items[k], items[(state >> 33) % (k + 1)]);
    }
    for (int k = 0; k < 10; ++k) csv << "u" << u << ",i" << (items[k] < 10 ? "0" : "") << items[k] << "," << k << ",rating\n";
  }
  std::istringstream in(csv.str());
  auto log = ReadInteractions(in);
  ASSERT_TRUE(log.ok());
  EvalOptions options;
  options.quick = true;
  options.neighbours = 20;
  options.factors = 8;
  auto table = Evaluate(*log, options);
  ASSERT_TRUE(table.ok()) << table.error().message;
  auto rows = Rows(*table);
  ASSERT_EQ(rows.size(), 9u) << *table;
  EXPECT_EQ(rows["device: popularity"], rows["popularity"]);
  EXPECT_EQ(rows["device: item-item (sparse EASE)"], rows["EASE sparse (k=20)"]);
  // 25 items per cluster, 8 seen, 2 held out: any in-cluster model finds them in its top 20.
  EXPECT_EQ(rows["EASE dense"].substr(0, 6), "1.0000");
  EXPECT_EQ(rows["device: hybrid"].substr(0, 6), "1.0000");
  EXPECT_LT(rows["popularity"].substr(0, 6), "0.5");
}

}  // namespace
}  // namespace shopcore::modelbuild
