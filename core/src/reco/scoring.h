// Internal: the per-item signals the blender mixes, computed once per
// request over every item of the model (dense arrays, no hashing in the hot
// loops). Each scorer also keeps what the explanation needs.
#ifndef SHOPCORE_SRC_RECO_SCORING_H_
#define SHOPCORE_SRC_RECO_SCORING_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "shopcore/reco/model.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/request.h"

namespace shopcore::reco::internal {

// One model item the shopper touched (events summed, decayed), or an anchor.
struct HistoryItem {
  uint32_t item = 0;
  double weight = 0;
  EventType event = EventType::kView;  // the type that contributed most weight
  double event_weight = 0;             // how much that type contributed
  bool anchor = false;
};

struct SocialEvidence {
  double weight = 0;
  std::set<std::string> friends_bought;
  std::set<std::string> friends_shared;
  std::string creator;  // a followed creator's pick, or the item's followed creator
};

// Affinity per attribute value, each normalised to sum to 1 over positives.
struct Affinities {
  std::vector<double> category, brand, tag, price_band, creator;
};

struct Signals {
  std::vector<double> value[kSignalCount];      // raw, per item
  std::vector<uint32_t> item_item_source;       // index into history of the biggest contribution, kNone
  std::vector<uint32_t> together_source;        // anchor item of the biggest rule, kNone
  std::vector<HistoryItem> history;             // sorted by item index
  std::vector<double> user_vector;              // empty: no embedding signal
  Affinities affinity;
  std::map<uint32_t, SocialEvidence> social;
  std::vector<uint8_t> trending;                // per item, in the request's market
};

// anchors: model indices of the request's anchors (and cart or last order,
// by context). market: index into model.market_codes.
void ComputeSignals(const ModelView& model, const Profile& profile, const ContextConfig& config,
                    int64_t now_ms, uint32_t market, const std::vector<uint32_t>& anchors, Signals* signals);

// The contribution of an item to content affinity, per attribute, for the
// explanation: returns the attribute name and its value with the largest
// weighted affinity, or false if all are zero.
bool StrongestContentAttribute(const ModelView& model, const Affinities& affinity, uint32_t item,
                               std::string* attribute, std::string* value);

// Dequantized factor dot product of two items (for "matches your taste").
double FactorSimilarity(const ModelView& model, uint32_t a, uint32_t b);

}  // namespace shopcore::reco::internal

#endif  // SHOPCORE_SRC_RECO_SCORING_H_
