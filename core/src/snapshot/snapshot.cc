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

// Where a keyed vector must be checked: every vector of tables with a string
// `(key)` field, at any depth, must be sorted by key with no duplicates,
// because readers binary-search it in place (LookupByKey, FindItem). The
// plan is derived once from the binary schema, so a keyed vector added to
// catalog.fbs anywhere is covered without an edit here.
struct KeyedVectorRule {
  flatbuffers::voffset_t field = 0;
  flatbuffers::voffset_t key = 0;
  std::string name;                // "items", "title": for messages
  int element = -1;                // index of the element's plan (it may hold keyed vectors itself)
};
struct ChildRule {
  flatbuffers::voffset_t field = 0;
  std::string name;
  bool vector = false;             // a vector of tables, or one table
  int element = -1;
};
struct ObjectPlan {
  std::vector<KeyedVectorRule> keyed;
  std::vector<ChildRule> children;  // table fields below which some keyed vector lives
};

class KeyOrderPlan {
 public:
  KeyOrderPlan() {
    const auto& schema = CatalogSchema();
    plans_.resize(schema.objects()->size());
    std::vector<int> state(schema.objects()->size(), 0);  // 0 new, 1 visiting, 2 done
    root_ = Build(schema, static_cast<int>(IndexOf(schema, *schema.root_table())), &state);
  }
  const ObjectPlan& plan(int index) const { return plans_[static_cast<size_t>(index)]; }
  int root() const { return root_; }
  bool Empty(int index) const { return index < 0 || (plans_[index].keyed.empty() && plans_[index].children.empty()); }

 private:
  static size_t IndexOf(const reflection::Schema& schema, const reflection::Object& object) {
    for (size_t i = 0; i < schema.objects()->size(); ++i) {
      if (schema.objects()->Get(static_cast<flatbuffers::uoffset_t>(i)) == &object) return i;
    }
    return 0;
  }
  // Returns the plan index, or -1 when nothing below the object is keyed.
  // The schema has no recursive tables; a cycle would simply stop here.
  int Build(const reflection::Schema& schema, int index, std::vector<int>* state) {
    if ((*state)[index] == 1) return -1;
    if ((*state)[index] == 2) return Empty(index) ? -1 : index;
    (*state)[index] = 1;
    const reflection::Object& object = *schema.objects()->Get(static_cast<flatbuffers::uoffset_t>(index));
    ObjectPlan plan;
    for (const auto* field : snapshot_internal::FieldsInOrder(object)) {
      const auto* type = field->type();
      const bool vector_of_tables = type->base_type() == reflection::BaseType::Vector && type->element() == reflection::BaseType::Obj;
      const bool table = type->base_type() == reflection::BaseType::Obj;
      if (!vector_of_tables && !table) continue;
      if (schema.objects()->Get(type->index())->is_struct()) continue;
      int element = Build(schema, type->index(), state);
      if (const reflection::Object* keyed = snapshot_internal::KeyedElement(schema, *field)) {
        plan.keyed.push_back({field->offset(), snapshot_internal::KeyField(*keyed)->offset(), field->name()->str(), element});
      } else if (element >= 0) {
        plan.children.push_back({field->offset(), field->name()->str(), vector_of_tables, element});
      }
    }
    plans_[index] = std::move(plan);
    (*state)[index] = 2;
    return Empty(index) ? -1 : index;
  }
  std::vector<ObjectPlan> plans_;
  int root_ = -1;
};

const KeyOrderPlan& KeyOrder() {
  static const KeyOrderPlan plan;
  return plan;
}

using TableVector = flatbuffers::Vector<flatbuffers::Offset<flatbuffers::Table>>;

// The path of an entry, built only when there is an error to report.
struct PathBuilder {
  const PathBuilder* parent;
  const std::string* name;
  int64_t index;  // -1: a table field, no index
  std::string str() const {
    std::string out = parent ? parent->str() : std::string();
    if (name) out += (out.empty() ? "" : ".") + *name;
    if (index >= 0) out += "[" + std::to_string(index) + "]";
    return out;
  }
};

Status CheckKeyOrder(const flatbuffers::Table& table, const ObjectPlan& plan, const PathBuilder* path);

Status CheckKeyedVector(const flatbuffers::Table& table, const KeyedVectorRule& rule, const PathBuilder* path) {
  const auto* entries = table.GetPointer<const TableVector*>(rule.field);
  if (!entries) return Status::Ok();
  const flatbuffers::uoffset_t count = entries->size();
  std::string_view previous;
  for (flatbuffers::uoffset_t i = 0; i < count; ++i) {
    const flatbuffers::Table* entry = entries->Get(i);
    std::string_view current = View(entry->GetPointer<const flatbuffers::String*>(rule.key));
    if (current.empty() || (i > 0 && current <= previous)) {
      PathBuilder where{path, &rule.name, static_cast<int64_t>(i)};
      if (current.empty()) return MakeError(ErrorCode::kBadSnapshot, "entry without an id", where.str());
      if (current == previous) {
        return MakeError(ErrorCode::kConflict, "duplicate id '" + std::string(current) + "' in " + rule.name, where.str());
      }
      return MakeError(ErrorCode::kBadSnapshot, rule.name + " is not sorted by id", where.str());
    }
    previous = current;
    if (rule.element >= 0) {
      PathBuilder where{path, &rule.name, static_cast<int64_t>(i)};
      SHOPCORE_RETURN_IF_ERROR(CheckKeyOrder(*entry, KeyOrder().plan(rule.element), &where));
    }
  }
  return Status::Ok();
}

Status CheckKeyOrder(const flatbuffers::Table& table, const ObjectPlan& plan, const PathBuilder* path) {
  for (const KeyedVectorRule& rule : plan.keyed) SHOPCORE_RETURN_IF_ERROR(CheckKeyedVector(table, rule, path));
  for (const ChildRule& child : plan.children) {
    const ObjectPlan& element = KeyOrder().plan(child.element);
    if (!child.vector) {
      const auto* sub = table.GetPointer<const flatbuffers::Table*>(child.field);
      PathBuilder where{path, &child.name, -1};
      if (sub) SHOPCORE_RETURN_IF_ERROR(CheckKeyOrder(*sub, element, &where));
      continue;
    }
    const auto* entries = table.GetPointer<const TableVector*>(child.field);
    if (!entries) continue;
    for (flatbuffers::uoffset_t i = 0; i < entries->size(); ++i) {
      PathBuilder where{path, &child.name, static_cast<int64_t>(i)};
      SHOPCORE_RETURN_IF_ERROR(CheckKeyOrder(*entries->Get(i), element, &where));
    }
  }
  return Status::Ok();
}

// Every keyed vector of the catalog, top-level collections and nested maps
// alike (titles per locale, a SKU's stock per warehouse, a market's pickup
// points), sorted by key without duplicates. The maps inside items are left
// to CheckItemKeys, which Open calls in its per-item pass (one walk over the
// largest part of the buffer instead of two).
Status CheckCollections(const schema::Catalog& catalog) {
  if (KeyOrder().root() < 0) return Status::Ok();
  ObjectPlan root = KeyOrder().plan(KeyOrder().root());
  for (KeyedVectorRule& rule : root.keyed) {
    if (rule.field == schema::Catalog::VT_ITEMS) rule.element = -1;
  }
  return CheckKeyOrder(reinterpret_cast<const flatbuffers::Table&>(catalog), root, nullptr);
}

Status CheckItemKeys(const schema::Item& item, uint32_t index) {
  static const std::string kItems = "items";
  const ObjectPlan& root = KeyOrder().plan(KeyOrder().root());
  for (const KeyedVectorRule& rule : root.keyed) {
    if (rule.field != schema::Catalog::VT_ITEMS || rule.element < 0) continue;
    PathBuilder where{nullptr, &kItems, index};
    return CheckKeyOrder(reinterpret_cast<const flatbuffers::Table&>(item), KeyOrder().plan(rule.element), &where);
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

std::string Where(const char* collection, size_t i) { return std::string(collection) + "[" + std::to_string(i) + "]"; }

// The index columns of schema 2 hold numbers the verifier cannot check:
// every index must be in range and every CSR row well formed, so readers
// index without checks afterwards. A linear pass over plain vectors.
// Paths are relative to the SKU (".price_markets[0]"); the caller prefixes it.
Status CheckSkuColumns(const schema::Sku& sku, uint32_t market_count) {
  const std::string where;
  if (sku.price() && sku.price()->size()) {
    return MakeError(ErrorCode::kBadSnapshot, "a snapshot carries prices as price_* columns, not price tables", where + ".price");
  }
  const auto* markets = sku.price_markets();
  const auto* amounts = sku.price_amounts();
  const auto* compare_at = sku.price_compare_at();
  size_t count = markets ? markets->size() : 0;
  if ((amounts ? amounts->size() : 0) != count || (compare_at && compare_at->size() && compare_at->size() != count)) {
    return MakeError(ErrorCode::kBadSnapshot, "price columns of different lengths", where + ".price_amounts");
  }
  for (flatbuffers::uoffset_t k = 0; k < count; ++k) {
    uint16_t market = markets->Get(k);
    if (market >= market_count || (k > 0 && market <= markets->Get(k - 1))) {
      return MakeError(ErrorCode::kBadSnapshot, "market index out of range or out of order",
                       where + ".price_markets[" + std::to_string(k) + "]");
    }
  }
  return Status::Ok();
}

Status CheckModelColumns(const schema::Catalog& catalog) {
  const size_t item_count = catalog.items() ? catalog.items()->size() : 0;
  if ((catalog.neighbours() && catalog.neighbours()->size()) || (catalog.factors() && catalog.factors()->size())) {
    return MakeError(ErrorCode::kBadSnapshot, "a snapshot carries neighbours and factors as index columns", "neighbours");
  }
  const auto* offsets = catalog.neighbour_offsets();
  const auto* items = catalog.neighbour_items();
  const auto* weights = catalog.neighbour_weights();
  if (offsets || items || weights) {
    size_t count = items ? items->size() : 0;
    if (!offsets || offsets->size() != item_count + 1 || offsets->Get(0) != 0 ||
        offsets->Get(static_cast<flatbuffers::uoffset_t>(item_count)) != count || !weights || weights->size() != count) {
      return MakeError(ErrorCode::kBadSnapshot, "neighbour columns do not fit the items", "neighbour_offsets");
    }
    for (flatbuffers::uoffset_t i = 0; i < item_count; ++i) {
      if (offsets->Get(i) > offsets->Get(i + 1)) {
        return MakeError(ErrorCode::kBadSnapshot, "neighbour offsets decrease", Where("neighbour_offsets", i + 1));
      }
    }
    for (flatbuffers::uoffset_t k = 0; k < count; ++k) {
      if (items->Get(k) >= item_count) {
        return MakeError(ErrorCode::kBadSnapshot, "neighbour is not an item index", Where("neighbour_items", k));
      }
    }
  }
  const auto* values = catalog.factor_values();
  const auto* scales = catalog.factor_scales();
  if (values || scales) {
    size_t dimensions = catalog.model() ? static_cast<size_t>(std::max(0, catalog.model()->dimensions())) : 0;
    if (!values || !scales || dimensions == 0 || scales->size() != item_count ||
        values->size() != item_count * dimensions) {
      return MakeError(ErrorCode::kBadSnapshot, "factor columns do not fit the items and model.dimensions", "factor_values");
    }
  }
  return Status::Ok();
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
  SHOPCORE_RETURN_IF_ERROR(CheckModelColumns(*catalog));
  const uint32_t market_count = catalog->markets() ? catalog->markets()->size() : 0;

  // The SKU index: SKUs live inside their items, ids unique across them all.
  std::vector<SkuIndexEntry> skus;
  bool in_order = true;  // usually (SKU ids extend their item's id): then no sort
  if (const auto* items = catalog->items()) {
    skus.reserve(size_t{items->size()} * 4);
    for (uint32_t i = 0; i < items->size(); ++i) {
      SHOPCORE_RETURN_IF_ERROR(CheckItemKeys(*items->Get(i), i));
      const auto* item_skus = items->Get(i)->skus();
      if (!item_skus) continue;
      for (uint32_t s = 0; s < item_skus->size(); ++s) {
        const schema::Sku& sku = *item_skus->Get(s);
        std::string_view id = View(sku.id());
        // The path is built only for an error: this loop runs per SKU at open.
        auto where = [&] { return "items[" + std::to_string(i) + "].skus[" + std::to_string(s) + "]"; };
        if (id.empty()) return MakeError(ErrorCode::kBadSnapshot, "SKU without an id", where());
        if (Status columns = CheckSkuColumns(sku, market_count); !columns.ok()) {
          return MakeError(columns.error().code, columns.error().message, where() + columns.error().path);
        }
        if (in_order && !skus.empty() && !(skus.back().id < id)) in_order = false;
        skus.push_back(SkuIndexEntry{id, i, s});
      }
    }
  }
  auto by_id = [](const SkuIndexEntry& a, const SkuIndexEntry& b) { return a.id < b.id; };
  if (!in_order) {
    std::sort(skus.begin(), skus.end(), by_id);
    for (size_t i = 1; i < skus.size(); ++i) {
      if (skus[i].id == skus[i - 1].id) {
        return MakeError(ErrorCode::kConflict,
                         "duplicate SKU id '" + std::string(skus[i].id) + "' (items[" + std::to_string(skus[i - 1].item) +
                             "] and items[" + std::to_string(skus[i].item) + "])",
                         "items[" + std::to_string(skus[i].item) + "].skus[" + std::to_string(skus[i].sku) + "].id");
      }
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
    size_t count = entries ? entries->size() : 0;
    // Schema 2 keeps these as columns: count the items that have a row.
    if (field->name()->str() == "neighbours" && catalog_->neighbour_offsets()) {
      const auto* offsets = catalog_->neighbour_offsets();
      for (flatbuffers::uoffset_t i = 0; i + 1 < offsets->size(); ++i) count += offsets->Get(i) != offsets->Get(i + 1);
    }
    if (field->name()->str() == "factors" && catalog_->factor_scales()) {
      for (float scale : *catalog_->factor_scales()) count += scale != 0.0f;
    }
    counts[field->name()->str()] = count;
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

int64_t Snapshot::MarketIndex(std::string_view id) const {
  const auto* markets = catalog_->markets();
  if (!markets) return -1;
  size_t low = 0, high = markets->size();
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    std::string_view k = View(markets->Get(static_cast<flatbuffers::uoffset_t>(mid))->id());
    if (k == id) return static_cast<int64_t>(mid);
    if (k < id) low = mid + 1;
    else high = mid;
  }
  return -1;
}

std::optional<MarketPriceView> Snapshot::PriceIn(const schema::Sku& sku, std::string_view market) const {
  int64_t index = MarketIndex(market);
  const auto* markets = sku.price_markets();
  if (index < 0 || !markets) return std::nullopt;
  // Open checked the columns: ascending market numbers, equal lengths.
  size_t low = 0, high = markets->size();
  while (low < high) {
    size_t mid = low + (high - low) / 2;
    int64_t k = markets->Get(static_cast<flatbuffers::uoffset_t>(mid));
    if (k == index) {
      auto at = static_cast<flatbuffers::uoffset_t>(mid);
      MarketPriceView price;
      price.market_index = static_cast<uint32_t>(index);
      price.amount_value = sku.price_amounts()->Get(at);
      price.compare_at_value = sku.price_compare_at() && sku.price_compare_at()->size() ? sku.price_compare_at()->Get(at) : 0;
      return price;
    }
    if (k < index) low = mid + 1;
    else high = mid;
  }
  return std::nullopt;
}

}  // namespace shopcore
