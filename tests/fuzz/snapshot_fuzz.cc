// Snapshot bytes as they arrive from the network: Snapshot::Open, then the
// reads an engine does on an opened snapshot.
// Invariants: no crash or UB (the verifier must stop every hostile buffer);
// rejections are BAD_SNAPSHOT, UNSUPPORTED_VERSION or CONFLICT; an opened
// snapshot finds each of its items and SKUs by id.
#include <string>

#include "fuzz_support.h"
#include "shopcore/snapshot.h"

namespace shopcore::fuzz {

std::vector<std::string> FuzzSeeds() {
  auto bytes = BuildSnapshot(ReadSourceFile("tests/unit/snapshot/fixtures/small-catalog.json"));
  if (!bytes.ok()) Violation("cannot build the seed snapshot: " + bytes.error().ToString());
  return {*bytes};
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  auto snapshot = Snapshot::Open(std::string(reinterpret_cast<const char*>(data), size));
  if (!snapshot.ok()) {
    const ErrorCode code = snapshot.error().code;
    Check(code == ErrorCode::kBadSnapshot || code == ErrorCode::kUnsupportedVersion || code == ErrorCode::kConflict,
          "a rejected snapshot reports " + snapshot.error().ToString());
    return 0;
  }
  const Snapshot& opened = **snapshot;
  (void)opened.Describe();
  (void)opened.content_hash();
  const auto* items = opened.catalog().items();
  if (items != nullptr) {
    for (const auto* item : *items) {
      Check(item->id() != nullptr && opened.FindItem(item->id()->string_view()) == item, "an item is not found by its id");
      if (item->skus() == nullptr) continue;
      for (const auto* sku : *item->skus()) {
        if (sku->id() == nullptr) continue;
        Check(opened.FindSku(sku->id()->string_view()).sku == sku, "a sku is not found by its id");
      }
    }
  }
  return 0;
}
