// Orders: the client builds one from its price request, the server verifies
// it by re-pricing; an honest order verifies, tampered totals and a stale
// snapshot are caught and each difference is named.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "cart/price_test_snapshot.h"
#include "shopcore/cart/order.h"
#include "shopcore/schema/order_generated.h"

namespace shopcore::cart {
namespace {

using testing::OpenCatalog;
using testing::Request;
using testing::TestCatalog;
using testing::TestSnapshot;

const std::string kRequest = Request("DE", R"([{"sku":"serum","qty":2}])",
                                     R"("wallet":[{"id":"c-5off","state":"unused"},{"id":"c-10pct","state":"unused"}])");

// Overwrites client_totals.payable in place (little-endian int64), as a
// client that edits the bytes would.
std::string WithPayable(std::string bytes, int64_t payable) {
  const auto* order = schema::GetOrder(bytes.data());
  // Generated tables derive privately from flatbuffers::Table; the layout is the same.
  const auto* table = reinterpret_cast<const flatbuffers::Table*>(order->client_totals());
  const uint8_t* field = table->GetAddressOf(schema::OrderTotals::VT_PAYABLE);
  EXPECT_NE(field, nullptr);
  if (field == nullptr) return bytes;
  const size_t offset = static_cast<size_t>(field - reinterpret_cast<const uint8_t*>(bytes.data()));
  for (int i = 0; i < 8; ++i) bytes[offset + i] = static_cast<char>((static_cast<uint64_t>(payable) >> (8 * i)) & 0xff);
  return bytes;
}

TEST(Order, AnHonestOrderVerifies) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto order = BuildOrder(*snapshot, kRequest);
  ASSERT_TRUE(order.ok()) << order.error().ToString();
  const auto* parsed = schema::GetOrder(order->data());
  // 2 x 14.99 - 5.00 + postage 4.95 (free only from 49.00).
  EXPECT_EQ(parsed->client_totals()->payable(), 2993);
  auto verified = VerifyOrder(*snapshot, *order);
  ASSERT_TRUE(verified.ok()) << verified.error().ToString();
  EXPECT_TRUE(verified->ok) << verified->json;
  EXPECT_NE(verified->json.find(R"("differences":[])"), std::string::npos) << verified->json;
}

TEST(Order, TamperedTotalsAreReportedFieldByField) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto order = BuildOrder(*snapshot, kRequest);
  ASSERT_TRUE(order.ok());
  auto verified = VerifyOrder(*snapshot, WithPayable(*order, 100));
  ASSERT_TRUE(verified.ok()) << verified.error().ToString();
  EXPECT_FALSE(verified->ok);
  EXPECT_NE(verified->json.find(R"({"field":"totals.payable","client":"1.00","server":"29.93"})"), std::string::npos)
      << verified->json;
}

TEST(Order, AnotherSnapshotOrPriceIsADifference) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto order = BuildOrder(*snapshot, kRequest);
  ASSERT_TRUE(order.ok());
  auto catalog = TestCatalog();
  catalog["snapshot_id"] = "price-test-2";
  catalog["items"][0]["skus"][0]["price"]["DE"]["amount"] = 2099;
  auto newer = OpenCatalog(catalog);
  ASSERT_NE(newer, nullptr);
  auto verified = VerifyOrder(*newer, *order);
  ASSERT_TRUE(verified.ok());
  EXPECT_FALSE(verified->ok);
  EXPECT_NE(verified->json.find(R"({"field":"snapshot_id","client":"price-test","server":"price-test-2"})"),
            std::string::npos)
      << verified->json;
  EXPECT_NE(verified->json.find(R"("field":"hash")"), std::string::npos) << verified->json;
  EXPECT_NE(verified->json.find(R"("field":"totals.payable")"), std::string::npos) << verified->json;
}

TEST(Order, BytesThatAreNotAnOrderAreRefused) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto verified = VerifyOrder(*snapshot, "not an order at all");
  ASSERT_FALSE(verified.ok());
  EXPECT_EQ(verified.error().code, ErrorCode::kBadRequest);
  auto order = BuildOrder(*snapshot, kRequest);
  ASSERT_TRUE(order.ok());
  auto truncated = VerifyOrder(*snapshot, order->substr(0, order->size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().code, ErrorCode::kBadRequest);
}

// Found by fuzz `order`: Order bytes that verify but carry another schema
// version are UNSUPPORTED_VERSION at order.schema_version (not BAD_REQUEST),
// so a client newer than the server is told so instead of "not an order".
TEST(Order, AnotherSchemaVersionIsUnsupportedVersion) {
  auto snapshot = TestSnapshot();
  ASSERT_NE(snapshot, nullptr);
  auto order = BuildOrder(*snapshot, kRequest);
  ASSERT_TRUE(order.ok());
  const auto* table = reinterpret_cast<const flatbuffers::Table*>(schema::GetOrder(order->data()));
  const uint8_t* field = table->GetAddressOf(schema::Order::VT_SCHEMA_VERSION);
  ASSERT_NE(field, nullptr);
  const size_t offset = static_cast<size_t>(field - reinterpret_cast<const uint8_t*>(order->data()));
  for (uint32_t version : {0u, 99u}) {
    std::string bytes = *order;
    for (int i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((version >> (8 * i)) & 0xff);
    auto verified = VerifyOrder(*snapshot, bytes);
    ASSERT_FALSE(verified.ok()) << version;
    EXPECT_EQ(verified.error().code, ErrorCode::kUnsupportedVersion);
    EXPECT_EQ(verified.error().path, "order.schema_version");
    EXPECT_EQ(verified.error().message, "order schema version " + std::to_string(version));
  }
}

}  // namespace
}  // namespace shopcore::cart
