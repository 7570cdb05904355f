// `shopcore pickup slot`: the pickup date of a community group-buy order
// placed at `now` (options for one point, or a JSON request with many).
#include <optional>

#include <nlohmann/json.hpp>

#include "../locale_files.h"
#include "shopcore/social/codec.h"
#include "social_cli.h"

namespace shopcore::cli {
namespace {

const char kPickupUsage[] =
    "usage: shopcore pickup slot --utc-offset-minutes M --cutoff HH:MM --now-ms T [--weekdays 1,..,7] "
    "[--pickup-after-days D] [--id ID] [--locale L]\n"
    "       shopcore pickup slot --request FILE.json [--locale L]\n";

const std::map<std::string, std::string> kOptionOfPath = {
    {"points[0].utc_offset_minutes", "--utc-offset-minutes"},
    {"points[0].cutoff", "--cutoff"},
    {"points[0].pickup_after_days", "--pickup-after-days"},
    {"points[0].id", "--id"},
    {"points[0].cutoff_weekdays", "--weekdays"},
    {"now_ms", "--now-ms"}};

}  // namespace

CommandOutput PickupCommand(const Args& args, const CommandContext& context) {
  if (args.empty()) return CommandOutput{2, "", kPickupUsage};
  if (args[0] != "slot") {
    return Fail(MakeError(ErrorCode::kUsage, "unknown pickup subcommand '" + args[0] + "'", args[0]));
  }
  auto parsed = ParseArgs(Args(args.begin() + 1, args.end()),
                          ArgSpec{{"request", "utc-offset-minutes", "cutoff", "now-ms", "weekdays",
                                   "pickup-after-days", "id", "locale"},
                                  {}});
  if (!parsed.ok()) return Fail(parsed.error());
  // --locale adds the display strings: the pack is loaded first, so a bad
  // tag fails before any work.
  std::optional<LocalePack> pack;
  if (parsed->Has("locale")) {
    auto loaded = LoadLocalePack(context, parsed->options.at("locale"));
    if (!loaded.ok()) return Fail(loaded.error());
    pack = std::move(*loaded);
  }
  const LocalePack* display = pack ? &*pack : nullptr;
  if (parsed->Has("request")) {
    if (parsed->options.size() != (parsed->Has("locale") ? 2u : 1u)) {
      return Fail(MakeError(ErrorCode::kUsage, "--request replaces the other options", "--request"));
    }
    auto request = ReadRequest(*parsed, context);
    if (!request.ok()) return Fail(request.error());
    return SocialAnswer(PickupSlotJson(*request, display));
  }
  for (const char* name : {"utc-offset-minutes", "cutoff", "now-ms"}) {
    if (auto value = parsed->Required(name); !value.ok()) return Fail(value.error());
  }
  nlohmann::json point;
  point["id"] = parsed->Get("id", "point");
  point["utc_offset_minutes"] = parsed->options.at("utc-offset-minutes");
  point["cutoff"] = parsed->options.at("cutoff");
  point["pickup_after_days"] = parsed->Get("pickup-after-days", "1");
  if (parsed->Has("weekdays")) {
    nlohmann::json days = nlohmann::json::array();
    const std::string& text = parsed->options.at("weekdays");
    size_t start = 0;
    while (true) {
      size_t comma = text.find(',', start);
      days.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    point["cutoff_weekdays"] = days;
  }
  nlohmann::json request;
  request["points"] = nlohmann::json::array({point});
  request["point_id"] = point["id"];
  request["now_ms"] = parsed->options.at("now-ms");
  auto answer = PickupSlotJson(request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), display);
  if (!answer.ok() && answer.error().path.compare(0, 26, "points[0].cutoff_weekdays[") == 0) {
    Error error = answer.error();
    error.path = "--weekdays" + error.path.substr(25);
    return Fail(error);
  }
  return SocialAnswer(answer, kOptionOfPath);
}

}  // namespace shopcore::cli
