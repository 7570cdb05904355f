// Rows of docs/bad-input.md for core/money: each class of bad number text,
// size and locale input and the exact error it gets.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shopcore/money.h"
#include "shopcore/money/format.h"
#include "shopcore/money/locale_pack.h"

namespace shopcore {
namespace {

std::string ReadPack(const std::string& tag) {
  std::ifstream in(std::string(SHOPCORE_LOCALE_DIR) + "/" + tag + ".json", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(MoneyBadInput, NumberTextThatIsNotPlainDecimal) {
  // What JS's String(x) or a careless server may send for a number.
  for (const char* text : {"NaN", "Infinity", "-Infinity", "1e5", "1E-2", "+1", " 1", "1 ", "1_000", "1,5", "0x10",
                           "\xef\xbc\x91", "1\xff", "", "-", ".5", "5.", "1..2", "--1"}) {
    EXPECT_EQ(Decimal::Parse(text).error().code, ErrorCode::kInvalidArgument) << text;
    EXPECT_EQ(ParseInt64(text).error().code, ErrorCode::kInvalidArgument) << text;
    EXPECT_EQ(Money::ParseMajor(text, "EUR").error().code, ErrorCode::kInvalidArgument) << text;
  }
  EXPECT_EQ(ParseInt64("1.5").error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Decimal::Parse("0.0000000000000000001").error().code, ErrorCode::kInvalidArgument);  // 19 decimals
  EXPECT_EQ(Money::ParseMajor("1.001", "EUR").error().code, ErrorCode::kInvalidArgument);       // more than ISO digits
}

TEST(MoneyBadInput, NumbersBeyondInt64AreOverflow) {
  EXPECT_EQ(ParseInt64("9223372036854775808").error().code, ErrorCode::kOverflow);
  EXPECT_EQ(ParseInt64("-9223372036854775809").error().code, ErrorCode::kOverflow);
  EXPECT_EQ(Money::ParseMajor("92233720368547758.08", "EUR").error().code, ErrorCode::kOverflow);
  EXPECT_EQ(*ParseInt64("-9223372036854775808"), INT64_MIN);
}

TEST(MoneyBadInput, UnknownCurrencies) {
  for (const char* code : {"usd", "US", "USDD", "", "XYZ", "U\xff" "D"}) {
    EXPECT_EQ(Money::Of(1, code).error().code, ErrorCode::kUnknownCurrency) << code;
  }
}

TEST(MoneyBadInput, AllocationSizeIsCapped) {
  std::vector<int64_t> weights(kMaxAllocationParts, 1);
  auto parts = Allocate(static_cast<int64_t>(kMaxAllocationParts) + 7, weights);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[6], 2);
  EXPECT_EQ((*parts)[7], 1);
  weights.push_back(1);
  auto refused = Allocate(100, weights);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().path, "weights");
}

TEST(MoneyBadInput, LocalePackBytes) {
  const std::string pack = ReadPack("de-CH");
  ASSERT_TRUE(LocalePack::Parse(pack).ok());
  std::string invalid_utf8 = pack;
  invalid_utf8.replace(invalid_utf8.find("Schweizer"), 2, "\xc0\xaf");
  EXPECT_EQ(LocalePack::Parse(invalid_utf8).error().code, ErrorCode::kBadLocalePack);
  EXPECT_EQ(LocalePack::Parse(pack.substr(0, pack.size() / 2)).error().code, ErrorCode::kBadLocalePack);
  EXPECT_EQ(LocalePack::Parse("").error().code, ErrorCode::kBadLocalePack);
  std::string oversized = pack + std::string(LocalePack::kMaxBytes, ' ');
  EXPECT_EQ(LocalePack::Parse(oversized).error().code, ErrorCode::kBadLocalePack);
}

TEST(MoneyBadInput, UnknownLocaleTags) {
  LocaleRegistry registry;
  registry.Add(*LocalePack::Parse(ReadPack("de-CH")));
  for (const char* tag : {"xx-YY", "", "de_CH", "\xff\xfe", "de-\xff"}) {
    auto found = registry.Find(tag);
    ASSERT_FALSE(found.ok()) << tag;
    EXPECT_EQ(found.error().code, ErrorCode::kUnknownLocale) << tag;
    EXPECT_EQ(found.error().path, "locale");
  }
  EXPECT_TRUE(registry.Find("de-CH-u-nu-latn").ok());
}

}  // namespace
}  // namespace shopcore
