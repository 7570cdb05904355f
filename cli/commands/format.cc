#include "../args.h"
#include "../locale_files.h"
#include "commands.h"
#include "shopcore/money.h"

namespace shopcore::cli {

CommandOutput FormatCommand(const Args& args, const CommandContext& context) {
  ArgSpec spec{{"amount-minor", "currency", "locale", "display", "rounding"}, {"accounting", "cash"}};
  auto parsed = ParseArgs(args, spec);
  if (!parsed.ok()) return Fail(parsed.error());
  if (!parsed->positionals.empty()) {
    return Fail(MakeError(ErrorCode::kUsage, "unexpected argument '" + parsed->positionals[0] + "'", parsed->positionals[0]));
  }
  auto amount_text = parsed->Required("amount-minor");
  auto currency = parsed->Required("currency");
  auto locale = parsed->Required("locale");
  for (auto* required : {&amount_text, &currency, &locale}) {
    if (!required->ok()) return Fail(required->error());
  }
  auto amount = ParseInt64(*amount_text);
  if (!amount.ok()) return Fail(MakeError(amount.error().code, amount.error().message, "--amount-minor"));
  auto money = Money::Of(*amount, *currency);
  if (!money.ok()) return Fail(money.error());

  FormatOptions options;
  auto display = ParseCurrencyDisplay(parsed->Get("display", "symbol"));
  if (!display.ok()) return Fail(MakeError(display.error().code, display.error().message, "--display"));
  options.display = *display;
  auto rounding = ParseRoundingMode(parsed->Get("rounding", "half-up"));
  if (!rounding.ok()) return Fail(MakeError(rounding.error().code, rounding.error().message, "--rounding"));
  options.rounding = *rounding;
  options.accounting = parsed->Switch("accounting");
  options.cash = parsed->Switch("cash");

  auto pack = LoadLocalePack(context, *locale);
  if (!pack.ok()) return Fail(pack.error());
  auto text = FormatMoney(*money, *pack, options);
  if (!text.ok()) return Fail(text.error());
  return CommandOutput{0, *text + "\n", ""};
}

}  // namespace shopcore::cli
