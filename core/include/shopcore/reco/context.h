// Where a recommendation is shown, and the data that tunes scoring there.
// Blend weights, event weights and half-lives come from the snapshot per
// context; an A/B variant may replace the blend weights.
#ifndef SHOPCORE_RECO_CONTEXT_H_
#define SHOPCORE_RECO_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "shopcore/reco/event.h"

namespace shopcore::reco {

enum class Context : uint8_t {
  kHomeFeed = 0,
  kSimilarItem,              // "similar to this item": anchors are the item shown
  kFrequentlyBoughtTogether, // on the cart: anchors are the cart lines
  kPostPurchase,             // after checkout: anchors are what was just bought
};
constexpr int kContextCount = 4;
const char* ContextName(Context context);  // "home_feed", "similar_item", ...
std::optional<Context> ContextFromName(std::string_view name);

// The scorers whose outputs the blender mixes. Stable order: blend weight
// arrays are indexed by it.
enum class Signal : uint8_t {
  kItemItem = 0,   // neighbours of what the shopper touched
  kEmbedding,      // dot product with the folded-in user vector
  kContent,        // affinity to category, brand, tags, price band, creator
  kPopularity,     // the market's popularity with trend
  kSocial,         // friends' purchases and shares, followed creators
  kBoughtTogether, // frequently-bought-together rules from the anchors
};
constexpr int kSignalCount = 6;
const char* SignalName(Signal signal);  // "item_item", "embedding", ...

struct BlendWeights {
  float weight[kSignalCount] = {0, 0, 0, 0, 0, 0};
};

struct ContextConfig {
  Context context = Context::kHomeFeed;
  BlendWeights blend;
  // Weight of one event of each type (negative for remove_from_cart).
  float event_weight[kEventTypeCount] = {};
  int64_t half_life_ms = 0;  // <= 0: no decay
  // Weight an anchor item gets in the item-item and content scorers, as if
  // the shopper had just interacted with it.
  float anchor_weight = 0;
  bool exclude_cart_items = true;  // false on "similar to": the cart stays visible
};

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_CONTEXT_H_
