#include "shopcore/social/bargain.h"

#include <string>

#include "shopcore/money/checked.h"
#include "shopcore/money/currency.h"
#include "shopcore/social/pcg32.h"

namespace shopcore {

const char* BargainStatusName(BargainStatus status) {
  switch (status) {
    case BargainStatus::kInProgress: return "in_progress";
    case BargainStatus::kReachedFloor: return "reached_floor";
    case BargainStatus::kExpired: return "expired";
  }
  return "unknown";
}

Status ValidateBargainCampaign(const BargainCampaign& campaign) {
  if (auto currency = FindCurrency(campaign.currency); !currency.ok()) {
    return MakeError(currency.error().code, currency.error().message, "currency");
  }
  if (campaign.floor_minor < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "floor price must not be negative", "floor_minor");
  }
  if (campaign.start_minor <= campaign.floor_minor) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "start price " + std::to_string(campaign.start_minor) + " must be above the floor " +
                         std::to_string(campaign.floor_minor),
                     "start_minor");
  }
  if (campaign.helpers < 1 || campaign.helpers > kMaxBargainHelpers) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "helper count must be in 1.." + std::to_string(kMaxBargainHelpers), "helpers");
  }
  // start > floor >= 0, so the difference fits.
  int64_t to_cut = campaign.start_minor - campaign.floor_minor;
  if (campaign.helpers > to_cut) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::to_string(campaign.helpers) + " helpers cannot each cut at least 1 minor unit of " +
                         std::to_string(to_cut),
                     "helpers");
  }
  if (campaign.time_limit_ms <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "time limit must be positive", "time_limit_ms");
  }
  return Status::Ok();
}

Result<std::vector<int64_t>> GenerateBargainSchedule(const BargainCampaign& campaign, const BargainSeed& seed) {
  SHOPCORE_RETURN_IF_ERROR(ValidateBargainCampaign(campaign));
  Pcg32 rng(seed.state, seed.stream);
  const int n = campaign.helpers;
  std::vector<int64_t> cuts;
  cuts.reserve(static_cast<size_t>(n));
  int64_t remaining = campaign.start_minor - campaign.floor_minor;
  for (int i = 0; i < n; ++i) {
    int64_t helpers_left = n - i;
    int64_t cut;
    if (helpers_left == 1) {
      cut = remaining;
    } else {
      int64_t keep_for_others = remaining - (helpers_left - 1);
      int64_t twice_fair = static_cast<int64_t>((static_cast<__int128>(remaining) * 2) / helpers_left);
      int64_t cap = keep_for_others < twice_fair ? keep_for_others : twice_fair;
      cut = 1 + static_cast<int64_t>(rng.Bounded64(static_cast<uint64_t>(cap)));
    }
    cuts.push_back(cut);
    remaining -= cut;
  }
  return cuts;
}

Status ValidateBargainSchedule(const BargainCampaign& campaign, const std::vector<int64_t>& cuts) {
  SHOPCORE_RETURN_IF_ERROR(ValidateBargainCampaign(campaign));
  if (cuts.size() != static_cast<size_t>(campaign.helpers)) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "schedule has " + std::to_string(cuts.size()) + " cuts for " +
                         std::to_string(campaign.helpers) + " helpers",
                     "cuts");
  }
  int64_t sum = 0;
  for (size_t i = 0; i < cuts.size(); ++i) {
    std::string path = "cuts[" + std::to_string(i) + "]";
    if (cuts[i] < 1) return MakeError(ErrorCode::kInvalidArgument, "each cut must be at least 1 minor unit", path);
    auto next = CheckedAdd(sum, cuts[i]);
    if (!next.ok()) return MakeError(ErrorCode::kOverflow, next.error().message, path);
    sum = *next;
  }
  int64_t to_cut = campaign.start_minor - campaign.floor_minor;
  if (sum != to_cut) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "cuts sum to " + std::to_string(sum) + ", not start - floor = " + std::to_string(to_cut), "cuts");
  }
  return Status::Ok();
}

Result<int64_t> BargainPriceAfter(const BargainCampaign& campaign, const std::vector<int64_t>& cuts, int k) {
  SHOPCORE_RETURN_IF_ERROR(ValidateBargainSchedule(campaign, cuts));
  if (k < 0 || k > campaign.helpers) {
    return MakeError(ErrorCode::kInvalidArgument, "helper count must be in 0.." + std::to_string(campaign.helpers),
                     "k");
  }
  int64_t price = campaign.start_minor;
  for (int i = 0; i < k; ++i) price -= cuts[static_cast<size_t>(i)];
  return price;
}

Result<BargainProgress> BargainProgressAt(const BargainCampaign& campaign, const std::vector<int64_t>& cuts,
                                          const BargainSession& session, int64_t now_ms) {
  auto price = BargainPriceAfter(campaign, cuts, session.helpers_done);
  if (!price.ok()) {
    Error error = price.error();
    if (error.path == "k") error.path = "helpers_done";
    return error;
  }
  auto ends_at = CheckedAdd(session.started_at_ms, campaign.time_limit_ms);
  if (!ends_at.ok()) return MakeError(ErrorCode::kOverflow, ends_at.error().message, "started_at_ms");
  BargainProgress progress;
  int64_t to_cut = campaign.start_minor - campaign.floor_minor;
  progress.helpers_done = session.helpers_done;
  progress.helpers_total = campaign.helpers;
  progress.price_minor = *price;
  progress.cut_so_far_minor = campaign.start_minor - *price;
  progress.left_to_floor_minor = *price - campaign.floor_minor;
  progress.progress_permille =
      static_cast<int>((static_cast<__int128>(progress.cut_so_far_minor) * 1000) / to_cut);
  if (session.helpers_done == campaign.helpers) {
    progress.status = BargainStatus::kReachedFloor;
  } else if (now_ms >= *ends_at) {
    progress.status = BargainStatus::kExpired;
  } else {
    progress.status = BargainStatus::kInProgress;
    progress.next_cut_minor = cuts[static_cast<size_t>(session.helpers_done)];
    auto left = CheckedSubtract(*ends_at, now_ms);
    if (!left.ok()) return MakeError(ErrorCode::kOverflow, left.error().message, "now_ms");
    progress.time_left_ms = *left;
  }
  return progress;
}

}  // namespace shopcore
