#include "shopcore/snapshot/builder.h"

#include <map>
#include <utility>
#include <vector>

#include "catalog_json.h"
#include "schema_json.h"

namespace shopcore {
namespace snapshot_internal {
namespace {

using json::PathIndex;
using json::PathKey;

const OrderedJson* Member(const OrderedJson& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string StringMember(const OrderedJson& object, const char* key) {
  const OrderedJson* value = Member(object, key);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

int64_t IntegerMember(const OrderedJson& object, const char* key) {
  const OrderedJson* value = Member(object, key);
  return value && value->is_number_integer() ? value->get<int64_t>() : 0;
}

// SKUs live inside items but are addressed by id alone (carts, promotions).
Status CheckSkuIdsUnique(const OrderedJson& catalog) {
  const OrderedJson* items = Member(catalog, "items");
  if (!items || !items->is_array()) return Status::Ok();
  std::map<std::string, std::string> seen;
  for (size_t i = 0; i < items->size(); ++i) {
    const OrderedJson* skus = Member((*items)[i], "skus");
    if (!skus || !skus->is_array()) continue;
    for (size_t s = 0; s < skus->size(); ++s) {
      std::string path = PathKey(PathIndex(PathKey(PathIndex("items", i), "skus"), s), "id");
      std::string id = StringMember((*skus)[s], "id");
      auto [it, inserted] = seen.emplace(id, path);
      if (!inserted) return MakeError(ErrorCode::kConflict, "duplicate SKU id '" + id + "' (also at " + it->second + ")", path);
    }
  }
  return Status::Ok();
}

// Dated rules: valid_from < valid_to, and two rules for the same subject
// must not both apply on one date (which one would the cart pick?).
Status CheckDatedRules(const OrderedJson& catalog, const char* collection, const char* subject_field,
                       const char* kind_field) {
  const OrderedJson* rules = Member(catalog, collection);
  if (!rules || !rules->is_array()) return Status::Ok();
  struct Window {
    std::string subject, from, to, path;
  };
  std::vector<Window> windows;
  for (size_t i = 0; i < rules->size(); ++i) {
    const OrderedJson& rule = (*rules)[i];
    std::string path = PathIndex(collection, i);
    Window w{StringMember(rule, subject_field), StringMember(rule, "valid_from"), StringMember(rule, "valid_to"), path};
    if (kind_field) w.subject += "/" + StringMember(rule, kind_field);
    if (w.from.empty()) return MakeError(ErrorCode::kBadRequest, "missing", PathKey(path, "valid_from"));
    if (!w.to.empty() && w.to <= w.from) {
      return MakeError(ErrorCode::kInvalidArgument, "valid_to " + w.to + " is not after valid_from " + w.from,
                       PathKey(path, "valid_to"));
    }
    for (const Window& other : windows) {
      if (other.subject != w.subject) continue;
      // [from, to) windows, "" = open-ended; dates compare as text.
      bool overlap = (w.to.empty() || other.from < w.to) && (other.to.empty() || w.from < other.to);
      if (overlap) {
        return MakeError(ErrorCode::kConflict,
                         "overlaps " + other.path + " for " + w.subject + " (" + other.from + " to " +
                             (other.to.empty() ? "open" : other.to) + ")",
                         path);
      }
    }
    windows.push_back(std::move(w));
  }
  return Status::Ok();
}

Status CheckTimeWindows(const OrderedJson& catalog, const char* collection, const char* from_field,
                        const char* to_field) {
  const OrderedJson* entries = Member(catalog, collection);
  if (!entries || !entries->is_array()) return Status::Ok();
  for (size_t i = 0; i < entries->size(); ++i) {
    int64_t from = IntegerMember((*entries)[i], from_field), to = IntegerMember((*entries)[i], to_field);
    if (to != 0 && to < from) {
      return MakeError(ErrorCode::kInvalidArgument,
                       std::string(to_field) + " " + std::to_string(to) + " is before " + from_field + " " +
                           std::to_string(from),
                       PathKey(PathIndex(collection, i), to_field));
    }
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> BuildCatalogBytes(const OrderedJson& catalog) {
  const auto& schema = CatalogSchema();
  const auto& root = *schema.root_table();
  // Before references to SKUs are resolved, so a duplicate is named as such.
  SHOPCORE_RETURN_IF_ERROR(CheckSkuIdsUnique(catalog));
  IdSets ids = CollectIds(schema, root, catalog);
  // SKUs live inside items; `(ref: "skus")` fields may name any of them.
  auto& sku_ids = ids["skus"];
  if (const OrderedJson* items = Member(catalog, "items"); items && items->is_array()) {
    for (const auto& item : *items) {
      const OrderedJson* skus = Member(item, "skus");
      if (!skus || !skus->is_array()) continue;
      for (const auto& sku : *skus) {
        std::string id = StringMember(sku, "id");
        if (!id.empty()) sku_ids.insert(std::move(id));
      }
    }
  }
  uint32_t dimensions = 0;
  if (const OrderedJson* model = Member(catalog, "model")) {
    const OrderedJson* d = Member(*model, "dimensions");
    // Integers from a dump are signed in nlohmann's model; the generic
    // reader checks the range again when it builds `model`.
    if (d && d->is_number_integer() && d->get<int64_t>() >= 0 && d->get<int64_t>() <= INT32_MAX) {
      dimensions = static_cast<uint32_t>(d->get<int64_t>());
    }
  }
  const SnapshotLayout layout = LayoutOf(ids, dimensions);
  flatbuffers::FlatBufferBuilder builder(1 << 16);
  JsonToFlatBuffer converter(schema, builder, &ids, &layout);
  auto offset = converter.BuildTable(root, catalog, "");
  if (!offset.ok()) return offset.error();
  SHOPCORE_RETURN_IF_ERROR(CheckDatedRules(catalog, "tax_rules", "market", nullptr));
  SHOPCORE_RETURN_IF_ERROR(CheckDatedRules(catalog, "import_regimes", "destination", "kind"));
  // Campaign rules (a bargain whose helpers cannot each cut a minor unit)
  // belong to the social module: BuildCheckedSnapshot (engine/checked_build.h)
  // runs its validators on the built snapshot.
  for (const char* collection : {"promotions", "group_buys", "bargains", "experiments"}) {
    SHOPCORE_RETURN_IF_ERROR(CheckTimeWindows(catalog, collection, "starts_at", "ends_at"));
  }
  SHOPCORE_RETURN_IF_ERROR(CheckTimeWindows(catalog, "coupons", "valid_from", "valid_to"));
  builder.FinishSizePrefixed(flatbuffers::Offset<void>(*offset), schema::CatalogIdentifier());
  std::string bytes(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
  // What we hand out must open: the same checks a device will run.
  auto opened = Snapshot::Open(bytes);
  if (!opened.ok()) return opened.error();
  return bytes;
}

OrderedJson CatalogToJson(const Snapshot& snapshot) {
  const auto& schema = CatalogSchema();
  const auto& root = reinterpret_cast<const flatbuffers::Table&>(snapshot.catalog());
  return TableToJson(schema, *schema.root_table(), root, &root);
}

}  // namespace snapshot_internal

Result<std::string> BuildSnapshot(std::string_view catalog_json) {
  return snapshot_internal::BuildSnapshotCapped(catalog_json, kMaxCatalogJsonBytes);
}

Result<std::string> snapshot_internal::BuildSnapshotCapped(std::string_view catalog_json, size_t max_bytes) {
  if (catalog_json.size() > max_bytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "catalog JSON of " + std::to_string(catalog_json.size()) + " bytes is over this build's cap of " +
                         std::to_string(max_bytes) + " bytes (build large catalogs with the native shopcore)");
  }
  auto parsed = json::ParseOrdered(catalog_json);
  if (!parsed.ok()) return parsed.error();
  json::OrderedJson& catalog = *parsed;
  if (!catalog.is_object()) {
    return MakeError(ErrorCode::kBadRequest, std::string("a catalog is a JSON object, got ") + json::TypeName(catalog));
  }
  auto version = catalog.find("schema_version");
  if (version == catalog.end()) {
    catalog["schema_version"] = kSnapshotSchemaVersion;
  } else if (!version->is_number_unsigned() || version->get<uint64_t>() != kSnapshotSchemaVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "this build writes schema version " + std::to_string(kSnapshotSchemaVersion) + ", the catalog says " +
                         json::Dump(*version),
                     "schema_version");
  }
  auto id = catalog.find("snapshot_id");
  if (id == catalog.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    return MakeError(ErrorCode::kBadRequest, "every catalog needs a non-empty snapshot_id string", "snapshot_id");
  }
  return snapshot_internal::BuildCatalogBytes(catalog);
}

Result<std::string> DumpSnapshot(std::string_view snapshot_bytes, int indent) {
  auto opened = Snapshot::Open(std::string(snapshot_bytes));
  if (!opened.ok()) return opened.error();
  return json::Dump(snapshot_internal::CatalogToJson(**opened), indent);
}

}  // namespace shopcore
