// What a front end asks for and what it gets back.
#ifndef SHOPCORE_RECO_REQUEST_H_
#define SHOPCORE_RECO_REQUEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/reco/context.h"
#include "shopcore/reco/event.h"
#include "shopcore/reco/experiment.h"

namespace shopcore::reco {

enum class DiversityMode : uint8_t {
  kNone = 0,
  kCaps,  // at most max_per_category (leaf) and max_per_brand per page
  kMmr,   // maximal marginal relevance: lambda * score - (1 - lambda) * similarity
};

struct Diversity {
  DiversityMode mode = DiversityMode::kNone;
  uint32_t max_per_category = 0;  // 0: no cap
  uint32_t max_per_brand = 0;
  double mmr_lambda = 0.7;
};

// A paid placement: the item gets `bonus` added to its blended score, but at
// most floor(max_boosted_percent * page_size / 100) boosted items per page.
struct Boost {
  std::string item;
  std::string campaign;
  double bonus = 0;
};

struct RecommendRequest {
  Context context = Context::kHomeFeed;
  std::string market;                     // must be one of the model's markets
  int64_t now_ms = 0;
  uint32_t page_size = 20;
  uint32_t page = 0;                      // 0-based
  std::vector<std::string> anchors;       // the item shown, the cart lines, the order lines
  std::vector<std::string> allow;         // non-empty: only these items
  std::vector<std::string> deny;
  Diversity diversity;
  std::vector<Boost> boosts;
  uint32_t max_boosted_percent = 0;
  bool explain = false;                   // include every signal's value per item
};

enum class ReasonKind : uint8_t {
  kBecauseYouInteracted,  // item: the history item, event: what the shopper did
  kMatchesYourTaste,      // item: the history item closest in the factor space
  kLikeWhatYouBrowse,     // attribute + value: the category/brand/tag/creator/price band
  kPopularInMarket,       // market, trending
  kFriends,               // friends: who bought/shared it, event: bought or shared
  kFromCreatorYouFollow,  // creator
  kBoughtTogether,        // item: the anchor it goes with
  kCatalog,               // nothing scored it: listed to fill the page
  kSimilarTo,             // item: the anchor it is a neighbour of ("similar to this item")
};
const char* ReasonKindName(ReasonKind kind);

struct Reason {
  ReasonKind kind = ReasonKind::kCatalog;
  std::string item;
  EventType event = EventType::kView;
  std::string attribute;  // "category", "brand", "tag", "creator", "price_band"
  std::string value;
  std::string market;
  bool trending = false;
  std::vector<std::string> friends;  // sorted
  std::string creator;
};

struct RecommendedItem {
  std::string id;
  int64_t score_micros = 0;  // blended score x 1e6, rounded: printed as fixed 6 decimals
  Reason reason;
  std::string campaign;      // set when shown as a boosted placement
  int64_t signal_micros[kSignalCount] = {};  // weighted contributions (with explain)
};

struct Recommendation {
  Context context = Context::kHomeFeed;
  std::string market;
  uint32_t page = 0;
  uint32_t page_size = 0;
  std::vector<RecommendedItem> items;
  uint32_t candidate_count = 0;  // items left after filters
  bool has_more = false;         // a next page would not be empty
  std::vector<Assignment> experiments;
  bool explain = false;
};

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_REQUEST_H_
