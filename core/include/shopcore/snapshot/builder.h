// Catalog JSON <-> snapshot bytes. The JSON form is catalog.fbs written as
// JSON (documented in schemas/README.md). Building is deterministic: the same
// catalog (in any order of its collections) gives the same bytes, natively
// and in wasm, and BuildSnapshot(DumpSnapshot(s)) == s.
#ifndef SHOPCORE_SNAPSHOT_BUILDER_H_
#define SHOPCORE_SNAPSHOT_BUILDER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

// The largest catalog JSON the builder accepts. Building holds the parsed
// JSON tree (~10x the text) and the output at once: in 32-bit wasm, whose
// memory is capped, a bigger catalog would exhaust memory and trap instead
// of failing cleanly, so it is refused up front (build big catalogs natively).
constexpr size_t kMaxCatalogJsonBytes = sizeof(void*) >= 8 ? (size_t{2} << 30) : (size_t{24} << 20);

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
