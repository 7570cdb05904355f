// `shopcore price SNAP.bin REQUEST.json`: a cart priced from a snapshot
// (shopcore/cart/price_json.h), with display strings in the market's locale
// when the locale folder has its pack.
#include "../args.h"
#include "../locale_files.h"
#include "../snapshot_files.h"
#include "commands.h"
#include "shopcore/cart/price_json.h"
#include "shopcore/snapshot/snapshot.h"

namespace shopcore::cli {
namespace {

const char kPriceUsage[] = "usage: shopcore price SNAP.bin REQUEST.json\n";

}  // namespace

CommandOutput PriceCommand(const Args& args, const CommandContext& context) {
  auto parsed = ParseArgs(args, ArgSpec{});
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.size() != 2) return CommandOutput{2, "", kPriceUsage};
  auto snapshot = OpenSnapshotFile(parsed->positionals[0], context);
  if (!snapshot.ok()) return Fail(snapshot.error());
  const std::string& request_path = parsed->positionals[1];
  auto request = context.files->ReadFile(request_path);
  if (!request.ok()) return Fail(request.error());
  auto market_id = cart::RequestMarket(*request);
  if (!market_id.ok()) return Fail(InFile(market_id.error(), request_path));
  // The pack is optional: without one the output simply has no "display".
  Result<LocalePack> pack = MakeError(ErrorCode::kUnknownLocale, "no market");
  if (const schema::Market* market = (*snapshot)->FindMarket(*market_id)) {
    if (market->locale() != nullptr) pack = LoadLocalePack(context, market->locale()->str());
  }
  auto text = cart::PriceJson(**snapshot, *request, pack.ok() ? &*pack : nullptr);
  if (!text.ok()) return Fail(InFile(text.error(), request_path));
  return CommandOutput{0, *text + "\n", ""};
}

}  // namespace shopcore::cli
