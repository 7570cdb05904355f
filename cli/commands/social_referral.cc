// `shopcore referral commission|share-to-earn --request FILE`: referral
// commission 分销 per order line and level, and "share to earn X".
#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {

CommandOutput ReferralCommand(const Args& args, const CommandContext& context) {
  const char usage[] = "usage: shopcore referral commission|share-to-earn --request FILE.json\n";
  if (args.empty()) return CommandOutput{2, "", usage};
  if (args[0] != "commission" && args[0] != "share-to-earn") {
    return Fail(MakeError(ErrorCode::kUsage, "unknown referral subcommand '" + args[0] + "'", args[0]));
  }
  auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), ArgSpec{{"request"}, {}});
  if (!parsed.ok()) return Fail(parsed.error());
  auto request = ReadRequest(*parsed, context);
  if (!request.ok()) return Fail(request.error());
  return SocialAnswer(ReferralOperationJson(args[0], *request));
}

}  // namespace shopcore::cli
