// `shopcore delivery FULFILMENT.json REQUEST.json`: the delivery plans of a
// cart (parcels, methods, shipping cost, dates, cutoff countdown) as JSON on
// stdout, with delivery promises in the request's locale when it names one.
// The first argument becomes the snapshot; only LoadFulfilmentData changes then.
#include <optional>

#include "../args.h"
#include "../locale_files.h"
#include "commands.h"
#include "shopcore/fulfilment.h"

namespace shopcore::cli {
namespace {

const char kDeliveryUsage[] = "usage: shopcore delivery FULFILMENT.json REQUEST.json\n";

Error InFile(const Error& error, const std::string& file) {
  return MakeError(error.code, error.message, error.path.empty() ? file : file + ":" + error.path);
}

// Where warehouses, stock, methods and calendars come from: the one function
// to swap for the snapshot.
Result<fulfilment::FulfilmentData> LoadFulfilmentData(const std::string& path, const CommandContext& context) {
  auto bytes = context.files->ReadFile(path);
  if (!bytes.ok()) return bytes.error();
  auto data = fulfilment::ParseFulfilmentJson(*bytes);
  if (!data.ok()) return InFile(data.error(), path);
  return data;
}

}  // namespace

CommandOutput DeliveryCommand(const Args& args, const CommandContext& context) {
  auto parsed = ParseArgs(args, ArgSpec{});
  if (!parsed.ok()) return Fail(parsed.error());
  if (parsed->positionals.size() != 2) return CommandOutput{2, "", kDeliveryUsage};
  auto data = LoadFulfilmentData(parsed->positionals[0], context);
  if (!data.ok()) return Fail(data.error());
  const std::string& request_path = parsed->positionals[1];
  auto request_bytes = context.files->ReadFile(request_path);
  if (!request_bytes.ok()) return Fail(request_bytes.error());
  auto request = fulfilment::ParseDeliveryRequestJson(*request_bytes);
  if (!request.ok()) return Fail(InFile(request.error(), request_path));
  // The pack is loaded before planning so a bad locale fails fast.
  std::optional<LocalePack> pack;
  if (!request->locale.empty()) {
    auto loaded = LoadLocalePack(context, request->locale);
    if (!loaded.ok()) return Fail(InFile(loaded.error(), request_path));
    pack = std::move(*loaded);
  }
  auto options = fulfilment::PlanDelivery(*data, request->request);
  if (!options.ok()) return Fail(InFile(options.error(), request_path));
  auto text = fulfilment::DeliveryOptionsToJson(*options, pack ? &*pack : nullptr);
  if (!text.ok()) return Fail(InFile(text.error(), request_path));
  return CommandOutput{0, *text, ""};
}

}  // namespace shopcore::cli
