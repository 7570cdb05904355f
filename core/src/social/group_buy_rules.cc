// Group-buy validation, eligibility and the shopper's view: the questions a
// front end asks without changing anything.
#include <set>
#include <string>

#include "shopcore/money/checked.h"
#include "shopcore/money/currency.h"
#include "shopcore/social/group_buy.h"
#include "social/group_buy_internal.h"

namespace shopcore {
namespace {

using namespace group_buy_internal;  // NOLINT: the module's own helpers

void AddCampaignRefusals(const GroupBuyCampaign& campaign, const GroupShopper& shopper,
                         std::vector<GroupRefusal>* refusals) {
  if (campaign.withdrawn) refusals->push_back(GroupRefusal::kCampaignWithdrawn);
  bool in_market = false;
  for (const auto& market : campaign.markets) in_market = in_market || market == shopper.market;
  if (!in_market) refusals->push_back(GroupRefusal::kNotInMarket);
  if (campaign.new_users_only && !shopper.is_new_user) refusals->push_back(GroupRefusal::kNotNewUser);
  if (campaign.per_user_limit > 0 && shopper.groups_taken >= campaign.per_user_limit) {
    refusals->push_back(GroupRefusal::kOverLimit);
  }
}

Error Invalid(const std::string& message, const std::string& path) {
  return MakeError(ErrorCode::kInvalidArgument, message, path);
}

}  // namespace

Status ValidateGroupBuyCampaign(const GroupBuyCampaign& campaign) {
  if (campaign.id.empty()) return Invalid("campaign id must not be empty", "id");
  if (campaign.sku.empty()) return Invalid("sku must not be empty", "sku");
  if (auto currency = FindCurrency(campaign.currency); !currency.ok()) {
    return MakeError(currency.error().code, currency.error().message, "currency");
  }
  if (campaign.group_price_minor < 0) return Invalid("group price must not be negative", "group_price_minor");
  if (campaign.leader_price_minor && *campaign.leader_price_minor < 0) {
    return Invalid("leader price must not be negative", "leader_price_minor");
  }
  if (campaign.group_size < 2 || campaign.group_size > kMaxGroupSize) {
    return Invalid("group size must be in 2.." + std::to_string(kMaxGroupSize), "group_size");
  }
  if (campaign.open_duration_ms <= 0) return Invalid("open duration must be positive", "open_duration_ms");
  if (campaign.per_user_limit < 0) return Invalid("per-user limit must not be negative (0 = none)", "per_user_limit");
  if (campaign.virtual_fill_min_percent < 0 || campaign.virtual_fill_min_percent > 100) {
    return Invalid("virtual fill percent must be in 0..100 (0 = off)", "virtual_fill_min_percent");
  }
  if (campaign.markets.empty()) return Invalid("a campaign runs in at least one market", "markets");
  return Status::Ok();
}

Status ValidateGroup(const GroupBuyCampaign& campaign, const Group& group) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroupBuyCampaign(campaign));
  if (group.id.empty()) return Invalid("group id must not be empty", "group.id");
  if (group.campaign_id != campaign.id) {
    return Invalid("group belongs to campaign '" + group.campaign_id + "', not '" + campaign.id + "'",
                   "group.campaign_id");
  }
  if (group.stop_at_ms <= group.opened_at_ms) return Invalid("stop_at must be after opened_at", "group.stop_at_ms");
  if ((group.status == GroupStatus::kFailed) != (group.failure != GroupFailure::kNone)) {
    return Invalid("a failure reason goes with, and only with, a failed group", "group.failure");
  }
  std::set<std::string> seen;
  int seats = 0;
  int leaders = 0;
  for (size_t i = 0; i < group.members.size(); ++i) {
    const GroupMember& member = group.members[i];
    std::string path = "group.members[" + std::to_string(i) + "]";
    if (member.user_id.empty()) return Invalid("member user id must not be empty", path + ".user_id");
    if (!seen.insert(member.user_id).second) return Invalid("member appears twice", path + ".user_id");
    if (member.paid_minor < 0) return Invalid("payment must not be negative", path + ".paid_minor");
    if (member.status == MemberStatus::kPendingPayment && member.paid_minor != 0) {
      return Invalid("a pending member has paid nothing", path + ".paid_minor");
    }
    if (member.is_virtual && (member.status != MemberStatus::kSuccess || member.is_leader)) {
      return Invalid("virtual members only fill a successful group", path + ".is_virtual");
    }
    if (member.is_leader) {
      ++leaders;
      // A failed group's leader keeps the flag while refunded.
      if (group.status == GroupStatus::kOpen && !HasPaid(member.status)) {
        return Invalid("the leader of an open group is a paid member", path + ".status");
      }
    }
    seats += HoldsSeat(member.status) ? 1 : 0;
    bool allowed;
    switch (group.status) {
      case GroupStatus::kOpen: allowed = member.status != MemberStatus::kSuccess; break;
      case GroupStatus::kSuccess:
        allowed = member.status != MemberStatus::kPendingPayment && member.status != MemberStatus::kJoined;
        break;
      case GroupStatus::kFailed:
        allowed = member.status == MemberStatus::kRefunding || member.status == MemberStatus::kRefunded;
        break;
      default: allowed = false;
    }
    if (!allowed) {
      return Invalid(std::string("a member cannot be ") + MemberStatusName(member.status) + " in a " +
                         GroupStatusName(group.status) + " group",
                     path + ".status");
    }
  }
  if (seats > campaign.group_size) {
    return Invalid(std::to_string(seats) + " seats taken in a group of " + std::to_string(campaign.group_size),
                   "group.members");
  }
  if (group.status == GroupStatus::kOpen && leaders != 1) {
    return Invalid("an open group has exactly one leader", "group.members");
  }
  if (leaders > 1) return Invalid("a group has at most one leader", "group.members");
  if (group.status == GroupStatus::kSuccess && seats != campaign.group_size) {
    return Invalid("a successful group has all its seats paid", "group.members");
  }
  return Status::Ok();
}

int64_t GroupPriceFor(const GroupBuyCampaign& campaign, GroupRole role) {
  if (role == GroupRole::kLeader && campaign.leader_price_minor) return *campaign.leader_price_minor;
  return campaign.group_price_minor;
}

int GroupSeatsLeft(const GroupBuyCampaign& campaign, const Group& group) {
  if (group.status != GroupStatus::kOpen) return 0;
  int seats = 0;
  for (const auto& member : group.members) seats += HoldsSeat(member.status) ? 1 : 0;
  return seats >= campaign.group_size ? 0 : campaign.group_size - seats;
}

GroupEligibility CheckOpenGroup(const GroupBuyCampaign& campaign, const GroupShopper& shopper) {
  GroupEligibility eligibility;
  AddCampaignRefusals(campaign, shopper, &eligibility.refusals);
  eligibility.role = GroupRole::kLeader;
  eligibility.price_minor = GroupPriceFor(campaign, GroupRole::kLeader);
  return eligibility;
}

GroupEligibility CheckJoinGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& shopper,
                                int64_t now_ms) {
  GroupEligibility eligibility;
  AddCampaignRefusals(campaign, shopper, &eligibility.refusals);
  if (const GroupMember* member = FindMember(group, shopper.user_id)) {
    eligibility.refusals.push_back(member->is_leader ? GroupRefusal::kOwnGroup : GroupRefusal::kAlreadyMember);
  }
  switch (group.status) {
    case GroupStatus::kSuccess: eligibility.refusals.push_back(GroupRefusal::kFull); break;
    case GroupStatus::kFailed:
      eligibility.refusals.push_back(group.failure == GroupFailure::kTimeout ? GroupRefusal::kExpired
                                                                             : GroupRefusal::kGroupClosed);
      break;
    case GroupStatus::kOpen:
      if (GroupSeatsLeft(campaign, group) == 0) eligibility.refusals.push_back(GroupRefusal::kFull);
      if (now_ms >= group.stop_at_ms) eligibility.refusals.push_back(GroupRefusal::kExpired);
      break;
  }
  eligibility.role = GroupRole::kMember;
  eligibility.price_minor = GroupPriceFor(campaign, GroupRole::kMember);
  return eligibility;
}

Result<GroupView> ViewGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& viewer,
                            int64_t now_ms) {
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  GroupView view;
  view.status = group.status;
  view.failure = group.failure;
  view.seats_left = GroupSeatsLeft(campaign, group);
  view.paid_members = PaidMembers(group);
  if (group.status == GroupStatus::kOpen && now_ms < group.stop_at_ms) {
    auto left = CheckedSubtract(group.stop_at_ms, now_ms);
    if (!left.ok()) return MakeError(ErrorCode::kOverflow, left.error().message, "now_ms");
    view.time_left_ms = *left;
  }
  const GroupMember* member = FindMember(group, viewer.user_id);
  if (member) {
    view.viewer_role = member->is_leader ? GroupRole::kLeader : GroupRole::kMember;
    view.viewer_status = member->status;
  }
  view.viewer_price_minor =
      GroupPriceFor(campaign, view.viewer_role == GroupRole::kLeader ? GroupRole::kLeader : GroupRole::kMember);
  view.payment_if_fails = member && member->status == MemberStatus::kPendingPayment ? PaymentIfFails::kNotCharged
                                                                                      : PaymentIfFails::kFullRefund;
  view.virtual_fill_if_timeout = group.status == GroupStatus::kOpen && VirtualFillReached(campaign, view.paid_members);
  view.join = CheckJoinGroup(campaign, group, viewer, now_ms);
  return view;
}

}  // namespace shopcore
