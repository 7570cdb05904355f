// `shopcore referral commission|share-to-earn --request FILE`: referral
// commission 分销 per order line and level, and "share to earn X" (formatted
// for a locale when --locale is given).
#include "../locale_files.h"
#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {

CommandOutput ReferralCommand(const Args& args, const CommandContext& context) {
  const char usage[] =
      "usage: shopcore referral commission --request FILE.json\n"
      "       shopcore referral share-to-earn --request FILE.json [--locale L]\n";
  if (args.empty()) return CommandOutput{2, "", usage};
  if (args[0] != "commission" && args[0] != "share-to-earn") {
    return Fail(MakeError(ErrorCode::kUsage, "unknown referral subcommand '" + args[0] + "'", args[0]));
  }
  ArgSpec spec{{"request"}, {}};
  if (args[0] == "share-to-earn") spec.options.insert("locale");
  auto parsed = ParseArgs(Args(args.begin() + 1, args.end()), spec);
  if (!parsed.ok()) return Fail(parsed.error());
  auto request = ReadRequest(*parsed, context);
  if (!request.ok()) return Fail(request.error());
  if (!parsed->Has("locale")) return SocialAnswer(ReferralOperationJson(args[0], *request));
  auto pack = LoadLocalePack(context, parsed->options.at("locale"));
  if (!pack.ok()) return Fail(pack.error());
  return SocialAnswer(ReferralOperationJson(args[0], *request, &*pack));
}

}  // namespace shopcore::cli
