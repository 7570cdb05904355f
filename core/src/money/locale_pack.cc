#include "shopcore/money/locale_pack.h"

#include <nlohmann/json.hpp>

#include "money/locale_pack_data.h"

namespace shopcore {
namespace {

using nlohmann::json;

constexpr int kPackFormat = 1;
constexpr size_t kMaxPackBytes = LocalePack::kMaxBytes;

Error PackError(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadLocalePack, message, path);
}

Result<std::string> RequiredString(const json& object, const char* key, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end()) return PackError(path + key, "missing");
  if (!it->is_string()) return PackError(path + key, "must be a string");
  return it->get<std::string>();
}

// The ten digits of the numbering system, one code point each.
Result<std::vector<std::string>> SplitDigits(const std::string& text) {
  std::vector<std::string> digits;
  for (size_t i = 0; i < text.size();) {
    unsigned char lead = static_cast<unsigned char>(text[i]);
    size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + length > text.size()) return PackError("digits", "truncated UTF-8");
    digits.push_back(text.substr(i, length));
    i += length;
  }
  if (digits.size() != 10) return PackError("digits", "must be exactly ten code points");
  return digits;
}

Result<NumberPattern> PatternField(const json& patterns, const char* key) {
  auto text = RequiredString(patterns, key, "patterns.");
  if (!text.ok()) return text.error();
  auto pattern = ParseNumberPattern(*text);
  if (!pattern.ok()) return PackError(std::string("patterns.") + key, pattern.error().message);
  return pattern;
}

// {"other": "...", "one": "..."}: string values, "other" required.
Result<std::map<std::string, std::string, std::less<>>> CategoryMap(const json& object, const std::string& path) {
  if (!object.is_object()) return PackError(path, "must be an object");
  std::map<std::string, std::string, std::less<>> out;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (!it.value().is_string()) return PackError(path + "." + it.key(), "must be a string");
    out[it.key()] = it.value().get<std::string>();
  }
  if (out.count("other") == 0) return PackError(path + ".other", "missing");
  return out;
}

Result<CurrencyNames> ParseCurrency(const std::string& code, const json& entry) {
  const std::string path = "currencies." + code;
  if (code.size() != 3 || code.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string::npos) {
    return PackError(path, "not an ISO 4217 code");
  }
  if (!entry.is_object()) return PackError(path, "must be an object");
  CurrencyNames names;
  names.symbol = code;
  if (entry.contains("s")) {
    auto symbol = RequiredString(entry, "s", path + ".");
    if (!symbol.ok()) return symbol.error();
    names.symbol = *symbol;
  }
  names.narrow = names.symbol;
  if (entry.contains("n")) {
    auto narrow = RequiredString(entry, "n", path + ".");
    if (!narrow.ok()) return narrow.error();
    names.narrow = *narrow;
  }
  if (names.symbol.empty() || names.narrow.empty()) return PackError(path, "empty symbol");
  int flags = 15;
  if (entry.contains("x")) {
    const json& x = entry["x"];
    if (!x.is_number_integer() || x.get<int64_t>() < 0 || x.get<int64_t>() > 15) {
      return PackError(path + ".x", "must be an integer 0..15");
    }
    flags = static_cast<int>(x.get<int64_t>());
  }
  names.symbol_first_matches = flags & 1;
  names.symbol_last_matches = flags & 2;
  names.narrow_first_matches = flags & 4;
  names.narrow_last_matches = flags & 8;
  if (!entry.contains("p")) return PackError(path + ".p", "missing");
  auto plural_names = CategoryMap(entry["p"], path + ".p");
  if (!plural_names.ok()) return plural_names.error();
  names.plural_names = std::move(*plural_names);
  return names;
}

Result<std::shared_ptr<LocalePackData>> ParseData(const json& root) {
  if (!root.is_object()) return PackError("", "a locale pack is a JSON object");
  auto data = std::make_shared<LocalePackData>();
  if (!root.contains("format") || !root["format"].is_number_integer()) return PackError("format", "missing or not an integer");
  if (root["format"].get<int64_t>() != kPackFormat) {
    return MakeError(ErrorCode::kUnsupportedVersion, "pack format " + root["format"].dump() + ", this build reads " + std::to_string(kPackFormat), "format");
  }
  struct {
    const char* key;
    std::string* out;
  } strings[] = {{"cldr", &data->cldr_version}, {"locale", &data->locale}, {"source", &data->source},
                 {"numberingSystem", &data->numbering_system}};
  for (auto& field : strings) {
    auto value = RequiredString(root, field.key, "");
    if (!value.ok()) return value.error();
    *field.out = *value;
  }
  if (data->locale.empty()) return PackError("locale", "empty");

  auto digits_text = RequiredString(root, "digits", "");
  if (!digits_text.ok()) return digits_text.error();
  auto digits = SplitDigits(*digits_text);
  if (!digits.ok()) return digits.error();
  data->digits = *digits;

  if (!root.contains("symbols") || !root["symbols"].is_object()) return PackError("symbols", "missing or not an object");
  const json& symbols = root["symbols"];
  struct {
    const char* key;
    std::string* out;
  } symbol_fields[] = {{"decimal", &data->decimal}, {"group", &data->group}, {"minus", &data->minus}, {"plus", &data->plus}};
  for (auto& field : symbol_fields) {
    auto value = RequiredString(symbols, field.key, "symbols.");
    if (!value.ok()) return value.error();
    *field.out = *value;
  }
  data->currency_decimal = data->decimal;
  data->currency_group = data->group;
  if (symbols.contains("currencyDecimal")) {
    auto value = RequiredString(symbols, "currencyDecimal", "symbols.");
    if (!value.ok()) return value.error();
    data->currency_decimal = *value;
  }
  if (symbols.contains("currencyGroup")) {
    auto value = RequiredString(symbols, "currencyGroup", "symbols.");
    if (!value.ok()) return value.error();
    data->currency_group = *value;
  }

  if (!root.contains("minimumGroupingDigits") || !root["minimumGroupingDigits"].is_number_integer() ||
      root["minimumGroupingDigits"].get<int64_t>() < 1 || root["minimumGroupingDigits"].get<int64_t>() > 4) {
    return PackError("minimumGroupingDigits", "must be an integer 1..4");
  }
  data->minimum_grouping_digits = static_cast<int>(root["minimumGroupingDigits"].get<int64_t>());

  if (!root.contains("patterns") || !root["patterns"].is_object()) return PackError("patterns", "missing or not an object");
  auto currency_pattern = PatternField(root["patterns"], "currency");
  if (!currency_pattern.ok()) return currency_pattern.error();
  auto accounting_pattern = PatternField(root["patterns"], "accounting");
  if (!accounting_pattern.ok()) return accounting_pattern.error();
  auto decimal_pattern = PatternField(root["patterns"], "decimal");
  if (!decimal_pattern.ok()) return decimal_pattern.error();
  data->currency_pattern = *currency_pattern;
  data->accounting_pattern = *accounting_pattern;
  data->decimal_pattern = *decimal_pattern;

  if (!root.contains("currencySpacing") || !root["currencySpacing"].is_object()) {
    return PackError("currencySpacing", "missing or not an object");
  }
  auto before = RequiredString(root["currencySpacing"], "before", "currencySpacing.");
  if (!before.ok()) return before.error();
  auto after = RequiredString(root["currencySpacing"], "after", "currencySpacing.");
  if (!after.ok()) return after.error();
  data->spacing_before_currency = *before;
  data->spacing_after_currency = *after;

  if (!root.contains("plurals")) return PackError("plurals", "missing");
  auto plural_texts = CategoryMap(root["plurals"], "plurals");
  if (!plural_texts.ok()) return plural_texts.error();
  auto plural_rules = PluralRules::Parse({plural_texts->begin(), plural_texts->end()});
  if (!plural_rules.ok()) return PackError("plurals." + plural_rules.error().path, plural_rules.error().message);
  data->plural_rules = *plural_rules;

  if (!root.contains("unitPatterns")) return PackError("unitPatterns", "missing");
  auto unit_patterns = CategoryMap(root["unitPatterns"], "unitPatterns");
  if (!unit_patterns.ok()) return unit_patterns.error();
  for (const auto& [category, pattern] : *unit_patterns) {
    if (pattern.find("{0}") == std::string::npos || pattern.find("{1}") == std::string::npos) {
      return PackError("unitPatterns." + category, "must contain {0} and {1}");
    }
  }
  data->unit_patterns = std::move(*unit_patterns);

  if (!root.contains("currencies") || !root["currencies"].is_object()) return PackError("currencies", "missing or not an object");
  const json& currencies = root["currencies"];
  for (auto it = currencies.begin(); it != currencies.end(); ++it) {
    auto names = ParseCurrency(it.key(), it.value());
    if (!names.ok()) return names.error();
    data->currencies.emplace(it.key(), std::move(*names));
  }
  // Optional, so packs without it (format 1 as first shipped) still load.
  if (root.contains("dates")) {
    auto dates = ParseDatePack(root["dates"]);
    if (!dates.ok()) return dates.error();
    data->dates = std::move(*dates);
  }
  return data;
}

}  // namespace

Result<LocalePack> LocalePack::Parse(std::string_view bytes) {
  if (bytes.size() > kMaxPackBytes) {
    return PackError("", "pack is " + std::to_string(bytes.size()) + " bytes, more than the " + std::to_string(kMaxPackBytes) + " allowed");
  }
  json root = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (root.is_discarded()) return PackError("", "not valid JSON (truncated or corrupted pack?)");
  auto data = ParseData(root);
  if (!data.ok()) return data.error();
  return LocalePack(std::move(*data));
}

const std::string& LocalePack::locale() const { return data_->locale; }
const std::string& LocalePack::cldr_version() const { return data_->cldr_version; }

void LocaleRegistry::Add(LocalePack pack) {
  std::string tag = pack.locale();
  packs_.insert_or_assign(std::move(tag), std::move(pack));
}

Result<const LocalePack*> LocaleRegistry::Find(std::string_view locale) const {
  std::string_view tag = locale;
  while (!tag.empty()) {
    auto it = packs_.find(tag);
    if (it != packs_.end()) return &it->second;
    size_t dash = tag.rfind('-');
    if (dash == std::string_view::npos) break;
    tag = tag.substr(0, dash);
  }
  return MakeError(ErrorCode::kUnknownLocale, "no locale pack loaded for '" + std::string(locale) + "'", "locale");
}

}  // namespace shopcore
