// Locale-correct money display from CLDR data, code point for code point what
// ICU (and so Intl.NumberFormat in V8) prints for the same CLDR version:
// patterns, symbols, currencySpacing, numbering systems, grouping with
// minimumGroupingDigits and Indian grouping, CLDR display digits.
//
//   FormatMoney(EUR 1234.56, pack "fr-FR", {})        -> "1 234,56 €" (U+202F, U+00A0)
//   FormatMoney(USD -12.00, pack "en-US", {accounting}) -> "($12.00)"
//   FormatMoney(USD 1.00, pack "en-US", {kName})       -> "1.00 US dollars"
//
// As in ICU: name display uses the locale's decimal pattern, so accounting
// does not apply to it; a negative amount that rounds to zero keeps its sign
// ("-$0.00"); a currency the pack does not list is shown by its ISO code.
// tests/js/intl-oracle.test.mjs holds the engine to Intl on every market locale.
#ifndef SHOPCORE_MONEY_FORMAT_H_
#define SHOPCORE_MONEY_FORMAT_H_

#include <string>
#include <string_view>

#include "shopcore/money/locale_pack.h"
#include "shopcore/money/money.h"
#include "shopcore/money/rounding.h"
#include "shopcore/status.h"

namespace shopcore {

enum class CurrencyDisplay { kSymbol, kNarrowSymbol, kCode, kName };

// "symbol", "narrow", "code", "name".
Result<CurrencyDisplay> ParseCurrencyDisplay(std::string_view name);

struct FormatOptions {
  CurrencyDisplay display = CurrencyDisplay::kSymbol;
  bool accounting = false;  // (¤1.00) style negatives where the locale has them
  // Applied when CLDR shows fewer digits than ISO stores (IDR 1234.56 -> "Rp 1.235").
  // Half-up matches Intl.NumberFormat's default "halfExpand".
  RoundingMode rounding = RoundingMode::kHalfUp;
  bool cash = false;  // apply CLDR cash digits and cash rounding (CHF 0.05)
};

Result<std::string> FormatMoney(const Money& amount, const LocalePack& pack, const FormatOptions& options);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_FORMAT_H_
