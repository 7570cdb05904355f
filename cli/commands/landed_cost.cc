// `shopcore landed-cost SNAP.bin|RULES.json REQUEST.json`: the landed-cost
// breakdown of one order, as JSON on stdout. The rules come from a catalog
// snapshot (its tax rules, tax/snapshot_tax_rules.h: domestic rules only so
// far) or from a rules JSON file (data/tax-rules.json: import regimes too);
// the file's own bytes say which.
#include "../args.h"
#include "commands.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/tax.h"
#include "shopcore/tax/snapshot_tax_rules.h"

namespace shopcore::cli {
namespace {

const char kLandedCostUsage[] = "usage: shopcore landed-cost SNAP.bin|RULES.json REQUEST.json\n";

Error WithFile(const Error& error, const std::string& file) {
  return MakeError(error.code, error.message, error.path.empty() ? file : file + ":" + error.path);
}

// A size-prefixed catalog snapshot has its identifier at bytes 8-11; JSON
// never does.
bool LooksLikeSnapshot(const std::string& bytes) { return bytes.size() >= 12 && bytes.compare(8, 4, "SCAT") == 0; }

// Where the tax rules come from: a snapshot or a rules JSON file.
Result<tax::TaxRules> LoadTaxRules(const std::string& path, const CommandContext& context) {
  auto bytes = context.files->ReadFile(path);
  if (!bytes.ok()) return bytes.error();
  if (LooksLikeSnapshot(*bytes)) {
    auto snapshot = Snapshot::Open(std::move(*bytes));
    if (!snapshot.ok()) return WithFile(snapshot.error(), path);
    auto rules = tax::TaxRulesFromSnapshot(**snapshot);
    if (!rules.ok()) return WithFile(rules.error(), path);
    return rules;
  }
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
