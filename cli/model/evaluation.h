// `shopcore eval`: the offline protocol of issue 8 on an interaction log of
// positives. Held-out users are ranked by the reference models directly and by
// the device's own code (reco::Recommend over a ModelView holding the built
// model, with a reco::Profile of the user's training events), side by side.
#ifndef SHOPCORE_CLI_MODEL_EVALUATION_H_
#define SHOPCORE_CLI_MODEL_EVALUATION_H_

#include <cstdint>
#include <string>

#include "interactions.h"
#include "shopcore/status.h"

namespace shopcore::modelbuild {

struct EvalOptions {
  uint64_t seed = 1;
  uint32_t neighbours = 200;   // sparse lists: k per item
  uint32_t factors = 64;
  uint32_t min_positives = 5;
  bool quick = false;          // smaller hyperparameter grids (tests)
};

// The table (one line per model) and the chosen hyperparameters, as text.
Result<std::string> Evaluate(const Interactions& positives, const EvalOptions& options);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_EVALUATION_H_
