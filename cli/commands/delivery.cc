// `shopcore delivery SNAP.bin REQUEST.json`: the delivery plans of a cart
// (parcels, methods, shipping cost, dates, cutoff countdown) as JSON on
// stdout, with delivery promises in the request's locale when it names one.
// Warehouses, stock, methods, calendars, prices, weights and boxes come from
// the snapshot; the request names SKUs and quantities
// (shopcore/fulfilment/snapshot_fulfilment.h).
//
// `shopcore delivery FULFILMENT.json REQUEST.json` plans from the JSON form
// instead (shopcore/fulfilment/fulfilment_json.h: the request then carries
// prices, weights and boxes), for data that is not in a snapshot yet.
#include <optional>

#include "../args.h"
#include "../locale_files.h"
#include "../snapshot_files.h"
#include "commands.h"
#include "shopcore/fulfilment.h"
#include "shopcore/fulfilment/snapshot_fulfilment.h"

namespace shopcore::cli {
namespace {

const char kDeliveryUsage[] = "usage: shopcore delivery SNAP.bin|FULFILMENT.json REQUEST.json\n";

// The JSON form is an object; a snapshot is a FlatBuffer, never text
// starting with '{'.
bool LooksLikeJson(const std::string& bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

// The pack is loaded before planning so a bad locale fails fast.
Result<std::optional<LocalePack>> RequestPack(const fulfilment::ParsedDeliveryRequest& request,
                                              const CommandContext& context) {
  if (request.locale.empty()) return std::optional<LocalePack>();
  auto loaded = LoadLocalePack(context, request.locale);
  if (!loaded.ok()) return loaded.error();
  return std::optional<LocalePack>(std::move(*loaded));
}

CommandOutput FromSnapshot(const std::string& snapshot_path, const std::string& request_path,
                           const std::string& request_bytes, const CommandContext& context) {
  auto snapshot = OpenSnapshotFile(snapshot_path, context);
  if (!snapshot.ok()) return Fail(snapshot.error());
  auto request = fulfilment::ParseSnapshotDeliveryRequestJson(**snapshot, request_bytes);
  if (!request.ok()) return Fail(InFile(request.error(), request_path));
  auto pack = RequestPack(*request, context);
  if (!pack.ok()) return Fail(InFile(pack.error(), request_path));
  auto text = fulfilment::PlanSnapshotDeliveryJson(**snapshot, *request, *pack ? &**pack : nullptr);
  if (!text.ok()) {
    // Snapshot data errors name the snapshot, request errors the request.
    const Error& error = text.error();
    bool in_snapshot = error.path.rfind("calendars[", 0) == 0 || error.path.rfind("warehouses[", 0) == 0 ||
                       error.path.rfind("shipping_methods[", 0) == 0;
    return Fail(InFile(error, in_snapshot ? snapshot_path : request_path));
  }
  return CommandOutput{0, *text, ""};
}

CommandOutput FromJsonForm(const std::string& data_path, const std::string& data_bytes, const std::string& request_path,
                           const std::string& request_bytes, const CommandContext& context) {
  auto data = fulfilment::ParseFulfilmentJson(data_bytes);
  if (!data.ok()) return Fail(InFile(data.error(), data_path));
  auto request = fulfilment::ParseDeliveryRequestJson(request_bytes);
  if (!request.ok()) return Fail(InFile(request.error(), request_path));
  auto pack = RequestPack(*request, context);
  if (!pack.ok()) return Fail(InFile(pack.error(), request_path));
  auto options = fulfilment::PlanDelivery(*data, request->request);
  if (!options.ok()) return Fail(InFile(options.error(), request_path));
  auto text = fulfilment::DeliveryOptionsToJson(*options, *pack ? &**pack : nullptr);
  if (!text.ok()) return Fail(InFile(text.error(), request_path));
  return CommandOutput{0, *text, ""};
}

}  // namespace

CommandOutput DeliveryCommand(const Args& args, const CommandContext& context) {
  auto parsed = ParseArgs(args, ArgSpec{});
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.size() != 2) return CommandOutput{2, "", kDeliveryUsage};
  const std::string& data_path = parsed->positionals[0];
  const std::string& request_path = parsed->positionals[1];
  auto data_bytes = context.files->ReadFile(data_path);
  if (!data_bytes.ok()) return Fail(data_bytes.error());
  auto request_bytes = context.files->ReadFile(request_path);
  if (!request_bytes.ok()) return Fail(request_bytes.error());
  if (LooksLikeJson(*data_bytes)) return FromJsonForm(data_path, *data_bytes, request_path, *request_bytes, context);
  return FromSnapshot(data_path, request_path, *request_bytes, context);
}

}  // namespace shopcore::cli
