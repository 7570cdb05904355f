#include "shopcore/cart/pricing_rules.h"

#include <string>

namespace shopcore {
namespace cart {

PricingRules PricingRules::Default() { return PricingRules{}; }

std::vector<Phase> PricingRules::DefaultPhases() {
  return {Phase::kActivity, Phase::kItemPrice, Phase::kThreshold,   Phase::kCoupon,
          Phase::kPoints,   Phase::kShipping,  Phase::kPointsEarned};
}

std::vector<Phase> PricingRules::DefaultActivityOrderSkips() {
  return {Phase::kItemPrice, Phase::kThreshold, Phase::kCoupon, Phase::kPoints};
}

Status ValidatePricingRules(const PricingRules& rules) {
  if (rules.version != kPricingRulesVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "pricing rules version " + std::to_string(rules.version) + " is not " +
                         std::to_string(kPricingRulesVersion),
                     "rules.version");
  }
  bool seen[kPhaseCount] = {};
  for (size_t i = 0; i < rules.phases.size(); ++i) {
    const int phase = static_cast<int>(rules.phases[i]);
    if (phase < 0 || phase >= kPhaseCount) {
      return MakeError(ErrorCode::kInvalidArgument, "unknown phase", "rules.phases[" + std::to_string(i) + "]");
    }
    if (seen[phase]) {
      return MakeError(ErrorCode::kInvalidArgument, std::string("phase ") + PhaseName(rules.phases[i]) + " listed twice",
                       "rules.phases[" + std::to_string(i) + "]");
    }
    seen[phase] = true;
  }
  if (rules.minimum_payable < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "minimum payable is negative", "rules.minimum_payable");
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
