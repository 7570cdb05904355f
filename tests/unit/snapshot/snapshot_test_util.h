// Shared by the snapshot tests: the small fixture catalog and ways to build
// variants of it.
#ifndef SHOPCORE_TESTS_UNIT_SNAPSHOT_SNAPSHOT_TEST_UTIL_H_
#define SHOPCORE_TESTS_UNIT_SNAPSHOT_SNAPSHOT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "shopcore/json/checked.h"
#include "shopcore/snapshot.h"

namespace shopcore::testing {

inline std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline json::OrderedJson SmallCatalog() {
  auto parsed = json::ParseOrdered(ReadFileOrDie(std::string(SHOPCORE_SOURCE_DIR) +
                                                 "/tests/unit/snapshot/fixtures/small-catalog.json"));
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  return parsed.ok() ? *parsed : json::OrderedJson();
}

// The fixture with an edit applied, built; the Result as BuildSnapshot gives it.
inline Result<std::string> BuildEdited(const std::function<void(json::OrderedJson&)>& edit) {
  json::OrderedJson catalog = SmallCatalog();
  edit(catalog);
  return BuildSnapshot(json::Dump(catalog));
}

inline std::string SmallSnapshot() {
  auto bytes = BuildEdited([](json::OrderedJson&) {});
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  return bytes.ok() ? *bytes : std::string();
}

}  // namespace shopcore::testing

#endif  // SHOPCORE_TESTS_UNIT_SNAPSHOT_SNAPSHOT_TEST_UTIL_H_
