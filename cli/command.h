// The shopcore command line as a pure function: arguments and a file system
// in, stdout/stderr bytes and an exit code out. The native `shopcore` binary
// and the wasm build under Node (scripts/shopcore --wasm) both call
// RunCommand, so the two print identical bytes for the same arguments.
#ifndef SHOPCORE_CLI_COMMAND_H_
#define SHOPCORE_CLI_COMMAND_H_

#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore::cli {

// What a command may touch outside itself. Natively it is the disk; in wasm
// it is Node's fs, reached through the binding.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual Result<std::string> ReadFile(const std::string& path) = 0;
  virtual Status WriteFile(const std::string& path, const std::string& bytes) = 0;
};

struct CommandOutput {
  int exit_code = 0;
  std::string out;
  std::string err;
};

struct CommandContext {
  FileSystem* files = nullptr;
  // Folder of generated locale packs (<tag>.json); the caller decides where
  // (SHOPCORE_LOCALE_DIR or the build's own folder) so both targets agree.
  std::string locale_dir;
};

// Exit codes: 0 success, 1 the input was rejected (error on stderr as
// "error: CODE at PATH: message"), 2 usage error.
CommandOutput RunCommand(const std::vector<std::string>& args, const CommandContext& context);

}  // namespace shopcore::cli

#endif  // SHOPCORE_CLI_COMMAND_H_
