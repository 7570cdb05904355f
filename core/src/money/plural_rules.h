// CLDR cardinal plural rules ("i = 1 and v = 0"), parsed once when a pack is
// loaded and evaluated on the operands of the formatted number, so that
// "1.00 US dollars" (v = 2, so not "one") and "1 yen" come out as in ICU.
#ifndef SHOPCORE_SRC_MONEY_PLURAL_RULES_H_
#define SHOPCORE_SRC_MONEY_PLURAL_RULES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "shopcore/status.h"

namespace shopcore {

// The CLDR operands of a decimal as displayed (UTS #35 "Plural Operand Meanings").
struct PluralOperands {
  uint64_t i = 0;      // integer digits
  int v = 0;           // visible fraction digits, with trailing zeros
  int w = 0;           // visible fraction digits, without trailing zeros
  uint64_t f = 0;      // visible fraction digits as an integer, with trailing zeros
  uint64_t t = 0;      // same without trailing zeros
  int e = 0;           // compact exponent: always 0 for money
  // From the absolute digits shown: "1234.50" -> i 1234, v 2, w 1, f 50, t 5.
  static PluralOperands FromDigits(std::string_view integer_digits, std::string_view fraction_digits);
};

class PluralRules {
 public:
  // rules: category ("zero".."other") -> condition text without samples;
  // "other" must be present (its condition is ignored: it is the fallback).
  // INVALID_ARGUMENT naming the category on a syntax error.
  static Result<PluralRules> Parse(const std::vector<std::pair<std::string, std::string>>& rules);

  // The first category, in CLDR order zero, one, two, few, many, whose rule holds; else "other".
  const std::string& Select(const PluralOperands& operands) const;

  struct Range {
    uint64_t low, high;
  };
  struct Relation {
    char operand;         // n i v w f t e c
    uint64_t modulus;     // 0 = none
    bool negated;         // "!="
    std::vector<Range> ranges;
  };
  using AndCondition = std::vector<Relation>;
  struct Rule {
    std::string category;
    std::vector<AndCondition> any_of;  // or-ed and-conditions
  };

 private:
  std::vector<Rule> rules_;  // without "other"
  std::string other_ = "other";
};

}  // namespace shopcore

#endif  // SHOPCORE_SRC_MONEY_PLURAL_RULES_H_
