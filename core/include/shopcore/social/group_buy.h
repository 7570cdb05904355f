// Group-buy 拼团: a leader opens a group at the group (or leader) price;
// friends join; the group succeeds when group_size members have paid before
// stop_at, and fails otherwise (payments are refunded in full).
//
// The server owns membership, payments and time. It sends the group's state;
// the engine answers what a shopper may do and why not, what they pay, how
// many seats and how much time are left, and computes the next state for an
// event, so device and server apply the same rules. Every transition is a
// pure function: it returns the new Group or an Error, and the input group
// is never modified.
//
// Group:  open(stop_at) -> success   (paid members >= size; or virtual fill at
//                                     timeout when enabled and reached)
//                      -> failed     (timeout, campaign withdrawn, or the
//                                     leader refunded with no paid member left
//                                     to promote)
// Member: pending_payment -> joined -> success
//                                  \-> refunding -> refunded
// A pending member whose payment is cancelled, or who is still pending when
// the group closes, is removed: nothing was charged. The leader's payment
// opens the group (OpenGroup takes it), so a leader is never pending.
// Seats are held by pending, joined and success members.
#ifndef SHOPCORE_SOCIAL_GROUP_BUY_H_
#define SHOPCORE_SOCIAL_GROUP_BUY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

constexpr int kMaxGroupSize = 1000;

struct GroupBuyCampaign {
  std::string id;
  std::string sku;
  std::string currency;  // ISO 4217; prices in its minor units
  int64_t group_price_minor = 0;
  std::optional<int64_t> leader_price_minor;  // 团长价; none = the group price
  int group_size = 0;                          // 2..kMaxGroupSize
  int64_t open_duration_ms = 0;                // stop_at = opened_at + this
  int per_user_limit = 0;                      // groups one shopper may take part in; 0 = no limit
  bool new_users_only = false;
  // CRMEB-style virtual fill: at timeout, if paid members * 100 >=
  // percent * group_size, the missing seats are filled with virtual members
  // and the group succeeds. 0 = off.
  int virtual_fill_min_percent = 0;
  std::vector<std::string> markets;  // where it runs; never empty
  bool withdrawn = false;            // taken offline by the merchant
};

// Who asks, as the server knows them.
struct GroupShopper {
  std::string user_id;
  std::string market;
  bool is_new_user = false;
  int groups_taken = 0;  // groups of this campaign already opened or joined (for per_user_limit)
};

enum class GroupStatus { kOpen, kSuccess, kFailed };
enum class GroupFailure { kNone, kTimeout, kWithdrawn, kNoLeader };
enum class MemberStatus { kPendingPayment, kJoined, kSuccess, kRefunding, kRefunded };
enum class GroupRole { kNone, kLeader, kMember };

// Why a shopper may not open or join, in this (stable) order.
enum class GroupRefusal {
  kCampaignWithdrawn,
  kNotInMarket,
  kNotNewUser,
  kOverLimit,
  kOwnGroup,       // the leader of this group
  kAlreadyMember,  // has (or had) a seat in this group
  kFull,           // no seat left, or the group already succeeded
  kExpired,        // stop_at has passed or the group failed on timeout
  kGroupClosed,    // the group failed for another reason
};

// What a member's payment becomes if the group fails.
enum class PaymentIfFails { kNotCharged, kFullRefund };

const char* GroupStatusName(GroupStatus status);        // "open", "success", "failed"
const char* GroupFailureName(GroupFailure failure);     // "none", "timeout", "withdrawn", "no_leader"
const char* MemberStatusName(MemberStatus status);      // "pending_payment", "joined", ...
const char* GroupRoleName(GroupRole role);              // "none", "leader", "member"
const char* GroupRefusalName(GroupRefusal refusal);     // "campaign_withdrawn", ..., "group_closed"
const char* PaymentIfFailsName(PaymentIfFails outcome); // "not_charged", "full_refund"
Result<GroupStatus> ParseGroupStatus(const std::string& name);
Result<GroupFailure> ParseGroupFailure(const std::string& name);
Result<MemberStatus> ParseMemberStatus(const std::string& name);

struct GroupMember {
  std::string user_id;
  MemberStatus status = MemberStatus::kPendingPayment;
  bool is_leader = false;
  bool is_virtual = false;
  int64_t joined_at_ms = 0;
  int64_t paid_minor = 0;  // what their payment was (0 while pending)
};

struct Group {
  std::string id;
  std::string campaign_id;
  GroupStatus status = GroupStatus::kOpen;
  GroupFailure failure = GroupFailure::kNone;
  int64_t opened_at_ms = 0;
  int64_t stop_at_ms = 0;
  std::vector<GroupMember> members;  // in joining order; promotion follows it
};

struct GroupEligibility {
  std::vector<GroupRefusal> refusals;  // empty: allowed
  GroupRole role = GroupRole::kNone;   // the role they would take
  int64_t price_minor = 0;             // what they would pay in that role
  bool allowed() const { return refusals.empty(); }
};

// A shopper's view of one group at now_ms, for the activity page.
struct GroupView {
  GroupStatus status = GroupStatus::kOpen;
  GroupFailure failure = GroupFailure::kNone;
  int seats_left = 0;
  int paid_members = 0;
  int64_t time_left_ms = 0;  // countdown; 0 unless open and before stop_at
  GroupRole viewer_role = GroupRole::kNone;
  std::optional<MemberStatus> viewer_status;
  int64_t viewer_price_minor = 0;  // for their role (leader price for the leader)
  PaymentIfFails payment_if_fails = PaymentIfFails::kFullRefund;
  bool virtual_fill_if_timeout = false;  // would succeed by virtual fill if it timed out now
  GroupEligibility join;                 // may the viewer join, and why not
};

Status ValidateGroupBuyCampaign(const GroupBuyCampaign& campaign);
// The server's group state against its campaign: ids, unique members, one
// leader while open, counts that fit, states consistent with the group's.
Status ValidateGroup(const GroupBuyCampaign& campaign, const Group& group);

int64_t GroupPriceFor(const GroupBuyCampaign& campaign, GroupRole role);
int GroupSeatsLeft(const GroupBuyCampaign& campaign, const Group& group);

GroupEligibility CheckOpenGroup(const GroupBuyCampaign& campaign, const GroupShopper& shopper);
GroupEligibility CheckJoinGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& shopper,
                                int64_t now_ms);
Result<GroupView> ViewGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& viewer,
                            int64_t now_ms);

// Transitions. Refusals and impossible events are INVALID_TRANSITION with the
// reason in the message; bad data is INVALID_ARGUMENT.
// The leader has paid paid_minor (the leader price): the group opens.
Result<Group> OpenGroup(const GroupBuyCampaign& campaign, const GroupShopper& leader, const std::string& group_id,
                        int64_t paid_minor, int64_t now_ms);
// A friend takes a seat and owes the group price.
Result<Group> JoinGroup(const GroupBuyCampaign& campaign, const Group& group, const GroupShopper& shopper,
                        int64_t now_ms);
// A pending member paid; the group succeeds when group_size have paid.
Result<Group> RecordPayment(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id,
                            int64_t paid_minor, int64_t now_ms);
// A pending member's order was cancelled before payment: the seat is freed.
Result<Group> CancelPendingMember(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id);
// stop_at has passed: virtual fill or failure.
Result<Group> ExpireGroup(const GroupBuyCampaign& campaign, const Group& group, int64_t now_ms);
// The merchant took the campaign offline while the group was open.
Result<Group> WithdrawGroup(const GroupBuyCampaign& campaign, const Group& group);
// A paid member of an open group asks for a refund; a leader's refund
// promotes the earliest paid member, or fails the group if there is none.
Result<Group> RequestRefund(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id);
// The payment provider confirmed a refund.
Result<Group> CompleteRefund(const GroupBuyCampaign& campaign, const Group& group, const std::string& user_id);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_GROUP_BUY_H_
