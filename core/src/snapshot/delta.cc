#include "shopcore/snapshot/delta.h"

#include <map>
#include <set>

#include "catalog_json.h"
#include "schema_json.h"
#include "shopcore/schema/delta_generated.h"

namespace shopcore {
namespace {

using json::OrderedJson;
using snapshot_internal::CatalogSchema;

// A collection of the catalog a delta edits by id: a top-level vector of
// keyed tables written as a JSON array (maps such as as_of travel whole).
bool IsCollection(const reflection::Field& field) {
  return snapshot_internal::KeyedElement(CatalogSchema(), field) != nullptr &&
         !snapshot_internal::Attribute(field, "json_map");
}

std::string KeyName(const reflection::Field& field) {
  return snapshot_internal::KeyField(*snapshot_internal::KeyedElement(CatalogSchema(), field))->name()->str();
}

std::map<std::string, OrderedJson> EntriesById(const OrderedJson& catalog, const reflection::Field& field) {
  std::map<std::string, OrderedJson> entries;
  auto it = catalog.find(field.name()->str());
  if (it == catalog.end() || !it->is_array()) return entries;
  const std::string key = KeyName(field);
  for (const auto& entry : *it) {
    // A foreign delta may carry an entry without its key; it is left out
    // here and the target hash check then rejects the result.
    auto id = entry.is_object() ? entry.find(key) : entry.end();
    if (entry.is_object() && id != entry.end() && id->is_string()) entries.emplace(id->get<std::string>(), entry);
  }
  return entries;
}

Result<const schema::CatalogDelta*> VerifyDelta(std::string_view bytes) {
  SnapshotLimits limits;
  if (bytes.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kBadSnapshot, std::to_string(bytes.size()) + " bytes is over the delta size cap of " +
                                                  std::to_string(limits.max_bytes) + " bytes");
  }
  if (bytes.size() < 16 || !flatbuffers::BufferHasIdentifier(bytes.data(), schema::CatalogDeltaIdentifier(), true)) {
    return MakeError(ErrorCode::kBadSnapshot, std::string("not a catalog delta (no '") +
                                                  schema::CatalogDeltaIdentifier() + "' file identifier)");
  }
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) {
    return MakeError(ErrorCode::kBadSnapshot, "delta bytes are not 8-byte aligned in memory");
  }
  flatbuffers::Verifier::Options options;
  options.max_depth = limits.max_depth + 2;
  options.max_tables = std::max<size_t>(bytes.size() / 8, 64);
  flatbuffers::Verifier verifier(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), options);
  if (!schema::VerifySizePrefixedCatalogDeltaBuffer(verifier)) {
    return MakeError(ErrorCode::kBadSnapshot, "delta failed FlatBuffers verification: truncated or corrupted");
  }
  const auto* delta = schema::GetSizePrefixedCatalogDelta(bytes.data());
  if (delta->schema_version() != kSnapshotSchemaVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "delta schema version " + std::to_string(delta->schema_version()) +
                         " is not supported (this build reads version " + std::to_string(kSnapshotSchemaVersion) + ")",
                     "schema_version");
  }
  return delta;
}

std::string Text(const flatbuffers::String* s) { return s ? s->str() : std::string(); }

}  // namespace

Result<std::string> MakeSnapshotDelta(std::string_view base_bytes, std::string_view target_bytes) {
  auto base = Snapshot::Open(std::string(base_bytes));
  if (!base.ok()) return base.error();
  auto target = Snapshot::Open(std::string(target_bytes));
  if (!target.ok()) return target.error();
  OrderedJson old_json = snapshot_internal::CatalogToJson(**base);
  OrderedJson new_json = snapshot_internal::CatalogToJson(**target);

  OrderedJson upserts = OrderedJson::object();
  std::map<std::string, std::set<std::string>> deletes;
  const auto& schema = CatalogSchema();
  for (const auto* field : snapshot_internal::FieldsInOrder(*schema.root_table())) {
    const std::string name = field->name()->str();
    if (!IsCollection(*field)) {
      auto it = new_json.find(name);
      if (it != new_json.end()) upserts[name] = *it;
      continue;
    }
    auto old_entries = EntriesById(old_json, *field);
    auto new_entries = EntriesById(new_json, *field);
    OrderedJson changed = OrderedJson::array();
    for (const auto& [id, entry] : new_entries) {
      auto old = old_entries.find(id);
      if (old == old_entries.end() || old->second != entry) changed.push_back(entry);
    }
    for (const auto& [id, entry] : old_entries) {
      if (!new_entries.count(id)) deletes[name].insert(id);
    }
    if (!changed.empty()) upserts[name] = std::move(changed);
  }

  flatbuffers::FlatBufferBuilder builder(1 << 16);
  snapshot_internal::JsonToFlatBuffer converter(schema, builder, /*refs=*/nullptr);
  auto upserts_offset = converter.BuildTable(*schema.root_table(), upserts, "upserts");
  if (!upserts_offset.ok()) return upserts_offset.error();
  std::vector<flatbuffers::Offset<schema::Deletion>> deletions;
  for (const auto& [collection, ids] : deletes) {
    std::vector<flatbuffers::Offset<flatbuffers::String>> id_offsets;
    for (const auto& id : ids) id_offsets.push_back(builder.CreateSharedString(id));
    // One statement per builder call: argument evaluation order differs
    // between g++ and clang, and with it the bytes of the delta.
    auto ids_offset = builder.CreateVector(id_offsets);
    auto name_offset = builder.CreateString(collection);
    deletions.push_back(schema::CreateDeletion(builder, name_offset, ids_offset));
  }
  auto deletes_offset = deletions.empty() ? 0 : builder.CreateVector(deletions);
  auto base_id = builder.CreateString(std::string((*base)->id()));
  auto base_hash = builder.CreateString(HashHex((*base)->content_hash()));
  auto target_id = builder.CreateString(std::string((*target)->id()));
  auto target_hash = builder.CreateString(HashHex((*target)->content_hash()));
  auto root = schema::CreateCatalogDelta(builder, kSnapshotSchemaVersion, base_id, base_hash, target_id, target_hash,
                                         flatbuffers::Offset<schema::Catalog>(*upserts_offset), deletes_offset);
  builder.FinishSizePrefixed(root, schema::CatalogDeltaIdentifier());
  return std::string(reinterpret_cast<const char*>(builder.GetBufferPointer()), builder.GetSize());
}

Result<std::string> ApplySnapshotDelta(std::string_view base_bytes, std::string_view delta_bytes) {
  // Aligned private copy: the verifier checks alignment and callers may hand
  // us a view into any buffer.
  std::string delta_copy(delta_bytes);
  auto verified = VerifyDelta(delta_copy);
  if (!verified.ok()) return verified.error();
  const schema::CatalogDelta* delta = *verified;
  auto base = Snapshot::Open(std::string(base_bytes));
  if (!base.ok()) return base.error();
  std::string base_hash = HashHex((*base)->content_hash());
  if (Text(delta->base_snapshot_id()) != (*base)->id() || Text(delta->base_hash()) != base_hash) {
    return MakeError(ErrorCode::kWrongDeltaBase,
                     "the delta was made from snapshot '" + Text(delta->base_snapshot_id()) + "' (hash " +
                         Text(delta->base_hash()) + "), not from '" + std::string((*base)->id()) + "' (hash " +
                         base_hash + ")");
  }
  const auto& schema = CatalogSchema();
  OrderedJson old_json = snapshot_internal::CatalogToJson(**base);
  OrderedJson upserts = delta->upserts()
                            ? snapshot_internal::TableToJson(schema, *schema.root_table(),
                                                             reinterpret_cast<const flatbuffers::Table&>(*delta->upserts()))
                            : OrderedJson::object();
  std::map<std::string, std::vector<std::string>> deletes;
  if (delta->deletes()) {
    for (const auto* deletion : *delta->deletes()) {
      auto& ids = deletes[Text(deletion->collection())];
      if (deletion->ids()) {
        for (const auto* id : *deletion->ids()) ids.push_back(id->str());
      }
    }
  }
  OrderedJson result = OrderedJson::object();
  for (const auto* field : snapshot_internal::FieldsInOrder(*schema.root_table())) {
    const std::string name = field->name()->str();
    if (!IsCollection(*field)) {
      auto it = upserts.find(name);
      if (it != upserts.end()) result[name] = *it;
      continue;
    }
    auto entries = EntriesById(old_json, *field);
    auto deleted = deletes.find(name);
    if (deleted != deletes.end()) {
      for (const auto& id : deleted->second) {
        if (entries.erase(id) == 0) {
          return MakeError(ErrorCode::kBadSnapshot, "the delta deletes '" + id + "', which the base does not have",
                           "deletes." + name);
        }
      }
      deletes.erase(deleted);
    }
    for (auto& [id, entry] : EntriesById(upserts, *field)) entries[id] = std::move(entry);
    if (entries.empty()) continue;
    OrderedJson list = OrderedJson::array();
    for (auto& [id, entry] : entries) list.push_back(std::move(entry));
    result[name] = std::move(list);
  }
  if (!deletes.empty()) {
    return MakeError(ErrorCode::kBadSnapshot, "the delta deletes from an unknown collection '" + deletes.begin()->first + "'",
                     "deletes");
  }
  auto bytes = snapshot_internal::BuildCatalogBytes(result);
  if (!bytes.ok()) return bytes.error();
  std::string hash = HashHex(Fnv1a64(*bytes));
  if (hash != Text(delta->target_hash())) {
    return MakeError(ErrorCode::kBadSnapshot,
                     "applying the delta gave hash " + hash + ", the delta promised " + Text(delta->target_hash()));
  }
  return std::move(*bytes);
}

Result<std::string> DescribeSnapshotDelta(std::string_view delta_bytes) {
  std::string copy(delta_bytes);
  auto verified = VerifyDelta(copy);
  if (!verified.ok()) return verified.error();
  const schema::CatalogDelta* delta = *verified;
  OrderedJson out;
  out["base"] = Text(delta->base_snapshot_id());
  out["base_hash"] = Text(delta->base_hash());
  out["target"] = Text(delta->target_snapshot_id());
  out["target_hash"] = Text(delta->target_hash());
  out["bytes"] = copy.size();
  OrderedJson upserted = OrderedJson::object();
  if (delta->upserts()) {
    const auto& schema = CatalogSchema();
    const auto& table = reinterpret_cast<const flatbuffers::Table&>(*delta->upserts());
    for (const auto* field : snapshot_internal::FieldsInOrder(*schema.root_table())) {
      if (!IsCollection(*field)) continue;
      const auto* entries = table.GetPointer<const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::Table>>*>(
          field->offset());
      if (entries && entries->size() > 0) upserted[field->name()->str()] = entries->size();
    }
  }
  out["upserts"] = std::move(upserted);
  OrderedJson deleted = OrderedJson::object();
  if (delta->deletes()) {
    for (const auto* deletion : *delta->deletes()) {
      deleted[Text(deletion->collection())] = deletion->ids() ? deletion->ids()->size() : 0;
    }
  }
  out["deletes"] = std::move(deleted);
  return json::Dump(out);
}

}  // namespace shopcore
