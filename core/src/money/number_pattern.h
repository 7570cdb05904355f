// A CLDR number pattern ("¤#,##0.00;(¤#,##0.00)", "#,##,##0.###") parsed into
// the affixes and grouping sizes the formatter needs. Fraction digits are not
// taken from currency patterns: the currency's CLDR digits decide them, as in ICU.
#ifndef SHOPCORE_SRC_MONEY_NUMBER_PATTERN_H_
#define SHOPCORE_SRC_MONEY_NUMBER_PATTERN_H_

#include <string>
#include <string_view>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

// One piece of a prefix or suffix: literal text, or a placeholder replaced at
// format time by a locale symbol or the currency.
struct AffixPart {
  enum Kind { kLiteral, kCurrency, kMinus, kPlus } kind = kLiteral;
  std::string text;  // UTF-8, for kLiteral
};
using Affix = std::vector<AffixPart>;

struct NumberPattern {
  Affix positive_prefix, positive_suffix;
  // Without an explicit ";" subpattern, ICU's implicit negative is "-" put in
  // front of the positive prefix: negative_prefix = [kMinus] + positive_prefix.
  Affix negative_prefix, negative_suffix;
  int primary_grouping = 0;    // 3 in "#,##0.00"; 0 = no grouping
  int secondary_grouping = 0;  // 2 in "#,##,##0.00" (Indian); equals primary when absent
  int min_integer_digits = 1;
};

// INVALID_ARGUMENT (the caller turns it into BAD_LOCALE_PACK with its path)
// for anything outside the CLDR currency/decimal pattern syntax.
Result<NumberPattern> ParseNumberPattern(std::string_view pattern);

}  // namespace shopcore

#endif  // SHOPCORE_SRC_MONEY_NUMBER_PATTERN_H_
