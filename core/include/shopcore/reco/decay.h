// Time decay of an event's weight: 2^(-age / half_life). Computed with our own
// polynomial, not libm, so glibc and Emscripten give the same bits.
#ifndef SHOPCORE_RECO_DECAY_H_
#define SHOPCORE_RECO_DECAY_H_

#include <cstdint>

namespace shopcore::reco {

// 2^(-x) for x >= 0 with only +, -, *, / (IEEE-exact in both targets).
// Relative error below 1e-15. Negative x is treated as 0.
double ExpTwoNegative(double x);

// Weight multiplier of an event `age_ms` old. A half-life <= 0 means no
// decay; a future event (negative age, clock skew) counts as new.
double DecayFactor(int64_t age_ms, int64_t half_life_ms);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_DECAY_H_
