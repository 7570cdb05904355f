// Helpers shared by the group-buy rules and transitions (not public API).
#ifndef SHOPCORE_SRC_SOCIAL_GROUP_BUY_INTERNAL_H_
#define SHOPCORE_SRC_SOCIAL_GROUP_BUY_INTERNAL_H_

#include <cstdint>
#include <string>

#include "shopcore/social/group_buy.h"

namespace shopcore::group_buy_internal {

inline bool HoldsSeat(MemberStatus status) {
  return status == MemberStatus::kPendingPayment || status == MemberStatus::kJoined ||
         status == MemberStatus::kSuccess;
}

inline bool HasPaid(MemberStatus status) {
  return status == MemberStatus::kJoined || status == MemberStatus::kSuccess;
}

inline const GroupMember* FindMember(const Group& group, const std::string& user_id) {
  for (const auto& member : group.members) {
    if (member.user_id == user_id) return &member;
  }
  return nullptr;
}

inline int PaidMembers(const Group& group) {
  int paid = 0;
  for (const auto& member : group.members) paid += HasPaid(member.status) ? 1 : 0;
  return paid;
}

inline bool VirtualFillReached(const GroupBuyCampaign& campaign, int paid) {
  return campaign.virtual_fill_min_percent > 0 && paid > 0 &&
         static_cast<int64_t>(paid) * 100 >=
             static_cast<int64_t>(campaign.virtual_fill_min_percent) * campaign.group_size;
}

}  // namespace shopcore::group_buy_internal

#endif  // SHOPCORE_SRC_SOCIAL_GROUP_BUY_INTERNAL_H_
