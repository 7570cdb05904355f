// `shopcore group OP --request FILE`: group-buy 拼团 questions and transitions.
#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {
namespace {

std::string GroupUsage() {
  std::string usage = "usage: shopcore group OP --request FILE.json\n  OP: ";
  bool first = true;
  for (const auto& op : GroupOperations()) {
    usage += (first ? "" : "|") + op;
    first = false;
  }
  return usage + "\n  request shapes: core/include/shopcore/social/codec.h\n";
}

}  // namespace

CommandOutput GroupCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", GroupUsage()};
  bool known = false;
  for (const auto& op : GroupOperations()) known = known || op == args[0];
  if (!known) return Fail(MakeError(ErrorCode::kUsage, "unknown group operation '" + args[0] + "'", args[0]));
  auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), ArgSpec{{"request"}, {}});
  if (!parsed.ok()) return Fail(parsed.error());
  if (!parsed->positionals.empty()) {
    return Fail(MakeError(ErrorCode::kUsage, "unexpected argument '" + parsed->positionals[0] + "'", parsed->positionals[0]));
  }
  auto request = ReadRequest(*parsed, context);
  if (!request.ok()) return Fail(request.error());
  return SocialAnswer(GroupOperationJson(args[0], *request));
}

}  // namespace shopcore::cli
