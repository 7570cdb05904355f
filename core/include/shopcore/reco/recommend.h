// The recommender: scores every item with the signals, blends them with the
// context's weights (or the shopper's A/B variant), applies the rules
// (filters, diversity, boosts, pagination) and explains each result.
#ifndef SHOPCORE_RECO_RECOMMEND_H_
#define SHOPCORE_RECO_RECOMMEND_H_

#include "shopcore/reco/model.h"
#include "shopcore/reco/profile.h"
#include "shopcore/reco/request.h"
#include "shopcore/status.h"

namespace shopcore::reco {

// The model must have passed ValidateModel once (the snapshot adapter does
// it when the snapshot is opened): scoring indexes without checks.
// INVALID_ARGUMENT for a page size of 0 or above 1000, NOT_FOUND for an
// unknown market or a context the model has no configuration for. Unknown
// item ids in the request or the profile are ignored (the catalogue moves on).
// Exactly min(page_size, candidates left) items; page p never repeats an item
// of pages 0..p-1 for the same model, profile and request.
Result<Recommendation> Recommend(const ModelView& model, const Profile& profile,
                                 const RecommendRequest& request);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_RECOMMEND_H_
