// Snapshot GroupBuyCampaign / BargainCampaign -> the social rules' types.
// See shopcore/social/snapshot_campaigns.h for the mapping.
#include "shopcore/social/snapshot_campaigns.h"

#include <map>
#include <string>

namespace shopcore {
namespace {

std::string Str(const flatbuffers::String* text) { return text == nullptr ? std::string() : text->str(); }

// The validators speak the social field names; the snapshot's differ.
Error AtSnapshotPath(Error error, const std::string& prefix, const std::map<std::string, std::string>& fields) {
  auto renamed = fields.find(error.path);
  std::string field = renamed != fields.end() ? renamed->second : error.path;
  error.path = field.empty() ? prefix : prefix + "." + field;
  return error;
}

Result<GroupBuyCampaign> GroupBuyFrom(const schema::GroupBuyCampaign& source) {
  static const std::map<std::string, std::string> kFields = {{"group_price_minor", "group_price"},
                                                             {"leader_price_minor", "leader_price"},
                                                             {"virtual_fill_min_percent", "virtual_fill_min_bp"}};
  GroupBuyCampaign campaign;
  campaign.id = Str(source.id());
  const std::string path = "group_buys[" + campaign.id + "]";
  campaign.sku = Str(source.sku());
  campaign.currency = Str(source.currency());
  campaign.group_price_minor = source.group_price();
  if (source.leader_price() != 0) campaign.leader_price_minor = source.leader_price();
  campaign.group_size = source.group_size();
  campaign.open_duration_ms = source.open_duration_ms();
  campaign.per_user_limit = source.per_user_limit();
  campaign.new_users_only = source.new_users_only();
  if (source.virtual_fill()) {
    int bp = source.virtual_fill_min_bp();
    if (bp < 100 || bp > 10000 || bp % 100 != 0) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "virtual fill needs a threshold of whole percent: 100..10000 bp in steps of 100, got " +
                           std::to_string(bp),
                       path + ".virtual_fill_min_bp");
    }
    campaign.virtual_fill_min_percent = bp / 100;
  }
  if (source.markets() != nullptr) {
    for (const auto* market : *source.markets()) campaign.markets.push_back(market->str());
  }
  campaign.withdrawn = source.withdrawn();
  Status valid = ValidateGroupBuyCampaign(campaign);
  if (!valid.ok()) return AtSnapshotPath(valid.error(), path, kFields);
  return campaign;
}

Result<BargainCampaign> BargainFrom(const schema::BargainCampaign& source) {
  static const std::map<std::string, std::string> kFields = {{"start_minor", "start_price"},
                                                             {"floor_minor", "floor_price"},
                                                             {"helpers", "helper_count"},
                                                             {"time_limit_ms", "duration_ms"}};
  BargainCampaign campaign;
  campaign.id = Str(source.id());
  const std::string path = "bargains[" + campaign.id + "]";
  std::string prng = Str(source.prng());
  if (!prng.empty() && prng != "pcg32") {
    return MakeError(ErrorCode::kInvalidArgument, "the cut schedule is specified for \"pcg32\" only, not '" + prng + "'",
                     path + ".prng");
  }
  campaign.currency = Str(source.currency());
  campaign.start_minor = source.start_price();
  campaign.floor_minor = source.floor_price();
  campaign.helpers = source.helper_count();
  campaign.time_limit_ms = source.duration_ms();
  Status valid = ValidateBargainCampaign(campaign);
  if (!valid.ok()) return AtSnapshotPath(valid.error(), path, kFields);
  return campaign;
}

}  // namespace

Result<GroupBuyCampaign> GroupBuyCampaignFromSnapshot(const Snapshot& snapshot, std::string_view id) {
  const auto* campaigns = snapshot.catalog().group_buys();
  const std::string key(id);
  const schema::GroupBuyCampaign* found = campaigns ? campaigns->LookupByKey(key.c_str()) : nullptr;
  if (found == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no group-buy campaign '" + key + "' in the snapshot", "campaign_id");
  }
  return GroupBuyFrom(*found);
}

Result<BargainCampaign> BargainCampaignFromSnapshot(const Snapshot& snapshot, std::string_view id) {
  const auto* campaigns = snapshot.catalog().bargains();
  const std::string key(id);
  const schema::BargainCampaign* found = campaigns ? campaigns->LookupByKey(key.c_str()) : nullptr;
  if (found == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no bargain campaign '" + key + "' in the snapshot", "campaign_id");
  }
  return BargainFrom(*found);
}

Status ValidateSnapshotCampaigns(const Snapshot& snapshot) {
  const schema::Catalog& catalog = snapshot.catalog();
  if (catalog.group_buys() != nullptr) {
    for (const auto* source : *catalog.group_buys()) {
      auto campaign = GroupBuyFrom(*source);
      if (!campaign.ok()) return campaign.error();
    }
  }
  if (catalog.bargains() != nullptr) {
    for (const auto* source : *catalog.bargains()) {
      auto campaign = BargainFrom(*source);
      if (!campaign.ok()) return campaign.error();
    }
  }
  return Status::Ok();
}

}  // namespace shopcore
