// What a parsed locale pack holds. Field names follow the pack JSON written
// by scripts/gen/locale-packs.mjs; everything is resolved at generation time
// (no inheritance here) and validated by LocalePack::Parse.
#ifndef SHOPCORE_SRC_MONEY_LOCALE_PACK_DATA_H_
#define SHOPCORE_SRC_MONEY_LOCALE_PACK_DATA_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "money/date_pack_data.h"
#include "money/number_pattern.h"
#include "money/plural_rules.h"

namespace shopcore {

// How a currency is shown in one locale. A currency the pack does not list is
// shown by its ISO code everywhere (CLDR root does the same).
struct CurrencyNames {
  std::string symbol;  // "US$"; the code when CLDR has no symbol
  std::string narrow;  // "$"
  // currencySpacing: whether the first/last code point of symbol/narrow is
  // neither \p{S} nor \p{Z} (precomputed by the generator).
  bool symbol_first_matches = true, symbol_last_matches = true;
  bool narrow_first_matches = true, narrow_last_matches = true;
  std::map<std::string, std::string, std::less<>> plural_names;  // category -> "US dollars"; has "other"
};

struct LocalePackData {
  std::string locale;        // the tag the pack was generated for
  std::string cldr_version;  // "48.2.0"
  std::string source;        // the CLDR file key the data came from ("zh-Hant")
  std::string numbering_system;
  std::vector<std::string> digits;  // ten UTF-8 strings, 0..9 of the default numbering system
  std::string decimal, group, minus, plus;
  std::string currency_decimal, currency_group;  // equal to decimal/group unless CLDR differs
  int minimum_grouping_digits = 1;
  NumberPattern currency_pattern, accounting_pattern, decimal_pattern;
  std::string spacing_before_currency, spacing_after_currency;  // insertBetween
  PluralRules plural_rules;
  std::map<std::string, std::string, std::less<>> unit_patterns;  // category -> "{0} {1}"; has "other"
  std::map<std::string, CurrencyNames, std::less<>> currencies;
  // Optional "dates" (month/day names, date range patterns); null in packs
  // generated before it existed.
  std::shared_ptr<const DatePackData> dates;
};

}  // namespace shopcore

#endif  // SHOPCORE_SRC_MONEY_LOCALE_PACK_DATA_H_
