#include "shopcore/reco/segments.h"

#include <algorithm>

namespace shopcore::reco {
namespace {

constexpr int64_t kDayMs = 86400000;

// Whole days from `then` to `now` (0 for the future: clock skew).
int64_t DaysBetween(int64_t then_ms, int64_t now_ms) { return now_ms > then_ms ? (now_ms - then_ms) / kDayMs : 0; }

int ScoreAtMost(int64_t value, const int64_t thresholds[4]) {
  int score = 1;
  for (int i = 0; i < 4; ++i) score += value <= thresholds[i];
  return score;
}

int ScoreAtLeast(int64_t value, const int64_t thresholds[4]) {
  int score = 1;
  for (int i = 0; i < 4; ++i) score += value >= thresholds[i];
  return score;
}

// The usual RFM grid on recency and frequency.
const char* SegmentOf(int r, int f) {
  if (r >= 4 && f >= 4) return "champions";
  if (r >= 4 && f == 1) return "new";
  if (f >= 4) return r >= 3 ? "loyal" : "at_risk";
  if (r >= 3 && f >= 2) return "potential_loyalist";
  if (r <= 2 && f >= 3) return "at_risk";
  if (r == 1) return "lost";
  if (r == 2) return "hibernating";
  return "needs_attention";
}

}  // namespace

Rfm ComputeRfm(const Profile& profile, int64_t now_ms, const RfmThresholds& thresholds) {
  Rfm rfm;
  if (profile.purchases().empty()) {
    rfm.segment = "prospect";
    return rfm;
  }
  int64_t last = 0;
  for (const auto& [item, record] : profile.purchases()) {
    last = std::max(last, record.last_ms);
    rfm.frequency += record.count;
    rfm.monetary_minor = record.amount_minor > INT64_MAX - rfm.monetary_minor ? INT64_MAX : rfm.monetary_minor + record.amount_minor;
  }
  rfm.recency_days = DaysBetween(last, now_ms);
  rfm.recency_score = ScoreAtMost(rfm.recency_days, thresholds.recency_days);
  rfm.frequency_score = ScoreAtLeast(rfm.frequency, thresholds.frequency);
  rfm.monetary_score = ScoreAtLeast(rfm.monetary_minor, thresholds.monetary_minor);
  rfm.segment = SegmentOf(rfm.recency_score, rfm.frequency_score);
  return rfm;
}

ChurnRisk ComputeChurnRisk(const Profile& profile, int64_t now_ms, const ChurnConfig& config) {
  ChurnRisk risk;
  const bool visited = profile.last_activity_ms() > 0;
  int64_t points = 0;
  if (visited) {
    risk.days_since_visit = DaysBetween(profile.last_activity_ms(), now_ms);
    const int64_t days = std::min(risk.days_since_visit, config.visit_days_full_risk);
    points += config.visit_days_full_risk > 0 ? config.visit_points * days / config.visit_days_full_risk : config.visit_points;
  }
  if (!profile.purchases().empty()) {
    int64_t last = 0;
    for (const auto& [item, record] : profile.purchases()) last = std::max(last, record.last_ms);
    risk.days_since_purchase = DaysBetween(last, now_ms);
    const int64_t days = std::min(risk.days_since_purchase, config.purchase_days_full_risk);
    points += config.purchase_days_full_risk > 0 ? config.purchase_points * days / config.purchase_days_full_risk
                                                 : config.purchase_points;
  } else if (visited) {
    points += config.purchase_points;  // visits but never buys
  }
  for (const auto& [item, added] : profile.cart()) {
    if (now_ms - added >= config.abandoned_cart_after_ms) risk.abandoned_cart = true;
  }
  if (risk.abandoned_cart) points += config.abandoned_cart_points;
  risk.score = static_cast<int>(std::min<int64_t>(100, std::max<int64_t>(0, points)));
  risk.level = risk.score < 34 ? "low" : risk.score < 67 ? "medium" : "high";
  return risk;
}

std::vector<RepurchaseDue> RepurchaseDueDates(const ModelView& model, const Profile& profile, int64_t now_ms) {
  std::vector<RepurchaseDue> due;
  for (const auto& [id, record] : profile.purchases()) {
    const uint32_t item = FindItem(model, id);
    if (item == kNone || model.repurchase_cycle_days[item] == 0) continue;
    RepurchaseDue entry;
    entry.item = id;
    entry.last_purchase_ms = record.last_ms;
    entry.due_ms = record.last_ms + int64_t{model.repurchase_cycle_days[item]} * kDayMs;
    entry.overdue = entry.due_ms <= now_ms;
    due.push_back(std::move(entry));
  }
  std::sort(due.begin(), due.end(), [](const RepurchaseDue& a, const RepurchaseDue& b) {
    return a.due_ms != b.due_ms ? a.due_ms < b.due_ms : a.item < b.item;
  });
  return due;
}

}  // namespace shopcore::reco
