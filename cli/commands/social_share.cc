// `shopcore share encode|decode`: compact share-link tokens.
#include <nlohmann/json.hpp>

#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {
namespace {

const char kShareUsage[] =
    "usage: shopcore share encode --kind item|group|bargain --item ID --inviter ID [--ref ID] --market M "
    "[--signature-b64 S]\n"
    "       shopcore share decode TOKEN\n";

const std::map<std::string, std::string> kOptionOfPath = {
    {"kind", "--kind"},     {"item_id", "--item"},   {"inviter_id", "--inviter"},
    {"ref_id", "--ref"},    {"market", "--market"},  {"signature_b64", "--signature-b64"},
    {"signature", "--signature-b64"}};

}  // namespace

CommandOutput ShareCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kShareUsage};
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "decode") {
    if (rest.size() != 1) return Fail(MakeError(ErrorCode::kUsage, "decode takes exactly one TOKEN", "decode"));
    return SocialAnswer(ShareDecodeJson(rest[0]));
  }
  if (args[0] != "encode") {
    return Fail(MakeError(ErrorCode::kUsage, "unknown share subcommand '" + args[0] + "'", args[0]));
  }
  auto parsed = ParseArgs(rest, ArgSpec{{"kind", "item", "inviter", "ref", "market", "signature-b64"}, {}});
  if (!parsed.ok()) return Fail(parsed.error());
  for (const char* name : {"kind", "item", "inviter", "market"}) {
    if (auto value = parsed->Required(name); !value.ok()) return Fail(value.error());
  }
  nlohmann::json request;
  request["kind"] = parsed->options.at("kind");
  request["item_id"] = parsed->options.at("item");
  request["inviter_id"] = parsed->options.at("inviter");
  request["ref_id"] = parsed->Get("ref", "");
  request["market"] = parsed->options.at("market");
  request["signature_b64"] = parsed->Get("signature-b64", "");
  // Option values are arbitrary bytes; never let dump() meet invalid UTF-8 unchecked.
  return SocialAnswer(ShareEncodeJson(request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                      kOptionOfPath);
}

}  // namespace shopcore::cli
