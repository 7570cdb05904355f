// JSON codec of group-buy requests and answers (see shopcore/social/codec.h).
#include <string>

#include "shopcore/social/codec.h"
#include "shopcore/social/group_buy.h"
#include "shopcore/social/snapshot_campaigns.h"
#include "social/campaign_ref.h"
#include "social/json_access.h"

namespace shopcore {
namespace {

using namespace json_access;  // NOLINT: the codec's own helpers

// The campaign sent in the request, or named by "campaign_id" and read from
// the open snapshot (never both).
Result<GroupBuyCampaign> DecodeCampaign(const Json& request, const Snapshot* snapshot) {
  std::optional<GroupBuyCampaign> by_id;
  ASSIGN_OR_RETURN(by_id, CampaignById(request, snapshot, &GroupBuyCampaignFromSnapshot));
  if (by_id) return std::move(*by_id);
  const std::string path = "campaign";
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "campaign", "", true));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(*json, path,
                                         {"id", "sku", "currency", "group_price_minor", "leader_price_minor",
                                          "group_size", "open_duration_ms", "per_user_limit", "new_users_only",
                                          "virtual_fill_min_percent", "markets", "withdrawn"}));
  GroupBuyCampaign campaign;
  ASSIGN_OR_RETURN(campaign.id, GetString(*json, "id", path));
  ASSIGN_OR_RETURN(campaign.sku, GetString(*json, "sku", path));
  ASSIGN_OR_RETURN(campaign.currency, GetString(*json, "currency", path));
  ASSIGN_OR_RETURN(campaign.group_price_minor, GetInt64(*json, "group_price_minor", path));
  if (json->contains("leader_price_minor") && !(*json)["leader_price_minor"].is_null()) {
    int64_t leader;
    ASSIGN_OR_RETURN(leader, GetInt64(*json, "leader_price_minor", path));
    campaign.leader_price_minor = leader;
  }
  ASSIGN_OR_RETURN(campaign.group_size, GetInt(*json, "group_size", path, 2, kMaxGroupSize));
  ASSIGN_OR_RETURN(campaign.open_duration_ms, GetInt64(*json, "open_duration_ms", path));
  ASSIGN_OR_RETURN(campaign.per_user_limit, GetInt(*json, "per_user_limit", path, 0, 1000000, 0));
  ASSIGN_OR_RETURN(campaign.new_users_only, GetBool(*json, "new_users_only", path, false));
  ASSIGN_OR_RETURN(campaign.virtual_fill_min_percent, GetInt(*json, "virtual_fill_min_percent", path, 0, 100, 0));
  ASSIGN_OR_RETURN(campaign.withdrawn, GetBool(*json, "withdrawn", path, false));
  const Json* markets;
  ASSIGN_OR_RETURN(markets, GetArray(*json, "markets", path, true));
  for (size_t i = 0; i < markets->size(); ++i) {
    if (!(*markets)[i].is_string()) {
      return MakeError(ErrorCode::kBadRequest, "expected a string", Index(Child(path, "markets"), i));
    }
    campaign.markets.push_back((*markets)[i].get<std::string>());
  }
  if (auto valid = ValidateGroupBuyCampaign(campaign); !valid.ok()) return Prefixed(valid.error(), path);
  return campaign;
}

Result<GroupShopper> DecodeShopper(const Json& request) {
  const std::string path = "shopper";
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "shopper", "", true));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(*json, path, {"user_id", "market", "is_new_user", "groups_taken"}));
  GroupShopper shopper;
  ASSIGN_OR_RETURN(shopper.user_id, GetString(*json, "user_id", path));
  ASSIGN_OR_RETURN(shopper.market, GetString(*json, "market", path));
  ASSIGN_OR_RETURN(shopper.is_new_user, GetBool(*json, "is_new_user", path, false));
  ASSIGN_OR_RETURN(shopper.groups_taken, GetInt(*json, "groups_taken", path, 0, 1000000, 0));
  return shopper;
}

Result<Group> DecodeGroup(const Json& request, const GroupBuyCampaign& campaign) {
  const std::string path = "group";
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "group", "", true));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(
      *json, path, {"id", "campaign_id", "status", "failure", "opened_at_ms", "stop_at_ms", "members"}));
  Group group;
  ASSIGN_OR_RETURN(group.id, GetString(*json, "id", path));
  ASSIGN_OR_RETURN(group.campaign_id, GetString(*json, "campaign_id", path));
  std::string status, failure;
  ASSIGN_OR_RETURN(status, GetString(*json, "status", path));
  ASSIGN_OR_RETURN(failure, GetString(*json, "failure", path, std::string("none")));
  auto parsed_status = ParseGroupStatus(status);
  if (!parsed_status.ok()) return Prefixed(parsed_status.error(), Child(path, "status"));
  group.status = *parsed_status;
  auto parsed_failure = ParseGroupFailure(failure);
  if (!parsed_failure.ok()) return Prefixed(parsed_failure.error(), Child(path, "failure"));
  group.failure = *parsed_failure;
  ASSIGN_OR_RETURN(group.opened_at_ms, GetInt64(*json, "opened_at_ms", path));
  ASSIGN_OR_RETURN(group.stop_at_ms, GetInt64(*json, "stop_at_ms", path));
  const Json* members;
  ASSIGN_OR_RETURN(members, GetArray(*json, "members", path, true));
  for (size_t i = 0; i < members->size(); ++i) {
    const Json& item = (*members)[i];
    std::string where = Index(Child(path, "members"), i);
    SHOPCORE_RETURN_IF_ERROR(
        RequireObject(item, where, {"user_id", "status", "is_leader", "is_virtual", "joined_at_ms", "paid_minor"}));
    GroupMember member;
    ASSIGN_OR_RETURN(member.user_id, GetString(item, "user_id", where));
    std::string member_status;
    ASSIGN_OR_RETURN(member_status, GetString(item, "status", where));
    auto parsed = ParseMemberStatus(member_status);
    if (!parsed.ok()) return Prefixed(parsed.error(), Child(where, "status"));
    member.status = *parsed;
    ASSIGN_OR_RETURN(member.is_leader, GetBool(item, "is_leader", where, false));
    ASSIGN_OR_RETURN(member.is_virtual, GetBool(item, "is_virtual", where, false));
    ASSIGN_OR_RETURN(member.joined_at_ms, GetInt64(item, "joined_at_ms", where));
    ASSIGN_OR_RETURN(member.paid_minor, GetInt64(item, "paid_minor", where, 0));
    group.members.push_back(std::move(member));
  }
  SHOPCORE_RETURN_IF_ERROR(ValidateGroup(campaign, group));
  return group;
}

OrderedJson EncodeGroup(const Group& group) {
  OrderedJson out;
  out["id"] = group.id;
  out["campaign_id"] = group.campaign_id;
  out["status"] = GroupStatusName(group.status);
  out["failure"] = GroupFailureName(group.failure);
  out["opened_at_ms"] = group.opened_at_ms;
  out["stop_at_ms"] = group.stop_at_ms;
  out["members"] = OrderedJson::array();
  for (const auto& member : group.members) {
    OrderedJson item;
    item["user_id"] = member.user_id;
    item["status"] = MemberStatusName(member.status);
    item["is_leader"] = member.is_leader;
    item["is_virtual"] = member.is_virtual;
    item["joined_at_ms"] = member.joined_at_ms;
    item["paid_minor"] = std::to_string(member.paid_minor);
    out["members"].push_back(std::move(item));
  }
  return out;
}

OrderedJson EncodeEligibility(const GroupEligibility& eligibility, const GroupBuyCampaign& campaign) {
  OrderedJson out;
  out["allowed"] = eligibility.allowed();
  out["refusals"] = OrderedJson::array();
  for (GroupRefusal refusal : eligibility.refusals) out["refusals"].push_back(GroupRefusalName(refusal));
  out["role"] = GroupRoleName(eligibility.role);
  out["price_minor"] = std::to_string(eligibility.price_minor);
  out["currency"] = campaign.currency;
  return out;
}

OrderedJson EncodeView(const GroupView& view, const GroupBuyCampaign& campaign) {
  OrderedJson out;
  out["status"] = GroupStatusName(view.status);
  out["failure"] = GroupFailureName(view.failure);
  out["seats_left"] = view.seats_left;
  out["paid_members"] = view.paid_members;
  out["group_size"] = campaign.group_size;
  out["time_left_ms"] = view.time_left_ms;
  OrderedJson viewer;
  viewer["role"] = GroupRoleName(view.viewer_role);
  viewer["status"] = view.viewer_status ? OrderedJson(MemberStatusName(*view.viewer_status)) : OrderedJson(nullptr);
  viewer["price_minor"] = std::to_string(view.viewer_price_minor);
  viewer["currency"] = campaign.currency;
  out["viewer"] = std::move(viewer);
  out["payment_if_fails"] = PaymentIfFailsName(view.payment_if_fails);
  out["virtual_fill_if_timeout"] = view.virtual_fill_if_timeout;
  out["join"] = EncodeEligibility(view.join, campaign);
  return out;
}

Result<std::string> GroupAnswer(const Result<Group>& group) {
  if (!group.ok()) return group.error();
  OrderedJson out;
  out["group"] = EncodeGroup(*group);
  return Dump(out);
}

}  // namespace

const std::vector<std::string>& GroupOperations() {
  static const std::vector<std::string> kOperations = {"check-open", "check-join", "view",   "open",
                                                       "join",       "pay",        "cancel", "expire",
                                                       "withdraw",   "refund",     "refund-done"};
  return kOperations;
}

Result<std::string> GroupOperationJson(const std::string& op, const std::string& text, const Snapshot* snapshot) {
  bool known = false;
  for (const auto& name : GroupOperations()) known = known || name == op;
  if (!known) return MakeError(ErrorCode::kInvalidArgument, "unknown group operation '" + op + "'", "op");
  Json request;
  ASSIGN_OR_RETURN(request, ParseDocument(text));
  // Each operation names the fields it reads; anything else is refused.
  std::vector<const char*> fields;
  if (op == "check-open") fields = {"campaign", "shopper"};
  else if (op == "check-join" || op == "view" || op == "join") fields = {"campaign", "group", "shopper", "now_ms"};
  else if (op == "open") fields = {"campaign", "shopper", "group_id", "paid_minor", "now_ms"};
  else if (op == "pay") fields = {"campaign", "group", "user_id", "paid_minor", "now_ms"};
  else if (op == "expire") fields = {"campaign", "group", "now_ms"};
  else if (op == "withdraw") fields = {"campaign", "group"};
  else fields = {"campaign", "group", "user_id"};
  fields.push_back("campaign_id");
  SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", fields));

  GroupBuyCampaign campaign;
  ASSIGN_OR_RETURN(campaign, DecodeCampaign(request, snapshot));
  if (op == "check-open") {
    GroupShopper shopper;
    ASSIGN_OR_RETURN(shopper, DecodeShopper(request));
    return Dump(EncodeEligibility(CheckOpenGroup(campaign, shopper), campaign));
  }
  if (op == "open") {
    GroupShopper shopper;
    ASSIGN_OR_RETURN(shopper, DecodeShopper(request));
    std::string group_id;
    ASSIGN_OR_RETURN(group_id, GetString(request, "group_id", ""));
    int64_t paid, now;
    ASSIGN_OR_RETURN(paid, GetInt64(request, "paid_minor", ""));
    ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
    return GroupAnswer(OpenGroup(campaign, shopper, group_id, paid, now));
  }
  Group group;
  ASSIGN_OR_RETURN(group, DecodeGroup(request, campaign));
  if (op == "check-join" || op == "view" || op == "join") {
    GroupShopper shopper;
    ASSIGN_OR_RETURN(shopper, DecodeShopper(request));
    int64_t now;
    ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
    if (op == "check-join") return Dump(EncodeEligibility(CheckJoinGroup(campaign, group, shopper, now), campaign));
    if (op == "join") return GroupAnswer(JoinGroup(campaign, group, shopper, now));
    auto view = ViewGroup(campaign, group, shopper, now);
    if (!view.ok()) return view.error();
    return Dump(EncodeView(*view, campaign));
  }
  if (op == "expire") {
    int64_t now;
    ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
    return GroupAnswer(ExpireGroup(campaign, group, now));
  }
  if (op == "withdraw") return GroupAnswer(WithdrawGroup(campaign, group));
  std::string user_id;
  ASSIGN_OR_RETURN(user_id, GetString(request, "user_id", ""));
  if (op == "pay") {
    int64_t paid, now;
    ASSIGN_OR_RETURN(paid, GetInt64(request, "paid_minor", ""));
    ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
    return GroupAnswer(RecordPayment(campaign, group, user_id, paid, now));
  }
  if (op == "cancel") return GroupAnswer(CancelPendingMember(campaign, group, user_id));
  if (op == "refund") return GroupAnswer(RequestRefund(campaign, group, user_id));
  return GroupAnswer(CompleteRefund(campaign, group, user_id));
}

}  // namespace shopcore
