// The catalog's JSON form as a value, shared by the builder, the dump and
// deltas (which edit catalogs as JSON and rebuild them canonically).
#ifndef SHOPCORE_SRC_SNAPSHOT_CATALOG_JSON_H_
#define SHOPCORE_SRC_SNAPSHOT_CATALOG_JSON_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "shopcore/json/checked.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore::snapshot_internal {

// Validates (types, attributes, references, cross-entry rules) and builds
// canonical snapshot bytes, which are then opened once as a self-check.
Result<std::string> BuildCatalogBytes(const json::OrderedJson& catalog);

json::OrderedJson CatalogToJson(const Snapshot& snapshot);

// BuildSnapshot with another JSON size cap (tests use a small one).
Result<std::string> BuildSnapshotCapped(std::string_view catalog_json, size_t max_bytes);

}  // namespace shopcore::snapshot_internal

#endif  // SHOPCORE_SRC_SNAPSHOT_CATALOG_JSON_H_
