#include "shopcore/reco/decay.h"

namespace shopcore::reco {

double ExpTwoNegative(double x) {
  if (!(x > 0)) return 1.0;  // also NaN
  if (x >= 1100) return 0.0;  // below the smallest double
  // x = k + f with integer k and f in [0, 1): 2^-x = 2^-k * e^(-f ln 2).
  int64_t k = static_cast<int64_t>(x);
  double g = (x - static_cast<double>(k)) * 0.69314718055994530942;
  // Taylor series of e^-g for g in [0, ln 2): 20 terms leave < 1e-19 out.
  double sum = 1.0;
  double term = 1.0;
  for (int n = 1; n <= 20; ++n) {
    term = term * -g / n;
    sum += term;
  }
  // 2^-k by exact halvings, 2^-32 at a time.
  while (k >= 32) {
    sum *= 1.0 / 4294967296.0;
    k -= 32;
  }
  return sum / static_cast<double>(uint64_t{1} << k);
}

double DecayFactor(int64_t age_ms, int64_t half_life_ms) {
  if (half_life_ms <= 0 || age_ms <= 0) return 1.0;
  return ExpTwoNegative(static_cast<double>(age_ms) / static_cast<double>(half_life_ms));
}

}  // namespace shopcore::reco
