#include "shopcore/json/checked.h"

#include <limits>

namespace shopcore::json {
namespace {

// Records where parsing failed; nlohmann reports it only through this
// interface when exceptions are off.
template <typename J>
struct ErrorPosition : nlohmann::json_sax<J> {
  using number_integer_t = typename J::number_integer_t;
  using number_unsigned_t = typename J::number_unsigned_t;
  using number_float_t = typename J::number_float_t;
  using string_t = typename J::string_t;
  using binary_t = typename J::binary_t;
  size_t position = 0;
  std::string token;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string& last_token, const nlohmann::detail::exception&) override {
    position = pos;
    token = last_token;
    return false;
  }
};

template <typename J>
Result<J> ParseAs(std::string_view text, const std::string& path) {
  J value = J::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!value.is_discarded()) return value;
  ErrorPosition<J> where;
  J::sax_parse(text.begin(), text.end(), &where, nlohmann::detail::input_format_t::json, /*strict=*/true);
  std::string token = where.token.size() > 20 ? where.token.substr(0, 20) + "..." : where.token;
  return MakeError(ErrorCode::kBadJson,
                   "not valid JSON: syntax error at byte " + std::to_string(where.position) +
                       (token.empty() ? "" : " near '" + token + "'"),
                   path);
}

template <typename J>
const char* TypeNameOf(const J& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number_integer()) return "integer";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "array";
  if (value.is_object()) return "object";
  return "value";
}

}  // namespace

Result<Json> Parse(std::string_view text, const std::string& path) { return ParseAs<Json>(text, path); }
Result<OrderedJson> ParseOrdered(std::string_view text, const std::string& path) {
  return ParseAs<OrderedJson>(text, path);
}

std::string Dump(const Json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}
std::string Dump(const OrderedJson& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string PathIndex(const std::string& path, size_t index) { return path + "[" + std::to_string(index) + "]"; }

std::string PathKey(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

const char* TypeName(const Json& value) { return TypeNameOf(value); }
const char* TypeName(const OrderedJson& value) { return TypeNameOf(value); }

Result<std::string> GetString(const Json& object, std::string_view key, const std::string& path) {
  std::string where = PathKey(path, key);
  if (!object.is_object()) return MakeError(ErrorCode::kBadRequest, "expected an object", path);
  auto it = object.find(std::string(key));
  if (it == object.end()) return MakeError(ErrorCode::kBadRequest, "missing", where);
  if (!it->is_string()) return MakeError(ErrorCode::kBadRequest, std::string("expected a string, got ") + TypeName(*it), where);
  return it->get_ref<const std::string&>();
}

Result<int64_t> GetInt64(const Json& object, std::string_view key, const std::string& path) {
  std::string where = PathKey(path, key);
  if (!object.is_object()) return MakeError(ErrorCode::kBadRequest, "expected an object", path);
  auto it = object.find(std::string(key));
  if (it == object.end()) return MakeError(ErrorCode::kBadRequest, "missing", where);
  if (it->is_number_unsigned()) {
    uint64_t value = it->get<uint64_t>();
    if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return MakeError(ErrorCode::kOverflow, "does not fit in int64", where);
    }
    return static_cast<int64_t>(value);
  }
  if (!it->is_number_integer()) return MakeError(ErrorCode::kBadRequest, std::string("expected an integer, got ") + TypeName(*it), where);
  return it->get<int64_t>();
}

}  // namespace shopcore::json
