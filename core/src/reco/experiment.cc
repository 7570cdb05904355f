#include "shopcore/reco/experiment.h"

namespace shopcore::reco {
namespace {

uint64_t Fnv1a(uint64_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

}  // namespace

uint64_t AssignmentHash(std::string_view shopper_id, std::string_view experiment_id) {
  uint64_t hash = Fnv1a(0xcbf29ce484222325ULL, shopper_id);
  hash = Fnv1a(hash, std::string_view("\x1f", 1));
  hash = Fnv1a(hash, experiment_id);
  // splitmix64 finaliser: FNV's low bits are weak for a modulo.
  hash ^= hash >> 30;
  hash *= 0xbf58476d1ce4e5b9ULL;
  hash ^= hash >> 27;
  hash *= 0x94d049bb133111ebULL;
  hash ^= hash >> 31;
  return hash;
}

int AssignVariant(const Experiment& experiment, std::string_view shopper_id) {
  uint64_t total = 0;
  for (const auto& variant : experiment.variants) total += variant.weight;
  if (total == 0) return -1;
  uint64_t bucket = AssignmentHash(shopper_id, experiment.id) % total;
  for (size_t i = 0; i < experiment.variants.size(); ++i) {
    uint64_t weight = experiment.variants[i].weight;
    if (bucket < weight) return static_cast<int>(i);
    bucket -= weight;
  }
  return -1;  // unreachable: bucket < total
}

}  // namespace shopcore::reco
