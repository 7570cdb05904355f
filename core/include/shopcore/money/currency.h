// Currencies: the ISO 4217 table (storage and payment digits) merged with
// CLDR's display digits and cash rounding. They differ on purpose: IDR has 2
// ISO digits but CLDR shows 0; CHF cash is rounded to 0.05. Both tables are
// generated at build time from pinned data (data/iso4217.csv, npm cldr-core);
// CurrencyDataVersion() says which.
#ifndef SHOPCORE_MONEY_CURRENCY_H_
#define SHOPCORE_MONEY_CURRENCY_H_

#include <cstdint>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

struct Currency {
  const char* code;       // "EUR"
  int numeric;            // 978
  int iso_digits;         // ISO 4217 minor unit: amounts are stored in these
  int display_digits;     // CLDR currencyData "digits" (defaults to iso_digits)
  int cash_digits;        // CLDR "cashDigits" (defaults to display_digits)
  int cash_increment;     // CLDR "cashRounding", in units of 10^-cash_digits; 0 = none
  const char* name;       // ISO English name
};

// Case-sensitive 3-letter uppercase code. UNKNOWN_CURRENCY otherwise.
Result<const Currency*> FindCurrency(std::string_view code);

// All currencies, sorted by code.
const Currency* CurrencyTable(int* count);

// "ISO 4217 list of 2025-..., CLDR 48.2.0": where the generated table came from.
const char* CurrencyDataVersion();

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_CURRENCY_H_
