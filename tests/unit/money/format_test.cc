// Locale-correct money display against the generated CLDR 48.2.0 packs
// (SHOPCORE_LOCALE_DIR). Expected strings are spelled with \u escapes so the
// invisible characters are visible: U+00A0 no-break space, U+202F narrow
// no-break space, U+200F right-to-left mark, U+061C Arabic letter mark,
// U+FFE5 fullwidth yen. tests/js/intl-oracle.test.mjs checks the same
// engine against Intl.NumberFormat on tens of thousands of cases.
#include "shopcore/money/format.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

namespace shopcore {
namespace {

std::string ReadPackBytes(const std::string& tag) {
  std::ifstream in(std::string(SHOPCORE_LOCALE_DIR) + "/" + tag + ".json", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

const LocalePack& Pack(const std::string& tag) {
  static std::map<std::string, LocalePack>* packs = new std::map<std::string, LocalePack>();
  auto it = packs->find(tag);
  if (it == packs->end()) {
    auto pack = LocalePack::Parse(ReadPackBytes(tag));
    EXPECT_TRUE(pack.ok()) << tag << ": " << pack.error().ToString();
    it = packs->emplace(tag, *pack).first;
  }
  return it->second;
}

struct Case {
  const char* locale;
  int64_t minor;
  const char* currency;
  const char* expected;
  CurrencyDisplay display = CurrencyDisplay::kSymbol;
  bool accounting = false;
  bool cash = false;
  RoundingMode rounding = RoundingMode::kHalfUp;
};

std::string Format(const Case& c) {
  FormatOptions options;
  options.display = c.display;
  options.accounting = c.accounting;
  options.cash = c.cash;
  options.rounding = c.rounding;
  auto text = FormatMoney(*Money::Of(c.minor, c.currency), Pack(c.locale), options);
  EXPECT_TRUE(text.ok()) << text.error().ToString();
  return text.ok() ? *text : std::string();
}

void ExpectAll(const std::vector<Case>& cases) {
  for (const auto& c : cases) {
    EXPECT_EQ(Format(c), c.expected) << c.locale << " " << c.minor << " " << c.currency;
  }
}

TEST(FormatMoney, PatternsSymbolsAndInvisibleCharacters) {
  ExpectAll({
      {"en-US", 123456789, "USD", "$1,234,567.89"},
      {"en-US", -123456, "AUD", "-A$1,234.56"},
      {"en-AU", -123456, "AUD", "-$1,234.56"},
      {"en-GB", 123456, "USD", "US$1,234.56"},
      {"fr-FR", 123456789, "EUR", "1\u202F234\u202F567,89\u00A0\u20AC"},
      {"de-DE", -123456, "EUR", "-1.234,56\u00A0\u20AC"},
      {"it-IT", -123456, "EUR", "-1234,56\u00A0\u20AC"},  // it: minimumGroupingDigits 2
      {"pt-BR", 123456, "USD", "US$\u00A01.234,56"},
      {"ja-JP", 1234, "JPY", "\uFFE51,234"},              // fullwidth yen in ja
      {"en-US", 1234, "JPY", "\u00A51,234"},
      {"zh-CN", 1234, "CNY", "\u00A512.34"},
      {"zh-TW", 1234, "TWD", "$12.34"},                    // zh-TW -> zh-Hant
      {"zh-HK", 1234, "HKD", "HK$12.34"},
      {"ko-KR", 123456, "KRW", "\u20A9123,456"},
      {"th-TH", 123456, "THB", "\u0E3F1,234.56"},
      {"vi-VN", -123456, "VND", "-123.456\u00A0\u20AB"},
      {"en-US", 1234567, "KWD", "KWD\u00A01,234.567"},     // 3 digits; spacing after a letter
      {"en-US", 9223372036854775807, "USD", "$92,233,720,368,547,758.07"},
  });
}

TEST(FormatMoney, CurrencySpacingInsertsOnlyNextToLettersAndMarks) {
  ExpectAll({
      {"id-ID", 123456, "IDR", "Rp\u00A01.235"},           // "Rp" ends in a letter: NBSP inserted
      {"ms-MY", 123456, "MYR", "RM\u00A01,234.56"},
      {"ja-JP", 1234, "CNY", "\u5143\u00A012.34"},         // a Han letter is not \p{S}
      {"en-US", 123456, "USD", "$1,234.56", CurrencyDisplay::kSymbol},  // "$" is \p{Sc}: nothing
      {"en-US", -1, "USD", "(USD\u00A00.01)", CurrencyDisplay::kCode, true},
  });
}

TEST(FormatMoney, IndianGroupingAndMinimumGroupingDigits) {
  ExpectAll({
      {"en-IN", 12345678901, "INR", "\u20B912,34,56,789.01"},
      {"en-IN", 123456, "INR", "\u20B91,234.56"},
      {"es-ES", 123456, "EUR", "1234,56\u00A0\u20AC"},      // es: 4 digits stay ungrouped
      {"es-ES", 1234567, "EUR", "12.345,67\u00A0\u20AC"},
      {"pl-PL", 123456, "PLN", "1234,56\u00A0z\u0142"},
      {"pl-PL", 1234567, "PLN", "12\u00A0345,67\u00A0z\u0142"},
  });
}

TEST(FormatMoney, ArabicIndicDigitsAndBidiMarks) {
  ExpectAll({
      // minus is U+061C + "-"; the pattern starts with U+200F; the symbol ends in U+200F.
      {"ar-SA", -123456, "SAR",
       "\u061C-\u200F\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666\u00A0\u0631.\u0633.\u200F"},
      {"ar-SA", -123456, "SAR", "\u061C-\u200F\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666\u00A0SAR",
       CurrencyDisplay::kCode},
      {"ar-SA", 123456, "USD",
       "\u0661\u066C\u0662\u0663\u0664\u066B\u0665\u0666 \u062F\u0648\u0644\u0627\u0631 \u0623\u0645\u0631\u064A\u0643\u064A",
       CurrencyDisplay::kName},
  });
}

TEST(FormatMoney, ExplicitNegativeSubpatternsAndAccounting) {
  ExpectAll({
      {"de-CH", -123456, "CHF", "CHF-1'234.56"},            // "¤ #,##0.00;¤-#,##0.00"
      {"de-CH", 123456, "CHF", "CHF\u00A01'234.56"},
      {"en-GB", -123456, "GBP", "(\u00A31,234.56)", CurrencyDisplay::kSymbol, true},
      {"en-GB", 123456, "GBP", "\u00A31,234.56", CurrencyDisplay::kSymbol, true},
      {"nl-NL", -123456, "EUR", "(\u20AC\u00A01.234,56)", CurrencyDisplay::kSymbol, true},
      {"de-DE", -123456, "EUR", "-1.234,56\u00A0\u20AC", CurrencyDisplay::kSymbol, true},  // no accounting form
      {"en-US", -1, "USD", "-$0.01"},
      {"en-US", 0, "USD", "$0.00"},
  });
}

TEST(FormatMoney, CldrDisplayDigitsRoundWithTheChosenMode) {
  ExpectAll({
      {"id-ID", 123450, "IDR", "Rp\u00A01.235"},            // ISO 2 digits, CLDR shows 0
      {"en-US", 250, "IDR", "IDR\u00A03"},
      {"en-US", 250, "IDR", "IDR\u00A02", CurrencyDisplay::kSymbol, false, false, RoundingMode::kHalfEven},
      {"en-US", -250, "IDR", "-IDR\u00A03"},
      {"en-US", -250, "IDR", "-IDR\u00A02", CurrencyDisplay::kSymbol, false, false, RoundingMode::kCeiling},
      {"en-US", 101, "HUF", "HUF\u00A02", CurrencyDisplay::kSymbol, false, false, RoundingMode::kUp},
      {"en-US", -1, "IDR", "-IDR\u00A00"},                  // the sign of the amount, as ICU
  });
}

TEST(FormatMoney, CashDigitsAndIncrements) {
  Case cash{"de-CH", 1023, "CHF", "CHF\u00A010.25"};
  cash.cash = true;
  Case down = cash;
  down.minor = 1022;
  down.expected = "CHF\u00A010.20";
  Case huf{"de-DE", 123456, "HUF", "1.235\u00A0HUF"};  // HUF cash: whole forints in steps of 5
  huf.cash = true;
  Case sek{"en-US", 12350, "SEK", "SEK\u00A0124"};     // SEK cash: whole kronor
  sek.cash = true;
  Case not_cash = cash;
  not_cash.cash = false;
  not_cash.expected = "CHF\u00A010.23";
  ExpectAll({cash, down, huf, sek, not_cash});
}

TEST(FormatMoney, NameDisplayChoosesThePluralForm) {
  ExpectAll({
      {"en-US", 100, "USD", "1.00 US dollars", CurrencyDisplay::kName},   // v = 2: "other"
      {"en-US", 1, "JPY", "1 Japanese yen", CurrencyDisplay::kName},
      {"ru-RU", 1, "JPY", "1 \u044F\u043F\u043E\u043D\u0441\u043A\u0430\u044F \u0438\u0435\u043D\u0430", CurrencyDisplay::kName},
      {"ru-RU", 2, "JPY", "2 \u044F\u043F\u043E\u043D\u0441\u043A\u0438\u0435 \u0438\u0435\u043D\u044B", CurrencyDisplay::kName},
      {"ru-RU", 5, "JPY", "5 \u044F\u043F\u043E\u043D\u0441\u043A\u0438\u0445 \u0438\u0435\u043D", CurrencyDisplay::kName},
      {"fr-FR", 200000000, "EUR", "2\u202F000\u202F000,00 euros", CurrencyDisplay::kName},
      // Accounting does not apply to names (ICU formats them with the decimal pattern).
      {"en-US", -100, "USD", "-1.00 US dollars", CurrencyDisplay::kName, true},
  });
}

TEST(FormatMoney, NarrowAndCodeDisplays) {
  ExpectAll({
      {"en-SG", 123456, "USD", "$1,234.56", CurrencyDisplay::kNarrowSymbol},
      {"en-SG", 123456, "USD", "US$1,234.56", CurrencyDisplay::kSymbol},
      {"en-US", 123456, "EUR", "EUR\u00A01,234.56", CurrencyDisplay::kCode},
      {"de-DE", 123456, "USD", "1.234,56\u00A0USD", CurrencyDisplay::kCode},
  });
}

TEST(ParseCurrencyDisplay, NamesAndErrors) {
  EXPECT_EQ(*ParseCurrencyDisplay("narrow"), CurrencyDisplay::kNarrowSymbol);
  EXPECT_EQ(*ParseCurrencyDisplay("name"), CurrencyDisplay::kName);
  auto bad = ParseCurrencyDisplay("narrowSymbol");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(bad.error().path, "display");
}

TEST(LocaleRegistry, FindsByTruncationAndReportsUnknownLocales) {
  LocaleRegistry registry;
  EXPECT_TRUE(registry.empty());
  registry.Add(Pack("de-CH"));
  registry.Add(Pack("de"));
  auto exact = registry.Find("de-CH");
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ((*exact)->locale(), "de-CH");
  auto truncated = registry.Find("de-AT-u-nu-latn");
  ASSERT_TRUE(truncated.ok());
  EXPECT_EQ((*truncated)->locale(), "de");
  EXPECT_EQ((*truncated)->cldr_version(), "48.2.0");
  auto unknown = registry.Find("xx-YY");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnknownLocale);
  EXPECT_EQ(unknown.error().path, "locale");
}

// A real pack with one edit, to hit each validation path.
std::string EditedPack(const std::string& from, const std::string& to) {
  std::string bytes = ReadPackBytes("en-US");
  size_t at = bytes.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) bytes.replace(at, from.size(), to);
  return bytes;
}

void ExpectBadPack(const std::string& bytes, ErrorCode code, const std::string& path) {
  auto pack = LocalePack::Parse(bytes);
  ASSERT_FALSE(pack.ok()) << path;
  EXPECT_EQ(pack.error().code, code) << pack.error().ToString();
  EXPECT_EQ(pack.error().path, path) << pack.error().ToString();
}

TEST(LocalePack, RejectsBadBytesNamingTheField) {
  const std::string good = ReadPackBytes("en-US");
  ASSERT_TRUE(LocalePack::Parse(good).ok());
  ExpectBadPack("not json", ErrorCode::kBadLocalePack, "");
  ExpectBadPack(good.substr(0, good.size() / 2), ErrorCode::kBadLocalePack, "");  // truncated
  ExpectBadPack("[]", ErrorCode::kBadLocalePack, "");
  ExpectBadPack(std::string(2 << 20, ' '), ErrorCode::kBadLocalePack, "");       // too large
  ExpectBadPack(EditedPack("\"format\":1", "\"format\":2"), ErrorCode::kUnsupportedVersion, "format");
  ExpectBadPack(EditedPack("\"digits\":\"0123456789\"", "\"digits\":\"012345678\""), ErrorCode::kBadLocalePack, "digits");
  ExpectBadPack(EditedPack("\"digits\":", "\"digitz\":"), ErrorCode::kBadLocalePack, "digits");
  ExpectBadPack(EditedPack("\"decimal\":\".\"", "\"decimal\":1"), ErrorCode::kBadLocalePack, "symbols.decimal");
  ExpectBadPack(EditedPack("\"minimumGroupingDigits\":1", "\"minimumGroupingDigits\":0"), ErrorCode::kBadLocalePack,
                "minimumGroupingDigits");
  ExpectBadPack(EditedPack("\"currency\":\"\xC2\xA4#,##0.00\"", "\"currency\":\"\xC2\xA4\xC2\xA4#,##0.00\""),
                ErrorCode::kBadLocalePack, "patterns.currency");
  ExpectBadPack(EditedPack("\"decimal\":\"#,##0.###\"", "\"decimal\":\"#,##0%\""), ErrorCode::kBadLocalePack,
                "patterns.decimal");
  ExpectBadPack(EditedPack("\"one\":\"i = 1 and v = 0\"", "\"one\":\"i = 1 and\""), ErrorCode::kBadLocalePack,
                "plurals.one");
  ExpectBadPack(EditedPack("\"one\":\"i = 1 and v = 0\"", "\"uno\":\"i = 1\""), ErrorCode::kBadLocalePack,
                "plurals.uno");
  ExpectBadPack(EditedPack("\"unitPatterns\":{\"other\":\"{0} {1}\"", "\"unitPatterns\":{\"other\":\"{0}\""),
                ErrorCode::kBadLocalePack, "unitPatterns.other");
  ExpectBadPack(EditedPack("\"USD\":{\"s\":\"$\"", "\"USD\":{\"s\":7"), ErrorCode::kBadLocalePack, "currencies.USD.s");
  ExpectBadPack(EditedPack("\"USD\":{", "\"usd\":{"), ErrorCode::kBadLocalePack, "currencies.usd");
  ExpectBadPack(EditedPack("\"currencySpacing\":{\"before\"", "\"currencySpacing\":{\"befor\""), ErrorCode::kBadLocalePack,
                "currencySpacing.before");
}

}  // namespace
}  // namespace shopcore
