// Tax rules read from a catalog snapshot (tax/snapshot_tax_rules.h): the
// worked domestic examples of issue 6 computed from snapshot data, the
// snapshot's exclusive valid_to, errors at snapshot paths, and
// `shopcore landed-cost SNAP.bin REQUEST.json`.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "command.h"
#include "support/test_files.h"
#include "shopcore/json/checked.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/tax.h"
#include "shopcore/tax/snapshot_tax_rules.h"

namespace shopcore::tax {
namespace {

// A DE market rounding per line or per unit, and its VAT rule until 2026-07-01
// (exclusive, the snapshot's convention).
std::string CatalogJson(const std::string& level, const std::string& extra_rate = "") {
  return R"({"snapshot_id": "tax-test",
    "markets": [{"id": "DE", "currency": "EUR", "locale": "de-DE", "tax_display": "Inclusive",
                 "tax_rounding": {"mode": "HalfUp", "level": ")" + level + R"(", "target": "Tax"}}],
    "tax_rules": [{"id": "DE-VAT", "market": "DE", "rates": {"standard": "0.19", "reduced": "0.07")" + extra_rate + R"(},
                   "valid_from": "2021-01-01", "valid_to": "2026-07-01", "source": "UStG 12", "verified_on": "2026-11-21",
                   "tax_name": "USt", "labels": {"de": "inkl. MwSt.", "en": "incl. VAT"}}]})";
}

std::shared_ptr<const Snapshot> Open(const std::string& catalog_json) {
  auto bytes = BuildSnapshot(catalog_json);
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  if (!bytes.ok()) return nullptr;
  auto opened = Snapshot::Open(*bytes);
  EXPECT_TRUE(opened.ok());
  return opened.ok() ? *opened : nullptr;
}

LandedCostRequest Domestic(int64_t amount, int64_t quantity, const std::string& date) {
  LandedCostRequest request;
  request.market = "DE";
  request.origin = "DE";
  request.currency = "EUR";
  request.locale = "de-DE";
  request.lines.push_back(PricedLine{"l1", amount, quantity});
  request.now_ms = *ParseIsoDate(date);
  return request;
}

TEST(SnapshotTaxRules, InclusiveNineNinetyNineCarriesOneSixtyOfVat) {
  auto snapshot = Open(CatalogJson("Line"));
  ASSERT_NE(snapshot, nullptr);
  auto rules = TaxRulesFromSnapshot(*snapshot);
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();
  auto cost = ComputeLandedCost(*rules, Domestic(999, 1, "2026-06-30"));
  ASSERT_TRUE(cost.ok()) << cost.error().ToString();
  EXPECT_EQ(cost->lines[0].tax, 160);
  EXPECT_EQ(cost->lines[0].goods, 839);
  EXPECT_EQ(cost->tax_label, "inkl. MwSt.");
}

TEST(SnapshotTaxRules, TheMarketsRoundingLevelDecidesLineVersusUnit) {
  // Exclusive here: 3 x 1.08 at 19% is 3.86 per line, 3.87 per unit.
  for (const auto& [level, gross] : std::map<std::string, int64_t>{{"Line", 386}, {"Unit", 387}}) {
    auto snapshot = Open(CatalogJson(level));
    ASSERT_NE(snapshot, nullptr);
    auto rules = TaxRulesFromSnapshot(*snapshot);
    ASSERT_TRUE(rules.ok());
    LandedCostRequest request = Domestic(324, 3, "2026-01-15");
    request.prices_include_tax = false;
    auto cost = ComputeLandedCost(*rules, request);
    ASSERT_TRUE(cost.ok()) << cost.error().ToString();
    EXPECT_EQ(cost->lines[0].goods + cost->lines[0].tax, gross) << level;
  }
}

TEST(SnapshotTaxRules, ValidToIsTheFirstDayNoLongerInForce) {
  auto snapshot = Open(CatalogJson("Line"));
  ASSERT_NE(snapshot, nullptr);
  auto rules = TaxRulesFromSnapshot(*snapshot);
  ASSERT_TRUE(rules.ok());
  EXPECT_TRUE(rules->SelectDomestic("DE", *ParseIsoDate("2026-06-30")).ok());
  auto after = rules->SelectDomestic("DE", *ParseIsoDate("2026-07-01"));
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kNotFound);
}

TEST(SnapshotTaxRules, AnUnknownCategoryIsNamedAtItsSnapshotPath) {
  auto snapshot = Open(CatalogJson("Line", R"(, "luxury": "0.30")"));
  ASSERT_NE(snapshot, nullptr);
  auto rules = TaxRulesFromSnapshot(*snapshot);
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(rules.error().path, "tax_rules[0].rates.luxury");
}

TEST(SnapshotTaxRules, LandedCostCommandReadsASnapshot) {
  auto bytes = BuildSnapshot(CatalogJson("Line"));
  ASSERT_TRUE(bytes.ok());
  test_support::TestFiles files;
  files.files["snap.bin"] = *bytes;
  files.files["req.json"] =
      R"({"market": "DE", "origin": "DE", "currency": "EUR", "now": "2026-01-15", "lines": [{"id": "l1", "amount_minor": 999}]})";
  files.files["fr.json"] =
      R"({"market": "FR", "origin": "CN", "currency": "EUR", "now": "2026-01-15", "lines": [{"id": "l1", "amount_minor": 999}]})";
  cli::CommandContext context;
  context.files = &files;
  auto out = cli::RunCommand({"landed-cost", "snap.bin", "req.json"}, context);
  EXPECT_EQ(out.exit_code, 0) << out.err;
  EXPECT_NE(out.out.find(R"("tax": "1.60")"), std::string::npos) << out.out;
  auto cross = cli::RunCommand({"landed-cost", "snap.bin", "fr.json"}, context);
  EXPECT_EQ(cross.exit_code, 1);
  EXPECT_EQ(cross.err, "error: NOT_FOUND at fr.json:market: unknown market 'FR': no import rule\n");
}

}  // namespace
}  // namespace shopcore::tax
