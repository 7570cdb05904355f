// `shopcore order build SNAP.bin REQUEST.json -o ORDER.bin` (the client:
// price and seal the order) and `shopcore order verify SNAP.bin ORDER.bin`
// (the server: re-price and list every difference; exit 1 on any).
#include "../args.h"
#include "../snapshot_files.h"
#include "commands.h"
#include "shopcore/cart/order.h"

namespace shopcore::cli {
namespace {

const char kOrderUsage[] =
    "usage: shopcore order build SNAP.bin REQUEST.json -o ORDER.bin\n"
    "       shopcore order verify SNAP.bin ORDER.bin\n";

CommandOutput Build(const ParsedArgs& parsed, const CommandContext& context) {
  if (parsed.positionals.size() != 3 || !parsed.Has("out")) return CommandOutput{2, "", kOrderUsage};
  auto snapshot = OpenSnapshotFile(parsed.positionals[1], context);
  if (!snapshot.ok()) return Fail(snapshot.error());
  const std::string& request_path = parsed.positionals[2];
  auto request = context.files->ReadFile(request_path);
  if (!request.ok()) return Fail(request.error());
  auto order = cart::BuildOrder(**snapshot, *request);
  if (!order.ok()) return Fail(InFile(order.error(), request_path));
  if (auto written = context.files->WriteFile(parsed.options.at("out"), *order); !written.ok()) {
    return Fail(written.error());
  }
  return CommandOutput{0, "", ""};
}

CommandOutput Verify(const ParsedArgs& parsed, const CommandContext& context) {
  if (parsed.positionals.size() != 3 || parsed.Has("out")) return CommandOutput{2, "", kOrderUsage};
  auto snapshot = OpenSnapshotFile(parsed.positionals[1], context);
  if (!snapshot.ok()) return Fail(snapshot.error());
  const std::string& order_path = parsed.positionals[2];
  auto bytes = context.files->ReadFile(order_path);
  if (!bytes.ok()) return Fail(bytes.error());
  auto verified = cart::VerifyOrder(**snapshot, *bytes);
  if (!verified.ok()) return Fail(InFile(verified.error(), order_path));
  return CommandOutput{verified->ok ? 0 : 1, verified->json + "\n", ""};
}

}  // namespace

CommandOutput OrderCommand(const Args& args, const CommandContext& context) {
  Args normalized;
  for (const auto& arg : args) normalized.push_back(arg == "-o" ? "--out" : arg);
  ArgSpec spec;
  spec.options = {"out"};
  auto parsed = ParseArgs(normalized, spec);
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.empty()) return CommandOutput{2, "", kOrderUsage};
  if (parsed->positionals[0] == "build") return Build(*parsed, context);
  if (parsed->positionals[0] == "verify") return Verify(*parsed, context);
  return CommandOutput{2, "", kOrderUsage};
}

}  // namespace shopcore::cli
