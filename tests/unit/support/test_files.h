// The CLI's FileSystem for tests: files a test puts in memory, then the
// real disk for fixtures in the source tree (NODERAWFS under wasm). Writes
// land in memory, so a test reads back what a command wrote and never
// changes the disk.
#ifndef SHOPCORE_TESTS_UNIT_SUPPORT_TEST_FILES_H_
#define SHOPCORE_TESTS_UNIT_SUPPORT_TEST_FILES_H_

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "command.h"
#include "shopcore/status.h"

namespace shopcore::test_support {

class TestFiles : public cli::FileSystem {
 public:
  Result<std::string> ReadFile(const std::string& path) override {
    auto it = files.find(path);
    if (it != files.end()) return it->second;
    std::ifstream in(path, std::ios::binary);
    if (!in) return MakeError(ErrorCode::kIoError, "cannot read " + path, path);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
  }
  Status WriteFile(const std::string& path, const std::string& bytes) override {
    files[path] = bytes;
    return Status::Ok();
  }

  std::map<std::string, std::string> files;
};

}  // namespace shopcore::test_support

#endif  // SHOPCORE_TESTS_UNIT_SUPPORT_TEST_FILES_H_
