// `shopcore recommend SNAP.bin REQUEST.json`: one page of recommendations
// from the snapshot's model data, as JSON on stdout (reco::RecommendJson:
// the same bytes natively and under --wasm).
#include "../args.h"
#include "commands.h"
#include "shopcore/reco/snapshot_model.h"
#include "shopcore/snapshot/snapshot.h"

namespace shopcore::cli {
namespace {

const char kRecommendUsage[] =
    "usage: shopcore recommend SNAP.bin REQUEST.json\n"
    "  REQUEST.json: {\"request\": {...}, \"profile\": {...}?, \"shopper_id\": \"...\"?, \"events\": [...]?}\n";

Error WithFile(const Error& error, const std::string& file) {
  return MakeError(error.code, error.message, error.path.empty() ? file : file + ":" + error.path);
}

}  // namespace

CommandOutput RecommendCommand(const Args& args, const CommandContext& context) {
  auto parsed = ParseArgs(args, ArgSpec{});
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.size() != 2) return CommandOutput{2, "", kRecommendUsage};
  const std::string& snapshot_path = parsed->positionals[0];
  const std::string& request_path = parsed->positionals[1];
  auto bytes = context.files->ReadFile(snapshot_path);
  if (!bytes.ok()) return Fail(bytes.error());
  auto snapshot = Snapshot::Open(std::move(*bytes));
  if (!snapshot.ok()) return Fail(WithFile(snapshot.error(), snapshot_path));
  auto request = context.files->ReadFile(request_path);
  if (!request.ok()) return Fail(request.error());
  auto model = reco::SnapshotModel::Open(*snapshot);
  if (!model.ok()) return Fail(WithFile(model.error(), snapshot_path));
  auto result = reco::RecommendJson(**model, *request);
  if (!result.ok()) return Fail(WithFile(result.error(), request_path));
  return CommandOutput{0, *result + "\n", ""};
}

}  // namespace shopcore::cli
