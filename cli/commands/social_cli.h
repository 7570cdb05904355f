// Shared plumbing of the social commands (group, bargain, share, pickup,
// referral): every command turns its options into the same JSON request the
// JS API takes and calls the module's codec, so the CLI, the bindings and
// the server print the same answer for the same input.
#ifndef SHOPCORE_CLI_COMMANDS_SOCIAL_CLI_H_
#define SHOPCORE_CLI_COMMANDS_SOCIAL_CLI_H_

#include <map>
#include <string>
#include <utility>

#include "../args.h"
#include "commands.h"

namespace shopcore::cli {

// Prints the codec's answer, or fails with its error; a JSON path that came
// from an option is renamed to the option ("campaign.helpers" -> "--helpers").
inline CommandOutput SocialAnswer(const Result<std::string>& answer,
                                  const std::map<std::string, std::string>& option_of_path = {}) {
  if (!answer.ok()) {
    Error error = answer.error();
    auto renamed = option_of_path.find(error.path);
    if (renamed != option_of_path.end()) error.path = renamed->second;
    return Fail(error);
  }
  return CommandOutput{0, *answer + "\n", ""};
}

// `--request FILE`: the JSON request read through the context's file system.
inline Result<std::string> ReadRequest(const ParsedArgs& parsed, const CommandContext& context) {
  auto path = parsed.Required("request");
  if (!path.ok()) return path.error();
  if (!context.files) return MakeError(ErrorCode::kIoError, "no file system", "--request");
  return context.files->ReadFile(*path);
}

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_COMMANDS_SOCIAL_CLI_H_
