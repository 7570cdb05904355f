// `shopcore money allocate|convert`: the exact arithmetic of core/money,
// exposed so the server, scripts and the parity table can call it.
#include <nlohmann/json.hpp>

#include "../args.h"
#include "commands.h"
#include "shopcore/money.h"

namespace shopcore::cli {
namespace {

const char kMoneyUsage[] =
    "usage: shopcore money allocate --amount N --weights W1,W2,...\n"
    "       shopcore money convert --amount-minor N --from CUR --to CUR --rate DECIMAL [--rounding MODE]\n";

Result<std::vector<int64_t>> ParseIntList(const std::string& text, const std::string& path) {
  std::vector<int64_t> values;
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    auto value = ParseInt64(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!value.ok()) {
      return MakeError(value.error().code, value.error().message, path + "[" + std::to_string(values.size()) + "]");
    }
    values.push_back(*value);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return values;
}

CommandOutput Allocation(const Args& args) {
  auto parsed = ParseArgs(args, ArgSpec{{"amount", "weights"}, {}});
  if (!parsed.ok()) return Fail(parsed.error());
  auto amount_text = parsed->Required("amount");
  if (!amount_text.ok()) return Fail(amount_text.error());
  auto weights_text = parsed->Required("weights");
  if (!weights_text.ok()) return Fail(weights_text.error());
  auto amount = ParseInt64(*amount_text);
  if (!amount.ok()) return Fail(MakeError(amount.error().code, amount.error().message, "--amount"));
  auto weights = ParseIntList(*weights_text, "--weights");
  if (!weights.ok()) return Fail(weights.error());
  auto parts = Allocate(*amount, *weights);
  if (!parts.ok()) return Fail(parts.error());
  return CommandOutput{0, nlohmann::json(*parts).dump() + "\n", ""};
}

CommandOutput Conversion(const Args& args) {
  auto parsed = ParseArgs(args, ArgSpec{{"amount-minor", "from", "to", "rate", "rounding"}, {}});
  if (!parsed.ok()) return Fail(parsed.error());
  for (const char* name : {"amount-minor", "from", "to", "rate"}) {
    if (auto value = parsed->Required(name); !value.ok()) return Fail(value.error());
  }
  auto amount = ParseInt64(parsed->options.at("amount-minor"));
  if (!amount.ok()) return Fail(MakeError(amount.error().code, amount.error().message, "--amount-minor"));
  auto from = Money::Of(*amount, parsed->options.at("from"));
  if (!from.ok()) return Fail(from.error());
  auto rate = Decimal::Parse(parsed->options.at("rate"));
  if (!rate.ok()) return Fail(MakeError(rate.error().code, rate.error().message, "--rate"));
  auto rounding = ParseRoundingMode(parsed->Get("rounding", "half-even"));
  if (!rounding.ok()) return Fail(rounding.error());
  auto converted = Convert(*from, parsed->options.at("to"), *rate, *rounding);
  if (!converted.ok()) return Fail(converted.error());
  nlohmann::ordered_json out;
  out["amount_minor"] = std::to_string(converted->minor_units());
  out["currency"] = converted->currency().code;
  out["amount"] = converted->ToMajorString();
  out["rounding"] = RoundingModeName(*rounding);
  return CommandOutput{0, out.dump() + "\n", ""};
}

}  // namespace

CommandOutput MoneyCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kMoneyUsage};
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "allocate") return Allocation(rest);
  if (args[0] == "convert") return Conversion(rest);
  return Fail(MakeError(ErrorCode::kUsage, "unknown money subcommand '" + args[0] + "'", args[0]));
}

}  // namespace shopcore::cli
