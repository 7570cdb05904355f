// One function per `shopcore` command; cli/command.cc maps names to them.
// Each receives the arguments after its name and reports through
// CommandOutput; none touches the disk except through context.files.
#ifndef SHOPCORE_CLI_COMMANDS_COMMANDS_H_
#define SHOPCORE_CLI_COMMANDS_COMMANDS_H_

#include <string>
#include <vector>

#include "../command.h"

namespace shopcore::cli {

using Args = std::vector<std::string>;

CommandOutput FormatCommand(const Args& args, const CommandContext& context);
CommandOutput VersionCommand(const Args& args, const CommandContext& context);
CommandOutput MoneyCommand(const Args& args, const CommandContext& context);
CommandOutput LandedCostCommand(const Args& args, const CommandContext& context);
CommandOutput BargainCommand(const Args& args, const CommandContext& context);
CommandOutput GroupCommand(const Args& args, const CommandContext& context);
CommandOutput PickupCommand(const Args& args, const CommandContext& context);
CommandOutput ReferralCommand(const Args& args, const CommandContext& context);
CommandOutput ShareCommand(const Args& args, const CommandContext& context);
CommandOutput SnapshotCommand(const Args& args, const CommandContext& context);
CommandOutput DeliveryCommand(const Args& args, const CommandContext& context);
CommandOutput PriceCommand(const Args& args, const CommandContext& context);
CommandOutput OrderCommand(const Args& args, const CommandContext& context);
CommandOutput RecommendCommand(const Args& args, const CommandContext& context);
CommandOutput ModelCommand(const Args& args, const CommandContext& context);  // native only
CommandOutput EvalCommand(const Args& args, const CommandContext& context);   // native only

// Shared reporting: "error: CODE at PATH: message\n" on stderr, exit 1
// (2 for USAGE).
CommandOutput Fail(const Error& error);

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_COMMANDS_COMMANDS_H_
