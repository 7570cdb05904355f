#include "shopcore/social/group_buy.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace shopcore {
namespace {

constexpr int64_t kT0 = 1763769600000;  // 2025-11-22T00:00:00Z
constexpr int64_t kHour = 3600 * 1000;

GroupBuyCampaign Campaign() {
  GroupBuyCampaign campaign;
  campaign.id = "gb-tea";
  campaign.sku = "sku-tea-250g";
  campaign.currency = "CNY";
  campaign.group_price_minor = 3990;
  campaign.leader_price_minor = 2990;
  campaign.group_size = 3;
  campaign.open_duration_ms = 24 * kHour;
  campaign.per_user_limit = 2;
  campaign.markets = {"CN", "HK"};
  return campaign;
}

GroupShopper Shopper(const std::string& id, const std::string& market = "CN") {
  GroupShopper shopper;
  shopper.user_id = id;
  shopper.market = market;
  return shopper;
}

std::vector<std::string> Names(const std::vector<GroupRefusal>& refusals) {
  std::vector<std::string> names;
  for (GroupRefusal refusal : refusals) names.push_back(GroupRefusalName(refusal));
  return names;
}

Group Opened(const GroupBuyCampaign& campaign = Campaign()) {
  auto group = OpenGroup(campaign, Shopper("alice"), "g-1", 2990, kT0);
  EXPECT_TRUE(group.ok()) << group.error().ToString();
  return *group;
}

Group With(const Group& group, Result<Group> next) {
  EXPECT_TRUE(next.ok()) << next.error().ToString();
  return next.ok() ? *next : group;
}

TEST(GroupBuy, FullFlowTwoFriendsJoinAndTheGroupSucceedsAtTheRightNow) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened(campaign);
  EXPECT_EQ(group.stop_at_ms, kT0 + 24 * kHour);
  EXPECT_EQ(group.members[0].status, MemberStatus::kJoined);
  EXPECT_TRUE(group.members[0].is_leader);

  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0 + kHour));
  group = With(group, JoinGroup(campaign, group, Shopper("carol", "HK"), kT0 + 2 * kHour));
  EXPECT_EQ(GroupSeatsLeft(campaign, group), 0);
  group = With(group, RecordPayment(campaign, group, "bob", 3990, kT0 + 3 * kHour));
  EXPECT_EQ(group.status, GroupStatus::kOpen);

  auto view = ViewGroup(campaign, group, Shopper("carol", "HK"), kT0 + 23 * kHour);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->time_left_ms, kHour);
  EXPECT_EQ(view->paid_members, 2);
  EXPECT_EQ(view->viewer_role, GroupRole::kMember);
  EXPECT_EQ(*view->viewer_status, MemberStatus::kPendingPayment);
  EXPECT_EQ(view->viewer_price_minor, 3990);
  EXPECT_EQ(view->payment_if_fails, PaymentIfFails::kNotCharged);

  // One millisecond before stop_at the payment still counts and completes the group.
  group = With(group, RecordPayment(campaign, group, "carol", 3990, kT0 + 24 * kHour - 1));
  EXPECT_EQ(group.status, GroupStatus::kSuccess);
  for (const auto& member : group.members) EXPECT_EQ(member.status, MemberStatus::kSuccess) << member.user_id;
  auto after = ViewGroup(campaign, group, Shopper("dave"), kT0 + 24 * kHour - 1);
  EXPECT_EQ(after->time_left_ms, 0);
  EXPECT_EQ(Names(after->join.refusals), std::vector<std::string>{"full"});
}

TEST(GroupBuy, APaymentAtStopAtIsTooLate) {
  GroupBuyCampaign campaign = Campaign();
  Group group = With(Opened(), JoinGroup(campaign, Opened(), Shopper("bob"), kT0));
  auto late = RecordPayment(campaign, group, "bob", 3990, kT0 + 24 * kHour);
  EXPECT_EQ(late.error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(late.error().path, "now_ms");
}

TEST(GroupBuy, PriceForEachRole) {
  GroupBuyCampaign campaign = Campaign();
  EXPECT_EQ(GroupPriceFor(campaign, GroupRole::kLeader), 2990);
  EXPECT_EQ(GroupPriceFor(campaign, GroupRole::kMember), 3990);
  EXPECT_EQ(CheckOpenGroup(campaign, Shopper("x")).price_minor, 2990);
  campaign.leader_price_minor.reset();
  EXPECT_EQ(GroupPriceFor(campaign, GroupRole::kLeader), 3990);
  Group group = Opened();
  EXPECT_EQ(ViewGroup(Campaign(), group, Shopper("alice"), kT0)->viewer_price_minor, 2990);
  EXPECT_EQ(ViewGroup(Campaign(), group, Shopper("alice"), kT0)->viewer_role, GroupRole::kLeader);
}

TEST(GroupBuyRefusals, EveryCampaignReason) {
  GroupBuyCampaign campaign = Campaign();
  EXPECT_TRUE(CheckOpenGroup(campaign, Shopper("x")).allowed());
  EXPECT_EQ(Names(CheckOpenGroup(campaign, Shopper("x", "DE")).refusals),
            std::vector<std::string>{"not_in_market"});
  GroupShopper limited = Shopper("x");
  limited.groups_taken = 2;
  EXPECT_EQ(Names(CheckOpenGroup(campaign, limited).refusals), std::vector<std::string>{"over_limit"});
  limited.groups_taken = 1;
  EXPECT_TRUE(CheckOpenGroup(campaign, limited).allowed());
  campaign.new_users_only = true;
  EXPECT_EQ(Names(CheckOpenGroup(campaign, Shopper("x")).refusals), std::vector<std::string>{"not_new_user"});
  GroupShopper fresh = Shopper("x");
  fresh.is_new_user = true;
  EXPECT_TRUE(CheckOpenGroup(campaign, fresh).allowed());
  campaign.withdrawn = true;
  GroupShopper everything = Shopper("x", "US");
  everything.groups_taken = 5;
  EXPECT_EQ(Names(CheckOpenGroup(campaign, everything).refusals),
            (std::vector<std::string>{"campaign_withdrawn", "not_in_market", "not_new_user", "over_limit"}));
  auto refused = OpenGroup(campaign, everything, "g-9", 2990, kT0);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(refused.error().message,
            "may not open a group: campaign_withdrawn, not_in_market, not_new_user, over_limit");
}

TEST(GroupBuyRefusals, EveryGroupReason) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  EXPECT_EQ(Names(CheckJoinGroup(campaign, group, Shopper("alice"), kT0).refusals),
            std::vector<std::string>{"own_group"});
  Group with_bob = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));
  EXPECT_EQ(Names(CheckJoinGroup(campaign, with_bob, Shopper("bob"), kT0).refusals),
            std::vector<std::string>{"already_member"});
  Group full = With(with_bob, JoinGroup(campaign, with_bob, Shopper("carol"), kT0));
  EXPECT_EQ(Names(CheckJoinGroup(campaign, full, Shopper("dave"), kT0).refusals), std::vector<std::string>{"full"});
  EXPECT_EQ(Names(CheckJoinGroup(campaign, group, Shopper("dave"), kT0 + 24 * kHour).refusals),
            std::vector<std::string>{"expired"});
  Group timed_out = With(group, ExpireGroup(campaign, group, kT0 + 24 * kHour));
  EXPECT_EQ(Names(CheckJoinGroup(campaign, timed_out, Shopper("dave"), kT0).refusals),
            std::vector<std::string>{"expired"});
  Group withdrawn = With(group, WithdrawGroup(campaign, group));
  EXPECT_EQ(Names(CheckJoinGroup(campaign, withdrawn, Shopper("dave"), kT0).refusals),
            std::vector<std::string>{"group_closed"});
  auto refused = JoinGroup(campaign, full, Shopper("bob"), kT0);
  EXPECT_EQ(refused.error().message, "may not join this group: already_member, full");
  EXPECT_EQ(full.members.size(), 3u);  // the refused join changed nothing
}

TEST(GroupBuyTransitions, CancelPendingFreesTheSeat) {
  GroupBuyCampaign campaign = Campaign();
  Group group = With(Opened(), JoinGroup(campaign, Opened(), Shopper("bob"), kT0));
  EXPECT_EQ(GroupSeatsLeft(campaign, group), 1);
  Group cancelled = With(group, CancelPendingMember(campaign, group, "bob"));
  EXPECT_EQ(GroupSeatsLeft(campaign, cancelled), 2);
  EXPECT_EQ(CancelPendingMember(campaign, group, "alice").error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(CancelPendingMember(campaign, group, "zed").error().code, ErrorCode::kNotFound);
}

TEST(GroupBuyTransitions, TimeoutFailsRefundsPaidAndDropsPending) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));
  EXPECT_EQ(ExpireGroup(campaign, group, kT0 + 24 * kHour - 1).error().code, ErrorCode::kInvalidTransition);
  Group failed = With(group, ExpireGroup(campaign, group, kT0 + 24 * kHour));
  EXPECT_EQ(failed.status, GroupStatus::kFailed);
  EXPECT_EQ(failed.failure, GroupFailure::kTimeout);
  ASSERT_EQ(failed.members.size(), 1u);
  EXPECT_EQ(failed.members[0].status, MemberStatus::kRefunding);
  Group refunded = With(failed, CompleteRefund(campaign, failed, "alice"));
  EXPECT_EQ(refunded.members[0].status, MemberStatus::kRefunded);
  EXPECT_EQ(CompleteRefund(campaign, refunded, "alice").error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(ExpireGroup(campaign, failed, kT0 + 48 * kHour).error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(RequestRefund(campaign, failed, "alice").error().code, ErrorCode::kInvalidTransition);
}

TEST(GroupBuyTransitions, VirtualFillAtTimeout) {
  GroupBuyCampaign campaign = Campaign();
  campaign.virtual_fill_min_percent = 60;  // 2 of 3 paid is 66% >= 60%
  Group group = Opened(campaign);
  EXPECT_FALSE(ViewGroup(campaign, group, Shopper("alice"), kT0)->virtual_fill_if_timeout);  // 33%
  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));
  group = With(group, RecordPayment(campaign, group, "bob", 3990, kT0));
  EXPECT_TRUE(ViewGroup(campaign, group, Shopper("bob"), kT0)->virtual_fill_if_timeout);
  Group filled = With(group, ExpireGroup(campaign, group, kT0 + 24 * kHour));
  EXPECT_EQ(filled.status, GroupStatus::kSuccess);
  ASSERT_EQ(filled.members.size(), 3u);
  EXPECT_EQ(filled.members[2].user_id, "virtual:1");
  EXPECT_TRUE(filled.members[2].is_virtual);
  EXPECT_EQ(filled.members[1].status, MemberStatus::kSuccess);
}

TEST(GroupBuyTransitions, WithdrawalFailsTheGroup) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  Group failed = With(group, WithdrawGroup(campaign, group));
  EXPECT_EQ(failed.failure, GroupFailure::kWithdrawn);
  EXPECT_EQ(failed.members[0].status, MemberStatus::kRefunding);
  EXPECT_EQ(WithdrawGroup(campaign, failed).error().code, ErrorCode::kInvalidTransition);
}

TEST(GroupBuyTransitions, LeaderRefundPromotesTheEarliestPaidMember) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));    // stays pending
  group = With(group, JoinGroup(campaign, group, Shopper("carol"), kT0));
  group = With(group, RecordPayment(campaign, group, "carol", 3990, kT0));
  Group promoted = With(group, RequestRefund(campaign, group, "alice"));
  EXPECT_EQ(promoted.status, GroupStatus::kOpen);
  EXPECT_FALSE(promoted.members[0].is_leader);
  EXPECT_EQ(promoted.members[0].status, MemberStatus::kRefunding);
  EXPECT_FALSE(promoted.members[1].is_leader);  // bob has not paid
  EXPECT_TRUE(promoted.members[2].is_leader);
  EXPECT_EQ(promoted.stop_at_ms, group.stop_at_ms);
  EXPECT_EQ(GroupSeatsLeft(campaign, promoted), 1);

  // A member's refund frees their seat; the leader stays.
  Group member_refund = With(group, RequestRefund(campaign, group, "carol"));
  EXPECT_TRUE(member_refund.members[0].is_leader);
  EXPECT_EQ(member_refund.members[2].status, MemberStatus::kRefunding);
  EXPECT_EQ(RequestRefund(campaign, group, "bob").error().code, ErrorCode::kInvalidTransition);
}

TEST(GroupBuyTransitions, LeaderRefundWithNobodyToPromoteFailsTheGroup) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));
  Group failed = With(group, RequestRefund(campaign, group, "alice"));
  EXPECT_EQ(failed.status, GroupStatus::kFailed);
  EXPECT_EQ(failed.failure, GroupFailure::kNoLeader);
  ASSERT_EQ(failed.members.size(), 1u);  // bob never paid: dropped
  EXPECT_EQ(ViewGroup(campaign, failed, Shopper("bob"), kT0)->join.refusals,
            std::vector<GroupRefusal>{GroupRefusal::kGroupClosed});
}

TEST(GroupBuyTransitions, NoRefundThroughTheGroupAfterSuccess) {
  GroupBuyCampaign campaign = Campaign();
  campaign.group_size = 2;
  Group group = Opened(campaign);
  group = With(group, JoinGroup(campaign, group, Shopper("bob"), kT0));
  group = With(group, RecordPayment(campaign, group, "bob", 3990, kT0));
  ASSERT_EQ(group.status, GroupStatus::kSuccess);
  EXPECT_EQ(RequestRefund(campaign, group, "bob").error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(RecordPayment(campaign, group, "bob", 1, kT0).error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(JoinGroup(campaign, group, Shopper("x"), kT0).error().code, ErrorCode::kInvalidTransition);
}

TEST(GroupBuyTransitions, PayingTwiceIsAnError) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  EXPECT_EQ(RecordPayment(campaign, group, "alice", 2990, kT0).error().code, ErrorCode::kInvalidTransition);
  EXPECT_EQ(RecordPayment(campaign, group, "nobody", 2990, kT0).error().code, ErrorCode::kNotFound);
}

TEST(GroupBuyValidation, RejectsInconsistentServerState) {
  GroupBuyCampaign campaign = Campaign();
  Group group = Opened();
  Group wrong = group;
  wrong.campaign_id = "other";
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().path, "group.campaign_id");
  wrong = group;
  wrong.members.push_back(group.members[0]);
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().path, "group.members[1].user_id");
  wrong = group;
  wrong.members[0].is_leader = false;
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().message, "an open group has exactly one leader");
  wrong = group;
  wrong.members[0].status = MemberStatus::kSuccess;
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().path, "group.members[0].status");
  wrong = group;
  wrong.status = GroupStatus::kFailed;
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().path, "group.failure");
  wrong = group;
  wrong.stop_at_ms = wrong.opened_at_ms;
  EXPECT_EQ(ValidateGroup(campaign, wrong).error().path, "group.stop_at_ms");
  GroupBuyCampaign bad = campaign;
  bad.group_size = 1;
  EXPECT_EQ(ValidateGroupBuyCampaign(bad).error().path, "group_size");
  bad = campaign;
  bad.markets.clear();
  EXPECT_EQ(ValidateGroupBuyCampaign(bad).error().path, "markets");
  bad = campaign;
  bad.virtual_fill_min_percent = 101;
  EXPECT_EQ(ValidateGroupBuyCampaign(bad).error().path, "virtual_fill_min_percent");
  EXPECT_EQ(JoinGroup(campaign, wrong, Shopper("bob"), kT0).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace shopcore
