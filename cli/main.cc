// The native `shopcore` command: RunCommand over the real disk.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "command.h"

#ifndef SHOPCORE_DEFAULT_LOCALE_DIR
#define SHOPCORE_DEFAULT_LOCALE_DIR "locale"
#endif

namespace {

class DiskFileSystem : public shopcore::cli::FileSystem {
 public:
  shopcore::Result<std::string> ReadFile(const std::string& path) override {
    std::ifstream in(path, std::ios::binary);
    if (!in) return shopcore::MakeError(shopcore::ErrorCode::kIoError, "cannot read " + path, path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  shopcore::Status WriteFile(const std::string& path, const std::string& bytes) override {
    // Write beside the target, then rename: a failed write never leaves a
    // half-written file where a good one was.
    std::string temp = path + ".tmp";
    {
      std::ofstream out(temp, std::ios::binary | std::ios::trunc);
      if (!out || !out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
        std::remove(temp.c_str());
        return shopcore::MakeError(shopcore::ErrorCode::kIoError, "cannot write " + path, path);
      }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
      std::remove(temp.c_str());
      return shopcore::MakeError(shopcore::ErrorCode::kIoError, "cannot write " + path, path);
    }
    return shopcore::Status::Ok();
  }
};

}  // namespace

int main(int argc, char** argv) {
  DiskFileSystem files;
  shopcore::cli::CommandContext context;
  context.files = &files;
  const char* locale_dir = std::getenv("SHOPCORE_LOCALE_DIR");
  context.locale_dir = locale_dir && *locale_dir ? locale_dir : SHOPCORE_DEFAULT_LOCALE_DIR;
  auto output = shopcore::cli::RunCommand(std::vector<std::string>(argv + 1, argv + argc), context);
  std::fwrite(output.out.data(), 1, output.out.size(), stdout);
  std::fwrite(output.err.data(), 1, output.err.size(), stderr);
  return output.exit_code;
}
