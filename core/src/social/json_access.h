// Checked access to parsed JSON for the social codecs. The core is built
// with -fno-exceptions, where nlohmann's get<T>() and at() abort on a wrong
// type; everything here checks first and returns BAD_REQUEST (or OVERFLOW,
// INEXACT_NUMBER) with the JSON path of the offending field.
// To be merged with the shared JSON helper of the json module.
#ifndef SHOPCORE_SRC_SOCIAL_JSON_ACCESS_H_
#define SHOPCORE_SRC_SOCIAL_JSON_ACCESS_H_

#include <cstdint>
#include <vector>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "shopcore/status.h"

namespace shopcore::json_access {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Parses a whole document; BAD_JSON with the byte offset otherwise.
Result<Json> ParseDocument(const std::string& text);
// Compact, deterministic text; invalid UTF-8 is replaced, never thrown.
std::string Dump(const OrderedJson& value);

// "a.b"; the path itself when key is empty.
std::string Child(const std::string& path, const std::string& key);
std::string Index(const std::string& path, size_t index);
// The error with its path moved under prefix ("group_size" -> "campaign.group_size").
Error Prefixed(const Error& error, const std::string& prefix);

// BAD_REQUEST unless value is an object with no key outside allowed.
Status RequireObject(const Json& value, const std::string& path, const std::vector<const char*>& allowed);

// Required when fallback is nullopt.
Result<std::string> GetString(const Json& object, const char* key, const std::string& path,
                              std::optional<std::string> fallback = std::nullopt);
Result<bool> GetBool(const Json& object, const char* key, const std::string& path,
                     std::optional<bool> fallback = std::nullopt);
// An integer JSON number or a base-10 string ("3990"): amounts may exceed 2^53.
Result<int64_t> GetInt64(const Json& object, const char* key, const std::string& path,
                         std::optional<int64_t> fallback = std::nullopt);
Result<int64_t> Int64Of(const Json& value, const std::string& path);
// An int within [min, max].
Result<int> GetInt(const Json& object, const char* key, const std::string& path, int min, int max,
                   std::optional<int> fallback = std::nullopt);
// A decimal string "0..18446744073709551615" (seeds are full 64-bit).
Result<uint64_t> GetUint64String(const Json& object, const char* key, const std::string& path,
                                 std::optional<uint64_t> fallback = std::nullopt);
// The array at key; nullptr when absent and not required.
Result<const Json*> GetArray(const Json& object, const char* key, const std::string& path, bool required);
Result<const Json*> GetObject(const Json& object, const char* key, const std::string& path, bool required);

}  // namespace shopcore::json_access

// target = value of a Result, or return its Error.
#define ASSIGN_OR_RETURN(target, expr)          \
  do {                                          \
    auto result_ = (expr);                      \
    if (!result_.ok()) return result_.error();  \
    target = std::move(*result_);               \
  } while (0)

#endif  // SHOPCORE_SRC_SOCIAL_JSON_ACCESS_H_
