// Locale pack bytes, as loadLocalePack and the CLI receive them, through
// LocalePack::Parse and, when accepted, FormatMoney.
// Invariants: no crash or UB; an accepted pack is usable: it formats every
// ordinary amount in every display and currency (extreme amounts may only
// fail with OVERFLOW), into well-formed UTF-8, the same bytes twice, and it is
// found by its own tag in a LocaleRegistry.
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "shopcore/money/format.h"

namespace shopcore::fuzz {

std::vector<std::string> FuzzSeeds() {
  // One pack per language the build generated (each language's patterns,
  // symbols, numbering system and plural rules are different code paths),
  // plus the regional packs whose data differs from their language's in ways
  // the markets rely on (de-CH grouping, en-IN lakh grouping, ...).
  const char* const kRegional[] = {"de-CH", "en-IN", "ar-SA", "ar-EG", "fr-CH", "es-MX", "pt-BR", "zh-Hant-HK",
                                   "en-US", "es-419", "fa-AF", "sr-Latn"};
  std::vector<std::string> seeds;
  for (const auto& tag : ListLocaleTags()) {
    bool regional = false;
    for (const char* wanted : kRegional) regional = regional || tag == wanted;
    if (tag.find('-') == std::string::npos || regional) seeds.push_back(ReadLocalePack(tag));
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  auto pack = LocalePack::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!pack.ok()) {
    Check(pack.error().code == ErrorCode::kBadLocalePack || pack.error().code == ErrorCode::kUnsupportedVersion,
          "a rejected pack reports " + pack.error().ToString());
    return 0;
  }
  LocaleRegistry registry;
  registry.Add(*pack);
  auto found = registry.Find(pack->locale());
  Check(found.ok(), "an accepted pack is not found by its own tag '" + pack->locale() + "'");

  // Currencies with 0, 2, 3 and 4 ISO digits, CLDR display digits differing
  // from ISO (IDR), cash rounding (CHF), Indian grouping (INR).
  const char* const kCurrencies[] = {"USD", "EUR", "JPY", "KWD", "CLF", "IDR", "CHF", "INR"};
  const int64_t kOrdinary[] = {0, 1, -1, 5, 99, -150, 123456789, -98765432101, 1000000000000000};
  const int64_t kExtreme[] = {INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1};
  const CurrencyDisplay kDisplays[] = {CurrencyDisplay::kSymbol, CurrencyDisplay::kNarrowSymbol, CurrencyDisplay::kCode,
                                       CurrencyDisplay::kName};
  // Every currency, display and option combination, each with two of the
  // ordinary amounts and one extreme one (rotating, so all are used).
  size_t turn = 0;
  for (const char* code : kCurrencies) {
    for (CurrencyDisplay display : kDisplays) {
      for (int variant = 0; variant < 4; ++variant, ++turn) {
        FormatOptions options;
        options.display = display;
        options.accounting = variant & 1;
        options.cash = variant & 2;
        const size_t kOrdinaryCount = sizeof(kOrdinary) / sizeof(kOrdinary[0]);
        for (int64_t amount : {kOrdinary[turn % kOrdinaryCount], kOrdinary[(turn * 5 + 3) % kOrdinaryCount]}) {
          auto money = Money::Of(amount, code);
          Check(money.ok(), std::string("currency table lacks ") + code);
          auto text = FormatMoney(*money, **found, options);
          Check(text.ok(), "an accepted pack fails to format " + std::to_string(amount) + " " + code + ": " +
                               (text.ok() ? "" : text.error().ToString()));
          Check(IsValidUtf8(*text), "formatted money is not UTF-8: " + *text);
          auto again = FormatMoney(*money, **found, options);
          Check(again.ok() && *again == *text, "formatting the same amount twice differs");
        }
        {
          const int64_t amount = kExtreme[turn % 4];
          auto text = FormatMoney(*Money::Of(amount, code), **found, options);
          Check(text.ok() || text.error().code == ErrorCode::kOverflow,
                "an extreme amount fails with " + (text.ok() ? std::string() : text.error().ToString()));
          Check(!text.ok() || IsValidUtf8(*text), "formatted money is not UTF-8: " + *text);
        }
      }
    }
  }
  return 0;
}
