#include "money/number_pattern.h"

namespace shopcore {
namespace {

const std::string_view kCurrencySign = "\xC2\xA4";  // U+00A4 ¤

Error PatternError(std::string_view pattern, const std::string& why) {
  return MakeError(ErrorCode::kInvalidArgument, "pattern '" + std::string(pattern) + "': " + why);
}

void AppendLiteral(Affix* affix, std::string_view text) {
  if (!affix->empty() && affix->back().kind == AffixPart::kLiteral) {
    affix->back().text.append(text);
  } else {
    affix->push_back(AffixPart{AffixPart::kLiteral, std::string(text)});
  }
}

// Parses an affix up to the first number character (or the end). Quotes
// make pattern characters literal; '' is a literal quote.
Result<Affix> ParseAffix(std::string_view pattern, std::string_view text, size_t* pos, bool stop_at_number) {
  Affix affix;
  while (*pos < text.size()) {
    char c = text[*pos];
    if (stop_at_number && (c == '#' || c == '0' || c == ',' || c == '.')) break;
    if (c == ';') break;
    if (c == '\'') {
      size_t end = text.find('\'', *pos + 1);
      if (end == std::string_view::npos) return PatternError(pattern, "unterminated quote");
      AppendLiteral(&affix, end == *pos + 1 ? std::string_view("'") : text.substr(*pos + 1, end - *pos - 1));
      *pos = end + 1;
    } else if (text.substr(*pos, kCurrencySign.size()) == kCurrencySign) {
      if (text.substr(*pos + kCurrencySign.size(), kCurrencySign.size()) == kCurrencySign) {
        return PatternError(pattern, "only a single currency sign is supported");
      }
      affix.push_back(AffixPart{AffixPart::kCurrency, {}});
      *pos += kCurrencySign.size();
    } else if (c == '-') {
      affix.push_back(AffixPart{AffixPart::kMinus, {}});
      ++*pos;
    } else if (c == '+') {
      affix.push_back(AffixPart{AffixPart::kPlus, {}});
      ++*pos;
    } else if (c == '%' || c == '*' || c == '@' || c == 'E') {
      return PatternError(pattern, std::string("unsupported pattern character '") + c + "'");
    } else {
      AppendLiteral(&affix, text.substr(*pos, 1));
      ++*pos;
    }
  }
  return affix;
}

struct NumberPart {
  int primary_grouping = 0;
  int secondary_grouping = 0;
  int min_integer_digits = 0;
};

// "#,##,##0.00": the group sizes come from the positions of the last two commas.
Result<NumberPart> ParseNumber(std::string_view pattern, std::string_view text, size_t* pos) {
  NumberPart number;
  int digits_since_comma = -1;  // -1 = no comma seen yet
  int previous_group = -1;
  bool in_fraction = false;
  size_t start = *pos;
  while (*pos < text.size()) {
    char c = text[*pos];
    if (c == '#' || c == '0') {
      if (!in_fraction) {
        if (c == '0') ++number.min_integer_digits;
        if (digits_since_comma >= 0) ++digits_since_comma;
      }
    } else if (c == ',' && !in_fraction) {
      if (digits_since_comma >= 0) previous_group = digits_since_comma;
      digits_since_comma = 0;
    } else if (c == '.' && !in_fraction) {
      in_fraction = true;
    } else {
      break;
    }
    ++*pos;
  }
  if (*pos == start) return PatternError(pattern, "no number part");
  if (digits_since_comma > 0) {
    number.primary_grouping = digits_since_comma;
    number.secondary_grouping = previous_group > 0 ? previous_group : digits_since_comma;
  }
  return number;
}

}  // namespace

Result<NumberPattern> ParseNumberPattern(std::string_view pattern) {
  NumberPattern out;
  size_t pos = 0;
  auto prefix = ParseAffix(pattern, pattern, &pos, true);
  if (!prefix.ok()) return prefix.error();
  auto number = ParseNumber(pattern, pattern, &pos);
  if (!number.ok()) return number.error();
  auto suffix = ParseAffix(pattern, pattern, &pos, false);
  if (!suffix.ok()) return suffix.error();
  out.positive_prefix = *prefix;
  out.positive_suffix = *suffix;
  out.primary_grouping = number->primary_grouping;
  out.secondary_grouping = number->secondary_grouping;
  out.min_integer_digits = number->min_integer_digits > 0 ? number->min_integer_digits : 1;

  if (pos < pattern.size()) {  // ";" then an explicit negative subpattern
    ++pos;
    auto negative_prefix = ParseAffix(pattern, pattern, &pos, true);
    if (!negative_prefix.ok()) return negative_prefix.error();
    // ICU takes only the affixes of the negative subpattern; its number part
    // must be there but its digits and grouping are ignored.
    auto ignored = ParseNumber(pattern, pattern, &pos);
    if (!ignored.ok()) return ignored.error();
    auto negative_suffix = ParseAffix(pattern, pattern, &pos, false);
    if (!negative_suffix.ok()) return negative_suffix.error();
    if (pos < pattern.size()) return PatternError(pattern, "more than two subpatterns");
    out.negative_prefix = *negative_prefix;
    out.negative_suffix = *negative_suffix;
  } else {
    out.negative_prefix.push_back(AffixPart{AffixPart::kMinus, {}});
    out.negative_prefix.insert(out.negative_prefix.end(), out.positive_prefix.begin(), out.positive_prefix.end());
    out.negative_suffix = out.positive_suffix;
  }
  return out;
}

}  // namespace shopcore
