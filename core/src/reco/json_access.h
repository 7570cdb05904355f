// Internal: checked reads from nlohmann::json for the reco codecs. The core
// has no exceptions, so every access checks the type first and reports a
// BAD_REQUEST with the JSON path. (Local to reco until a shared json module
// exists; then it moves there.)
#ifndef SHOPCORE_SRC_RECO_JSON_ACCESS_H_
#define SHOPCORE_SRC_RECO_JSON_ACCESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "shopcore/status.h"

namespace shopcore::reco::internal {

using Json = nlohmann::json;

inline Error BadField(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadRequest, message, path);
}

// Rejects keys the reader does not know, so a typo is an error, not a default.
inline Status OnlyKeys(const Json& object, std::initializer_list<const char*> keys, const std::string& path) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    bool known = false;
    for (const char* key : keys) known = known || it.key() == key;
    if (!known) return BadField(path + "." + it.key(), "unknown field");
  }
  return Status::Ok();
}

inline Status ReadString(const Json& object, const char* key, const std::string& path, bool required, std::string* out) {
  if (!object.contains(key)) {
    return required ? Status(BadField(path + "." + key, "required string is missing")) : Status::Ok();
  }
  const Json& value = object[key];
  if (!value.is_string()) return BadField(path + "." + key, "must be a string");
  *out = value.get<std::string>();
  return Status::Ok();
}

inline Status ReadBool(const Json& object, const char* key, const std::string& path, bool required, bool* out) {
  if (!object.contains(key)) {
    return required ? Status(BadField(path + "." + key, "required boolean is missing")) : Status::Ok();
  }
  const Json& value = object[key];
  if (!value.is_boolean()) return BadField(path + "." + key, "must be true or false");
  *out = value.get<bool>();
  return Status::Ok();
}

// An integer in [min, max]; JSON numbers with a fraction are refused.
inline Status ReadInt(const Json& object, const char* key, const std::string& path, bool required, int64_t min,
                      int64_t max, int64_t* out) {
  if (!object.contains(key)) {
    return required ? Status(BadField(path + "." + key, "required integer is missing")) : Status::Ok();
  }
  const Json& value = object[key];
  int64_t number = 0;
  if (value.is_number_unsigned()) {
    uint64_t u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return BadField(path + "." + key, "integer out of range");
    number = static_cast<int64_t>(u);
  } else if (value.is_number_integer()) {
    number = value.get<int64_t>();
  } else {
    return BadField(path + "." + key, "must be an integer");
  }
  if (number < min || number > max) {
    return BadField(path + "." + key, "must be " + std::to_string(min) + ".." + std::to_string(max));
  }
  *out = number;
  return Status::Ok();
}

inline Status ReadNumber(const Json& object, const char* key, const std::string& path, double* out) {
  if (!object.contains(key)) return Status::Ok();
  const Json& value = object[key];
  if (!value.is_number()) return BadField(path + "." + key, "must be a number");
  *out = value.get<double>();
  return Status::Ok();
}

inline Status ReadStringList(const Json& object, const char* key, const std::string& path, std::vector<std::string>* out) {
  if (!object.contains(key)) return Status::Ok();
  const Json& value = object[key];
  if (!value.is_array()) return BadField(path + "." + key, "must be an array of strings");
  for (size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) return BadField(path + "." + key + "[" + std::to_string(i) + "]", "must be a string");
    out->push_back(value[i].get<std::string>());
  }
  return Status::Ok();
}

inline Result<Json> ParseJson(std::string_view text) {
  Json json = Json::parse(text.begin(), text.end(), nullptr, false);
  if (json.is_discarded()) return MakeError(ErrorCode::kBadJson, "not valid JSON", "");
  return json;
}

}  // namespace shopcore::reco::internal

#endif  // SHOPCORE_SRC_RECO_JSON_ACCESS_H_
