#include "schema_json.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "shopcore/money/civil_date.h"
#include "shopcore/money/currency.h"
#include "shopcore/money/decimal.h"
#include "shopcore/schema/catalog_bfbs_generated.h"
#include "shopcore/schema/catalog_generated.h"
#include "shopcore/schema/delta_bfbs_generated.h"

namespace shopcore::snapshot_internal {
namespace {

using reflection::BaseType;
using json::PathIndex;
using json::PathKey;

// "shopcore.schema.Item" -> "Item": what a catalog author knows it as.
std::string ShortName(const flatbuffers::String* name) {
  std::string full = name ? name->str() : std::string();
  size_t dot = full.rfind('.');
  return dot == std::string::npos ? full : full.substr(dot + 1);
}

const char* TypeWord(BaseType type) {
  switch (type) {
    case BaseType::Byte: return "int8";
    case BaseType::UByte: case BaseType::UType: return "uint8";
    case BaseType::Short: return "int16";
    case BaseType::UShort: return "uint16";
    case BaseType::Int: return "int32";
    case BaseType::UInt: return "uint32";
    case BaseType::Long: return "int64";
    case BaseType::ULong: return "uint64";
    default: return reflection::EnumNameBaseType(type);
  }
}

bool IsScalar(BaseType type) { return type >= BaseType::UType && type <= BaseType::Double; }
bool IsFloat(BaseType type) { return type == BaseType::Float || type == BaseType::Double; }

size_t ScalarSize(BaseType type) {
  switch (type) {
    case BaseType::UType: case BaseType::Bool: case BaseType::Byte: case BaseType::UByte: return 1;
    case BaseType::Short: case BaseType::UShort: return 2;
    case BaseType::Int: case BaseType::UInt: case BaseType::Float: return 4;
    default: return 8;
  }
}

bool IsUnsigned(BaseType type) {
  return type == BaseType::UType || type == BaseType::Bool || type == BaseType::UByte ||
         type == BaseType::UShort || type == BaseType::UInt || type == BaseType::ULong;
}

void IntegerRange(BaseType type, int64_t* min, uint64_t* max) {
  switch (type) {
    case BaseType::Bool: *min = 0; *max = 1; return;
    case BaseType::Byte: *min = INT8_MIN; *max = INT8_MAX; return;
    case BaseType::UType: case BaseType::UByte: *min = 0; *max = UINT8_MAX; return;
    case BaseType::Short: *min = INT16_MIN; *max = INT16_MAX; return;
    case BaseType::UShort: *min = 0; *max = UINT16_MAX; return;
    case BaseType::Int: *min = INT32_MIN; *max = INT32_MAX; return;
    case BaseType::UInt: *min = 0; *max = UINT32_MAX; return;
    case BaseType::Long: *min = INT64_MIN; *max = INT64_MAX; return;
    default: *min = 0; *max = UINT64_MAX; return;
  }
}

// A scalar read from JSON, held as the widest type of its kind until it is
// added to the table.
struct Scalar {
  BaseType type = BaseType::None;
  int64_t i = 0;
  uint64_t u = 0;
  double d = 0;
};

const reflection::Enum* EnumOf(const reflection::Schema& schema, const reflection::Type& type) {
  if (type.index() < 0 || !schema.enums() || static_cast<uint32_t>(type.index()) >= schema.enums()->size()) {
    return nullptr;
  }
  return schema.enums()->Get(type.index());
}

std::string EnumNames(const reflection::Enum& e) {
  std::string names;
  for (const auto* value : *e.values()) {
    if (!names.empty()) names += ", ";
    names += value->name()->str();
  }
  return names;
}

Result<Scalar> ReadScalar(const reflection::Schema& schema, const reflection::Field& field, BaseType type,
                          const reflection::Enum* enum_type, const OrderedJson& value, const std::string& path) {
  Scalar out;
  out.type = type;
  if (IsFloat(type)) {
    if (!value.is_number()) {
      return MakeError(ErrorCode::kBadRequest, std::string("expected a number, got ") + json::TypeName(value), path);
    }
    out.d = value.get<double>();
    return out;
  }
  if (type == BaseType::Bool) {
    if (!value.is_boolean()) {
      return MakeError(ErrorCode::kBadRequest, std::string("expected true or false, got ") + json::TypeName(value), path);
    }
    out.u = value.get<bool>() ? 1 : 0;
    return out;
  }
  // Integers and enums.
  bool negative = false;
  uint64_t magnitude = 0;
  if (enum_type && value.is_string()) {
    const std::string& name = value.get_ref<const std::string&>();
    const reflection::EnumVal* found = nullptr;
    for (const auto* candidate : *enum_type->values()) {
      if (candidate->name()->str() == name) found = candidate;
    }
    if (!found) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "unknown " + ShortName(enum_type->name()) + " '" + name + "' (one of " + EnumNames(*enum_type) + ")",
                       path);
    }
    int64_t v = found->value();
    negative = v < 0;
    magnitude = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  } else if (value.is_number_unsigned()) {
    magnitude = value.get<uint64_t>();
  } else if (value.is_number_integer()) {
    int64_t v = value.get<int64_t>();
    negative = v < 0;
    magnitude = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  } else {
    return MakeError(ErrorCode::kBadRequest,
                     std::string(enum_type ? "expected a name of " + ShortName(enum_type->name()) : "expected an integer") +
                         ", got " + json::TypeName(value),
                     path);
  }
  int64_t min;
  uint64_t max;
  IntegerRange(type, &min, &max);
  std::string shown = (negative ? "-" : "") + std::to_string(magnitude);
  if (negative && Attribute(field, "money")) return MakeError(ErrorCode::kInvalidArgument, "negative amount " + shown, path);
  if (negative && Attribute(field, "nonnegative")) {
    return MakeError(ErrorCode::kInvalidArgument, "must not be negative, got " + shown, path);
  }
  if (negative ? (min == 0 || magnitude > static_cast<uint64_t>(-(min + 1)) + 1) : magnitude > max) {
    return MakeError(ErrorCode::kOverflow, shown + " does not fit in " + TypeWord(type), path);
  }
  if (IsUnsigned(type)) {
    out.u = magnitude;
  } else {
    out.i = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  }
  return out;
}

template <typename T>
void AddElement(flatbuffers::FlatBufferBuilder& builder, const reflection::Field& field, T value, T fallback) {
  builder.AddElement<T>(field.offset(), value, fallback);
}

void AddScalarToTable(flatbuffers::FlatBufferBuilder& builder, const reflection::Field& field, const Scalar& s) {
  int64_t di = field.default_integer();
  double dd = field.default_real();
  switch (s.type) {
    case BaseType::Bool: case BaseType::UType: case BaseType::UByte:
      AddElement<uint8_t>(builder, field, static_cast<uint8_t>(s.u), static_cast<uint8_t>(di)); break;
    case BaseType::Byte: AddElement<int8_t>(builder, field, static_cast<int8_t>(s.i), static_cast<int8_t>(di)); break;
    case BaseType::Short: AddElement<int16_t>(builder, field, static_cast<int16_t>(s.i), static_cast<int16_t>(di)); break;
    case BaseType::UShort: AddElement<uint16_t>(builder, field, static_cast<uint16_t>(s.u), static_cast<uint16_t>(di)); break;
    case BaseType::Int: AddElement<int32_t>(builder, field, static_cast<int32_t>(s.i), static_cast<int32_t>(di)); break;
    case BaseType::UInt: AddElement<uint32_t>(builder, field, static_cast<uint32_t>(s.u), static_cast<uint32_t>(di)); break;
    case BaseType::Long: AddElement<int64_t>(builder, field, s.i, di); break;
    case BaseType::ULong: AddElement<uint64_t>(builder, field, s.u, static_cast<uint64_t>(di)); break;
    case BaseType::Float: AddElement<float>(builder, field, static_cast<float>(s.d), static_cast<float>(dd)); break;
    case BaseType::Double: AddElement<double>(builder, field, s.d, dd); break;
    default: break;
  }
}

template <typename T>
flatbuffers::uoffset_t ScalarVector(flatbuffers::FlatBufferBuilder& builder, const std::vector<Scalar>& values) {
  std::vector<T> raw;
  raw.reserve(values.size());
  for (const auto& s : values) {
    if (IsFloat(s.type)) raw.push_back(static_cast<T>(s.d));
    else if (IsUnsigned(s.type)) raw.push_back(static_cast<T>(s.u));
    else raw.push_back(static_cast<T>(s.i));
  }
  return builder.CreateVector(raw).o;
}

// JSON scalars as the dump writes them.
template <typename T>
OrderedJson ScalarJson(const uint8_t* p) {
  return OrderedJson(flatbuffers::ReadScalar<T>(p));
}

OrderedJson ReadScalarJson(const reflection::Schema& schema, const reflection::Type& type, BaseType base,
                           const uint8_t* p, bool* is_default, const reflection::Field* field) {
  OrderedJson out;
  int64_t as_int = 0;
  switch (base) {
    case BaseType::Bool: out = flatbuffers::ReadScalar<uint8_t>(p) != 0; as_int = flatbuffers::ReadScalar<uint8_t>(p); break;
    case BaseType::UType: case BaseType::UByte: as_int = flatbuffers::ReadScalar<uint8_t>(p); out = as_int; break;
    case BaseType::Byte: as_int = flatbuffers::ReadScalar<int8_t>(p); out = as_int; break;
    case BaseType::Short: as_int = flatbuffers::ReadScalar<int16_t>(p); out = as_int; break;
    case BaseType::UShort: as_int = flatbuffers::ReadScalar<uint16_t>(p); out = as_int; break;
    case BaseType::Int: as_int = flatbuffers::ReadScalar<int32_t>(p); out = as_int; break;
    case BaseType::UInt: as_int = flatbuffers::ReadScalar<uint32_t>(p); out = as_int; break;
    case BaseType::Long: as_int = flatbuffers::ReadScalar<int64_t>(p); out = as_int; break;
    case BaseType::ULong: {
      uint64_t v = flatbuffers::ReadScalar<uint64_t>(p);
      out = v;
      if (is_default && field) *is_default = v == static_cast<uint64_t>(field->default_integer());
      return out;
    }
    case BaseType::Float: {
      float v = flatbuffers::ReadScalar<float>(p);
      out = static_cast<double>(v);
      if (is_default && field) *is_default = v == static_cast<float>(field->default_real());
      return out;
    }
    case BaseType::Double: {
      double v = flatbuffers::ReadScalar<double>(p);
      out = v;
      if (is_default && field) *is_default = v == field->default_real();
      return out;
    }
    default: return out;
  }
  if (is_default && field) *is_default = as_int == field->default_integer();
  if (const reflection::Enum* e = EnumOf(schema, type)) {
    for (const auto* value : *e->values()) {
      if (value->value() == as_int) return OrderedJson(value->name()->str());
    }
  }
  return out;
}

// A map entry table with one value besides its key (a title per locale, a
// rate per category) is written as that bare value: {"de-DE": "Serum"}.
const reflection::Field* SoleValueField(const reflection::Object& element) {
  const reflection::Field* sole = nullptr;
  for (const auto* field : *element.fields()) {
    if (field->deprecated() || field->key()) continue;
    if (sole) return nullptr;
    sole = field;
  }
  if (!sole) return nullptr;
  BaseType base = sole->type()->base_type();
  return IsScalar(base) || base == BaseType::String ? sole : nullptr;
}

}  // namespace

const reflection::Schema& CatalogSchema() {
  static const reflection::Schema* schema = reflection::GetSchema(schema::CatalogBinarySchema::data());
  return *schema;
}

const reflection::Schema& DeltaSchema() {
  static const reflection::Schema* schema = reflection::GetSchema(schema::CatalogDeltaBinarySchema::data());
  return *schema;
}

const reflection::Object& ObjectNamed(const reflection::Schema& schema, const char* name) {
  // The embedded schemas are ours; a missing name is a programming error
  // that the unit tests catch on the first call.
  return *schema.objects()->LookupByKey(name);
}

std::vector<const reflection::Field*> FieldsInOrder(const reflection::Object& object) {
  std::vector<const reflection::Field*> fields;
  for (const auto* field : *object.fields()) {
    if (!field->deprecated()) fields.push_back(field);
  }
  std::sort(fields.begin(), fields.end(), [](const auto* a, const auto* b) { return a->id() < b->id(); });
  return fields;
}

const reflection::Field* KeyField(const reflection::Object& object) {
  for (const auto* field : *object.fields()) {
    if (field->key()) return field;
  }
  return nullptr;
}

const char* Attribute(const reflection::Field& field, const char* name) {
  if (!field.attributes()) return nullptr;
  for (const auto* kv : *field.attributes()) {
    if (kv->key() && kv->key()->str() == name) return kv->value() ? kv->value()->c_str() : "";
  }
  return nullptr;
}

const reflection::Object* KeyedElement(const reflection::Schema& schema, const reflection::Field& field) {
  const auto* type = field.type();
  if (type->base_type() != BaseType::Vector || type->element() != BaseType::Obj) return nullptr;
  const reflection::Object* element = schema.objects()->Get(type->index());
  const reflection::Field* key = KeyField(*element);
  if (!key || key->type()->base_type() != BaseType::String) return nullptr;
  return element;
}

IdSets CollectIds(const reflection::Schema& schema, const reflection::Object& root, const OrderedJson& value) {
  IdSets ids;
  if (!value.is_object()) return ids;
  for (const auto* field : FieldsInOrder(root)) {
    const reflection::Object* element = KeyedElement(schema, *field);
    if (!element) continue;
    auto& set = ids[field->name()->str()];
    auto it = value.find(field->name()->str());
    if (it == value.end()) continue;
    std::string key_name = KeyField(*element)->name()->str();
    if (it->is_object()) {
      for (auto entry = it->begin(); entry != it->end(); ++entry) set.insert(entry.key());
    } else if (it->is_array()) {
      for (const auto& entry : *it) {
        if (!entry.is_object()) continue;
        auto key = entry.find(key_name);
        if (key != entry.end() && key->is_string()) set.insert(key->get_ref<const std::string&>());
      }
    }
  }
  return ids;
}

Status JsonToFlatBuffer::CheckString(const reflection::Field& field, const std::string& text, const std::string& path) {
  if (Attribute(field, "decimal") && !Decimal::Parse(text).ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "not a decimal number: '" + text + "'", path);
  }
  if (Attribute(field, "currency") && !FindCurrency(text).ok()) {
    return MakeError(ErrorCode::kUnknownCurrency, "unknown currency '" + text + "'", path);
  }
  // A real date of years 1970..9999 (the range every date module reads).
  if (Attribute(field, "date") && !ParseCivilDate(text).ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "not a date (YYYY-MM-DD): '" + text + "'", path);
  }
  if (const char* collection = Attribute(field, "ref"); collection && refs_) {
    auto it = refs_->find(collection);
    if (it == refs_->end() || it->second.count(text) == 0) {
      return MakeError(ErrorCode::kNotFound, std::string("no ") + collection + " entry with id '" + text + "'", path);
    }
  }
  return Status::Ok();
}

Result<flatbuffers::uoffset_t> JsonToFlatBuffer::BuildTable(const reflection::Object& object, const OrderedJson& value,
                                                            const std::string& path) {
  if (!value.is_object()) {
    return MakeError(ErrorCode::kBadRequest,
                     "expected an object (" + ShortName(object.name()) + "), got " + json::TypeName(value), path);
  }
  const auto fields = FieldsInOrder(object);
  // Unknown members are an error, not ignored: a typo must not drop data.
  for (auto it = value.begin(); it != value.end(); ++it) {
    const reflection::Field* field = object.fields()->LookupByKey(it.key().c_str());
    if (!field || field->deprecated() || Attribute(*field, "derived")) {
      return MakeError(ErrorCode::kBadRequest, "unknown field of " + ShortName(object.name()), PathKey(path, it.key()));
    }
  }
  std::vector<std::pair<const reflection::Field*, Scalar>> scalars;
  std::vector<std::pair<const reflection::Field*, flatbuffers::uoffset_t>> offsets;
  // By short name: the evolution tests drive this with renamed namespaces.
  const bool is_sku = layout_ && ShortName(object.name()) == "Sku";
  const bool is_root = layout_ && &object == schema_.root_table();
  for (const auto* field : fields) {
    if (Attribute(*field, "derived")) continue;
    auto it = value.find(field->name()->str());
    std::string where = PathKey(path, field->name()->str());
    if (it == value.end() || it->is_null()) {
      if (field->required()) return MakeError(ErrorCode::kBadRequest, "missing", where);
      continue;
    }
    const auto* type = field->type();
    BaseType base = type->base_type();
    const std::string& name = field->name()->str();
    if (is_sku && name == "price") {
      SHOPCORE_RETURN_IF_ERROR(BuildPriceColumns(object, *field, *it, where, &offsets));
    } else if (is_root && name == "neighbours") {
      SHOPCORE_RETURN_IF_ERROR(BuildNeighbourColumns(object, *field, *it, where, &offsets));
    } else if (is_root && name == "factors") {
      SHOPCORE_RETURN_IF_ERROR(BuildFactorColumns(object, *field, *it, where, &offsets));
    } else if (IsScalar(base)) {
      auto scalar = ReadScalar(schema_, *field, base, EnumOf(schema_, *type), *it, where);
      if (!scalar.ok()) return scalar.error();
      scalars.emplace_back(field, *scalar);
    } else if (base == BaseType::String) {
      if (!it->is_string()) {
        return MakeError(ErrorCode::kBadRequest, std::string("expected a string, got ") + json::TypeName(*it), where);
      }
      const std::string& text = it->get_ref<const std::string&>();
      SHOPCORE_RETURN_IF_ERROR(CheckString(*field, text, where));
      offsets.emplace_back(field, builder_.CreateSharedString(text).o);
    } else if (base == BaseType::Obj) {
      const reflection::Object* child = schema_.objects()->Get(type->index());
      if (child->is_struct()) return MakeError(ErrorCode::kBadRequest, "structs are not supported by the builder", where);
      auto offset = BuildTable(*child, *it, where);
      if (!offset.ok()) return offset.error();
      offsets.emplace_back(field, *offset);
    } else if (base == BaseType::Vector) {
      auto offset = BuildVector(*field, *it, where);
      if (!offset.ok()) return offset.error();
      if (*offset != 0) offsets.emplace_back(field, *offset);
    } else {
      return MakeError(ErrorCode::kBadRequest, "field type not supported by the builder", where);
    }
  }
  auto start = builder_.StartTable();
  for (const auto& [field, scalar] : scalars) AddScalarToTable(builder_, *field, scalar);
  for (const auto& [field, offset] : offsets) builder_.AddOffset(field->offset(), flatbuffers::Offset<void>(offset));
  return builder_.EndTable(start);
}

Result<flatbuffers::uoffset_t> JsonToFlatBuffer::BuildVector(const reflection::Field& field, const OrderedJson& value,
                                                             const std::string& path) {
  const auto* type = field.type();
  BaseType element = type->element();
  if (element == BaseType::Obj) {
    const reflection::Object* object = schema_.objects()->Get(type->index());
    if (object->is_struct()) return MakeError(ErrorCode::kBadRequest, "structs are not supported by the builder", path);
    return BuildTableVector(field, *object, value, path);
  }
  if (element == BaseType::UByte && Attribute(field, "base64")) {
    if (!value.is_string()) {
      return MakeError(ErrorCode::kBadRequest, std::string("expected a base64 string, got ") + json::TypeName(value), path);
    }
    std::vector<uint8_t> bytes;
    if (!Base64Decode(value.get_ref<const std::string&>(), &bytes)) {
      return MakeError(ErrorCode::kInvalidArgument, "not valid base64", path);
    }
    if (bytes.empty()) return flatbuffers::uoffset_t{0};
    return builder_.CreateVector(bytes).o;
  }
  if (!value.is_array()) {
    return MakeError(ErrorCode::kBadRequest, std::string("expected an array, got ") + json::TypeName(value), path);
  }
  if (value.empty()) return flatbuffers::uoffset_t{0};
  if (element == BaseType::String) {
    std::vector<flatbuffers::Offset<flatbuffers::String>> strings;
    for (size_t i = 0; i < value.size(); ++i) {
      const auto& entry = value[i];
      std::string where = PathIndex(path, i);
      if (!entry.is_string()) {
        return MakeError(ErrorCode::kBadRequest, std::string("expected a string, got ") + json::TypeName(entry), where);
      }
      SHOPCORE_RETURN_IF_ERROR(CheckString(field, entry.get_ref<const std::string&>(), where));
      strings.push_back(builder_.CreateSharedString(entry.get_ref<const std::string&>()));
    }
    return builder_.CreateVector(strings).o;
  }
  if (!IsScalar(element)) return MakeError(ErrorCode::kBadRequest, "vector type not supported by the builder", path);
  const reflection::Enum* enum_type = EnumOf(schema_, *type);
  std::vector<Scalar> values;
  for (size_t i = 0; i < value.size(); ++i) {
    auto scalar = ReadScalar(schema_, field, element, enum_type, value[i], PathIndex(path, i));
    if (!scalar.ok()) return scalar.error();
    values.push_back(*scalar);
  }
  switch (element) {
    case BaseType::Bool: case BaseType::UType: case BaseType::UByte: return ScalarVector<uint8_t>(builder_, values);
    case BaseType::Byte: return ScalarVector<int8_t>(builder_, values);
    case BaseType::Short: return ScalarVector<int16_t>(builder_, values);
    case BaseType::UShort: return ScalarVector<uint16_t>(builder_, values);
    case BaseType::Int: return ScalarVector<int32_t>(builder_, values);
    case BaseType::UInt: return ScalarVector<uint32_t>(builder_, values);
    case BaseType::Long: return ScalarVector<int64_t>(builder_, values);
    case BaseType::ULong: return ScalarVector<uint64_t>(builder_, values);
    case BaseType::Float: return ScalarVector<float>(builder_, values);
    default: return ScalarVector<double>(builder_, values);
  }
}

Result<flatbuffers::uoffset_t> JsonToFlatBuffer::BuildTableVector(const reflection::Field& field,
                                                                  const reflection::Object& element,
                                                                  const OrderedJson& value, const std::string& path) {
  const reflection::Field* key = KeyField(element);
  bool keyed = key && key->type()->base_type() == BaseType::String;
  // Entries point into the input; only a map entry, which gains its key
  // field, is copied (copying array entries would copy the catalog once per
  // nesting level).
  struct Entry {
    std::string key;
    const OrderedJson* value;
    std::string path;
    size_t index;
  };
  std::vector<OrderedJson> patched;
  if (Attribute(field, "json_map") && keyed) patched.reserve(value.is_object() ? value.size() : 0);
  std::vector<Entry> entries;
  if (Attribute(field, "json_map") && keyed) {
    if (!value.is_object()) {
      return MakeError(ErrorCode::kBadRequest,
                       std::string("expected an object keyed by ") + key->name()->str() + ", got " + json::TypeName(value),
                       path);
    }
    size_t index = 0;
    for (auto it = value.begin(); it != value.end(); ++it, ++index) {
      std::string where = PathKey(path, it.key());
      if (it->is_null()) continue;
      const reflection::Field* sole = SoleValueField(element);
      if (sole && !it->is_object()) {
        OrderedJson entry = OrderedJson::object();
        entry[key->name()->str()] = it.key();
        entry[sole->name()->str()] = *it;
        patched.push_back(std::move(entry));
        entries.push_back(Entry{it.key(), &patched.back(), where, index});
        continue;
      }
      if (!it->is_object()) {
        return MakeError(ErrorCode::kBadRequest,
                         "expected an object (" + ShortName(element.name()) + "), got " + json::TypeName(*it), where);
      }
      OrderedJson entry = *it;
      auto own = entry.find(key->name()->str());
      if (own != entry.end() && !(own->is_string() && own->get_ref<const std::string&>() == it.key())) {
        return MakeError(ErrorCode::kBadRequest, "differs from its map key '" + it.key() + "'",
                         PathKey(where, key->name()->str()));
      }
      entry[key->name()->str()] = it.key();
      patched.push_back(std::move(entry));
      entries.push_back(Entry{it.key(), &patched.back(), where, index});
    }
  } else {
    if (!value.is_array()) {
      return MakeError(ErrorCode::kBadRequest, std::string("expected an array, got ") + json::TypeName(value), path);
    }
    for (size_t i = 0; i < value.size(); ++i) {
      std::string where = PathIndex(path, i);
      std::string id;
      if (keyed) {
        if (!value[i].is_object()) {
          return MakeError(ErrorCode::kBadRequest,
                           "expected an object (" + ShortName(element.name()) + "), got " + json::TypeName(value[i]), where);
        }
        auto own = value[i].find(key->name()->str());
        if (own == value[i].end() || !own->is_string()) {
          return MakeError(ErrorCode::kBadRequest, "missing (every entry needs a string id)",
                           PathKey(where, key->name()->str()));
        }
        id = own->get_ref<const std::string&>();
        if (id.empty() || id.find('\0') != std::string::npos) {
          return MakeError(ErrorCode::kBadRequest, "an id must be non-empty text", PathKey(where, key->name()->str()));
        }
      }
      entries.push_back(Entry{std::move(id), &value[i], where, i});
    }
  }
  if (entries.empty()) return flatbuffers::uoffset_t{0};
  if (keyed) {
    // Sorted by key so readers can binary-search (flatbuffers LookupByKey
    // compares with strcmp, i.e. unsigned bytes, as std::string does).
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.key < b.key; });
    for (size_t i = 1; i < entries.size(); ++i) {
      if (entries[i].key == entries[i - 1].key) {
        const Entry& first = entries[i - 1].index < entries[i].index ? entries[i - 1] : entries[i];
        const Entry& second = entries[i - 1].index < entries[i].index ? entries[i] : entries[i - 1];
        return MakeError(ErrorCode::kConflict, "duplicate id '" + second.key + "' (also at " + first.path + ")",
                         PathKey(second.path, key->name()->str()));
      }
    }
  }
  std::vector<flatbuffers::Offset<void>> tables;
  tables.reserve(entries.size());
  for (const auto& entry : entries) {
    auto offset = BuildTable(element, *entry.value, entry.path);
    if (!offset.ok()) return offset.error();
    tables.emplace_back(*offset);
  }
  return builder_.CreateVector(tables).o;
}

SnapshotLayout LayoutOf(const IdSets& ids, uint32_t dimensions) {
  SnapshotLayout layout;
  layout.dimensions = dimensions;
  auto number = [](const std::set<std::string>* sorted, std::map<std::string, uint32_t>* out) {
    if (!sorted) return;
    uint32_t index = 0;
    for (const auto& id : *sorted) out->emplace_hint(out->end(), id, index++);
  };
  auto markets = ids.find("markets");
  auto items = ids.find("items");
  number(markets == ids.end() ? nullptr : &markets->second, &layout.markets);
  number(items == ids.end() ? nullptr : &items->second, &layout.items);
  return layout;
}

namespace {

const reflection::Field& FieldNamed(const reflection::Object& object, const char* name) {
  // Our own schema: a missing name is a programming error the tests catch.
  return *object.fields()->LookupByKey(name);
}

template <typename T>
const flatbuffers::Vector<flatbuffers::Offset<T>>* TablesAt(const uint8_t* vector) {
  return reinterpret_cast<const flatbuffers::Vector<flatbuffers::Offset<T>>*>(vector);
}

}  // namespace

Result<const uint8_t*> JsonToFlatBuffer::BuildJsonForm(const reflection::Field& field, const OrderedJson& value,
                                                       const std::string& path) {
  scratch_.Clear();
  JsonToFlatBuffer json_form(schema_, scratch_, refs_, /*layout=*/nullptr);
  auto built = json_form.BuildVector(field, value, path);
  if (!built.ok()) return built.error();
  if (*built == 0) return static_cast<const uint8_t*>(nullptr);
  // An unfinished builder addresses offsets from the end of its data.
  return scratch_.GetCurrentBufferPointer() + scratch_.GetSize() - *built;
}

Status JsonToFlatBuffer::BuildPriceColumns(const reflection::Object& sku, const reflection::Field& price,
                                           const OrderedJson& value, const std::string& path, Offsets* offsets) {
  auto built = BuildJsonForm(price, value, path);
  if (!built.ok()) return built.error();
  if (!*built) return Status::Ok();
  const auto* prices = TablesAt<schema::MarketPrice>(*built);
  std::vector<uint16_t> markets;
  std::vector<int64_t> amounts, compare_at;
  bool any_compare_at = false;
  for (const auto* entry : *prices) {
    auto found = layout_->markets.find(entry->market()->str());
    if (found == layout_->markets.end()) {
      // Only without ref checks (never for a snapshot); kept as an error, not a crash.
      return MakeError(ErrorCode::kNotFound, "no markets entry with id '" + entry->market()->str() + "'",
                       PathKey(path, entry->market()->str()));
    }
    if (found->second > UINT16_MAX) {
      return MakeError(ErrorCode::kOverflow, "more than 65536 markets", PathKey(path, entry->market()->str()));
    }
    markets.push_back(static_cast<uint16_t>(found->second));
    amounts.push_back(entry->amount());
    compare_at.push_back(entry->compare_at());
    any_compare_at = any_compare_at || entry->compare_at() != 0;
  }
  // Entries are sorted by market id, and market numbers follow id order, so
  // the columns are ascending by market number.
  offsets->emplace_back(&FieldNamed(sku, "price_markets"), builder_.CreateVector(markets).o);
  offsets->emplace_back(&FieldNamed(sku, "price_amounts"), builder_.CreateVector(amounts).o);
  if (any_compare_at) offsets->emplace_back(&FieldNamed(sku, "price_compare_at"), builder_.CreateVector(compare_at).o);
  return Status::Ok();
}

Status JsonToFlatBuffer::BuildNeighbourColumns(const reflection::Object& root, const reflection::Field& field,
                                               const OrderedJson& value, const std::string& path, Offsets* offsets) {
  auto built = BuildJsonForm(field, value, path);
  if (!built.ok()) return built.error();
  if (!*built) return Status::Ok();
  const size_t item_count = layout_->items.size();
  std::vector<std::vector<std::pair<uint32_t, float>>> rows(item_count);
  size_t total = 0;
  for (const auto* entry : *TablesAt<schema::ItemNeighbours>(*built)) {
    const std::string id = entry->item()->str();
    size_t count = entry->neighbours() ? entry->neighbours()->size() : 0;
    size_t weights = entry->weights() ? entry->weights()->size() : 0;
    if (count != weights) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "item '" + id + "' has " + std::to_string(count) + " neighbours but " + std::to_string(weights) +
                           " weights",
                       path);
    }
    auto item = layout_->items.find(id);
    if (item == layout_->items.end()) return MakeError(ErrorCode::kNotFound, "no items entry with id '" + id + "'", path);
    for (size_t k = 0; k < count; ++k) {
      auto neighbour = layout_->items.find(entry->neighbours()->Get(static_cast<flatbuffers::uoffset_t>(k))->str());
      if (neighbour == layout_->items.end()) {
        return MakeError(ErrorCode::kNotFound, "item '" + id + "' names a neighbour that is not an item", path);
      }
      float weight = entry->weights()->Get(static_cast<flatbuffers::uoffset_t>(k));
      if (!(weight - weight == 0.0f)) {
        return MakeError(ErrorCode::kInvalidArgument, "item '" + id + "' has a non-finite neighbour weight", path);
      }
      rows[item->second].emplace_back(neighbour->second, weight);
    }
    total += count;
  }
  // Nothing to say: no vectors, so build(dump(s)) == s for empty rows too.
  if (total == 0) return Status::Ok();
  std::vector<uint32_t> row_offsets, items;
  std::vector<float> weights;
  row_offsets.reserve(item_count + 1);
  items.reserve(total);
  weights.reserve(total);
  row_offsets.push_back(0);
  for (const auto& row : rows) {
    for (const auto& [neighbour, weight] : row) {
      items.push_back(neighbour);
      weights.push_back(weight);
    }
    row_offsets.push_back(static_cast<uint32_t>(items.size()));
  }
  offsets->emplace_back(&FieldNamed(root, "neighbour_offsets"), builder_.CreateVector(row_offsets).o);
  offsets->emplace_back(&FieldNamed(root, "neighbour_items"), builder_.CreateVector(items).o);
  offsets->emplace_back(&FieldNamed(root, "neighbour_weights"), builder_.CreateVector(weights).o);
  return Status::Ok();
}

Status JsonToFlatBuffer::BuildFactorColumns(const reflection::Object& root, const reflection::Field& field,
                                            const OrderedJson& value, const std::string& path, Offsets* offsets) {
  auto built = BuildJsonForm(field, value, path);
  if (!built.ok()) return built.error();
  if (!*built) return Status::Ok();
  const size_t dimensions = layout_->dimensions;
  const size_t item_count = layout_->items.size();
  std::vector<int8_t> values;
  std::vector<float> scales;
  bool any = false;
  for (const auto* entry : *TablesAt<schema::ItemFactors>(*built)) {
    const std::string id = entry->item()->str();
    size_t count = entry->factors() ? entry->factors()->size() : 0;
    if (count != dimensions) {
      return MakeError(ErrorCode::kInvalidArgument,
                       "item '" + id + "' has " + std::to_string(count) + " factors, model.dimensions is " +
                           std::to_string(dimensions),
                       path);
    }
    float scale = entry->scale();
    if (!(scale - scale == 0.0f)) {
      return MakeError(ErrorCode::kInvalidArgument, "item '" + id + "' has a non-finite factor scale", path);
    }
    bool nonzero = scale != 0.0f;
    for (size_t k = 0; k < count; ++k) nonzero = nonzero || entry->factors()->Get(static_cast<flatbuffers::uoffset_t>(k)) != 0;
    // An all-zero row says nothing; skipping it keeps build(dump(s)) == s.
    if (!nonzero) continue;
    auto item = layout_->items.find(id);
    if (item == layout_->items.end()) return MakeError(ErrorCode::kNotFound, "no items entry with id '" + id + "'", path);
    if (!any) {
      values.assign(item_count * dimensions, 0);
      scales.assign(item_count, 0.0f);
      any = true;
    }
    for (size_t k = 0; k < count; ++k) {
      values[item->second * dimensions + k] = entry->factors()->Get(static_cast<flatbuffers::uoffset_t>(k));
    }
    scales[item->second] = scale;
  }
  if (!any) return Status::Ok();
  offsets->emplace_back(&FieldNamed(root, "factor_values"), builder_.CreateVector(values).o);
  offsets->emplace_back(&FieldNamed(root, "factor_scales"), builder_.CreateVector(scales).o);
  return Status::Ok();
}

namespace {

std::string_view IdOf(const flatbuffers::String* id) { return id ? std::string_view(id->c_str(), id->size()) : std::string_view(); }

// The JSON form of a SKU's price columns, exactly as the generic writer
// would write the MarketPrice tables: {"DE": {"amount": 1999}}.
OrderedJson PriceJson(const schema::Sku& sku, const schema::Catalog& catalog) {
  OrderedJson map = OrderedJson::object();
  const auto* markets = sku.price_markets();
  for (flatbuffers::uoffset_t k = 0; k < markets->size(); ++k) {
    OrderedJson body = OrderedJson::object();
    int64_t amount = sku.price_amounts()->Get(k);
    int64_t compare_at = sku.price_compare_at() ? sku.price_compare_at()->Get(k) : 0;
    if (amount != 0) body["amount"] = amount;
    if (compare_at != 0) body["compare_at"] = compare_at;
    map[std::string(IdOf(catalog.markets()->Get(markets->Get(k))->id()))] = std::move(body);
  }
  return map;
}

OrderedJson NeighboursJson(const schema::Catalog& catalog) {
  OrderedJson list = OrderedJson::array();
  const auto* offsets = catalog.neighbour_offsets();
  const auto* items = catalog.items();
  for (flatbuffers::uoffset_t i = 0; i + 1 < offsets->size(); ++i) {
    uint32_t from = offsets->Get(i), to = offsets->Get(i + 1);
    if (from == to) continue;
    OrderedJson entry = OrderedJson::object();
    entry["item"] = std::string(IdOf(items->Get(i)->id()));
    OrderedJson neighbours = OrderedJson::array(), weights = OrderedJson::array();
    for (uint32_t k = from; k < to; ++k) {
      neighbours.push_back(std::string(IdOf(items->Get(catalog.neighbour_items()->Get(k))->id())));
      weights.push_back(static_cast<double>(catalog.neighbour_weights()->Get(k)));
    }
    entry["neighbours"] = std::move(neighbours);
    entry["weights"] = std::move(weights);
    list.push_back(std::move(entry));
  }
  return list;
}

OrderedJson FactorsJson(const schema::Catalog& catalog) {
  OrderedJson list = OrderedJson::array();
  const auto* scales = catalog.factor_scales();
  const auto* values = catalog.factor_values();
  const auto* items = catalog.items();
  const size_t dimensions = scales->size() ? values->size() / scales->size() : 0;
  for (flatbuffers::uoffset_t i = 0; i < scales->size(); ++i) {
    bool nonzero = scales->Get(i) != 0.0f;
    for (size_t k = 0; k < dimensions; ++k) nonzero = nonzero || values->Get(static_cast<flatbuffers::uoffset_t>(i * dimensions + k)) != 0;
    if (!nonzero) continue;
    OrderedJson entry = OrderedJson::object();
    entry["item"] = std::string(IdOf(items->Get(i)->id()));
    OrderedJson factors = OrderedJson::array();
    for (size_t k = 0; k < dimensions; ++k) factors.push_back(values->Get(static_cast<flatbuffers::uoffset_t>(i * dimensions + k)));
    if (dimensions) entry["factors"] = std::move(factors);
    if (scales->Get(i) != 0.0f) entry["scale"] = static_cast<double>(scales->Get(i));
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace

OrderedJson TableToJson(const reflection::Schema& schema, const reflection::Object& object,
                        const flatbuffers::Table& table, const flatbuffers::Table* catalog) {
  OrderedJson out = OrderedJson::object();
  const auto* snapshot = reinterpret_cast<const schema::Catalog*>(catalog);
  const bool is_sku = snapshot && ShortName(object.name()) == "Sku";
  const bool is_root = snapshot && &object == schema.root_table();
  for (const auto* field : FieldsInOrder(object)) {
    const auto* type = field->type();
    BaseType base = type->base_type();
    const std::string name = field->name()->str();
    if (Attribute(*field, "derived")) continue;
    if (is_sku && name == "price") {
      const auto& sku = reinterpret_cast<const schema::Sku&>(table);
      if (sku.price_markets() && sku.price_markets()->size()) out[name] = PriceJson(sku, *snapshot);
      continue;
    }
    if (is_root && name == "neighbours") {
      if (snapshot->neighbour_offsets() && snapshot->neighbour_offsets()->size()) out[name] = NeighboursJson(*snapshot);
      continue;
    }
    if (is_root && name == "factors") {
      if (snapshot->factor_scales() && snapshot->factor_scales()->size()) out[name] = FactorsJson(*snapshot);
      continue;
    }
    auto offset = table.GetOptionalFieldOffset(field->offset());
    if (offset == 0) continue;
    if (IsScalar(base)) {
      bool is_default = false;
      OrderedJson v = ReadScalarJson(schema, *type, base, reinterpret_cast<const uint8_t*>(&table) + offset,
                                     &is_default, field);
      if (!is_default) out[name] = std::move(v);
    } else if (base == BaseType::String) {
      out[name] = table.GetPointer<const flatbuffers::String*>(field->offset())->str();
    } else if (base == BaseType::Obj) {
      const reflection::Object* child = schema.objects()->Get(type->index());
      out[name] = TableToJson(schema, *child, *table.GetPointer<const flatbuffers::Table*>(field->offset()), catalog);
    } else if (base == BaseType::Vector) {
      const auto* raw = table.GetPointer<const flatbuffers::Vector<uint8_t>*>(field->offset());
      size_t count = raw->size();
      if (count == 0) continue;
      BaseType element = type->element();
      if (element == BaseType::Obj) {
        const reflection::Object* child = schema.objects()->Get(type->index());
        const auto* tables = reinterpret_cast<const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::Table>>*>(raw);
        const reflection::Field* key = KeyField(*child);
        if (Attribute(*field, "json_map") && key && key->type()->base_type() == BaseType::String) {
          OrderedJson map = OrderedJson::object();
          for (size_t i = 0; i < count; ++i) {
            const flatbuffers::Table* entry = tables->Get(static_cast<flatbuffers::uoffset_t>(i));
            const auto* id = entry->GetPointer<const flatbuffers::String*>(key->offset());
            OrderedJson body = TableToJson(schema, *child, *entry, catalog);
            body.erase(key->name()->str());
            const reflection::Field* sole = SoleValueField(*child);
            if (sole && body.size() == 1) {
              map[id ? id->str() : std::string()] = std::move(body.begin().value());
            } else {
              map[id ? id->str() : std::string()] = std::move(body);
            }
          }
          out[name] = std::move(map);
        } else {
          OrderedJson list = OrderedJson::array();
          for (size_t i = 0; i < count; ++i) {
            list.push_back(TableToJson(schema, *child, *tables->Get(static_cast<flatbuffers::uoffset_t>(i)), catalog));
          }
          out[name] = std::move(list);
        }
      } else if (element == BaseType::String) {
        const auto* strings = reinterpret_cast<const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::String>>*>(raw);
        OrderedJson list = OrderedJson::array();
        for (size_t i = 0; i < count; ++i) list.push_back(strings->Get(static_cast<flatbuffers::uoffset_t>(i))->str());
        out[name] = std::move(list);
      } else if (element == BaseType::UByte && Attribute(*field, "base64")) {
        out[name] = Base64Encode(raw->data(), count);
      } else if (IsScalar(element)) {
        OrderedJson list = OrderedJson::array();
        size_t size = ScalarSize(element);
        for (size_t i = 0; i < count; ++i) {
          list.push_back(ReadScalarJson(schema, *type, element, raw->data() + i * size, nullptr, nullptr));
        }
        out[name] = std::move(list);
      }
    }
  }
  return out;
}

namespace {
const char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
}

std::string Base64Encode(const uint8_t* data, size_t size) {
  std::string out;
  out.reserve((size + 2) / 3 * 4);
  for (size_t i = 0; i < size; i += 3) {
    uint32_t n = static_cast<uint32_t>(data[i]) << 16;
    if (i + 1 < size) n |= static_cast<uint32_t>(data[i + 1]) << 8;
    if (i + 2 < size) n |= data[i + 2];
    out += kBase64[(n >> 18) & 63];
    out += kBase64[(n >> 12) & 63];
    out += i + 1 < size ? kBase64[(n >> 6) & 63] : '=';
    out += i + 2 < size ? kBase64[n & 63] : '=';
  }
  return out;
}

bool Base64Decode(const std::string& text, std::vector<uint8_t>* out) {
  if (text.size() % 4 != 0) return false;
  out->clear();
  for (size_t i = 0; i < text.size(); i += 4) {
    uint32_t n = 0;
    int padding = 0;
    for (size_t j = 0; j < 4; ++j) {
      char c = text[i + j];
      const char* p = c ? std::strchr(kBase64, c) : nullptr;
      if (c == '=' && i + 4 == text.size() && j >= 2) {
        ++padding;
        n <<= 6;
        continue;
      }
      if (!p || padding) return false;
      n = (n << 6) | static_cast<uint32_t>(p - kBase64);
    }
    out->push_back(static_cast<uint8_t>(n >> 16));
    if (padding < 2) out->push_back(static_cast<uint8_t>(n >> 8));
    if (padding < 1) out->push_back(static_cast<uint8_t>(n));
  }
  // Canonical: re-encoding must give the same text (no stray bits).
  return Base64Encode(out->data(), out->size()) == text;
}

}  // namespace shopcore::snapshot_internal
