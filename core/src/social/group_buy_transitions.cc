// Group-buy state transitions. Each validates the campaign and the group it
// is given, works on a copy and returns it, so a refused or impossible event
// leaves the caller's group exactly as it was.
#include <string>

#include "shopcore/money/checked.h"
#include "shopcore/social/group_buy.h"
#include "social/group_buy_internal.h"

namespace shopcore {
namespace {

using namespace group_buy_internal;  // NOLINT: the module's own helpers

Error Refused(const char* action, const GroupEligibility& eligibility) {
  std::string reasons;
  for (GroupRefusal refusal : eligibility.refusals) {
    if (!reasons.empty()) reasons += ", ";
    reasons += GroupRefusalName(refusal);
  }
  return MakeError(ErrorCode::kInvalidTransition, std::string("may not ") + action + ": " + reasons, "shopper");
}

Error NotNow(const std::string& message, const std::string& path = "event") {
  return MakeError(ErrorCode::kInvalidTransition, message, path);
}

Result<size_t> MemberIndex(const Group& group, const std::string& user_id) {
  for (size_t i = 0; i < group.members.size(); ++i) {
    if (group.members[i].user_id == user_id) return i;
  }
  return MakeError(ErrorCode::kNotFound, "'" + user_id + "' is not a member of group '" + group.id + "'", "user_id");
}

Status RequireOpen(const Group& group, const char* event) {
  if (group.status == GroupStatus::kOpen) return Status::Ok();
  return NotNow(std::string(event) + " needs an open group; this one is " + GroupStatusName(group.status));
}

// Closing a group drops members who never paid: their seat and order lapse.
void DropPending(Group* group) {
  std::vector<GroupMember> kept;
  for (auto& member : group->members) {
    if (member.status != MemberStatus::kPendingPayment) kept.push_back(std::move(member));
  }
  group->members = std::move(kept);
}

void Fail(Group* group, GroupFailure failure) {
  DropPending(group);
  group->status = GroupStatus::kFailed;
  group->failure = failure;
  for (auto& member : group->members) {
    if (member.status == MemberStatus::kJoined) member.status = MemberStatus::kRefunding;
  }
}

void Succeed(Group* group) {
  group->status = GroupStatus::kSuccess;
  for (auto& member : group->members) {
    if (member.status == MemberStatus::kJoined) member.status = MemberStatus::kSuccess;
  }
}

}  // namespace

Result<Group> OpenGroup(const GroupBuyCampaign& campaign, const GroupShopper& leader, const std::string& group_id,
                        int64_t paid_minor, int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroupBuyCampaign(campaign));
  if (group_id.empty()) return MakeError(ErrorCode::kInvalidArgument, "group id must not be empty", "group_id");
  if (leader.user_id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "user id must not be empty", "shopper.user_id");
  }
  if (paid_minor < 0) return MakeError(ErrorCode::kInvalidArgument, "payment must not be negative", "paid_minor");
  GroupEligibility eligibility = CheckOpenGroup(campaign, leader);
  if (!eligibility.allowed()) return Refused("open a group", eligibility);
  auto stop_at = CheckedAdd(now_ms, campaign.open_duration_ms);
  if (!stop_at.ok()) return MakeError(ErrorCode::kOverflow, stop_at.error().message, "now_ms");
  Group group;
  group.id = group_id;
  group.campaign_id = campaign.id;
  group.opened_at_ms = now_ms;
  group.stop_at_ms = *stop_at;
  GroupMember member;
  member.user_id = leader.user_id;
  member.status = MemberStatus::kJoined;
  member.is_leader = true;
  member.joined_at_ms = now_ms;
  member.paid_minor = paid_minor;
  group.members.push_back(member);
  return group;
}

Result<Group> JoinGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& shopper,
                        int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  if (shopper.user_id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "user id must not be empty", "shopper.user_id");
  }
  GroupEligibility eligibility = CheckJoinGroup(campaign, group, shopper, now_ms);
  if (!eligibility.allowed()) return Refused("join this group", eligibility);
  Group next = group;
  GroupMember member;
  member.user_id = shopper.user_id;
  member.status = MemberStatus::kPendingPayment;
  member.joined_at_ms = now_ms;
  next.members.push_back(member);
  return next;
}

Result<Group> RecordPayment(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id,
                            int64_t paid_minor, int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  SHOPCORE_RETURN_IF_ERROR(RequireOpen(group, "a payment"));
  if (now_ms >= group.stop_at_ms) {
    return NotNow("the group stopped at " + std::to_string(group.stop_at_ms) + "; expire it instead", "now_ms");
  }
  if (paid_minor < 0) return MakeError(ErrorCode::kInvalidArgument, "payment must not be negative", "paid_minor");
  auto index = MemberIndex(group, user_id);
  if (!index.ok()) return index.error();
  if (group.members[*index].status != MemberStatus::kPendingPayment) {
    return NotNow(std::string("a ") + MemberStatusName(group.members[*index].status) + " member cannot pay",
                  "user_id");
  }
  Group next = group;
  next.members[*index].status = MemberStatus::kJoined;
  next.members[*index].paid_minor = paid_minor;
  if (PaidMembers(next) >= campaign.group_size) Succeed(&next);
  return next;
}

Result<Group> CancelPendingMember(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  SHOPCORE_RETURN_IF_ERROR(RequireOpen(group, "cancelling a seat"));
  auto index = MemberIndex(group, user_id);
  if (!index.ok()) return index.error();
  if (group.members[*index].status != MemberStatus::kPendingPayment) {
    return NotNow(std::string("only a pending member's seat can be cancelled; this one is ") +
                      MemberStatusName(group.members[*index].status),
                  "user_id");
  }
  Group next = group;
  next.members.erase(next.members.begin() + static_cast<std::ptrdiff_t>(*index));
  return next;
}

Result<Group> ExpireGroup(const GroupBuyCampaign& campaign, const Group& group, int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  SHOPCORE_RETURN_IF_ERROR(RequireOpen(group, "expiry"));
  if (now_ms < group.stop_at_ms) {
    return NotNow("the group is open until " + std::to_string(group.stop_at_ms), "now_ms");
  }
  Group next = group;
  DropPending(&next);
  int paid = PaidMembers(next);
  if (!VirtualFillReached(campaign, paid)) {
    Fail(&next, GroupFailure::kTimeout);
    return next;
  }
  // Virtual members are named "virtual:1", "virtual:2", ... skipping any name
  // a real member already has.
  int counter = 0;
  while (PaidMembers(next) < campaign.group_size) {
    std::string name = "virtual:" + std::to_string(++counter);
    if (FindMember(next, name)) continue;
    GroupMember filler;
    filler.user_id = name;
    filler.status = MemberStatus::kSuccess;
    filler.is_virtual = true;
    filler.joined_at_ms = now_ms;
    next.members.push_back(filler);
  }
  Succeed(&next);
  return next;
}

Result<Group> WithdrawGroup(const GroupBuyCampaign& campaign, const Group& group) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  SHOPCORE_RETURN_IF_ERROR(RequireOpen(group, "withdrawal"));
  Group next = group;
  Fail(&next, GroupFailure::kWithdrawn);
  return next;
}

Result<Group> RequestRefund(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  if (group.status == GroupStatus::kSuccess) {
    return NotNow("the group succeeded; a refund now is an after-sale matter of the order");
  }
  if (group.status == GroupStatus::kFailed) return NotNow("the group failed; its refunds are already under way");
  auto index = MemberIndex(group, user_id);
  if (!index.ok()) return index.error();
  if (group.members[*index].status != MemberStatus::kJoined) {
    return NotNow(std::string("only a paid member can ask for a refund; this one is ") +
                      MemberStatusName(group.members[*index].status),
                  "user_id");
  }
  Group next = group;
  GroupMember& member = next.members[*index];
  member.status = MemberStatus::kRefunding;
  if (!member.is_leader) return next;
  member.is_leader = false;
  // The earliest paid member takes over; the group keeps its stop_at (unlike
  // CRMEB, which restarts a fixed 24 h: the countdown a shopper saw stays true).
  for (auto& candidate : next.members) {
    if (candidate.status == MemberStatus::kJoined) {
      candidate.is_leader = true;
      return next;
    }
  }
  Fail(&next, GroupFailure::kNoLeader);
  return next;
}

Result<Group> CompleteRefund(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  auto index = MemberIndex(group, user_id);
  if (!index.ok()) return index.error();
  if (group.members[*index].status != MemberStatus::kRefunding) {
    return NotNow(std::string("only a refunding member's refund can complete; this one is ") +
                      MemberStatusName(group.members[*index].status),
                  "user_id");
  }
  Group next = group;
  next.members[*index].status = MemberStatus::kRefunded;
  return next;
}

}  // namespace shopcore
