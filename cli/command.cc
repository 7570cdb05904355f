#include "command.h"

#include <cstring>

#include "commands/commands.h"

namespace shopcore::cli {
namespace {

struct CommandEntry {
  const char* name;
  CommandOutput (*run)(const Args&, const CommandContext&);
  const char* synopsis;
};

// Keep sorted by name; `shopcore help` prints them in this order.
const CommandEntry kCommands[] = {
    {"bargain", BargainCommand, "bargain schedule|validate|progress ...   bargain 砍价 cuts from a seed"},
    {"delivery", DeliveryCommand, "delivery SNAP.bin|FULFILMENT.json REQUEST.json   parcels, shipping cost and delivery dates of a cart"},
    {"eval", EvalCommand, "eval --interactions POSITIVES.csv [--seed N]   offline evaluation through reco (native only)"},
    {"format", FormatCommand,
     "format --amount-minor N --currency C --locale L [--display symbol|narrow|code|name] [--accounting] [--cash] [--rounding MODE]"},
    {"group", GroupCommand, "group OP --request FILE   group-buy 拼团 checks and transitions"},
    {"landed-cost", LandedCostCommand, "landed-cost SNAP.bin|RULES.json REQUEST.json   duties, import tax and landed cost of an order"},
    {"model", ModelCommand, "model build --interactions LOG.csv --catalog C.json -o OUT.json   model data (native only)"},
    {"money", MoneyCommand,
     "money allocate|convert ...   exact arithmetic (see `shopcore money`)"},
    {"order", OrderCommand, "order build SNAP.bin REQUEST.json -o ORDER.bin | order verify SNAP.bin ORDER.bin   checkout re-pricing"},
    {"pickup", PickupCommand, "pickup slot ...   community pickup date for an order at now"},
    {"price", PriceCommand, "price SNAP.bin REQUEST.json   a cart priced from a snapshot, with taxes"},
    {"recommend", RecommendCommand, "recommend SNAP.bin REQUEST.json   a page of recommendations from the snapshot's model"},
    {"referral", ReferralCommand, "referral commission|share-to-earn --request FILE   分销 commission"},
    {"share", ShareCommand, "share encode|decode ...   share-link tokens"},
    {"snapshot", SnapshotCommand,
     "snapshot build|verify|dump|delta|apply ...   catalog snapshots (see `shopcore snapshot`)"},
    {"version", VersionCommand, "version   the build, data and schema versions"},
};

CommandOutput Help(int exit_code) {
  CommandOutput output;
  output.exit_code = exit_code;
  std::string& text = exit_code == 0 ? output.out : output.err;
  text += "usage: shopcore COMMAND [ARGS]\n\ncommands:\n";
  for (const auto& command : kCommands) text += std::string("  ") + command.synopsis + "\n";
  return output;
}

}  // namespace

CommandOutput Fail(const Error& error) {
  CommandOutput output;
  output.exit_code = error.code == ErrorCode::kUsage ? 2 : 1;
  output.err = "error: " + error.ToString() + "\n";
  return output;
}

CommandOutput RunCommand(const std::vector<std::string>& args, const CommandContext& context) {
  if (args.empty()) return Help(2);
  if (args[0] == "help" || args[0] == "--help" || args[0] == "-h") return Help(0);
  for (const auto& command : kCommands) {
    if (args[0] == command.name) return command.run(Args(args.begin() + 1, args.end()), context);
  }
  return Fail(MakeError(ErrorCode::kUsage, "unknown command '" + args[0] + "' (try `shopcore help`)", args[0]));
}

}  // namespace shopcore::cli
