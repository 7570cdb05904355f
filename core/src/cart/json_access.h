// Checked access to nlohmann::json for the cart codecs. The core has no
// exceptions, so get<T>() and at() must never see a wrong type; these
// helpers check first and return an Error with the JSON path instead.
// (Cart-local for now: to be merged with the shared json module's helper.)
#ifndef SHOPCORE_SRC_CART_JSON_ACCESS_H_
#define SHOPCORE_SRC_CART_JSON_ACCESS_H_

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "shopcore/status.h"

namespace shopcore {
namespace cart {
namespace json_access {

inline Error BadField(const std::string& path, const std::string& what) {
  return MakeError(ErrorCode::kBadRequest, what, path);
}

// The member `key` of object `object` as an exact integer (no fraction, no exponent float).
inline Result<int64_t> GetInt64(const nlohmann::json& object, const char* key, const std::string& path) {
  const std::string where = path.empty() ? key : path + "." + key;
  if (!object.is_object() || !object.contains(key)) return BadField(where, "missing integer field");
  const nlohmann::json& value = object[key];
  if (value.is_number_integer() && !value.is_number_unsigned()) return value.get<int64_t>();
  if (value.is_number_unsigned()) {
    const uint64_t u = value.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) return MakeError(ErrorCode::kOverflow, "integer does not fit in int64", where);
    return static_cast<int64_t>(u);
  }
  return BadField(where, "expected an integer");
}

inline Result<std::string> GetString(const nlohmann::json& object, const char* key, const std::string& path) {
  const std::string where = path.empty() ? key : path + "." + key;
  if (!object.is_object() || !object.contains(key)) return BadField(where, "missing string field");
  const nlohmann::json& value = object[key];
  if (!value.is_string()) return BadField(where, "expected a string");
  return value.get<std::string>();
}

}  // namespace json_access
}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_SRC_CART_JSON_ACCESS_H_
