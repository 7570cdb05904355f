#include "snapshot_files.h"

namespace shopcore::cli {

Error InFile(const Error& error, const std::string& file) {
  return MakeError(error.code, error.message, error.path.empty() ? file : file + ":" + error.path);
}

Result<std::shared_ptr<const Snapshot>> OpenSnapshotFile(const std::string& path, const CommandContext& context) {
  auto bytes = context.files->ReadFile(path);
  if (!bytes.ok()) return bytes.error();
  auto opened = Snapshot::Open(std::move(*bytes));
  if (!opened.ok()) return InFile(opened.error(), path);
  return opened;
}

}  // namespace shopcore::cli
