// JSON codec of bargain requests and answers (see shopcore/social/codec.h).
#include <string>
#include <vector>

#include "shopcore/social/bargain.h"
#include "shopcore/social/codec.h"
#include "shopcore/social/snapshot_campaigns.h"
#include "social/campaign_ref.h"
#include "social/json_access.h"

namespace shopcore {
namespace {

using namespace json_access;  // NOLINT: the codec's own helpers

// The campaign sent in the request, or named by "campaign_id" and read from
// the open snapshot (never both).
Result<BargainCampaign> DecodeCampaign(const Json& request, const Snapshot* snapshot) {
  std::optional<BargainCampaign> by_id;
  ASSIGN_OR_RETURN(by_id, CampaignById(request, snapshot, &BargainCampaignFromSnapshot));
  if (by_id) return std::move(*by_id);
  const std::string path = "campaign";
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "campaign", "", true));
  SHOPCORE_RETURN_IF_ERROR(
      RequireObject(*json, path, {"id", "currency", "start_minor", "floor_minor", "helpers", "time_limit_ms"}));
  BargainCampaign campaign;
  ASSIGN_OR_RETURN(campaign.id, GetString(*json, "id", path, std::string()));
  ASSIGN_OR_RETURN(campaign.currency, GetString(*json, "currency", path));
  ASSIGN_OR_RETURN(campaign.start_minor, GetInt64(*json, "start_minor", path));
  ASSIGN_OR_RETURN(campaign.floor_minor, GetInt64(*json, "floor_minor", path));
  ASSIGN_OR_RETURN(campaign.helpers, GetInt(*json, "helpers", path, 1, kMaxBargainHelpers));
  ASSIGN_OR_RETURN(campaign.time_limit_ms, GetInt64(*json, "time_limit_ms", path));
  if (auto valid = ValidateBargainCampaign(campaign); !valid.ok()) return Prefixed(valid.error(), path);
  return campaign;
}

Result<BargainSeed> DecodeSeed(const Json& request) {
  const Json* json;
  ASSIGN_OR_RETURN(json, GetObject(request, "seed", "", true));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(*json, "seed", {"state", "stream"}));
  BargainSeed seed;
  ASSIGN_OR_RETURN(seed.state, GetUint64String(*json, "state", "seed"));
  ASSIGN_OR_RETURN(seed.stream, GetUint64String(*json, "stream", "seed", uint64_t{0}));
  return seed;
}

Result<std::vector<int64_t>> DecodeCuts(const Json& cuts_json) {
  std::vector<int64_t> cuts;
  if (cuts_json.size() > static_cast<size_t>(kMaxBargainHelpers)) {
    return MakeError(ErrorCode::kInvalidArgument, "more cuts than any campaign has helpers", "cuts");
  }
  for (size_t i = 0; i < cuts_json.size(); ++i) {
    int64_t cut;
    ASSIGN_OR_RETURN(cut, Int64Of(cuts_json[i], Index("cuts", i)));
    cuts.push_back(cut);
  }
  return cuts;
}

// The schedule from explicit cuts (validated) or from the seed.
Result<std::vector<int64_t>> ScheduleOf(const Json& request, const BargainCampaign& campaign) {
  const Json* cuts_json;
  ASSIGN_OR_RETURN(cuts_json, GetArray(request, "cuts", "", false));
  bool has_seed = request.contains("seed");
  if (cuts_json && has_seed) {
    return MakeError(ErrorCode::kBadRequest, "give either cuts or a seed, not both", "cuts");
  }
  if (cuts_json) {
    std::vector<int64_t> cuts;
    ASSIGN_OR_RETURN(cuts, DecodeCuts(*cuts_json));
    SHOPCORE_RETURN_IF_ERROR(ValidateBargainSchedule(campaign, cuts));
    return cuts;
  }
  if (!has_seed) return MakeError(ErrorCode::kBadRequest, "give the cuts or the seed", "seed");
  BargainSeed seed;
  ASSIGN_OR_RETURN(seed, DecodeSeed(request));
  return GenerateBargainSchedule(campaign, seed);
}

OrderedJson MinorArray(const std::vector<int64_t>& values) {
  OrderedJson out = OrderedJson::array();
  for (int64_t value : values) out.push_back(std::to_string(value));
  return out;
}

}  // namespace

Result<std::string> BargainOperationJson(const std::string& op, const std::string& text, const Snapshot* snapshot) {
  if (op != "schedule" && op != "validate" && op != "progress") {
    return MakeError(ErrorCode::kInvalidArgument, "unknown bargain operation '" + op + "'", "op");
  }
  Json request;
  ASSIGN_OR_RETURN(request, ParseDocument(text));
  if (op == "schedule") SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"campaign", "campaign_id", "seed"}));
  if (op == "validate") SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"campaign", "campaign_id", "cuts"}));
  if (op == "progress") {
    SHOPCORE_RETURN_IF_ERROR(RequireObject(request, "", {"campaign", "campaign_id", "seed", "cuts", "session", "now_ms"}));
  }
  BargainCampaign campaign;
  ASSIGN_OR_RETURN(campaign, DecodeCampaign(request, snapshot));

  if (op == "validate") {
    OrderedJson out;
    out["valid"] = true;
    out["to_cut_minor"] = std::to_string(campaign.start_minor - campaign.floor_minor);
    const Json* cuts_json;
    ASSIGN_OR_RETURN(cuts_json, GetArray(request, "cuts", "", false));
    if (cuts_json) {
      std::vector<int64_t> cuts;
      ASSIGN_OR_RETURN(cuts, DecodeCuts(*cuts_json));
      SHOPCORE_RETURN_IF_ERROR(ValidateBargainSchedule(campaign, cuts));
      out["cuts_checked"] = cuts.size();
    }
    return Dump(out);
  }
  if (op == "schedule") {
    BargainSeed seed;
    ASSIGN_OR_RETURN(seed, DecodeSeed(request));
    std::vector<int64_t> cuts;
    ASSIGN_OR_RETURN(cuts, GenerateBargainSchedule(campaign, seed));
    OrderedJson out;
    out["algorithm"] = "double-average-v1";
    out["prng"] = "pcg32";
    out["seed"] = {{"state", std::to_string(seed.state)}, {"stream", std::to_string(seed.stream)}};
    out["currency"] = campaign.currency;
    out["start_minor"] = std::to_string(campaign.start_minor);
    out["floor_minor"] = std::to_string(campaign.floor_minor);
    out["cuts"] = MinorArray(cuts);
    return Dump(out);
  }
  std::vector<int64_t> cuts;
  ASSIGN_OR_RETURN(cuts, ScheduleOf(request, campaign));
  const Json* session_json;
  ASSIGN_OR_RETURN(session_json, GetObject(request, "session", "", true));
  SHOPCORE_RETURN_IF_ERROR(RequireObject(*session_json, "session", {"started_at_ms", "helpers_done"}));
  BargainSession session;
  ASSIGN_OR_RETURN(session.started_at_ms, GetInt64(*session_json, "started_at_ms", "session"));
  ASSIGN_OR_RETURN(session.helpers_done, GetInt(*session_json, "helpers_done", "session", 0, kMaxBargainHelpers));
  int64_t now;
  ASSIGN_OR_RETURN(now, GetInt64(request, "now_ms", ""));
  auto progress = BargainProgressAt(campaign, cuts, session, now);
  if (!progress.ok()) {
    Error error = progress.error();
    if (error.path == "helpers_done" || error.path == "started_at_ms") error.path = "session." + error.path;
    return error;
  }
  OrderedJson out;
  out["status"] = BargainStatusName(progress->status);
  out["currency"] = campaign.currency;
  out["price_minor"] = std::to_string(progress->price_minor);
  out["floor_minor"] = std::to_string(campaign.floor_minor);
  out["helpers_done"] = progress->helpers_done;
  out["helpers_total"] = progress->helpers_total;
  out["cut_so_far_minor"] = std::to_string(progress->cut_so_far_minor);
  out["left_to_floor_minor"] = std::to_string(progress->left_to_floor_minor);
  out["next_cut_minor"] =
      progress->next_cut_minor ? OrderedJson(std::to_string(*progress->next_cut_minor)) : OrderedJson(nullptr);
  out["progress_permille"] = progress->progress_permille;
  out["time_left_ms"] = progress->time_left_ms;
  return Dump(out);
}

}  // namespace shopcore
