// Deltas: the difference between two snapshots, keyed by id, so a device
// that holds BASE downloads only what changed. ApplySnapshotDelta(old,
// MakeSnapshotDelta(old, new)) is `new`, byte for byte.
#ifndef SHOPCORE_SNAPSHOT_DELTA_H_
#define SHOPCORE_SNAPSHOT_DELTA_H_

#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

// Both inputs are verified snapshots (BAD_SNAPSHOT otherwise).
Result<std::string> MakeSnapshotDelta(std::string_view base, std::string_view target);

// WRONG_DELTA_BASE when the delta names another base (id or content hash),
// BAD_SNAPSHOT for bytes that are not a verified delta or base.
Result<std::string> ApplySnapshotDelta(std::string_view base, std::string_view delta);

// A summary of a delta for people: {"base":..,"target":..,"upserts":{"items":3},"deletes":{...}}.
Result<std::string> DescribeSnapshotDelta(std::string_view delta);

}  // namespace shopcore

#endif  // SHOPCORE_SNAPSHOT_DELTA_H_
