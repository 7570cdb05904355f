// The catalog the snapshot-based targets (cart, cart_state, order,
// snapshot_delta) work against: the snapshot fixture
// tests/unit/snapshot/fixtures/small-catalog.json (three markets, a
// threshold promotion, a bargain, a tax rule) plus what pricing needs to be
// reached at all: coupons of every kind, member tiers, a points rule, a
// group-buy campaign and a flash sale. Built once per process with the real
// builder; a catalog that no longer builds stops the target (Violation), so
// a schema change cannot silently leave the fuzzer pricing nothing.
#ifndef SHOPCORE_TESTS_FUZZ_FUZZ_CATALOG_H_
#define SHOPCORE_TESTS_FUZZ_FUZZ_CATALOG_H_

#include <memory>
#include <string>

#include "shopcore/snapshot/snapshot.h"

namespace shopcore::fuzz {

// 2026-11-21T12:00:00Z: inside every window of the catalog.
constexpr int64_t kFuzzNow = 1763726400000;

// The catalog JSON above, and a variant (prices changed, an item gone, one
// added, another snapshot id) that real deltas are made to.
std::string FuzzCatalogJson();
std::string FuzzCatalogNextJson();

// Snapshot bytes and the opened snapshot of FuzzCatalogJson(), built once.
const std::string& FuzzSnapshotBytes();
const Snapshot& FuzzSnapshot();

}  // namespace shopcore::fuzz

#endif  // SHOPCORE_TESTS_FUZZ_FUZZ_CATALOG_H_
