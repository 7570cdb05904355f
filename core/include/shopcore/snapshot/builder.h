// Catalog JSON <-> snapshot bytes. The JSON form is catalog.fbs written as
// JSON (documented in schemas/README.md). Building is deterministic: the same
// catalog (in any order of its collections) gives the same bytes, natively
// and in wasm, and BuildSnapshot(DumpSnapshot(s)) == s.
#ifndef SHOPCORE_SNAPSHOT_BUILDER_H_
#define SHOPCORE_SNAPSHOT_BUILDER_H_

#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

// Every error names the JSON path: "items[12].skus[0].price.DE.amount:
// negative amount -5". BAD_JSON, BAD_REQUEST (types, unknown or missing
// fields), INVALID_ARGUMENT (values), UNKNOWN_CURRENCY, NOT_FOUND (a reference
// to an id that does not exist), CONFLICT (duplicate ids, overlapping tax
// rules), UNSUPPORTED_VERSION.
Result<std::string> BuildSnapshot(std::string_view catalog_json);

// The canonical JSON of a snapshot (verified first). indent < 0: compact.
Result<std::string> DumpSnapshot(std::string_view snapshot_bytes, int indent = 1);

}  // namespace shopcore

#endif  // SHOPCORE_SNAPSHOT_BUILDER_H_
