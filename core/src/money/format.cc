// FormatMoney: the steps ICU's NumberFormatter takes for a currency, in order:
// round to the currency's CLDR digits (or cash digits and increment), pick the
// pattern (currency, accounting, or decimal for names), lay out grouped
// digits in the locale's numbering system, fill the affixes, apply
// currencySpacing, and for name display wrap the number in the plural unit
// pattern.
#include "shopcore/money/format.h"

#include "money/locale_pack_data.h"

namespace shopcore {
namespace {

// The amount as shown: sign, and the absolute value's digits split at the
// decimal point ("1234", "50").
struct DisplayDigits {
  bool negative = false;  // the amount's sign: -0.001 USD shows as "-$0.00", as ICU does
  std::string integer;
  std::string fraction;
};

__int128 PowerOfTen(int exponent) {
  __int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

std::string ToDecimalString(unsigned __int128 value) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  } while (value != 0);
  return digits;
}

// Rounds minor units (ISO digits) to `digits` fraction digits and a multiple
// of `increment` units of 10^-digits, in one exact step so no double rounding.
Result<DisplayDigits> RoundForDisplay(const Money& amount, int digits, int increment, RoundingMode mode) {
  const int iso_digits = amount.currency().iso_digits;
  const int64_t step = increment > 1 ? increment : 1;
  __int128 units;  // the rounded value in 10^-digits
  if (digits >= iso_digits) {
    __int128 scaled = static_cast<__int128>(amount.minor_units()) * PowerOfTen(digits - iso_digits);
    auto rounded = RoundQuotient(scaled, step, mode);
    if (!rounded.ok()) return rounded.error();
    units = static_cast<__int128>(*rounded) * step;
  } else {
    __int128 unit = PowerOfTen(iso_digits - digits) * step;
    auto rounded = RoundQuotient(amount.minor_units(), unit, mode);
    if (!rounded.ok()) return rounded.error();
    units = static_cast<__int128>(*rounded) * step;
  }
  DisplayDigits out;
  out.negative = amount.minor_units() < 0;
  unsigned __int128 magnitude = units < 0 ? static_cast<unsigned __int128>(-units) : static_cast<unsigned __int128>(units);
  std::string text = ToDecimalString(magnitude);
  if (static_cast<int>(text.size()) <= digits) text.insert(0, static_cast<size_t>(digits + 1) - text.size(), '0');
  out.integer = text.substr(0, text.size() - static_cast<size_t>(digits));
  out.fraction = text.substr(text.size() - static_cast<size_t>(digits));
  return out;
}

// Grouped digits in the locale's numbering system. ICU's Grouper: a separator
// follows the digit of magnitude m when m >= g1, (m - g1) % g2 == 0, and the
// number has at least g1 + minimumGroupingDigits integer digits.
std::string LayOutNumber(const DisplayDigits& value, const NumberPattern& pattern, const LocalePackData& data) {
  std::string integer = value.integer;
  if (static_cast<int>(integer.size()) < pattern.min_integer_digits) {
    integer.insert(0, static_cast<size_t>(pattern.min_integer_digits) - integer.size(), '0');
  }
  const int count = static_cast<int>(integer.size());
  const int g1 = pattern.primary_grouping;
  const int g2 = pattern.secondary_grouping > 0 ? pattern.secondary_grouping : g1;
  const bool grouping = g1 > 0 && count - g1 >= data.minimum_grouping_digits;
  std::string out;
  for (int i = 0; i < count; ++i) {
    out += data.digits[static_cast<size_t>(integer[static_cast<size_t>(i)] - '0')];
    int magnitude = count - 1 - i;
    if (grouping && magnitude > 0 && magnitude >= g1 && (magnitude - g1) % g2 == 0) out += data.currency_group;
  }
  if (!value.fraction.empty()) {
    out += data.currency_decimal;
    for (char c : value.fraction) out += data.digits[static_cast<size_t>(c - '0')];
  }
  return out;
}

// The currency text for the display, and whether its first/last code point
// takes currencySpacing. ISO codes are ASCII letters: neither \p{S} nor \p{Z}.
struct CurrencyText {
  std::string text;
  bool first_matches = true;
  bool last_matches = true;
};

CurrencyText CurrencyTextFor(const Currency& currency, const LocalePackData& data, CurrencyDisplay display) {
  auto it = data.currencies.find(currency.code);
  if (display == CurrencyDisplay::kCode || it == data.currencies.end()) return CurrencyText{currency.code, true, true};
  const CurrencyNames& names = it->second;
  if (display == CurrencyDisplay::kNarrowSymbol) {
    return CurrencyText{names.narrow, names.narrow_first_matches, names.narrow_last_matches};
  }
  return CurrencyText{names.symbol, names.symbol_first_matches, names.symbol_last_matches};
}

std::string RenderAffix(const Affix& affix, const LocalePackData& data, const CurrencyText& currency) {
  std::string out;
  for (const auto& part : affix) {
    switch (part.kind) {
      case AffixPart::kLiteral: out += part.text; break;
      case AffixPart::kCurrency: out += currency.text; break;
      case AffixPart::kMinus: out += data.minus; break;
      case AffixPart::kPlus: out += data.plus; break;
    }
  }
  return out;
}

// "{0} {1}" -> "1.00 US dollars".
std::string FillUnitPattern(const std::string& pattern, const std::string& number, const std::string& name) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 3, "{0}") == 0) {
      out += number;
      i += 3;
    } else if (pattern.compare(i, 3, "{1}") == 0) {
      out += name;
      i += 3;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

const std::string& ForCategory(const std::map<std::string, std::string, std::less<>>& by_category, const std::string& category) {
  auto it = by_category.find(category);
  return it != by_category.end() ? it->second : by_category.find("other")->second;
}

}  // namespace

Result<CurrencyDisplay> ParseCurrencyDisplay(std::string_view name) {
  if (name == "symbol") return CurrencyDisplay::kSymbol;
  if (name == "narrow") return CurrencyDisplay::kNarrowSymbol;
  if (name == "code") return CurrencyDisplay::kCode;
  if (name == "name") return CurrencyDisplay::kName;
  return MakeError(ErrorCode::kInvalidArgument,
                   "unknown currency display '" + std::string(name) + "' (symbol, narrow, code or name)", "display");
}

Result<std::string> FormatMoney(const Money& amount, const LocalePack& pack, const FormatOptions& options) {
  const LocalePackData& data = pack.data();
  const Currency& currency = amount.currency();
  const int digits = options.cash ? currency.cash_digits : currency.display_digits;
  const int increment = options.cash ? currency.cash_increment : 0;
  auto value = RoundForDisplay(amount, digits, increment, options.rounding);
  if (!value.ok()) return value.error();

  const bool by_name = options.display == CurrencyDisplay::kName;
  // Names use the decimal pattern (ICU: CLDR_PATTERN_STYLE_DECIMAL for
  // full-name currency), so accounting has no effect on them.
  const NumberPattern& pattern = by_name ? data.decimal_pattern
                                 : options.accounting ? data.accounting_pattern
                                                      : data.currency_pattern;
  const Affix& prefix = value->negative ? pattern.negative_prefix : pattern.positive_prefix;
  const Affix& suffix = value->negative ? pattern.negative_suffix : pattern.positive_suffix;
  const CurrencyText currency_text = CurrencyTextFor(currency, data, by_name ? CurrencyDisplay::kCode : options.display);

  std::string number = LayOutNumber(*value, pattern, data);
  std::string prefix_text = RenderAffix(prefix, data, currency_text);
  std::string suffix_text = RenderAffix(suffix, data, currency_text);
  // currencySpacing: the number side is always a digit (every numbering
  // system's digits are \p{Nd}), so only the currency's adjacent code point
  // decides. A prefix ending in the currency is followed by "afterCurrency"'s
  // insert; a suffix starting with it is preceded by "beforeCurrency"'s.
  if (!prefix.empty() && prefix.back().kind == AffixPart::kCurrency && currency_text.last_matches) {
    prefix_text += data.spacing_after_currency;
  }
  if (!suffix.empty() && suffix.front().kind == AffixPart::kCurrency && currency_text.first_matches) {
    suffix_text.insert(0, data.spacing_before_currency);
  }
  std::string formatted = prefix_text + number + suffix_text;
  if (!by_name) return formatted;

  const std::string& category = data.plural_rules.Select(PluralOperands::FromDigits(value->integer, value->fraction));
  auto names = data.currencies.find(currency.code);
  std::string name = names == data.currencies.end() ? std::string(currency.code)
                                                    : ForCategory(names->second.plural_names, category);
  return FillUnitPattern(ForCategory(data.unit_patterns, category), formatted, name);
}

}  // namespace shopcore
