#include "shopcore/cart/phase.h"

#include <string>

namespace shopcore {
namespace cart {

const char* PhaseName(Phase phase) {
  switch (phase) {
    case Phase::kActivity: return "ACTIVITY";
    case Phase::kItemPrice: return "ITEM_PRICE";
    case Phase::kThreshold: return "THRESHOLD";
    case Phase::kCoupon: return "COUPON";
    case Phase::kPoints: return "POINTS";
    case Phase::kShipping: return "SHIPPING";
    case Phase::kPointsEarned: return "POINTS_EARNED";
  }
  return "UNKNOWN";
}

Result<Phase> ParsePhase(std::string_view name) {
  for (int i = 0; i < kPhaseCount; ++i) {
    const Phase phase = static_cast<Phase>(i);
    if (name == PhaseName(phase)) return phase;
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown phase '" + std::string(name) + "'", "phase");
}

}  // namespace cart
}  // namespace shopcore
