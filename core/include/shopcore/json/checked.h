// Safe nlohmann::json under -fno-exceptions: the one place that parses and
// prints JSON for the core. nlohmann throws on bad input, wrong-type get<T>(),
// at() of a missing key and dump() of invalid UTF-8; without exceptions each
// of those aborts the process (or traps the wasm module). Go through these
// helpers instead, and every failure becomes an Error with the JSON path.
#ifndef SHOPCORE_JSON_CHECKED_H_
#define SHOPCORE_JSON_CHECKED_H_

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "shopcore/status.h"

namespace shopcore::json {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// BAD_JSON (with the byte offset of the first error) or the parsed value.
Result<Json> Parse(std::string_view text, const std::string& path = {});
Result<OrderedJson> ParseOrdered(std::string_view text, const std::string& path = {});

// Never aborts: invalid UTF-8 in strings is replaced by U+FFFD.
// indent < 0 gives the compact form.
std::string Dump(const Json& value, int indent = -1);
std::string Dump(const OrderedJson& value, int indent = -1);

// "items" + 12 -> "items[12]"; "items[12]" + "skus" -> "items[12].skus".
std::string PathIndex(const std::string& path, size_t index);
std::string PathKey(const std::string& path, std::string_view key);

// The JSON type as a person says it: "string", "integer", "object"...
const char* TypeName(const Json& value);
const char* TypeName(const OrderedJson& value);

// Checked reads of a member of an object: BAD_REQUEST naming path.key when
// missing or of the wrong type.
Result<std::string> GetString(const Json& object, std::string_view key, const std::string& path);
Result<int64_t> GetInt64(const Json& object, std::string_view key, const std::string& path);

}  // namespace shopcore::json

#endif  // SHOPCORE_JSON_CHECKED_H_
