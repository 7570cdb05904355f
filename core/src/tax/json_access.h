// Checked access to parsed JSON for a core built with -fno-exceptions:
// nlohmann's get<T>() and at() abort on a type mismatch, so every read goes
// through here, checks the type first and reports a BAD_REQUEST (or
// INVALID_ARGUMENT / OVERFLOW for a bad value) with the JSON path.
//
// Private to the tax module for now; a shared helper may appear under
// include/shopcore/json/ and replace this one.
#ifndef SHOPCORE_SRC_TAX_JSON_ACCESS_H_
#define SHOPCORE_SRC_TAX_JSON_ACCESS_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "shopcore/money/decimal.h"
#include "shopcore/status.h"

namespace shopcore::tax::json_access {

class JsonView {
 public:
  JsonView(const nlohmann::json& value, std::string path) : value_(&value), path_(std::move(path)) {}

  const nlohmann::json& value() const { return *value_; }
  const std::string& path() const { return path_; }
  std::string PathOf(std::string_view key) const;

  Status ExpectObject() const;
  // BAD_REQUEST naming the first key not in `allowed`: a misspelt
  // "valid_to" must not silently make a rule open-ended.
  Status OnlyKeys(std::initializer_list<const char*> allowed) const;
  bool Has(std::string_view key) const;

  Result<JsonView> Field(std::string_view key) const;  // required, any type
  Result<std::string> String(std::string_view key) const;
  Result<std::string> StringOr(std::string_view key, std::string fallback) const;
  // A JSON integer or a string of base-10 digits (for amounts beyond 2^53).
  Result<int64_t> Int(std::string_view key) const;
  Result<std::optional<int64_t>> OptionalInt(std::string_view key) const;
  // Decimals are strings ("0.19") so no binary floating point touches a rate.
  Result<Decimal> DecimalValue(std::string_view key) const;
  Result<std::optional<Decimal>> OptionalDecimal(std::string_view key) const;
  Result<bool> BoolOr(std::string_view key, bool fallback) const;
  // Required array; elements as views with paths "key[i]".
  Result<std::vector<JsonView>> Array(std::string_view key) const;
  Result<std::vector<JsonView>> ArrayOrEmpty(std::string_view key) const;
  Result<std::vector<std::string>> StringArrayOrEmpty(std::string_view key) const;

  Error Bad(std::string_view key, std::string message) const;

 private:
  const nlohmann::json* value_;
  std::string path_;
};

// Parses text; BAD_JSON with the byte offset for anything that is not JSON.
Result<nlohmann::json> ParseJson(std::string_view text);

}  // namespace shopcore::tax::json_access

#endif  // SHOPCORE_SRC_TAX_JSON_ACCESS_H_
