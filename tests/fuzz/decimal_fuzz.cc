// Number parsing and exact arithmetic of core/money on hostile text:
// Decimal::Parse, ParseInt64, Money::ParseMajor, and what is computed from
// what they accept (Add, Multiply, Compare, MultiplyAmountScaled with every
// rounding mode). Input parts: A RS B RS AMOUNT RS CURRENCY.
// Invariants: no crash or UB; whatever parses prints back to the same value;
// Add/Multiply/Compare are symmetric; the seven rounding modes of one
// product are ordered (floor <= every mode <= ceiling, at most 1 apart).
#include <nlohmann/json.hpp>

#include <string>

#include "fuzz_support.h"
#include "shopcore/money.h"

namespace shopcore::fuzz {
namespace {

void CheckDecimalRoundTrip(const Decimal& value, const char* what) {
  auto again = Decimal::Parse(value.ToString());
  Check(again.ok(), std::string(what) + " prints as '" + value.ToString() + "', which does not parse: " +
                        (again.ok() ? "" : again.error().ToString()));
  Check(again->coefficient() == value.coefficient() && again->scale() == value.scale(),
        std::string(what) + " does not round-trip through '" + value.ToString() + "'");
}

void CheckMoneyRoundTrip(const Money& money) {
  auto again = Money::ParseMajor(money.ToMajorString(), money.currency().code);
  Check(again.ok() && *again == money, "money does not round-trip through '" + money.ToMajorString() + "'");
}

void CheckRoundingOrder(const Decimal& rate, int64_t amount, int shift) {
  const RoundingMode kModes[] = {RoundingMode::kHalfEven, RoundingMode::kHalfUp, RoundingMode::kHalfDown,
                                 RoundingMode::kUp,       RoundingMode::kDown,   RoundingMode::kCeiling,
                                 RoundingMode::kFloor};
  auto floor = rate.MultiplyAmountScaled(amount, shift, RoundingMode::kFloor);
  auto ceiling = rate.MultiplyAmountScaled(amount, shift, RoundingMode::kCeiling);
  if (!floor.ok() || !ceiling.ok()) return;  // OVERFLOW of one bound: the others may still fit
  Check(*floor <= *ceiling && *ceiling - *floor <= 1, "floor and ceiling of one product are more than 1 apart");
  for (RoundingMode mode : kModes) {
    auto rounded = rate.MultiplyAmountScaled(amount, shift, mode);
    Check(rounded.ok(), "a product between fitting floor and ceiling overflows in another mode");
    Check(*rounded == *floor || *rounded == *ceiling, "a rounding mode leaves [floor, ceiling]");
  }
}

}  // namespace

std::vector<std::string> FuzzSeeds() {
  // Every number-like string in the shipped tax rules and the fixtures,
  // paired with its neighbour, an amount and a currency.
  std::vector<std::string> numbers;
  auto collect = [&](const auto& self, const nlohmann::json& value) -> void {
    if (value.is_string()) {
      const auto& text = value.get_ref<const std::string&>();
      if (!text.empty() && text.find_first_not_of("-0123456789.") == std::string::npos) numbers.push_back(text);
    } else if (value.is_number_integer()) {
      numbers.push_back(value.dump());
    } else if (value.is_structured()) {
      for (const auto& item : value) self(self, item);
    }
  };
  std::vector<std::string> documents = {ReadSourceFile("data/tax-rules.json")};
  for (const auto& name : ListSourceFiles("tests/unit/tax/fixtures", ".json")) {
    documents.push_back(ReadSourceFile("tests/unit/tax/fixtures/" + name));
  }
  for (const auto& document : documents) collect(collect, nlohmann::json::parse(document, nullptr, false));
  numbers.insert(numbers.end(), {"0", "-0", "9223372036854775807", "-9223372036854775808", "0.000000000000000001"});
  const char* const kCurrencies[] = {"EUR", "JPY", "KWD", "CLF", "USD"};
  std::vector<std::string> seeds;
  for (size_t i = 0; i < numbers.size(); ++i) {
    seeds.push_back(JoinParts({numbers[i], numbers[(i + 1) % numbers.size()], numbers[(i * 7 + 3) % numbers.size()],
                               kCurrencies[i % 5]}));
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  auto parts = SplitParts(data, size);
  parts.resize(4);
  const std::string_view currency = parts[3].empty() ? "EUR" : parts[3];

  auto a = Decimal::Parse(parts[0]);
  auto b = Decimal::Parse(parts[1]);
  auto amount = ParseInt64(parts[2]);
  if (a.ok()) CheckDecimalRoundTrip(*a, "a parsed decimal");
  if (amount.ok()) {
    auto again = ParseInt64(std::to_string(*amount));
    Check(again.ok() && *again == *amount, "an int64 does not round-trip");
    auto as_decimal = Decimal::Parse(parts[2]);
    Check(as_decimal.ok() && as_decimal->coefficient() == *amount && as_decimal->scale() == 0,
          "an integer ParseInt64 accepts is not the same Decimal");
  }
  for (std::string_view code : {std::string_view("JPY"), std::string_view("EUR"), std::string_view("KWD"), currency}) {
    auto money = Money::ParseMajor(parts[0], code);
    if (money.ok()) CheckMoneyRoundTrip(*money);
  }
  if (a.ok() && b.ok()) {
    Check(a->Compare(*b) == -b->Compare(*a), "Compare is not antisymmetric");
    auto sum = a->Add(*b);
    auto sum_swapped = b->Add(*a);
    Check(sum.ok() == sum_swapped.ok() && (!sum.ok() || *sum == *sum_swapped), "Add is not commutative");
    if (sum.ok()) CheckDecimalRoundTrip(*sum, "a sum");
    auto product = a->Multiply(*b);
    auto product_swapped = b->Multiply(*a);
    Check(product.ok() == product_swapped.ok() && (!product.ok() || *product == *product_swapped),
          "Multiply is not commutative");
    if (product.ok()) CheckDecimalRoundTrip(*product, "a product");
  }
  if (a.ok() && amount.ok()) {
    for (int shift = -3; shift <= 3; ++shift) CheckRoundingOrder(*a, *amount, shift);
  }
  return 0;
}
