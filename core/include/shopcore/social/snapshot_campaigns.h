// Group-buy and bargain campaigns read from an opened catalog snapshot, as
// the social module's plain types (group_buy.h, bargain.h). The rules never
// see FlatBuffers; these functions are the only bridge.
//
// Mapping notes (schema -> social):
// - GroupBuyCampaign.leader_price 0 = the group price (no 团长价).
// - virtual_fill with virtual_fill_min_bp (basis points of group_size) becomes
//   virtual_fill_min_percent: whole percent only (100..10000 bp, a multiple of
//   100); virtual_fill false = off whatever the bp say.
// - GroupBuyCampaign.withdrawn is the merchant's switch (refusal
//   campaign_withdrawn, open groups fail on `withdraw`).
// - BargainCampaign: start_price, floor_price, helper_count, duration_ms;
//   prng must be "pcg32" (or empty, which means it): the schedule algorithm
//   of bargain.h is specified for PCG32 only.
// Errors name snapshot paths keyed by id with the schema's field names:
// "group_buys[gb-1].group_size", "bargains[bg-2].helper_count".
#ifndef SHOPCORE_SOCIAL_SNAPSHOT_CAMPAIGNS_H_
#define SHOPCORE_SOCIAL_SNAPSHOT_CAMPAIGNS_H_

#include <string_view>

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/social/bargain.h"
#include "shopcore/social/group_buy.h"
#include "shopcore/status.h"

namespace shopcore {

// NOT_FOUND "campaign_id" when the snapshot has no such campaign; the
// campaign's own errors (ValidateGroupBuyCampaign / ValidateBargainCampaign)
// with its snapshot path.
Result<GroupBuyCampaign> GroupBuyCampaignFromSnapshot(const Snapshot& snapshot, std::string_view id);
Result<BargainCampaign> BargainCampaignFromSnapshot(const Snapshot& snapshot, std::string_view id);

// Every group-buy and bargain campaign of the snapshot through the
// validators above: the checked snapshot build runs this so no device ever
// receives a campaign the rules refuse.
Status ValidateSnapshotCampaigns(const Snapshot& snapshot);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_SNAPSHOT_CAMPAIGNS_H_
