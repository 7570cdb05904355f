// Bargain 砍价: friends help cut a price from start down to a floor.
//
// The server is the authority for randomness: it picks a 64-bit seed (and a
// stream) when a bargain starts; the device replays the whole cut schedule
// from them bit for bit, or takes a schedule the server sent explicitly
// (validated with ValidateBargainSchedule).
//
// Schedule algorithm, version 1 ("double-average", 二倍均值, in integers):
//
//   T = start_minor - floor_minor; n = helpers; rng = Pcg32(seed, stream)
//   R = T
//   for i in 0 .. n-1:
//     h = n - i                          // helpers left, this one included
//     if h == 1:  cut_i = R              // the last helper reaches the floor
//     else:
//       cap   = min(R - (h - 1),         // leave >= 1 minor unit per later helper
//                   floor(2 * R / h))    // at most twice the fair share
//       cut_i = 1 + rng.Bounded64(cap)   // uniform in [1, cap]
//     R -= cut_i
//
// 2 * R is computed in 128 bits. Exactly one Bounded64 call (see pcg32.h; it
// may draw more than one Next64 when it rejects) is made per helper except
// the last. Because R >= h before each step, cap >= 1 and every cut is at
// least one minor unit; the cuts sum to T by construction.
//
// A campaign is valid when 0 <= floor < start, 1 <= helpers <= 10000 and
// helpers <= start - floor (each helper must cut at least one minor unit).
// The snapshot builder calls ValidateBargainCampaign.
#ifndef SHOPCORE_SOCIAL_BARGAIN_H_
#define SHOPCORE_SOCIAL_BARGAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

constexpr int kMaxBargainHelpers = 10000;

struct BargainCampaign {
  std::string id;
  std::string currency;  // ISO 4217; amounts are in its minor units
  int64_t start_minor = 0;
  int64_t floor_minor = 0;
  int helpers = 0;
  int64_t time_limit_ms = 0;  // from the bargain's start; > 0
};

struct BargainSeed {
  uint64_t state = 0;   // PCG32 initstate
  uint64_t stream = 0;  // PCG32 initseq
};

// One shopper's bargain, as the server reports it.
struct BargainSession {
  int64_t started_at_ms = 0;
  int helpers_done = 0;
};

enum class BargainStatus { kInProgress, kReachedFloor, kExpired };
const char* BargainStatusName(BargainStatus status);  // "in_progress", "reached_floor", "expired"

struct BargainProgress {
  BargainStatus status = BargainStatus::kInProgress;
  int helpers_done = 0;
  int helpers_total = 0;
  int64_t price_minor = 0;             // after helpers_done cuts
  int64_t cut_so_far_minor = 0;
  int64_t left_to_floor_minor = 0;
  std::optional<int64_t> next_cut_minor;  // none once at the floor or expired
  int progress_permille = 0;           // floor(cut_so_far * 1000 / (start - floor))
  int64_t time_left_ms = 0;            // 0 once expired
};

Status ValidateBargainCampaign(const BargainCampaign& campaign);

// The cuts, in helper order, from the seed (algorithm above).
Result<std::vector<int64_t>> GenerateBargainSchedule(const BargainCampaign& campaign, const BargainSeed& seed);

// An explicitly sent schedule: one cut per helper, each >= 1, summing to
// start - floor.
Status ValidateBargainSchedule(const BargainCampaign& campaign, const std::vector<int64_t>& cuts);

// The price after the first k helpers (0 <= k <= helpers).
Result<int64_t> BargainPriceAfter(const BargainCampaign& campaign, const std::vector<int64_t>& cuts, int k);

// Where a bargain stands at now_ms. A bargain reaching the floor stays
// reached after its time limit; one that has not is expired at
// started_at_ms + time_limit_ms.
Result<BargainProgress> BargainProgressAt(const BargainCampaign& campaign, const std::vector<int64_t>& cuts,
                                          const BargainSession& session, int64_t now_ms);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_BARGAIN_H_
