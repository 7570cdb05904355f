// Popularity with time decay and a week-over-week trend, the cold-start and
// "popular in DE now" signal. The log carries no market, so an item's score
// goes to every market it is sellable in (the caller applies that).
#ifndef SHOPCORE_CLI_MODEL_POPULARITY_H_
#define SHOPCORE_CLI_MODEL_POPULARITY_H_

#include <cstdint>
#include <vector>

#include "interactions.h"

namespace shopcore::modelbuild {

struct Popularity {
  std::vector<float> score;  // per item, max 1 (0: never touched)
  std::vector<float> trend;  // per item: last 7 days vs the 7 before, −1..10
};

// score = Σ weight · 2^(−(now − t) / half_life), normalised to a maximum of 1.
// half_life_ms <= 0: no decay. Events after now count as now.
Popularity ComputePopularity(const Interactions& log, int64_t now_ms, int64_t half_life_ms);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_POPULARITY_H_
