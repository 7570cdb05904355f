#include "shopcore/reco/request.h"

namespace shopcore::reco {

const char* ReasonKindName(ReasonKind kind) {
  switch (kind) {
    case ReasonKind::kBecauseYouInteracted: return "because_you_interacted";
    case ReasonKind::kMatchesYourTaste: return "matches_your_taste";
    case ReasonKind::kLikeWhatYouBrowse: return "like_what_you_browse";
    case ReasonKind::kPopularInMarket: return "popular_in_market";
    case ReasonKind::kFriends: return "friends";
    case ReasonKind::kFromCreatorYouFollow: return "from_creator_you_follow";
    case ReasonKind::kBoughtTogether: return "bought_together";
    case ReasonKind::kCatalog: return "catalog";
    case ReasonKind::kSimilarTo: return "similar_to";
  }
  return "catalog";
}

}  // namespace shopcore::reco
