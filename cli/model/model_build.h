// `shopcore model build`: interaction log + catalog JSON -> the catalog JSON
// with its model sections (model, neighbours, factors, popularity,
// fbt_rules) filled, ids as the catalog format wants them; `snapshot build`
// then turns it into the binary the device reads.
#ifndef SHOPCORE_CLI_MODEL_MODEL_BUILD_H_
#define SHOPCORE_CLI_MODEL_MODEL_BUILD_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bought_together.h"
#include "ials.h"
#include "interactions.h"
#include "neighbours.h"
#include "popularity.h"
#include "shopcore/status.h"

namespace shopcore::modelbuild {

enum class NeighbourAlgorithm { kEase, kCosine };

struct BuildOptions {
  NeighbourAlgorithm algorithm = NeighbourAlgorithm::kEase;  // kEase falls back to cosine above kMaxEaseItems
  uint32_t neighbours = 100;
  double ease_lambda = 300;
  double cosine_shrink = 10;
  IalsOptions ials;             // ials.factors 0: no embedding model
  int64_t now_ms = 0;           // popularity reference time; 0: the log's latest event
  int64_t half_life_ms = 14LL * 24 * 3600 * 1000;
  FbtOptions fbt;
};

// The model over the log's items (indices into log.items).
struct BuiltModel {
  std::string algorithm;  // "ease+ials", "cosine+ials", ...
  NeighbourLists neighbours;
  QuantizedFactors factors;
  Popularity popularity;
  std::vector<FbtRule> fbt;
};

Result<BuiltModel> BuildModel(const Interactions& log, const BuildOptions& options);

// Keeps only rows whose item is in `known` (sorted ids); returns how many were dropped.
size_t KeepKnownItems(const std::vector<std::string>& known, Interactions* log);

// Writes the model sections into `catalog` (replacing earlier ones). Popularity
// goes to each market in `markets` the item is sellable in.
// BAD_REQUEST if the catalog has no items/markets arrays of objects with ids.
Status WriteModelSections(const Interactions& log, const BuiltModel& model, const BuildOptions& options,
                          nlohmann::json* catalog);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_MODEL_BUILD_H_
