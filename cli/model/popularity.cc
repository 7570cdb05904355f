#include "popularity.h"

#include <algorithm>
#include <cmath>

namespace shopcore::modelbuild {

Popularity ComputePopularity(const Interactions& log, int64_t now_ms, int64_t half_life_ms) {
  const int64_t kWeekMs = 7LL * 24 * 3600 * 1000;
  const size_t n = log.items.size();
  std::vector<double> score(n, 0.0), last_week(n, 0.0), week_before(n, 0.0);
  for (size_t k = 0; k < log.size(); ++k) {
    const int64_t age = std::max<int64_t>(0, now_ms - log.time_ms[k]);
    const double decay = half_life_ms > 0 ? std::exp2(-static_cast<double>(age) / half_life_ms) : 1.0;
    score[log.item[k]] += log.weight[k] * decay;
    if (age < kWeekMs) {
      last_week[log.item[k]] += log.weight[k];
    } else if (age < 2 * kWeekMs) {
      week_before[log.item[k]] += log.weight[k];
    }
  }
  double max_score = 0;
  for (double s : score) max_score = std::max(max_score, s);
  Popularity out;
  out.score.resize(n);
  out.trend.resize(n);
  for (size_t i = 0; i < n; ++i) {
    out.score[i] = max_score > 0 ? static_cast<float>(score[i] / max_score) : 0.0f;
    // No sales the week before: a trend is only claimed from a base.
    double trend = week_before[i] > 0 ? last_week[i] / week_before[i] - 1.0 : 0.0;
    out.trend[i] = static_cast<float>(std::min(10.0, std::max(-1.0, trend)));
  }
  return out;
}

}  // namespace shopcore::modelbuild
