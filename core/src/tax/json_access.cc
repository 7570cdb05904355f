#include "json_access.h"

#include "shopcore/money/checked.h"

namespace shopcore::tax::json_access {

using nlohmann::json;

std::string JsonView::PathOf(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

Error JsonView::Bad(std::string_view key, std::string message) const {
  return MakeError(ErrorCode::kBadRequest, std::move(message), PathOf(key));
}

Status JsonView::ExpectObject() const {
  if (!value_->is_object()) {
    return MakeError(ErrorCode::kBadRequest, std::string("expected an object, got ") + value_->type_name(),
                     path_.empty() ? "$" : path_);
  }
  return Status::Ok();
}

Status JsonView::OnlyKeys(std::initializer_list<const char*> allowed) const {
  SHOPCORE_RETURN_IF_ERROR(ExpectObject());
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    bool known = false;
    for (const char* name : allowed) known = known || it.key() == name;
    if (!known) return Bad(it.key(), "unknown field '" + it.key().substr(0, 40) + "'");
  }
  return Status::Ok();
}

bool JsonView::Has(std::string_view key) const {
  return value_->is_object() && value_->find(std::string(key)) != value_->end();
}

Result<JsonView> JsonView::Field(std::string_view key) const {
  SHOPCORE_RETURN_IF_ERROR(ExpectObject());
  auto it = value_->find(std::string(key));
  if (it == value_->end()) return Bad(key, "missing field '" + std::string(key) + "'");
  return JsonView(*it, PathOf(key));
}

Result<std::string> JsonView::String(std::string_view key) const {
  auto field = Field(key);
  if (!field.ok()) return field.error();
  if (!field->value().is_string()) return Bad(key, std::string("expected a string, got ") + field->value().type_name());
  return field->value().get<std::string>();
}

Result<std::string> JsonView::StringOr(std::string_view key, std::string fallback) const {
  if (!Has(key)) return fallback;
  return String(key);
}

Result<int64_t> JsonView::Int(std::string_view key) const {
  auto field = Field(key);
  if (!field.ok()) return field.error();
  const json& v = field->value();
  if (v.is_number_unsigned()) {
    const uint64_t u = v.get<uint64_t>();
    if (u > static_cast<uint64_t>(INT64_MAX)) {
      return MakeError(ErrorCode::kOverflow, "integer does not fit in int64", PathOf(key));
    }
    return static_cast<int64_t>(u);
  }
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_string()) {
    auto parsed = ParseInt64(v.get<std::string>());
    if (!parsed.ok()) return MakeError(parsed.error().code, parsed.error().message, PathOf(key));
    return *parsed;
  }
  return Bad(key, std::string("expected an integer (or a string of digits), got ") + v.type_name());
}

Result<std::optional<int64_t>> JsonView::OptionalInt(std::string_view key) const {
  if (!Has(key)) return std::optional<int64_t>();
  auto value = Int(key);
  if (!value.ok()) return value.error();
  return std::optional<int64_t>(*value);
}

Result<Decimal> JsonView::DecimalValue(std::string_view key) const {
  auto text = String(key);
  if (!text.ok()) {
    if (text.error().code == ErrorCode::kBadRequest && Has(key)) {
      return Bad(key, "expected a decimal as a string (\"0.19\"), not a JSON number");
    }
    return text.error();
  }
  auto parsed = Decimal::Parse(*text);
  if (!parsed.ok()) return MakeError(parsed.error().code, parsed.error().message, PathOf(key));
  return *parsed;
}

Result<std::optional<Decimal>> JsonView::OptionalDecimal(std::string_view key) const {
  if (!Has(key)) return std::optional<Decimal>();
  auto value = DecimalValue(key);
  if (!value.ok()) return value.error();
  return std::optional<Decimal>(*value);
}

Result<bool> JsonView::BoolOr(std::string_view key, bool fallback) const {
  if (!Has(key)) return fallback;
  auto field = Field(key);
  if (!field.ok()) return field.error();
  if (!field->value().is_boolean()) return Bad(key, std::string("expected true or false, got ") + field->value().type_name());
  return field->value().get<bool>();
}

Result<std::vector<JsonView>> JsonView::Array(std::string_view key) const {
  auto field = Field(key);
  if (!field.ok()) return field.error();
  if (!field->value().is_array()) return Bad(key, std::string("expected an array, got ") + field->value().type_name());
  std::vector<JsonView> out;
  for (size_t i = 0; i < field->value().size(); ++i) {
    out.emplace_back(field->value()[i], PathOf(key) + "[" + std::to_string(i) + "]");
  }
  return out;
}

Result<std::vector<JsonView>> JsonView::ArrayOrEmpty(std::string_view key) const {
  if (!Has(key)) return std::vector<JsonView>();
  return Array(key);
}

Result<std::vector<std::string>> JsonView::StringArrayOrEmpty(std::string_view key) const {
  auto items = ArrayOrEmpty(key);
  if (!items.ok()) return items.error();
  std::vector<std::string> out;
  for (const JsonView& item : *items) {
    if (!item.value().is_string()) {
      return MakeError(ErrorCode::kBadRequest, std::string("expected a string, got ") + item.value().type_name(), item.path());
    }
    out.push_back(item.value().get<std::string>());
  }
  return out;
}

Result<json> ParseJson(std::string_view text) {
  json parsed = json::parse(text.begin(), text.end(), nullptr, false);
  if (parsed.is_discarded()) return MakeError(ErrorCode::kBadJson, "input is not valid JSON", "$");
  return parsed;
}

}  // namespace shopcore::tax::json_access
