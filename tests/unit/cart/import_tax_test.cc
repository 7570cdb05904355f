// Cross-border lines priced through `shopcore price`'s path: the snapshot's
// import regimes (tiers as gen-catalog ports them from data/tax-rules.json)
// reach the tax module, and the price output's tax block shows each
// consignment's duty and import tax, who collects them and when.
#include <gtest/gtest.h>

#include <string>

#include "cart/price_test_snapshot.h"
#include "shopcore/cart/price_json.h"
#include "shopcore/json/checked.h"

namespace shopcore::cart {
namespace {

using json::Json;
using testing::OpenCatalog;

// 2026-11-21T12:00:00Z and 2026-03-01T00:00:00Z (before the EU's flat duty).
constexpr int64_t kNov2026 = 1795262400000;
constexpr int64_t kMar2026 = 1772323200000;

std::shared_ptr<const Snapshot> ImportSnapshot() {
  auto parsed = json::ParseOrdered(R"({
    "snapshot_id": "import-test",
    "markets": [
      {"id": "AU", "currency": "AUD", "locale": "en-AU", "tax_display": "Inclusive",
       "shipping_rules": [{"id": "au-flat", "kind": "Flat", "amount": 1000}]},
      {"id": "CN", "currency": "CNY", "locale": "zh-CN", "tax_display": "Inclusive",
       "shipping_rules": [{"id": "cn-flat", "kind": "Flat", "amount": 2000}]},
      {"id": "FR", "currency": "EUR", "locale": "fr-FR", "tax_display": "Inclusive",
       "shipping_rules": [{"id": "fr-flat", "kind": "Flat", "amount": 500}]},
      {"id": "GB", "currency": "GBP", "locale": "en-GB", "tax_display": "Inclusive",
       "shipping_rules": [{"id": "gb-flat", "kind": "Flat", "amount": 400}]},
      {"id": "JP", "currency": "JPY", "locale": "ja-JP", "tax_display": "Inclusive"}
    ],
    "items": [
      {"id": "item-earbuds", "tax_category": "standard", "hs_code": "851830", "origin_country": "CN",
       "skus": [{"id": "earbuds", "price": {"AU": {"amount": 20000}, "FR": {"amount": 4999}, "GB": {"amount": 10000}}}]},
      {"id": "item-wok", "tax_category": "standard", "hs_code": "732393", "origin_country": "CN",
       "skus": [{"id": "wok", "price": {"GB": {"amount": 15000}}}]},
      {"id": "item-serum", "tax_category": "standard", "hs_code": "330499", "origin_country": "JP",
       "skus": [{"id": "serum", "price": {"CN": {"amount": 30000}}}]}
    ],
    "tax_rules": [
      {"id": "AU-GST", "market": "AU", "rates": {"standard": "0.10"}, "valid_from": "2000-07-01", "source": "ato.gov.au", "verified_on": "2026-11-21"},
      {"id": "CN-VAT", "market": "CN", "rates": {"standard": "0.13", "reduced": "0.09"}, "valid_from": "2019-04-01", "source": "2019年第39号", "verified_on": "2026-11-21"},
      {"id": "FR-VAT", "market": "FR", "rates": {"standard": "0.20", "reduced": "0.055"}, "valid_from": "2014-01-01", "source": "CGI art. 278", "verified_on": "2026-11-21"},
      {"id": "GB-VAT", "market": "GB", "rates": {"standard": "0.20", "reduced": "0.05"}, "valid_from": "2011-01-04", "source": "gov.uk", "verified_on": "2026-11-21"}
    ],
    "import_regimes": [
      {"id": "AU-IMPORT-2018", "destination": "AU", "threshold": 100000, "threshold_currency": "AUD", "valid_from": "2018-07-01",
       "source": "archive.homeaffairs.gov.au", "verified_on": "2026-11-21", "threshold_basis": "fob",
       "tiers": [{"name": "low_value", "up_to": 100000, "collector": "seller", "tax": {"rate": "domestic", "basis": "cif", "include_duty": false}},
                 {"name": "border", "collector": "carrier", "duty": {"basis": "fob"}, "tax": {"rate": "domestic", "basis": "cif"},
                  "notice": "Duty and import tax are collected on delivery; the amounts are estimates."}]},
      {"id": "CN-CBEC-2019", "destination": "CN", "threshold": 500000, "threshold_currency": "CNY", "valid_from": "2019-01-01",
       "source": "财关税〔2018〕49号", "verified_on": "2026-11-21", "threshold_basis": "cif",
       "tiers": [{"name": "cbec", "up_to": 500000, "uses_annual_quota": true, "collector": "platform",
                  "tax": {"rate": "domestic", "basis": "cif", "include_duty": false, "factor": "0.7"}},
                 {"name": "general_trade", "collector": "platform", "duty": {"basis": "cif"}, "tax": {"rate": "domestic", "basis": "cif"},
                  "notice": "Over the cross-border limits: duty and taxes are charged in full as general trade."}]},
      {"id": "FR-IMPORT-2021-07", "destination": "FR", "threshold": 15000, "threshold_currency": "EUR",
       "valid_from": "2021-07-01", "valid_to": "2026-07-01", "source": "Council Directive (EU) 2017/2455", "verified_on": "2026-11-21",
       "tiers": [{"name": "ioss", "up_to": 15000, "requires_ioss": true, "collector": "seller",
                  "tax": {"rate": "domestic", "basis": "cif", "include_duty": false}},
                 {"name": "low_value", "up_to": 15000, "collector": "carrier", "tax": {"rate": "domestic", "basis": "cif"}},
                 {"name": "border", "collector": "carrier", "duty": {"basis": "cif"}, "tax": {"rate": "domestic", "basis": "cif"}}]},
      {"id": "FR-IMPORT-2026-07", "destination": "FR", "threshold": 15000, "threshold_currency": "EUR",
       "valid_from": "2026-07-01", "valid_to": "2028-07-01", "source": "Council Regulation (EU) 2026/382", "verified_on": "2026-11-21",
       "tiers": [{"name": "ioss", "up_to": 15000, "requires_ioss": true, "collector": "seller",
                  "tax": {"rate": "domestic", "basis": "cif", "include_duty": false}, "duty": {"flat_per_tariff_line": 300}},
                 {"name": "low_value", "up_to": 15000, "collector": "carrier", "tax": {"rate": "domestic", "basis": "cif"},
                  "duty": {"flat_per_tariff_line": 300}},
                 {"name": "border", "collector": "carrier", "duty": {"basis": "cif"}, "tax": {"rate": "domestic", "basis": "cif"}}]},
      {"id": "GB-IMPORT-2021", "destination": "GB", "threshold": 13500, "threshold_currency": "GBP", "valid_from": "2021-01-01",
       "source": "gov.uk VAT and overseas goods", "verified_on": "2026-11-21",
       "tiers": [{"name": "seller_collected", "up_to": 13500, "collector": "seller", "tax": {"rate": "domestic", "basis": "cif", "include_duty": false}},
                 {"name": "border", "collector": "carrier", "duty": {"basis": "cif"}, "tax": {"rate": "domestic", "basis": "cif"},
                  "notice": "Duty and import tax are collected on delivery; the amounts are estimates."}]}
    ]
  })");
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  return parsed.ok() ? OpenCatalog(*parsed) : nullptr;
}

Json Price(const Snapshot& snapshot, const std::string& market, int64_t now, const std::string& lines,
           const std::string& extra = "") {
  return testing::PriceOrDie(snapshot, testing::Request(market, lines, extra, now));
}

TEST(ImportTax, EuIossUnder150ChargesFrenchVatAtCheckoutPlusTheFlatDutyFromJuly2026) {
  auto snapshot = ImportSnapshot();
  ASSERT_NE(snapshot, nullptr);
  // €49.99 + €5.00 postage: VAT 20% of 54.99 = 10.998 -> 11.00 (issue 6's worked example).
  Json out = Price(*snapshot, "FR", kNov2026, R"([{"sku":"earbuds","qty":1}])", R"("import":{"seller_ioss":true})");
  const Json& imported = out["tax"]["imports"][0];
  EXPECT_EQ(imported["origin"], "CN");
  EXPECT_EQ(imported["rule"], "FR-IMPORT-2026-07");
  EXPECT_EQ(imported["tier"], "ioss");
  EXPECT_EQ(imported["lines"][0]["goods"], "49.99");
  EXPECT_EQ(imported["lines"][0]["shipping"], "5.00");
  EXPECT_EQ(imported["lines"][0]["tax"], "11.00");
  EXPECT_EQ(imported["lines"][0]["tax_rate"], "0.2");
  EXPECT_EQ(imported["lines"][0]["duty"], "3.00");  // €3 per distinct 6-digit sub-heading
  EXPECT_EQ(imported["components"].dump(),
            R"([{"amount":"3.00","collection":"included","kind":"duty"},{"amount":"11.00","collection":"included","kind":"tax"}])");
  EXPECT_EQ(imported["due_at_checkout"], "68.99");
  EXPECT_EQ(imported["due_on_delivery"], "0.00");
  EXPECT_EQ(out["tax"]["grand_total"], "68.99");
  EXPECT_EQ(out["tax"]["lines"].size(), 0u);       // nothing domestic
  EXPECT_TRUE(out["tax"]["shipping"].is_null());   // postage travelled with the consignment
  // The tier has the flat duty but no ad valorem rate: the tax module says so.
  EXPECT_EQ(out["tax"]["warnings"].dump(), R"(["duty_rate_unknown:earbuds"])");

  // Before 2026-07-01 the 2021 rule is in force: no duty on consignments <= €150.
  Json march = Price(*snapshot, "FR", kMar2026, R"([{"sku":"earbuds","qty":1}])", R"("import":{"seller_ioss":true})");
  EXPECT_EQ(march["tax"]["imports"][0]["rule"], "FR-IMPORT-2021-07");
  EXPECT_EQ(march["tax"]["imports"][0]["lines"][0]["duty"], "0.00");
  EXPECT_EQ(march["tax"]["grand_total"], "65.99");

  // A seller outside IOSS: the same VAT is collected by the carrier, on delivery.
  Json carrier = Price(*snapshot, "FR", kMar2026, R"([{"sku":"earbuds","qty":1}])");
  EXPECT_EQ(carrier["tax"]["imports"][0]["tier"], "low_value");
  EXPECT_EQ(carrier["tax"]["imports"][0]["due_on_delivery"], "11.00");
  EXPECT_EQ(carrier["tax"]["grand_total"], "54.99");
  EXPECT_EQ(carrier["tax"]["due_on_delivery"], "11.00");
}

TEST(ImportTax, UkUpTo135SellerChargesVatAboveItTheBorderEstimates) {
  auto snapshot = ImportSnapshot();
  ASSERT_NE(snapshot, nullptr);
  // £100.00 intrinsic <= £135: UK VAT 20% on 100.00 + 4.00 postage = 20.80 at checkout.
  Json low = Price(*snapshot, "GB", kNov2026, R"([{"sku":"earbuds","qty":1}])");
  EXPECT_EQ(low["tax"]["imports"][0]["tier"], "seller_collected");
  EXPECT_EQ(low["tax"]["imports"][0]["lines"][0]["tax"], "20.80");
  EXPECT_EQ(low["tax"]["grand_total"], "124.80");
  // £150.00 > £135: import VAT on CIF + duty at the border, estimated; the
  // duty rate is not in the rule, which the output says instead of guessing.
  Json high = Price(*snapshot, "GB", kNov2026, R"([{"sku":"wok","qty":1}])");
  const Json& imported = high["tax"]["imports"][0];
  EXPECT_EQ(imported["tier"], "border");
  EXPECT_EQ(imported["notice"], "Duty and import tax are collected on delivery; the amounts are estimates.");
  EXPECT_EQ(imported["lines"][0]["tax"], "30.80");  // 20% of 154.00
  EXPECT_EQ(imported["components"][1].dump(), R"({"amount":"30.80","collection":"estimated","kind":"tax"})");
  EXPECT_EQ(high["tax"]["grand_total"], "154.00");
  EXPECT_EQ(high["tax"]["due_on_delivery"], "30.80");
  EXPECT_EQ(high["tax"]["warnings"].dump(), R"(["duty_rate_unknown:wok"])");
}

TEST(ImportTax, ChinaCbecTaxesVatAt70PercentWithinTheQuota) {
  auto snapshot = ImportSnapshot();
  ASSERT_NE(snapshot, nullptr);
  // ¥300 + ¥20 freight: 320 x 13% x 0.7 = 29.12 (issue 6's worked example).
  Json out = Price(*snapshot, "CN", kNov2026, R"([{"sku":"serum","qty":1}])",
                   R"("import":{"annual_quota_remaining":2600000})");
  const Json& imported = out["tax"]["imports"][0];
  EXPECT_EQ(imported["origin"], "JP");
  EXPECT_EQ(imported["tier"], "cbec");
  EXPECT_EQ(imported["lines"][0]["tax"], "29.12");
  EXPECT_EQ(imported["lines"][0]["duty"], "0.00");
  EXPECT_EQ(imported["due_at_checkout"], "349.12");
  EXPECT_EQ(out["tax"]["warnings"].size(), 0u);
  // Without the shopper's remaining quota the tier still applies, with a warning.
  Json unchecked = Price(*snapshot, "CN", kNov2026, R"([{"sku":"serum","qty":1}])");
  EXPECT_EQ(unchecked["tax"]["warnings"].dump(), R"(["annual_quota_not_checked:JP"])");
  // A quota smaller than the order: taxed as general trade, said plainly.
  Json over = Price(*snapshot, "CN", kNov2026, R"([{"sku":"serum","qty":1}])", R"("import":{"annual_quota_remaining":10000})");
  EXPECT_EQ(over["tax"]["imports"][0]["tier"], "general_trade");
  EXPECT_EQ(over["tax"]["imports"][0]["notice"], "Over the cross-border limits: duty and taxes are charged in full as general trade.");
  EXPECT_EQ(over["tax"]["imports"][0]["lines"][0]["tax"], "41.60");  // 13% of 320.00, no 0.7
}

TEST(ImportTax, AustraliaLowValueGoodsGstAtSale) {
  auto snapshot = ImportSnapshot();
  ASSERT_NE(snapshot, nullptr);
  // A$200.00 FOB <= A$1,000: GST 10% of 200.00 + 10.00 postage = 21.00, collected by the seller.
  Json out = Price(*snapshot, "AU", kNov2026, R"([{"sku":"earbuds","qty":1}])");
  EXPECT_EQ(out["tax"]["imports"][0]["tier"], "low_value");
  EXPECT_EQ(out["tax"]["imports"][0]["lines"][0]["tax"], "21.00");
  EXPECT_EQ(out["tax"]["imports"][0]["rules"][0]["id"], "AU-IMPORT-2018");
  EXPECT_EQ(out["tax"]["imports"][0]["rules"][0]["verified_on"], "2026-11-21");
  EXPECT_EQ(out["tax"]["grand_total"], "231.00");
}

TEST(ImportTax, RequestOptionsAreChecked) {
  auto snapshot = ImportSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto bad = PriceJson(*snapshot, R"({"market":"FR","now":1,"lines":[{"sku":"earbuds","qty":1}],"import":{"ioss":true}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ToString(), "BAD_REQUEST at import.ioss: unknown field");
  bad = PriceJson(*snapshot, R"({"market":"FR","now":1,"lines":[{"sku":"earbuds","qty":1}],"import":{"annual_quota_remaining":-1}})");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().ToString(), "BAD_REQUEST at import.annual_quota_remaining: must be >= 0");
}

}  // namespace
}  // namespace shopcore::cart
