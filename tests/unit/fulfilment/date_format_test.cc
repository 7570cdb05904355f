// Delivery dates in the shopper's locale from the generated packs; the
// expected strings are what Intl.DateTimeFormat(...).formatRange prints in
// Node 20 (ICU 78.2, CLDR 48) for the same dates, thin spaces (U+2009) included (tests/js/date-oracle.test.mjs
// compares every market locale).
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"
#include "shopcore/fulfilment/delivery_promise.h"
#include "shopcore/money/date_format.h"

namespace shopcore::fulfilment {
namespace {

using testing::LoadPack;

std::string Range(const std::string& tag, CivilDate from, CivilDate to, const char* style) {
  auto pack = LoadPack(tag);
  if (!pack.ok()) return "pack: " + pack.error().ToString();
  auto text = FormatDateRange(*pack, from, to, style);
  return text.ok() ? *text : text.error().ToString();
}

TEST(DateFormatTest, RangesByGreatestDifference) {
  const CivilDate nov25{2026, 11, 25}, nov27{2026, 11, 27}, dec2{2026, 12, 2}, jan3{2027, 1, 3};
  EXPECT_EQ(Range("en-US", nov25, nov27, "MMMEd"), "Wed, Nov 25\u2009–\u2009Fri, Nov 27");
  EXPECT_EQ(Range("en-US", nov25, nov27, "MMMd"), "Nov 25\u2009–\u200927");
  EXPECT_EQ(Range("en-US", nov25, dec2, "MMMd"), "Nov 25\u2009–\u2009Dec 2");
  EXPECT_EQ(Range("en-US", nov25, jan3, "MMMEd"), "Wed, Nov 25, 2026\u2009–\u2009Sun, Jan 3, 2027");
  EXPECT_EQ(Range("en-US", nov25, nov25, "MMMEd"), "Wed, Nov 25");
  EXPECT_EQ(Range("de-DE", nov25, nov27, "MMMd"), "25.–27. Nov.");
  EXPECT_EQ(Range("de-DE", nov25, nov27, "MMMEd"), "Mi., 25.\u2009–\u2009Fr., 27. Nov.");
  // V8 builds the interval format from the skeleton of the resolved pattern
  // ("M月d日" -> Md), so zh ranges are numeric although a single day is not.
  EXPECT_EQ(Range("zh-CN", nov25, nov27, "MMMd"), "11/25 – 11/27");
  EXPECT_EQ(Range("zh-CN", nov25, nov25, "MMMd"), "11月25日");
  EXPECT_EQ(Range("zh-CN", nov25, jan3, "MMMEd"), "2026/11/25周三 – 2027/1/3周日");
  EXPECT_EQ(Range("ja-JP", nov25, dec2, "MMMd"), "11/25～12/02");
  EXPECT_EQ(Range("ko-KR", nov25, nov27, "MMMEd"), "11월 25일 (수)~27일 (금)");
  EXPECT_EQ(Range("ar-SA", nov25, nov27, "MMMd"), "٢٥–٢٧ نوفمبر");
  EXPECT_EQ(Range("fr-FR", nov25, jan3, "MMMd"), "25 nov. 2026\u2009–\u20093 janv. 2027");
}

TEST(DateFormatTest, DeliveryPromisesUseTheMessageTemplates) {
  auto en = LoadPack("en-US");
  auto zh = LoadPack("zh-CN");
  auto tw = LoadPack("zh-TW");
  ASSERT_TRUE(en.ok() && zh.ok() && tw.ok());
  auto en_text = FormatDeliveryPromise(*en, {2026, 11, 25}, {2026, 11, 27});
  auto zh_text = FormatDeliveryPromise(*zh, {2026, 11, 25}, {2026, 11, 27});
  auto tw_text = FormatDeliveryPromise(*tw, {2026, 11, 25}, {2026, 11, 25});
  ASSERT_TRUE(en_text.ok() && zh_text.ok() && tw_text.ok());
  EXPECT_EQ(*en_text, "Arrives Wed, Nov 25\u2009–\u2009Fri, Nov 27");
  // zh uses MMMEd (data/delivery-messages.json): CLDR's interval joins with 至.
  EXPECT_EQ(*zh_text, "预计11/25周三至11/27周五送达");
  EXPECT_EQ(*tw_text, "預計11月25日週三送達");
}

TEST(DateFormatTest, ErrorsAreValues) {
  auto en = LoadPack("en-US");
  ASSERT_TRUE(en.ok());
  auto backwards = FormatDateRange(*en, {2026, 11, 27}, {2026, 11, 25}, "MMMd");
  ASSERT_FALSE(backwards.ok());
  EXPECT_EQ(backwards.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(backwards.error().message, "2026-11-25 is before 2026-11-27");
  for (CivilDate bad : {CivilDate{2026, 13, 1}, CivilDate{2026, 2, 29}, CivilDate{-5, 1, 1}, CivilDate{10000, 1, 1}}) {
    auto text = FormatDateRange(*en, bad, {2026, 11, 25}, "MMMd");
    ASSERT_FALSE(text.ok());
    EXPECT_EQ(text.error().path, "from");
  }
  auto style = FormatDateRange(*en, {2026, 11, 25}, {2026, 11, 25}, "yMMMMd");
  ASSERT_FALSE(style.ok());
  EXPECT_EQ(style.error().path, "style");
}

// Packs are edited the way a corrupted or older pack would differ.
std::string EnPackWith(const std::string& from, const std::string& to) {
  std::string bytes = testing::ReadFileBytes(std::string(SHOPCORE_LOCALE_DIR) + "/en-US.json");
  size_t at = bytes.find(from);
  if (at == std::string::npos) return "";
  return bytes.replace(at, from.size(), to);
}

TEST(DatePackTest, APackWithoutDatesStillLoadsButCannotShowDates) {
  std::string bytes = testing::ReadFileBytes(std::string(SHOPCORE_LOCALE_DIR) + "/en-US.json");
  size_t at = bytes.find(",\"dates\":");
  ASSERT_NE(at, std::string::npos);
  bytes = bytes.substr(0, at) + "}";
  auto pack = LocalePack::Parse(bytes);
  ASSERT_TRUE(pack.ok()) << pack.error().ToString();
  auto text = FormatDeliveryPromise(*pack, {2026, 11, 25}, {2026, 11, 27});
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, ErrorCode::kBadLocalePack);
}

TEST(DatePackTest, BadDateDataIsRejectedWithAPath) {
  const std::vector<std::pair<std::pair<std::string, std::string>, std::string>> cases = {
      {{"\"months\":[\"Jan\",", "\"months\":["}, "dates.months"},
      {{"\"single\":\"MMM d\"", "\"single\":\"MMMM d\""}, "dates.styles.MMMd.single"},
      {{"\"single\":\"MMM d\"", "\"single\":\"MMM 'd\""}, "dates.styles.MMMd.single"},
      {{"\"d\":\"MMM d\u2009–\u2009d\"", "\"d\":\"MMM d\""}, "dates.styles.MMMd.d"},
      {{"\"arrives\":\"Arrives {0}\"", "\"arrives\":\"Arrives\""}, "dates.messages.arrives"},
      {{"\"arrivesStyle\":\"MMMEd\"", "\"arrivesStyle\":\"yMd\""}, "dates.messages.arrivesStyle"},
  };
  for (const auto& [edit, path] : cases) {
    std::string bytes = EnPackWith(edit.first, edit.second);
    ASSERT_FALSE(bytes.empty()) << edit.first;
    auto pack = LocalePack::Parse(bytes);
    ASSERT_FALSE(pack.ok()) << edit.first;
    EXPECT_EQ(pack.error().code, ErrorCode::kBadLocalePack);
    EXPECT_EQ(pack.error().path, path) << pack.error().ToString();
  }
}

}  // namespace
}  // namespace shopcore::fulfilment
