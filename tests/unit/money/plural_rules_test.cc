// CLDR plural rules: operands from displayed digits and rule evaluation, on
// the rules of languages whose money names depend on them.
#include "money/plural_rules.h"

#include <gtest/gtest.h>

namespace shopcore {
namespace {

PluralRules Rules(std::vector<std::pair<std::string, std::string>> rules) {
  auto parsed = PluralRules::Parse(rules);
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  return *parsed;
}

std::string Select(const PluralRules& rules, const char* integer, const char* fraction) {
  return rules.Select(PluralOperands::FromDigits(integer, fraction));
}

TEST(PluralOperands, FromDisplayedDigits) {
  auto operands = PluralOperands::FromDigits("1234", "50");
  EXPECT_EQ(operands.i, 1234u);
  EXPECT_EQ(operands.v, 2);
  EXPECT_EQ(operands.w, 1);
  EXPECT_EQ(operands.f, 50u);
  EXPECT_EQ(operands.t, 5u);
  auto whole = PluralOperands::FromDigits("7", "");
  EXPECT_EQ(whole.v, 0);
  EXPECT_EQ(whole.t, 0u);
}

TEST(PluralRules, EnglishNeedsNoVisibleFraction) {
  auto en = Rules({{"one", "i = 1 and v = 0"}, {"other", ""}});
  EXPECT_EQ(Select(en, "1", ""), "one");
  EXPECT_EQ(Select(en, "1", "00"), "other");  // "1.00 US dollars"
  EXPECT_EQ(Select(en, "0", ""), "other");
}

TEST(PluralRules, RussianRangesModuloAndOr) {
  auto ru = Rules({{"one", "v = 0 and i % 10 = 1 and i % 100 != 11"},
                   {"few", "v = 0 and i % 10 = 2..4 and i % 100 != 12..14"},
                   {"many", "v = 0 and i % 10 = 0 or v = 0 and i % 10 = 5..9 or v = 0 and i % 100 = 11..14"},
                   {"other", ""}});
  EXPECT_EQ(Select(ru, "21", ""), "one");
  EXPECT_EQ(Select(ru, "11", ""), "many");
  EXPECT_EQ(Select(ru, "23", ""), "few");
  EXPECT_EQ(Select(ru, "112", ""), "many");
  EXPECT_EQ(Select(ru, "1", "50"), "other");
}

TEST(PluralRules, NMustBeIntegralToMatch) {
  auto ar = Rules({{"zero", "n = 0"}, {"one", "n = 1"}, {"two", "n = 2"}, {"few", "n % 100 = 3..10"},
                   {"many", "n % 100 = 11..99"}, {"other", ""}});
  EXPECT_EQ(Select(ar, "1", "00"), "one");   // n = 1.00 is 1
  EXPECT_EQ(Select(ar, "1", "50"), "other"); // n = 1.5 is no integer
  EXPECT_EQ(Select(ar, "103", ""), "few");
  EXPECT_EQ(Select(ar, "1000000000000", ""), "other");
  EXPECT_EQ(Select(ar, "1000000000011", ""), "many");
}

TEST(PluralRules, FrenchManyUsesTheCompactExponent) {
  auto fr = Rules({{"one", "i = 0,1"},
                   {"many", "e = 0 and i != 0 and i % 1000000 = 0 and v = 0 or e != 0..5"},
                   {"other", ""}});
  EXPECT_EQ(Select(fr, "0", "50"), "one");
  EXPECT_EQ(Select(fr, "2000000", ""), "many");
  EXPECT_EQ(Select(fr, "2000000", "00"), "other");  // "2 000 000,00 euros"
}

TEST(PluralRules, RejectsWhatItCannotRead) {
  for (const char* bad : {"i = ", "x = 1", "i % 0 = 1", "i = 3..1", "i = 1 and", "i == 1", "i = 1 or or i = 2"}) {
    auto parsed = PluralRules::Parse({{"one", bad}, {"other", ""}});
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().path, "one") << bad;
  }
  EXPECT_FALSE(PluralRules::Parse({{"one", "i = 1"}}).ok());  // no "other"
  EXPECT_FALSE(PluralRules::Parse({{"uno", "i = 1"}, {"other", ""}}).ok());
}

}  // namespace
}  // namespace shopcore
