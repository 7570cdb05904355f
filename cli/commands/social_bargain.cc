// `shopcore bargain schedule|validate|progress`: bargain 砍价 cut schedules
// replayed from a server seed, campaign validation and progress at `now`.
#include <nlohmann/json.hpp>

#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {
namespace {

const char kBargainUsage[] =
    "usage: shopcore bargain schedule --start-minor N --floor-minor N --helpers K --seed S [--stream Q] [--currency CUR]\n"
    "       shopcore bargain validate --start-minor N --floor-minor N --helpers K [--cuts C1,C2,...] [--currency CUR]\n"
    "       shopcore bargain progress --request FILE.json\n";

const std::map<std::string, std::string> kOptionOfPath = {
    {"campaign.start_minor", "--start-minor"}, {"campaign.floor_minor", "--floor-minor"},
    {"campaign.helpers", "--helpers"},         {"campaign.currency", "--currency"},
    {"seed.state", "--seed"},                  {"seed.stream", "--stream"},
    {"cuts", "--cuts"}};

// The campaign part of a request from options; numbers stay strings so the
// codec checks them exactly as it checks JSON.
nlohmann::json CampaignFromOptions(const ParsedArgs& parsed) {
  nlohmann::json campaign;
  campaign["currency"] = parsed.Get("currency", "CNY");
  campaign["start_minor"] = parsed.options.at("start-minor");
  campaign["floor_minor"] = parsed.options.at("floor-minor");
  campaign["helpers"] = parsed.options.at("helpers");
  campaign["time_limit_ms"] = "86400000";  // unused by schedule and validate
  return campaign;
}

CommandOutput FromOptions(const std::string& op, const Args& args) {
  ArgSpec spec{{"start-minor", "floor-minor", "helpers", "currency"}, {}};
  if (op == "schedule") {
    spec.options.insert("seed");
    spec.options.insert("stream");
  } else {
    spec.options.insert("cuts");
  }
  auto parsed = ParseArgs(args, spec);
  if (!parsed.ok()) return Fail(parsed.error());
  if (!parsed->positionals.empty()) {
    return Fail(MakeError(ErrorCode::kUsage, "unexpected argument '" + parsed->positionals[0] + "'", parsed->positionals[0]));
  }
  std::vector<const char*> required = {"start-minor", "floor-minor", "helpers"};
  if (op == "schedule") required.push_back("seed");
  for (const char* name : required) {
    if (auto value = parsed->Required(name); !value.ok()) return Fail(value.error());
  }
  nlohmann::json request;
  request["campaign"] = CampaignFromOptions(*parsed);
  if (op == "schedule") {
    request["seed"] = {{"state", parsed->options.at("seed")}, {"stream", parsed->Get("stream", "0")}};
  } else if (parsed->Has("cuts")) {
    nlohmann::json cuts = nlohmann::json::array();
    const std::string& text = parsed->options.at("cuts");
    size_t start = 0;
    while (true) {
      size_t comma = text.find(',', start);
      cuts.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    request["cuts"] = cuts;
  }
  auto answer = BargainOperationJson(op, request.dump());
  if (!answer.ok() && answer.error().path.compare(0, 5, "cuts[") == 0) {
    Error error = answer.error();
    error.path = "--cuts" + error.path.substr(4);
    return Fail(error);
  }
  return SocialAnswer(answer, kOptionOfPath);
}

}  // namespace

CommandOutput BargainCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kBargainUsage};
  Args rest(args.begin() + 1, args.end());
  if (args[0] == "schedule" || args[0] == "validate") return FromOptions(args[0], rest);
  if (args[0] == "progress") {
    auto parsed = ParseArgs(rest, ArgSpec{{"request"}, {}});
    if (!parsed.ok()) return Fail(parsed.error());
    auto request = ReadRequest(*parsed, context);
    if (!request.ok()) return Fail(request.error());
    return SocialAnswer(BargainOperationJson("progress", *request));
  }
  return Fail(MakeError(ErrorCode::kUsage, "unknown bargain subcommand '" + args[0] + "'", args[0]));
}

}  // namespace shopcore::cli
