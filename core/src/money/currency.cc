#include "shopcore/money/currency.h"

#include <string>

namespace shopcore {
namespace generated {
// build/gen/currency_table.cc, from data/iso4217.csv and CLDR currencyData.
extern const Currency kCurrencies[];
extern const int kCurrencyCount;
extern const char kCurrencyDataVersion[];
}  // namespace generated

Result<const Currency*> FindCurrency(std::string_view code) {
  // Binary search over the table, which the generator emits sorted by code.
  int low = 0, high = generated::kCurrencyCount - 1;
  while (low <= high) {
    int mid = (low + high) / 2;
    int cmp = code.compare(generated::kCurrencies[mid].code);
    if (cmp == 0) return &generated::kCurrencies[mid];
    if (cmp < 0) high = mid - 1; else low = mid + 1;
  }
  return MakeError(ErrorCode::kUnknownCurrency,
                   "unknown currency '" + std::string(code.substr(0, 16)) + "' (ISO 4217 codes such as EUR, JPY)",
                   "currency");
}

const Currency* CurrencyTable(int* count) {
  *count = generated::kCurrencyCount;
  return generated::kCurrencies;
}

const char* CurrencyDataVersion() { return generated::kCurrencyDataVersion; }

}  // namespace shopcore
