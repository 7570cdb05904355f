// A test fixture's bytes ("" when the file cannot be read: the test's own
// assertions on the content then fail with the content in view).
#ifndef SHOPCORE_TESTS_UNIT_SUPPORT_READ_FILE_H_
#define SHOPCORE_TESTS_UNIT_SUPPORT_READ_FILE_H_

#include <fstream>
#include <sstream>
#include <string>

namespace shopcore::test_support {

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace shopcore::test_support

#endif  // SHOPCORE_TESTS_UNIT_SUPPORT_READ_FILE_H_
