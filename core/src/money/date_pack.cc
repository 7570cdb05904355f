#include <nlohmann/json.hpp>

#include "money/date_pack_data.h"

namespace shopcore {
namespace {

using nlohmann::json;

Error DateError(const std::string& path, const std::string& message) {
  return MakeError(ErrorCode::kBadLocalePack, message, "dates." + path);
}

bool IsPatternLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool Supported(char letter, int width) {
  switch (letter) {
    case 'y': return true;
    case 'M':
    case 'L': return width <= 3;
    case 'd': return width <= 2;
    case 'E': return width <= 3;
    case 'c': return width == 3;
    default: return false;
  }
}

template <size_t N>
Status NameArray(const json& dates, const char* key, std::array<std::string, N>* out) {
  auto it = dates.find(key);
  if (it == dates.end() || !it->is_array() || it->size() != N) {
    return DateError(key, "must be an array of " + std::to_string(N) + " strings");
  }
  for (size_t i = 0; i < N; ++i) {
    if (!(*it)[i].is_string() || (*it)[i].get<std::string>().empty()) {
      return DateError(std::string(key) + "[" + std::to_string(i) + "]", "must be a non-empty string");
    }
    (*out)[i] = (*it)[i].get<std::string>();
  }
  return Status::Ok();
}

Result<DatePattern> PatternAt(const json& object, const char* key, const std::string& path) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return DateError(path + key, "missing or not a string");
  auto pattern = ParseDatePattern(it->get<std::string>());
  if (!pattern.ok()) return DateError(path + key, pattern.error().message);
  return pattern;
}

Result<IntervalPattern> IntervalAt(const json& object, const char* key, const std::string& path) {
  auto pattern = PatternAt(object, key, path);
  if (!pattern.ok()) return pattern.error();
  IntervalPattern interval;
  std::string seen;
  bool second = false;
  for (const auto& token : *pattern) {
    if (token.letter && !second) {
      if (seen.find(token.letter) != std::string::npos) second = true;
      seen += token.letter;
    }
    (second ? interval.second : interval.first).push_back(token);
  }
  if (!second) return DateError(path + key, "an interval pattern repeats a field for the second date");
  return interval;
}

}  // namespace

Result<DatePattern> ParseDatePattern(const std::string& text) {
  DatePattern pattern;
  auto literal = [&](const std::string& piece) {
    if (pattern.empty() || pattern.back().letter) pattern.push_back(DatePatternToken{});
    pattern.back().literal += piece;
  };
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    if (c == '\'') {
      // '' is a quote; 'text' is literal text, with '' inside meaning a quote.
      if (i + 1 < text.size() && text[i + 1] == '\'') {
        literal("'");
        i += 2;
        continue;
      }
      size_t j = i + 1;
      std::string quoted;
      while (true) {
        if (j >= text.size()) return MakeError(ErrorCode::kBadLocalePack, "unterminated quote in '" + text + "'");
        if (text[j] == '\'') {
          if (j + 1 < text.size() && text[j + 1] == '\'') {
            quoted += '\'';
            j += 2;
            continue;
          }
          break;
        }
        quoted += text[j++];
      }
      literal(quoted);
      i = j + 1;
    } else if (IsPatternLetter(c)) {
      size_t j = i;
      while (j < text.size() && text[j] == c) ++j;
      int width = static_cast<int>(j - i);
      if (!Supported(c, width)) {
        return MakeError(ErrorCode::kBadLocalePack, "field '" + text.substr(i, j - i) + "' in '" + text + "' is not implemented");
      }
      pattern.push_back(DatePatternToken{c, width, ""});
      i = j;
    } else {
      literal(std::string(1, c));
      ++i;
    }
  }
  return pattern;
}

Result<std::shared_ptr<const DatePackData>> ParseDatePack(const json& dates) {
  if (!dates.is_object()) return DateError("", "must be an object");
  auto data = std::make_shared<DatePackData>();
  SHOPCORE_RETURN_IF_ERROR(NameArray(dates, "months", &data->months_format));
  SHOPCORE_RETURN_IF_ERROR(NameArray(dates, "monthsStandalone", &data->months_standalone));
  SHOPCORE_RETURN_IF_ERROR(NameArray(dates, "weekdays", &data->weekdays_format));
  SHOPCORE_RETURN_IF_ERROR(NameArray(dates, "weekdaysStandalone", &data->weekdays_standalone));
  auto styles = dates.find("styles");
  if (styles == dates.end() || !styles->is_object() || styles->empty()) return DateError("styles", "must be a non-empty object");
  for (auto it = styles->begin(); it != styles->end(); ++it) {
    const std::string path = "styles." + it.key() + ".";
    if (!it.value().is_object()) return DateError("styles." + it.key(), "must be an object");
    DateRangeStyle style;
    auto single = PatternAt(it.value(), "single", path);
    if (!single.ok()) return single.error();
    style.single = *single;
    IntervalPattern* intervals[] = {&style.day, &style.month, &style.year};
    const char* keys[] = {"d", "M", "y"};
    for (int i = 0; i < 3; ++i) {
      auto interval = IntervalAt(it.value(), keys[i], path);
      if (!interval.ok()) return interval.error();
      *intervals[i] = *interval;
    }
    data->styles.emplace(it.key(), std::move(style));
  }
  auto messages = dates.find("messages");
  if (messages == dates.end() || !messages->is_object()) return DateError("messages", "missing or not an object");
  for (const char* key : {"arrives", "arrivesStyle"}) {
    auto it = messages->find(key);
    if (it == messages->end() || !it->is_string()) return DateError(std::string("messages.") + key, "missing or not a string");
  }
  data->arrives = (*messages)["arrives"].get<std::string>();
  data->arrives_style = (*messages)["arrivesStyle"].get<std::string>();
  if (data->arrives.find("{0}") == std::string::npos) return DateError("messages.arrives", "must contain {0}");
  if (data->styles.count(data->arrives_style) == 0) return DateError("messages.arrivesStyle", "names no style of the pack");
  return std::shared_ptr<const DatePackData>(std::move(data));
}

}  // namespace shopcore
