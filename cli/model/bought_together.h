// Frequently-bought-together rules A -> B from baskets: the purchase and
// add-to-cart lines of one user within one basket window make a basket.
#ifndef SHOPCORE_CLI_MODEL_BOUGHT_TOGETHER_H_
#define SHOPCORE_CLI_MODEL_BOUGHT_TOGETHER_H_

#include <cstdint>
#include <vector>

#include "interactions.h"

namespace shopcore::modelbuild {

struct FbtOptions {
  int64_t basket_window_ms = 30LL * 60 * 1000;  // lines closer than this to the basket's first line
  uint32_t min_count = 3;                        // baskets holding both
  double min_confidence = 0.05;
  double min_lift = 1.0;
  uint32_t max_rules_per_item = 20;
};

struct FbtRule {
  uint32_t antecedent = 0;
  uint32_t consequent = 0;
  uint32_t count = 0;       // baskets with both
  float support = 0;        // count / baskets
  float confidence = 0;     // count / baskets with the antecedent
  float lift = 0;           // confidence / P(consequent)
};

// Sorted by antecedent, then confidence descending, then consequent.
std::vector<FbtRule> MineBoughtTogether(const Interactions& log, const FbtOptions& options);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_BOUGHT_TOGETHER_H_
