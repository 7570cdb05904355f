// `shopcore landed-cost RULES.json REQUEST.json`: the landed-cost breakdown
// of one order, as JSON on stdout. The first argument becomes the snapshot
// once snapshots carry tax rules; only LoadTaxRules changes then.
#include "../args.h"
#include "commands.h"
#include "shopcore/tax.h"

namespace shopcore::cli {
namespace {

const char kLandedCostUsage[] = "usage: shopcore landed-cost RULES.json REQUEST.json\n";

Error WithFile(const Error& error, const std::string& file) {
  return MakeError(error.code, error.message, error.path.empty() ? file : file + ":" + error.path);
}

// Where the tax rules come from: the one function to swap for the snapshot.
Result<tax::TaxRules> LoadTaxRules(const std::string& path, const CommandContext& context) {
  auto bytes = context.files->ReadFile(path);
  if (!bytes.ok()) return bytes.error();
  auto rules = tax::ParseTaxRulesJson(*bytes);
  if (!rules.ok()) return WithFile(rules.error(), path);
  return rules;
}

}  // namespace

CommandOutput LandedCostCommand(const Args& args, const CommandContext& context) {
  auto parsed = ParseArgs(args, ArgSpec{});
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.size() != 2) return CommandOutput{2, "", kLandedCostUsage};
  auto rules = LoadTaxRules(parsed->positionals[0], context);
  if (!rules.ok()) return Fail(rules.error());
  const std::string& request_path = parsed->positionals[1];
  auto request_bytes = context.files->ReadFile(request_path);
  if (!request_bytes.ok()) return Fail(request_bytes.error());
  auto request = tax::ParseLandedCostRequestJson(*request_bytes);
  if (!request.ok()) return Fail(WithFile(request.error(), request_path));
  auto cost = tax::ComputeLandedCost(*rules, *request);
  if (!cost.ok()) return Fail(WithFile(cost.error(), request_path));
  auto text = tax::LandedCostToJson(*cost);
  if (!text.ok()) return Fail(text.error());
  return CommandOutput{0, *text, ""};
}

}  // namespace shopcore::cli
