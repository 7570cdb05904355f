// Stable names of the group-buy enums: the JSON codecs, the CLI and the JS
// API print these, so they never change once released.
#include "shopcore/social/group_buy.h"
#include "social/enum_names.h"

namespace shopcore {

const char* GroupStatusName(GroupStatus status) {
  switch (status) {
    case GroupStatus::kOpen: return "open";
    case GroupStatus::kSuccess: return "success";
    case GroupStatus::kFailed: return "failed";
  }
  return "unknown";
}

const char* GroupFailureName(GroupFailure failure) {
  switch (failure) {
    case GroupFailure::kNone: return "none";
    case GroupFailure::kTimeout: return "timeout";
    case GroupFailure::kWithdrawn: return "withdrawn";
    case GroupFailure::kNoLeader: return "no_leader";
  }
  return "unknown";
}

const char* MemberStatusName(MemberStatus status) {
  switch (status) {
    case MemberStatus::kPendingPayment: return "pending_payment";
    case MemberStatus::kJoined: return "joined";
    case MemberStatus::kSuccess: return "success";
    case MemberStatus::kRefunding: return "refunding";
    case MemberStatus::kRefunded: return "refunded";
  }
  return "unknown";
}

const char* GroupRoleName(GroupRole role) {
  switch (role) {
    case GroupRole::kNone: return "none";
    case GroupRole::kLeader: return "leader";
    case GroupRole::kMember: return "member";
  }
  return "unknown";
}

const char* GroupRefusalName(GroupRefusal refusal) {
  switch (refusal) {
    case GroupRefusal::kCampaignWithdrawn: return "campaign_withdrawn";
    case GroupRefusal::kNotInMarket: return "not_in_market";
    case GroupRefusal::kNotNewUser: return "not_new_user";
    case GroupRefusal::kOverLimit: return "over_limit";
    case GroupRefusal::kOwnGroup: return "own_group";
    case GroupRefusal::kAlreadyMember: return "already_member";
    case GroupRefusal::kFull: return "full";
    case GroupRefusal::kExpired: return "expired";
    case GroupRefusal::kGroupClosed: return "group_closed";
  }
  return "unknown";
}

const char* PaymentIfFailsName(PaymentIfFails outcome) {
  switch (outcome) {
    case PaymentIfFails::kNotCharged: return "not_charged";
    case PaymentIfFails::kFullRefund: return "full_refund";
  }
  return "unknown";
}

Result<GroupStatus> ParseGroupStatus(const std::string& name) {
  static const GroupStatus kAll[] = {GroupStatus::kOpen, GroupStatus::kSuccess, GroupStatus::kFailed};
  return ParseEnumName(name, kAll, GroupStatusName, "group status");
}

Result<GroupFailure> ParseGroupFailure(const std::string& name) {
  static const GroupFailure kAll[] = {GroupFailure::kNone, GroupFailure::kTimeout, GroupFailure::kWithdrawn,
                                      GroupFailure::kNoLeader};
  return ParseEnumName(name, kAll, GroupFailureName, "group failure");
}

Result<MemberStatus> ParseMemberStatus(const std::string& name) {
  static const MemberStatus kAll[] = {MemberStatus::kPendingPayment, MemberStatus::kJoined, MemberStatus::kSuccess,
                                      MemberStatus::kRefunding, MemberStatus::kRefunded};
  return ParseEnumName(name, kAll, MemberStatusName, "member status");
}

}  // namespace shopcore
