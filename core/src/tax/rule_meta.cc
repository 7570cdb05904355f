#include "shopcore/tax/rule_meta.h"

#include <string>

#include "shopcore/money/civil_date.h"

namespace shopcore::tax {
namespace {

constexpr int64_t kMsPerDay = 86400000;

}  // namespace

Result<int64_t> ParseIsoDate(std::string_view text) {
  auto date = ParseCivilDate(text);
  if (!date.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "not a date YYYY-MM-DD: '" + std::string(text.substr(0, 20)) + "'");
  }
  return DaysFromCivil(*date) * kMsPerDay;
}

Status ResolveValidity(RuleMeta* meta) {
  auto from = ParseIsoDate(meta->valid_from);
  if (!from.ok()) return MakeError(from.error().code, from.error().message, "valid_from");
  meta->from_ms = *from;
  meta->to_ms = INT64_MAX;
  if (!meta->valid_to.empty()) {
    auto to = ParseIsoDate(meta->valid_to);
    if (!to.ok()) return MakeError(to.error().code, to.error().message, "valid_to");
    meta->to_ms = *to + kMsPerDay;  // valid_to is the last day in force
    if (meta->to_ms <= meta->from_ms) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "valid_to " + meta->valid_to + " is before valid_from " + meta->valid_from, "valid_to");
    }
  }
  if (!meta->verified_on.empty()) {
    auto verified = ParseIsoDate(meta->verified_on);
    if (!verified.ok()) return MakeError(verified.error().code, verified.error().message, "verified_on");
  }
  return Status::Ok();
}

}  // namespace shopcore::tax
