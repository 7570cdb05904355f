#include "shopcore/snapshot/snapshot.h"

#include <algorithm>
#include <cstring>

#include "schema_json.h"

namespace shopcore {
namespace {

using snapshot_internal::CatalogSchema;

std::string ShowIdentifier(const char* bytes) {
  std::string out;
  for (int i = 0; i < 4; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'') {
      out += static_cast<char>(c);
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string_view View(const flatbuffers::String* s) { return s ? std::string_view(s->c_str(), s->size()) : std::string_view(); }

// Every top-level keyed collection must be sorted by id with no duplicates:
// lookups binary-search it in place. Checked through the binary schema so a
// collection added to catalog.fbs is covered without an edit here.
Status CheckCollections(const schema::Catalog& catalog) {
  const auto& schema = CatalogSchema();
  const auto& root = *schema.root_table();
  const auto& table = reinterpret_cast<const flatbuffers::Table&>(catalog);
  for (const auto* field : snapshot_internal::FieldsInOrder(root)) {
    const reflection::Object* element = snapshot_internal::KeyedElement(schema, *field);
    if (!element) continue;
    const auto* entries =
        table.GetPointer<const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::Table>>*>(field->offset());
    if (!entries) continue;
    const auto* key = snapshot_internal::KeyField(*element);
    const std::string collection = field->name()->str();
    std::string_view previous;
    for (flatbuffers::uoffset_t i = 0; i < entries->size(); ++i) {
      const auto* id = entries->Get(i)->GetPointer<const flatbuffers::String*>(key->offset());
      std::string where = collection + "[" + std::to_string(i) + "]";
      if (!id || id->size() == 0) return MakeError(ErrorCode::kBadSnapshot, "entry without an id", where);
      std::string_view current = View(id);
      if (i > 0 && current == previous) {
        return MakeError(ErrorCode::kConflict, "duplicate id '" + std::string(current) + "' in " + collection, where);
      }
      if (i > 0 && current < previous) {
        return MakeError(ErrorCode::kBadSnapshot, collection + " is not sorted by id", where);
      }
      previous = current;
    }
  }
  return Status::Ok();
}

template <typename T>
const T* FindIn(const flatbuffers::Vector<flatbuffers::Offset<T>>* entries, std::string_view id,
                std::string_view (*key)(const T&)) {
  if (!entries) return nullptr;
  size_t low = 0, high = entries->size();
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    const T* entry = entries->Get(static_cast<flatbuffers::uoffset_t>(mid));
    std::string_view k = key(*entry);
    if (k == id) return entry;
    if (k < id) low = mid + 1;
    else high = mid;
  }
  return nullptr;
}

}  // namespace

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string HashHex(uint64_t hash) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = kHex[hash & 15];
  return out;
}

Result<std::shared_ptr<const Snapshot>> Snapshot::Open(std::string bytes, const SnapshotLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kBadSnapshot,
                     std::to_string(bytes.size()) + " bytes is over the snapshot size cap of " +
                         std::to_string(limits.max_bytes) + " bytes");
  }
  if (bytes.size() < 16) {
    return MakeError(ErrorCode::kBadSnapshot, "truncated: " + std::to_string(bytes.size()) + " bytes is too short for a snapshot");
  }
  const char* identifier = schema::CatalogIdentifier();
  if (!flatbuffers::BufferHasIdentifier(bytes.data(), identifier, /*size_prefixed=*/true)) {
    std::string found = ShowIdentifier(bytes.data() + 8);
    return MakeError(ErrorCode::kBadSnapshot, "wrong file identifier '" + found + "' (a catalog snapshot has '" +
                                                  identifier + "'" + (found == "SDLT" ? "; this is a delta" : "") + ")");
  }
  // Snapshots are size-prefixed: the verifier insists the prefix equals the
  // length, so a download cut short by even one byte of padding is refused.
  // The bytes are ours from here on; std::string storage of this size comes
  // from operator new, aligned for the verifier's 8-byte alignment checks.
  auto snapshot = std::shared_ptr<Snapshot>(new Snapshot());
  snapshot->bytes_ = std::move(bytes);
  const auto* data = reinterpret_cast<const uint8_t*>(snapshot->bytes_.data());
  const size_t size = snapshot->bytes_.size();
  flatbuffers::Verifier::Options options;
  options.max_depth = limits.max_depth;
  options.max_tables = limits.max_tables ? limits.max_tables : std::max<size_t>(size / 8, 64);
  options.check_alignment = true;
  flatbuffers::Verifier verifier(data, size, options);
  if (!schema::VerifySizePrefixedCatalogBuffer(verifier)) {
    return MakeError(ErrorCode::kBadSnapshot,
                     "failed FlatBuffers verification: the " + std::to_string(size) +
                         " bytes are truncated, corrupted or nested too deep");
  }
  const schema::Catalog* catalog = schema::GetSizePrefixedCatalog(data);
  if (catalog->schema_version() != kSnapshotSchemaVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "snapshot schema version " + std::to_string(catalog->schema_version()) +
                         " is not supported (this build reads version " + std::to_string(kSnapshotSchemaVersion) + ")",
                     "schema_version");
  }
  if (!catalog->snapshot_id() || catalog->snapshot_id()->size() == 0) {
    return MakeError(ErrorCode::kBadSnapshot, "the snapshot has no snapshot_id", "snapshot_id");
  }
  SHOPCORE_RETURN_IF_ERROR(CheckCollections(*catalog));

  // The SKU index: SKUs live inside their items, ids unique across them all.
  std::vector<SkuIndexEntry> skus;
  if (const auto* items = catalog->items()) {
    for (uint32_t i = 0; i < items->size(); ++i) {
      const auto* item_skus = items->Get(i)->skus();
      if (!item_skus) continue;
      for (uint32_t s = 0; s < item_skus->size(); ++s) {
        std::string_view id = View(item_skus->Get(s)->id());
        if (id.empty()) {
          return MakeError(ErrorCode::kBadSnapshot, "SKU without an id",
                           "items[" + std::to_string(i) + "].skus[" + std::to_string(s) + "]");
        }
        skus.push_back(SkuIndexEntry{id, i, s});
      }
    }
  }
  // Usually already in order (SKU ids extend their item's id), so check
  // before paying for a sort.
  auto by_id = [](const SkuIndexEntry& a, const SkuIndexEntry& b) { return a.id < b.id; };
  if (!std::is_sorted(skus.begin(), skus.end(), by_id)) std::sort(skus.begin(), skus.end(), by_id);
  for (size_t i = 1; i < skus.size(); ++i) {
    if (skus[i].id == skus[i - 1].id) {
      return MakeError(ErrorCode::kConflict,
                       "duplicate SKU id '" + std::string(skus[i].id) + "' (items[" + std::to_string(skus[i - 1].item) +
                           "] and items[" + std::to_string(skus[i].item) + "])",
                       "items[" + std::to_string(skus[i].item) + "].skus[" + std::to_string(skus[i].sku) + "].id");
    }
  }
  snapshot->catalog_ = catalog;
  snapshot->skus_ = std::move(skus);
  return std::shared_ptr<const Snapshot>(std::move(snapshot));
}

uint64_t Snapshot::content_hash() const { return Fnv1a64(bytes_); }

std::string_view Snapshot::id() const { return View(catalog_->snapshot_id()); }

size_t Snapshot::item_count() const { return catalog_->items() ? catalog_->items()->size() : 0; }

std::string Snapshot::Describe() const {
  json::OrderedJson out;
  out["snapshot_id"] = std::string(id());
  out["schema_version"] = catalog_->schema_version();
  out["created_at"] = catalog_->created_at();
  if (catalog_->base_snapshot_id()) out["base_snapshot_id"] = catalog_->base_snapshot_id()->str();
  out["bytes"] = bytes_.size();
  out["hash"] = HashHex(content_hash());
  json::OrderedJson counts = json::OrderedJson::object();
  const auto& schema = CatalogSchema();
  const auto& table = reinterpret_cast<const flatbuffers::Table&>(*catalog_);
  for (const auto* field : snapshot_internal::FieldsInOrder(*schema.root_table())) {
    if (!snapshot_internal::KeyedElement(schema, *field)) continue;
    const auto* entries =
        table.GetPointer<const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::Table>>*>(field->offset());
    counts[field->name()->str()] = entries ? entries->size() : 0;
    if (field->name()->str() == "items") counts["skus"] = skus_.size();
  }
  out["counts"] = std::move(counts);
  return json::Dump(out);
}

const schema::Item* Snapshot::FindItem(std::string_view id) const {
  return FindIn<schema::Item>(catalog_->items(), id, [](const schema::Item& e) { return View(e.id()); });
}

const schema::Market* Snapshot::FindMarket(std::string_view id) const {
  return FindIn<schema::Market>(catalog_->markets(), id, [](const schema::Market& e) { return View(e.id()); });
}

Snapshot::SkuEntry Snapshot::FindSku(std::string_view id) const {
  auto it = std::lower_bound(skus_.begin(), skus_.end(), id,
                             [](const SkuIndexEntry& entry, std::string_view value) { return entry.id < value; });
  if (it == skus_.end() || it->id != id) return {};
  const schema::Item* item = catalog_->items()->Get(it->item);
  return {item, item->skus()->Get(it->sku)};
}

const schema::MarketPrice* Snapshot::PriceIn(const schema::Sku& sku, std::string_view market) {
  // Nested maps are sorted by the builder; a foreign unsorted buffer gets
  // "not found" from the binary search, never an out-of-bounds read.
  return FindIn<schema::MarketPrice>(sku.price(), market, [](const schema::MarketPrice& e) { return View(e.market()); });
}

}  // namespace shopcore
