#include "money/plural_rules.h"

#include <cctype>

namespace shopcore {
namespace {

const char* const kCategoryOrder[] = {"zero", "one", "two", "few", "many"};

// A tiny tokenizer over the UTS #35 rule grammar:
//   condition = and_condition ('or' and_condition)*
//   and_condition = relation ('and' relation)*
//   relation = operand ('%' value)? ('=' | '!=') range_list
//   range_list = (value | value '..' value) (',' range_list)*
class RuleParser {
 public:
  explicit RuleParser(std::string_view text) : text_(text) {}

  bool Parse(std::vector<PluralRules::AndCondition>* out) {
    SkipSpace();
    if (pos_ == text_.size()) return true;  // empty: never matches except as "other"
    do {
      PluralRules::AndCondition and_condition;
      do {
        PluralRules::Relation relation;
        if (!ParseRelation(&relation)) return false;
        and_condition.push_back(relation);
      } while (Keyword("and"));
      out->push_back(and_condition);
    } while (Keyword("or"));
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  void SkipSpace() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  bool Keyword(std::string_view word) {
    SkipSpace();
    if (text_.substr(pos_, word.size()) != word) return false;
    size_t end = pos_ + word.size();
    if (end < text_.size() && text_[end] != ' ') return false;
    pos_ = end;
    return true;
  }
  bool Literal(std::string_view symbol) {
    SkipSpace();
    if (text_.substr(pos_, symbol.size()) != symbol) return false;
    pos_ += symbol.size();
    return true;
  }
  bool Value(uint64_t* out) {
    SkipSpace();
    size_t start = pos_;
    uint64_t value = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) {
      if (pos_ - start >= 18) return false;  // no CLDR rule needs more; avoids overflow
      value = value * 10 + static_cast<uint64_t>(text_[pos_] - '0');
      ++pos_;
    }
    *out = value;
    return pos_ > start;
  }
  bool ParseRelation(PluralRules::Relation* relation) {
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    char operand = text_[pos_];
    if (std::string_view("nivwftec").find(operand) == std::string_view::npos) return false;
    ++pos_;
    relation->operand = operand;
    relation->modulus = 0;
    if (Literal("%") && (!Value(&relation->modulus) || relation->modulus == 0)) return false;
    if (Literal("!=")) {
      relation->negated = true;
    } else if (Literal("=")) {
      relation->negated = false;
    } else {
      return false;
    }
    do {
      PluralRules::Range range;
      if (!Value(&range.low)) return false;
      range.high = range.low;
      if (Literal("..") && (!Value(&range.high) || range.high < range.low)) return false;
      relation->ranges.push_back(range);
    } while (Literal(","));
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool RelationHolds(const PluralRules::Relation& relation, const PluralOperands& operands) {
  uint64_t value = 0;
  bool has_fraction = false;  // only n can be non-integral
  switch (relation.operand) {
    case 'n': value = operands.i; has_fraction = operands.t != 0; break;
    case 'i': value = operands.i; break;
    case 'v': value = static_cast<uint64_t>(operands.v); break;
    case 'w': value = static_cast<uint64_t>(operands.w); break;
    case 'f': value = operands.f; break;
    case 't': value = operands.t; break;
    default: value = static_cast<uint64_t>(operands.e); break;  // e and its synonym c
  }
  // (n % m) keeps n's fraction, so a non-integral n never equals an integer.
  if (relation.modulus != 0) value %= relation.modulus;
  bool in_ranges = false;
  if (!has_fraction) {
    for (const auto& range : relation.ranges) {
      if (value >= range.low && value <= range.high) in_ranges = true;
    }
  }
  return relation.negated ? !in_ranges : in_ranges;
}

}  // namespace

PluralOperands PluralOperands::FromDigits(std::string_view integer_digits, std::string_view fraction_digits) {
  PluralOperands operands;
  for (char c : integer_digits) operands.i = operands.i * 10 + static_cast<uint64_t>(c - '0');
  operands.v = static_cast<int>(fraction_digits.size());
  size_t significant = fraction_digits.find_last_not_of('0');
  std::string_view trimmed = significant == std::string_view::npos ? std::string_view() : fraction_digits.substr(0, significant + 1);
  operands.w = static_cast<int>(trimmed.size());
  for (char c : fraction_digits) operands.f = operands.f * 10 + static_cast<uint64_t>(c - '0');
  for (char c : trimmed) operands.t = operands.t * 10 + static_cast<uint64_t>(c - '0');
  return operands;
}

Result<PluralRules> PluralRules::Parse(const std::vector<std::pair<std::string, std::string>>& rules) {
  PluralRules out;
  bool has_other = false;
  for (const char* category : kCategoryOrder) {
    for (const auto& [name, text] : rules) {
      if (name != category) continue;
      Rule rule{name, {}};
      if (!RuleParser(text).Parse(&rule.any_of)) {
        return MakeError(ErrorCode::kInvalidArgument, "cannot parse plural rule '" + text + "'", name);
      }
      out.rules_.push_back(std::move(rule));
    }
  }
  for (const auto& [name, text] : rules) {
    bool known = name == "other";
    for (const char* category : kCategoryOrder) known = known || name == category;
    if (!known) return MakeError(ErrorCode::kInvalidArgument, "unknown plural category", name);
    has_other = has_other || name == "other";
  }
  if (!has_other) return MakeError(ErrorCode::kInvalidArgument, "plural rules lack 'other'", "other");
  return out;
}

const std::string& PluralRules::Select(const PluralOperands& operands) const {
  for (const auto& rule : rules_) {
    for (const auto& and_condition : rule.any_of) {
      bool all = true;
      for (const auto& relation : and_condition) all = all && RelationHolds(relation, operands);
      if (all) return rule.category;
    }
  }
  return other_;
}

}  // namespace shopcore
