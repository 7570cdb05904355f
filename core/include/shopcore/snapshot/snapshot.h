// An opened, verified, immutable catalog snapshot.
//
// Open() is the only door: it checks the byte-size cap, the file identifier,
// runs the FlatBuffers Verifier with tightened limits, checks the schema
// version, then builds the id indexes once. After that every read is zero
// copy: catalog() is the generated accessor over the very bytes Open() took.
// Readers share it as std::shared_ptr<const Snapshot>.
#ifndef SHOPCORE_SNAPSHOT_SNAPSHOT_H_
#define SHOPCORE_SNAPSHOT_SNAPSHOT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shopcore/schema/catalog_generated.h"
#include "shopcore/status.h"

namespace shopcore {

// The schema major version this build reads and writes. Fields added at the
// end of tables keep the major; a reader refuses another major
// (UNSUPPORTED_VERSION) instead of misreading it.
// Version 2: SKU prices, item neighbours and item factors are index-based
// columns (see catalog.fbs), so a version-1 buffer cannot be read.
constexpr uint32_t kSnapshotSchemaVersion = 2;

// One list price of a SKU, read from the snapshot's price columns.
struct MarketPriceView {
  uint32_t market_index = 0;  // into catalog().markets()
  int64_t amount_value = 0;
  int64_t compare_at_value = 0;
  int64_t amount() const { return amount_value; }        // minor units of the market's currency
  int64_t compare_at() const { return compare_at_value; }  // 0 = none
};

struct SnapshotLimits {
  // Bytes above this are refused before the verifier looks at them
  // (FlatBuffers 2.0.8 has no size option of its own).
  size_t max_bytes = size_t{512} << 20;
  // The schema nests at most ~6 tables deep; anything deeper is hostile.
  int max_depth = 16;
  // The verifier's work bound. 0 = derived from the size: a table costs at
  // least 8 bytes (its offset and its vtable offset), so a buffer of n bytes
  // honestly holds fewer than n/8 tables.
  size_t max_tables = 0;
};

class Snapshot {
 public:
  // BAD_SNAPSHOT (over the cap, too short, wrong identifier, verifier
  // failure, an entry without id, an unsorted collection, inconsistent
  // index columns), UNSUPPORTED_VERSION
  // (another schema major), CONFLICT (duplicate ids).
  static Result<std::shared_ptr<const Snapshot>> Open(std::string bytes, const SnapshotLimits& limits = {});

  const schema::Catalog& catalog() const { return *catalog_; }
  std::string_view id() const;
  const std::string& bytes() const { return bytes_; }
  // FNV-1a 64 of the bytes: what a delta names as its base. Computed on
  // each call (a full pass over the bytes), not at Open: only deltas and
  // summaries need it, and opening must stay cheap.
  uint64_t content_hash() const;

  // Lookups by id (binary search over the sorted collections), nullptr when
  // absent.
  const schema::Item* FindItem(std::string_view id) const;
  const schema::Market* FindMarket(std::string_view id) const;
  struct SkuEntry {
    const schema::Item* item = nullptr;
    const schema::Sku* sku = nullptr;
  };
  // SKU ids are unique across the catalog; {nullptr, nullptr} when absent.
  SkuEntry FindSku(std::string_view id) const;
  // The list price of a SKU in a market, or nullopt (`PriceIn(sku, "DE")->amount()`).
  std::optional<MarketPriceView> PriceIn(const schema::Sku& sku, std::string_view market) const;
  // Index of a market in catalog().markets(), or -1.
  int64_t MarketIndex(std::string_view id) const;

  size_t item_count() const;
  // A one-line JSON summary for people and scripts: id, version, bytes,
  // hash, and the entry count of every collection.
  std::string Describe() const;
  size_t sku_count() const { return skus_.size(); }

 private:
  struct SkuIndexEntry {
    std::string_view id;
    uint32_t item;
    uint32_t sku;
  };
  Snapshot() = default;

  std::string bytes_;
  const schema::Catalog* catalog_ = nullptr;
  std::vector<SkuIndexEntry> skus_;  // sorted by id
};

uint64_t Fnv1a64(std::string_view bytes);
// 16 lower-case hex digits.
std::string HashHex(uint64_t hash);

}  // namespace shopcore

#endif  // SHOPCORE_SNAPSHOT_SNAPSHOT_H_
