// How a group-buy or bargain request names its campaign: "campaign_id",
// read from the open snapshot, or the whole "campaign" object (never both).
#ifndef SHOPCORE_SRC_SOCIAL_CAMPAIGN_REF_H_
#define SHOPCORE_SRC_SOCIAL_CAMPAIGN_REF_H_

#include <optional>
#include <string>
#include <string_view>

#include "shopcore/snapshot/snapshot.h"
#include "social/json_access.h"

namespace shopcore {

// The campaign the request names by "campaign_id"; nullopt when it has no
// "campaign_id" (the caller decodes "campaign" then).
template <typename Campaign>
Result<std::optional<Campaign>> CampaignById(const json_access::Json& request, const Snapshot* snapshot,
                                             Result<Campaign> (*from_snapshot)(const Snapshot&, std::string_view)) {
  if (!request.contains("campaign_id")) return std::optional<Campaign>();
  if (request.contains("campaign")) {
    return MakeError(ErrorCode::kBadRequest, "give either campaign or campaign_id, not both", "campaign_id");
  }
  auto id = json_access::GetString(request, "campaign_id", "");
  if (!id.ok()) return id.error();
  if (snapshot == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no snapshot is open to find campaign '" + *id + "' in", "campaign_id");
  }
  auto campaign = from_snapshot(*snapshot, *id);
  if (!campaign.ok()) return campaign.error();
  return std::optional<Campaign>(std::move(*campaign));
}

}  // namespace shopcore

#endif  // SHOPCORE_SRC_SOCIAL_CAMPAIGN_REF_H_
