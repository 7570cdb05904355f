// A/B experiments from the snapshot: a shopper is assigned to one weighted
// variant by a hash of (shopper id, experiment id), the same on every device
// and in every target; a variant replaces blend weights of some contexts.
#ifndef SHOPCORE_RECO_EXPERIMENT_H_
#define SHOPCORE_RECO_EXPERIMENT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/reco/context.h"
#include "shopcore/reco/span.h"

namespace shopcore::reco {

struct BlendOverride {
  Context context = Context::kHomeFeed;
  BlendWeights blend;
};

struct Variant {
  std::string_view name;
  uint32_t weight = 0;  // relative share of shoppers
  Span<BlendOverride> overrides;
};

struct Experiment {
  std::string_view id;
  Span<Variant> variants;
};

// 64-bit FNV-1a of shopper id, a 0x1f separator and experiment id, then the
// splitmix64 finaliser so nearby ids spread over the buckets.
uint64_t AssignmentHash(std::string_view shopper_id, std::string_view experiment_id);

// Index of the variant: hash mod total weight, walked through the cumulative
// weights. -1 when the experiment has no variant of positive weight.
int AssignVariant(const Experiment& experiment, std::string_view shopper_id);

struct Assignment {
  std::string experiment;
  std::string variant;
};

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_EXPERIMENT_H_
