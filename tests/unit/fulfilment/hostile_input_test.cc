// Hostile input never crashes: every truncation and many single-byte
// mutations of the fixture data and a request are either planned or
// rejected with an Error (run under ASan+UBSan and SAFE_HEAP by scripts/test).
#include <gtest/gtest.h>

#include "fulfilment/fulfilment_test_util.h"

namespace shopcore::fulfilment {
namespace {

using testing::FixturePath;
using testing::ReadFileBytes;

// Plans when both parse; returns how many inputs were accepted.
int Exercise(const std::string& data_json, const std::string& request_json) {
  auto data = ParseFulfilmentJson(data_json);
  auto request = ParseDeliveryRequestJson(request_json);
  if (!data.ok()) {
    EXPECT_NE(data.error().code, ErrorCode::kOk);
  }
  if (!request.ok()) {
    EXPECT_NE(request.error().code, ErrorCode::kOk);
  }
  if (!data.ok() || !request.ok()) return 0;
  auto options = PlanDelivery(*data, request->request);
  if (!options.ok()) {
    EXPECT_NE(options.error().code, ErrorCode::kOk);
    return 0;
  }
  auto text = DeliveryOptionsToJson(*options, nullptr);
  EXPECT_TRUE(text.ok());
  return 1;
}

std::vector<std::string> Mutations(const std::string& text) {
  std::vector<std::string> out;
  const char kBytes[] = {'"', '9', '-', '{', ']', 'x', '\0', '\xff'};
  for (size_t i = 0; i < text.size(); i += 3) {
    out.push_back(text.substr(0, i));
    std::string changed = text;
    changed[i] = kBytes[(i / 3) % sizeof kBytes];
    out.push_back(changed);
  }
  return out;
}

TEST(HostileInputTest, MutatedDataIsPlannedOrRejected) {
  const std::string data = ReadFileBytes(FixturePath("fulfilment.json"));
  const std::string request = ReadFileBytes(FixturePath("request-split.json"));
  ASSERT_EQ(Exercise(data, request), 1);
  int accepted = 0;
  for (const std::string& mutated : Mutations(data)) accepted += Exercise(mutated, request);
  EXPECT_GT(accepted, 0);  // some mutations (in names, digits) are still valid data
}

TEST(HostileInputTest, MutatedRequestsArePlannedOrRejected) {
  const std::string data = ReadFileBytes(FixturePath("fulfilment.json"));
  const std::string request = ReadFileBytes(FixturePath("request-split.json"));
  int accepted = 0;
  for (const std::string& mutated : Mutations(request)) accepted += Exercise(data, mutated);
  EXPECT_GT(accepted, 0);
}

}  // namespace
}  // namespace shopcore::fulfilment
