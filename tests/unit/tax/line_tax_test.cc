// Domestic VAT/GST arithmetic: inclusive extraction, exclusive addition and
// the three rounding levels, on the figures shops and platforms publish.
#include "shopcore/tax/line_tax.h"

#include <gtest/gtest.h>

namespace shopcore::tax {
namespace {

Decimal D(const char* text) { return *Decimal::Parse(text); }

RoundingConfig Config(RoundingLevel level, RoundingMode mode = RoundingMode::kHalfUp,
                      RoundingTarget target = RoundingTarget::kTax) {
  return RoundingConfig{level, mode, target};
}

TEST(LineTax, InclusiveNineNinetyNineAtNineteenPercent) {
  // EUR 9.99 incl. 19%: VAT 1.60, net 8.39, whichever figure is rounded.
  for (RoundingTarget target : {RoundingTarget::kTax, RoundingTarget::kNet}) {
    auto taxed = TaxOnAmount(999, D("0.19"), true, Config(RoundingLevel::kPerLine, RoundingMode::kHalfUp, target));
    ASSERT_TRUE(taxed.ok());
    EXPECT_EQ(taxed->tax, 160);
    EXPECT_EQ(taxed->net, 839);
    EXPECT_EQ(taxed->gross, 999);
  }
}

TEST(LineTax, RoundingTargetNetOrTaxDiffersOnATie) {
  // USD 2.99 incl. 4% (Zuora's example): net 287.5 -> 288 gives tax 0.11;
  // tax 11.5 -> 12 gives tax 0.12.
  auto by_net = TaxOnAmount(299, D("0.04"), true, Config(RoundingLevel::kPerLine, RoundingMode::kHalfUp, RoundingTarget::kNet));
  auto by_tax = TaxOnAmount(299, D("0.04"), true, Config(RoundingLevel::kPerLine, RoundingMode::kHalfUp, RoundingTarget::kTax));
  ASSERT_TRUE(by_net.ok() && by_tax.ok());
  EXPECT_EQ(by_net->tax, 11);
  EXPECT_EQ(by_net->net, 288);
  EXPECT_EQ(by_tax->tax, 12);
  EXPECT_EQ(by_tax->net, 287);
}

TEST(LineTax, PerLineVersusPerUnit) {
  // 3 x 1.08 net at 19% (commercetools' LineItemLevel vs UnitPriceLevel):
  // per line the tax of 3.24 is 0.6156 -> 0.62, gross 3.86; per unit the tax
  // of 1.08 is 0.2052 -> 0.21, three of them 0.63, gross 3.87.
  const std::vector<TaxableAmount> line = {{324, 3, D("0.19")}};
  auto per_line = ComputeLineTaxes(line, false, Config(RoundingLevel::kPerLine));
  auto per_unit = ComputeLineTaxes(line, false, Config(RoundingLevel::kPerUnit));
  ASSERT_TRUE(per_line.ok() && per_unit.ok());
  EXPECT_EQ((*per_line)[0].tax, 62);
  EXPECT_EQ((*per_line)[0].gross, 386);
  EXPECT_EQ((*per_unit)[0].tax, 63);
  EXPECT_EQ((*per_unit)[0].gross, 387);
}

TEST(LineTax, PerUnitSplitsADiscountedLineEvenly) {
  // 3 units discounted to 3.23 in all: units of 1.08, 1.08, 1.07 -> tax
  // 0.21 + 0.21 + 0.20 (1.07 x 19% = 0.2033).
  auto taxed = ComputeLineTaxes({{323, 3, D("0.19")}}, false, Config(RoundingLevel::kPerUnit));
  ASSERT_TRUE(taxed.ok());
  EXPECT_EQ((*taxed)[0].tax, 62);
}

TEST(LineTax, JapanRoundsOncePerInvoicePerRateNotPerItem) {
  // Three JPY 150 items incl. 10% and one JPY 540 item incl. 8%, rounded down.
  // Per item: 150 x 10/110 = 13.63 -> 13, three times = 39.
  // Per invoice: 450 x 10/110 = 40.9 -> 40 for the 10% rate; 540 x 8/108 = 40.
  const std::vector<TaxableAmount> items = {
      {150, 1, D("0.10")}, {540, 1, D("0.08")}, {150, 1, D("0.10")}, {150, 1, D("0.10")}};
  auto per_item = ComputeLineTaxes(items, true, Config(RoundingLevel::kPerLine, RoundingMode::kDown));
  auto per_invoice = ComputeLineTaxes(items, true, Config(RoundingLevel::kPerInvoice, RoundingMode::kDown));
  ASSERT_TRUE(per_item.ok() && per_invoice.ok());
  int64_t item_total_10 = 0, invoice_total_10 = 0;
  for (size_t i : {0u, 2u, 3u}) {
    item_total_10 += (*per_item)[i].tax;
    invoice_total_10 += (*per_invoice)[i].tax;
  }
  EXPECT_EQ(item_total_10, 39);
  EXPECT_EQ(invoice_total_10, 40);
  // The invoice's 40 is allocated back to its lines by largest remainder.
  EXPECT_EQ((*per_invoice)[0].tax, 14);
  EXPECT_EQ((*per_invoice)[2].tax, 13);
  EXPECT_EQ((*per_invoice)[3].tax, 13);
  EXPECT_EQ((*per_invoice)[1].tax, 40);
  EXPECT_EQ((*per_invoice)[1].net, 500);
  for (const AmountTax& line : *per_invoice) EXPECT_EQ(line.net + line.tax, line.gross);
}

TEST(LineTax, ZeroAmountsAndZeroRates) {
  auto taxed = ComputeLineTaxes({{0, 1, D("0.19")}, {500, 2, D("0")}}, false, Config(RoundingLevel::kPerInvoice));
  ASSERT_TRUE(taxed.ok());
  EXPECT_EQ((*taxed)[0].tax, 0);
  EXPECT_EQ((*taxed)[1].tax, 0);
  EXPECT_EQ((*taxed)[1].gross, 500);
}

TEST(LineTax, RejectsBadInputAndOverflow) {
  auto negative = ComputeLineTaxes({{-1, 1, D("0.19")}}, false, Config(RoundingLevel::kPerLine));
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(negative.error().path, "[0].amount");
  auto no_units = ComputeLineTaxes({{100, 0, D("0.19")}}, false, Config(RoundingLevel::kPerUnit));
  EXPECT_EQ(no_units.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(no_units.error().path, "[0].quantity");
  auto negative_rate = ComputeLineTaxes({{100, 1, D("-0.19")}}, false, Config(RoundingLevel::kPerLine));
  EXPECT_EQ(negative_rate.error().path, "[0].rate");
  // Net + tax beyond int64 is an error, never a wrap.
  auto huge = ComputeLineTaxes({{INT64_MAX, 1, D("0.19")}}, false, Config(RoundingLevel::kPerLine));
  EXPECT_EQ(huge.error().code, ErrorCode::kOverflow);
  auto huge_invoice = ComputeLineTaxes({{INT64_MAX, 1, D("0.19")}, {1, 1, D("0.19")}}, true,
                                       Config(RoundingLevel::kPerInvoice));
  EXPECT_EQ(huge_invoice.error().code, ErrorCode::kOverflow);
}

}  // namespace
}  // namespace shopcore::tax
