#include "social/json_access.h"

#include "shopcore/money/checked.h"

namespace shopcore::json_access {
namespace {

Error BadRequest(const std::string& message, const std::string& path) {
  return MakeError(ErrorCode::kBadRequest, message, path);
}

const Json* Find(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

Error Missing(const std::string& path) { return BadRequest("required field is missing", path); }

}  // namespace

Result<Json> ParseDocument(const std::string& text) {
  Json value = Json::parse(text, nullptr, false);
  if (value.is_discarded()) return MakeError(ErrorCode::kBadJson, "request is not valid JSON", "request");
  return value;
}

std::string Dump(const OrderedJson& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::string Child(const std::string& path, const std::string& key) {
  if (key.empty()) return path;
  return path.empty() ? key : path + "." + key;
}

Error Prefixed(const Error& error, const std::string& prefix) {
  return MakeError(error.code, error.message, Child(prefix, error.path));
}

std::string Index(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

Status RequireObject(const Json& value, const std::string& path, const std::vector<const char*>& allowed) {
  if (!value.is_object()) return BadRequest("expected an object", path.empty() ? "request" : path);
  for (auto it = value.begin(); it != value.end(); ++it) {
    bool known = false;
    for (const char* name : allowed) known = known || it.key() == name;
    if (!known) return BadRequest("unknown field", Child(path, it.key()));
  }
  return Status::Ok();
}

Result<std::string> GetString(const Json& object, const char* key, const std::string& path,
                              std::optional<std::string> fallback) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (fallback) return *fallback;
    return Missing(where);
  }
  if (!value->is_string()) return BadRequest("expected a string", where);
  return value->get<std::string>();
}

Result<bool> GetBool(const Json& object, const char* key, const std::string& path, std::optional<bool> fallback) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (fallback) return *fallback;
    return Missing(where);
  }
  if (!value->is_boolean()) return BadRequest("expected true or false", where);
  return value->get<bool>();
}

Result<int64_t> Int64Of(const Json& value, const std::string& path) {
  if (value.is_number_unsigned()) {
    uint64_t number = value.get<uint64_t>();
    if (number > static_cast<uint64_t>(INT64_MAX)) return MakeError(ErrorCode::kOverflow, "does not fit in int64", path);
    return static_cast<int64_t>(number);
  }
  if (value.is_number_integer()) return value.get<int64_t>();
  if (value.is_number_float()) {
    return MakeError(ErrorCode::kInexactNumber, "expected an integer (amounts are minor units)", path);
  }
  if (value.is_string()) {
    auto parsed = ParseInt64(value.get<std::string>());
    if (!parsed.ok()) return MakeError(parsed.error().code, parsed.error().message, path);
    return *parsed;
  }
  return BadRequest("expected an integer or a base-10 string", path);
}

Result<int64_t> GetInt64(const Json& object, const char* key, const std::string& path,
                         std::optional<int64_t> fallback) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (fallback) return *fallback;
    return Missing(where);
  }
  return Int64Of(*value, where);
}

Result<int> GetInt(const Json& object, const char* key, const std::string& path, int min, int max,
                   std::optional<int> fallback) {
  std::optional<int64_t> wide = fallback ? std::optional<int64_t>(*fallback) : std::nullopt;
  auto value = GetInt64(object, key, path, wide);
  if (!value.ok()) return value.error();
  if (*value < min || *value > max) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "must be in " + std::to_string(min) + ".." + std::to_string(max), Child(path, key));
  }
  return static_cast<int>(*value);
}

Result<uint64_t> GetUint64String(const Json& object, const char* key, const std::string& path,
                                 std::optional<uint64_t> fallback) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (fallback) return *fallback;
    return Missing(where);
  }
  if (!value->is_string()) return BadRequest("expected a base-10 string (64-bit values exceed 2^53)", where);
  const std::string text = value->get<std::string>();
  if (text.empty() || text.size() > 20) return BadRequest("expected 1..20 decimal digits", where);
  uint64_t result = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return BadRequest("expected decimal digits only", where);
    uint64_t digit = static_cast<uint64_t>(c - '0');
    if (result > (UINT64_MAX - digit) / 10) return MakeError(ErrorCode::kOverflow, "does not fit in uint64", where);
    result = result * 10 + digit;
  }
  return result;
}

Result<const Json*> GetArray(const Json& object, const char* key, const std::string& path, bool required) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (required) return Missing(where);
    return static_cast<const Json*>(nullptr);
  }
  if (!value->is_array()) return BadRequest("expected an array", where);
  return value;
}

Result<const Json*> GetObject(const Json& object, const char* key, const std::string& path, bool required) {
  const Json* value = Find(object, key);
  std::string where = Child(path, key);
  if (!value || value->is_null()) {
    if (required) return Missing(where);
    return static_cast<const Json*>(nullptr);
  }
  if (!value->is_object()) return BadRequest("expected an object", where);
  return value;
}

}  // namespace shopcore::json_access
