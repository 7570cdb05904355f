#include "fixture.h"

namespace shopcore::reco {
namespace {

using namespace testing;

void Buy(Profile* profile, const std::string& item, int64_t time_ms, int64_t amount) {
  Event event = ItemEvent(EventType::kPurchase, item, time_ms);
  event.amount_minor = amount;
  ASSERT_TRUE(profile->Track(event).ok());
}

TEST(Segments, RfmScoresAndSegment) {
  Profile prospect("x");
  EXPECT_EQ(ComputeRfm(prospect, kNow).segment, "prospect");

  Profile champion("c");
  for (int i = 0; i < 6; ++i) Buy(&champion, "s" + std::to_string(i % 5 + 1), kNow - (i + 1) * kDay, 10000);
  Rfm rfm = ComputeRfm(champion, kNow);
  EXPECT_EQ(rfm.recency_days, 1);
  EXPECT_EQ(rfm.frequency, 6);
  EXPECT_EQ(rfm.monetary_minor, 60000);
  EXPECT_EQ(rfm.recency_score, 5);
  EXPECT_EQ(rfm.frequency_score, 4);
  EXPECT_EQ(rfm.monetary_score, 4);
  EXPECT_EQ(rfm.segment, "champions");

  Profile lapsed("l");
  Buy(&lapsed, "b1", kNow - 200 * kDay, 3000);
  Buy(&lapsed, "b2", kNow - 190 * kDay, 3000);
  Buy(&lapsed, "b3", kNow - 185 * kDay, 3000);
  Rfm lapsed_rfm = ComputeRfm(lapsed, kNow);
  EXPECT_EQ(lapsed_rfm.recency_score, 1);
  EXPECT_EQ(lapsed_rfm.segment, "at_risk");

  Profile newcomer("n");
  Buy(&newcomer, "b1", kNow - 2 * kDay, 3000);
  EXPECT_EQ(ComputeRfm(newcomer, kNow).segment, "new");
}

TEST(Segments, ChurnRiskFromVisitsPurchasesAndAbandonedCart) {
  Profile profile("c");
  Buy(&profile, "s1", kNow - 90 * kDay, 5000);
  ASSERT_TRUE(profile.Track(ItemEvent(EventType::kAddToCart, "b1", kNow - 30 * kDay)).ok());
  ChurnRisk risk = ComputeChurnRisk(profile, kNow);
  EXPECT_EQ(risk.days_since_visit, 30);
  EXPECT_EQ(risk.days_since_purchase, 90);
  EXPECT_TRUE(risk.abandoned_cart);
  EXPECT_EQ(risk.score, 25 + 15 + 20);
  EXPECT_EQ(risk.level, "medium");

  Profile active("a");
  ASSERT_TRUE(active.Track(ItemEvent(EventType::kView, "s1", kNow - 1000)).ok());
  Buy(&active, "s1", kNow - 1000, 5000);
  ChurnRisk low = ComputeChurnRisk(active, kNow);
  EXPECT_EQ(low.score, 0);
  EXPECT_EQ(low.level, "low");
}

TEST(Segments, RepurchaseDueDatesForConsumables) {
  OwnedModel shop = Shop();
  Profile profile("r");
  Buy(&profile, "k1", kNow - 40 * kDay, 2599);  // 30-day cycle: 10 days overdue
  Buy(&profile, "s1", kNow - 40 * kDay, 9999);  // not a consumable
  auto due = RepurchaseDueDates(shop.view(), profile, kNow);
  ASSERT_EQ(due.size(), 1u);
  EXPECT_EQ(due[0].item, "k1");
  EXPECT_EQ(due[0].due_ms, kNow - 10 * kDay);
  EXPECT_TRUE(due[0].overdue);
  // r 3 (40 days <= 90), f 2 (2 purchases); churn 50*40/60 + 30*40/180 = 33 + 6.
  EXPECT_EQ(SegmentsToJson(ComputeRfm(profile, kNow), ComputeChurnRisk(profile, kNow), due),
            R"({"rfm":{"segment":"potential_loyalist","recency_days":40,"frequency":2,"monetary_minor":12598,"r":3,"f":2,"m":2},)"
            R"("churn":{"level":"medium","score":39,"days_since_visit":40,"days_since_purchase":40,"abandoned_cart":false},)"
            R"("repurchase_due":[{"item":"k1","last_purchase_ms":1786544000000,"due_ms":1789136000000,"due":"2026-09-11T14:13:20.000Z","overdue":true}]})");
}

}  // namespace
}  // namespace shopcore::reco
