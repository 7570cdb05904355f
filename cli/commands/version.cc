#include <nlohmann/json.hpp>

#include "commands.h"
#include "shopcore/money/currency.h"
#include "shopcore/version.h"

namespace shopcore::cli {

CommandOutput VersionCommand(const Args& args, const CommandContext& context) {
  if (!args.empty()) return Fail(MakeError(ErrorCode::kUsage, "version takes no arguments", args[0]));
  nlohmann::ordered_json out;
  out["shopcore"] = kVersion;
  out["currency_data"] = CurrencyDataVersion();
  return CommandOutput{0, out.dump() + "\n", ""};
}

}  // namespace shopcore::cli
