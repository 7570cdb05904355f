// The snapshot build the server runs: BuildSnapshot (structure, types,
// references, per-field rules of the schema) and then the rules of the
// modules that read the snapshot, so no device ever receives data its
// engine would refuse later. The snapshot module cannot run these itself
// (modules depend downward only), so the facade layer does.
#ifndef SHOPCORE_ENGINE_CHECKED_BUILD_H_
#define SHOPCORE_ENGINE_CHECKED_BUILD_H_

#include <string>
#include <string_view>

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {

// Group-buy and bargain campaigns (ValidateGroupBuyCampaign,
// ValidateBargainCampaign) and the delivery data (calendars, warehouses,
// shipping methods: fulfilment::Validate). Errors name snapshot paths keyed
// by id: "bargains[bg-1].helper_count".
Status CheckSnapshotRules(const Snapshot& snapshot);

// BuildSnapshot, then CheckSnapshotRules on the result.
Result<std::string> BuildCheckedSnapshot(std::string_view catalog_json);

}  // namespace shopcore

#endif  // SHOPCORE_ENGINE_CHECKED_BUILD_H_
