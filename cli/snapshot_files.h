// Reading a snapshot file for a command: read through context.files, open
// (verify) it, and name the file in any error's path.
#ifndef SHOPCORE_CLI_SNAPSHOT_FILES_H_
#define SHOPCORE_CLI_SNAPSHOT_FILES_H_

#include <memory>
#include <string>

#include "command.h"
#include "shopcore/snapshot/snapshot.h"

namespace shopcore::cli {

Result<std::shared_ptr<const Snapshot>> OpenSnapshotFile(const std::string& path, const CommandContext& context);

// The error with the file prefixed to its path ("req.json:lines[0]").
Error InFile(const Error& error, const std::string& file);

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_SNAPSHOT_FILES_H_
