// Shopper segments from the profile alone: RFM, churn risk and when
// consumables are due again. Thresholds are data (passed in), not literals
// in the code paths; the defaults are a starting point for a shop.
#ifndef SHOPCORE_RECO_SEGMENTS_H_
#define SHOPCORE_RECO_SEGMENTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/reco/model.h"
#include "shopcore/reco/profile.h"

namespace shopcore::reco {

// Score s (1..5) is 1 + the number of thresholds passed. Recency passes a
// threshold by being at most that many days; frequency and monetary by
// being at least it. Frequency and monetary count the purchases kept.
struct RfmThresholds {
  int64_t recency_days[4] = {180, 90, 30, 7};
  int64_t frequency[4] = {2, 3, 5, 10};
  int64_t monetary_minor[4] = {5000, 20000, 50000, 200000};
};

struct Rfm {
  int64_t recency_days = -1;  // -1: never purchased
  int64_t frequency = 0;
  int64_t monetary_minor = 0;
  int recency_score = 0;      // 0 when never purchased
  int frequency_score = 0;
  int monetary_score = 0;
  std::string segment;  // prospect, new, champions, loyal, potential_loyalist, at_risk, hibernating, lost, needs_attention
};

Rfm ComputeRfm(const Profile& profile, int64_t now_ms, const RfmThresholds& thresholds = {});

struct ChurnConfig {
  int64_t visit_days_full_risk = 60;     // days without any event for the visit part to be full
  int64_t purchase_days_full_risk = 180; // days without a purchase for the purchase part to be full
  int64_t abandoned_cart_after_ms = 24 * 3600 * 1000LL;
  int visit_points = 50;                 // the three parts add up to 100
  int purchase_points = 30;
  int abandoned_cart_points = 20;
};

struct ChurnRisk {
  int64_t days_since_visit = -1;     // -1: the shopper never did anything
  int64_t days_since_purchase = -1;
  bool abandoned_cart = false;
  int score = 0;            // 0..100
  std::string level;        // low (< 34), medium (< 67), high
};

ChurnRisk ComputeChurnRisk(const Profile& profile, int64_t now_ms, const ChurnConfig& config = {});

struct RepurchaseDue {
  std::string item;
  int64_t last_purchase_ms = 0;
  int64_t due_ms = 0;
  bool overdue = false;
};

// Purchased items the model marks repurchasable, by due date then id.
std::vector<RepurchaseDue> RepurchaseDueDates(const ModelView& model, const Profile& profile, int64_t now_ms);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_SEGMENTS_H_
