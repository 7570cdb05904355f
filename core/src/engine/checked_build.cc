#include "shopcore/engine/checked_build.h"

#include "shopcore/fulfilment/snapshot_fulfilment.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/social/snapshot_campaigns.h"

namespace shopcore {

Status CheckSnapshotRules(const Snapshot& snapshot) {
  SHOPCORE_RETURN_IF_ERROR(ValidateSnapshotCampaigns(snapshot));
  // No SKUs: stock is per cart; every calendar, warehouse and method is checked.
  auto fulfilment = fulfilment::FulfilmentFromSnapshot(snapshot, {});
  if (!fulfilment.ok()) return fulfilment.error();
  return Status::Ok();
}

Result<std::string> BuildCheckedSnapshot(std::string_view catalog_json) {
  auto bytes = BuildSnapshot(catalog_json);
  if (!bytes.ok()) return bytes.error();
  auto opened = Snapshot::Open(*bytes);
  if (!opened.ok()) return opened.error();
  SHOPCORE_RETURN_IF_ERROR(CheckSnapshotRules(**opened));
  return bytes;
}

}  // namespace shopcore
