// Order bytes as the server receives them from a client (schemas/order.fbs):
// cart::VerifyOrder against the fuzz catalog's snapshot (fuzz_catalog.h).
// Invariants: no crash or UB (the verifier stops hostile buffers before any
// read); bytes that are not an Order are BAD_REQUEST at "order", an Order of
// another schema version UNSUPPORTED_VERSION at "order.schema_version"; a request
// the server cannot price is that request's error, at a path under
// "order.request_json"; an accepted order gives a well-formed UTF-8 JSON
// report whose "ok" is the verdict, the same bytes twice.
#include <string>

#include "fuzz_catalog.h"
#include "fuzz_support.h"
#include "shopcore/cart/order.h"
#include "shopcore/json/checked.h"

namespace shopcore::fuzz {
namespace {

std::string Request(const std::string& market, const std::string& lines, const std::string& extra = "") {
  return R"({"market":")" + market + R"(","now":)" + std::to_string(kFuzzNow) + R"(,"lines":)" + lines +
         (extra.empty() ? "" : "," + extra) + "}";
}

}  // namespace

// Orders built by the client code from real requests.
std::vector<std::string> FuzzSeeds() {
  std::vector<std::string> seeds;
  for (const std::string& request : {
           Request("DE", R"([{"sku":"sku-1a","qty":2}])",
                   R"("wallet":[{"id":"c-5off","state":"unused"},{"id":"c-10pct","state":"unused"}])"),
           Request("DE", R"([{"sku":"sku-1b","qty":1},{"sku":"sku-1a","qty":20}])",
                   R"("member_tier":"tier-gold","points_balance":5000)"),
           Request("CN", R"([{"sku":"sku-1b","qty":1}])", R"("activity":{"kind":"group","id":"gb-1","leader":false})"),
           Request("US", R"([{"sku":"sku-1b","qty":1}])"),
       }) {
    auto order = cart::BuildOrder(FuzzSnapshot(), request);
    if (!order.ok()) Violation("a seed order does not build: " + order.error().ToString());
    seeds.push_back(*order);
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto verified = cart::VerifyOrder(FuzzSnapshot(), bytes);
  if (!verified.ok()) {
    const Error& error = verified.error();
    const bool not_an_order = error.code == ErrorCode::kBadRequest && error.path == "order";
    const bool other_version = error.code == ErrorCode::kUnsupportedVersion && error.path == "order.schema_version";
    const bool unpriceable = error.path.rfind("order.request_json", 0) == 0;
    Check(not_an_order || other_version || unpriceable, "a rejected order reports " + error.ToString());
    return 0;
  }
  Check(IsValidUtf8(verified->json), "the verification report is not UTF-8");
  auto report = json::Parse(verified->json);
  Check(report.ok() && report->is_object() && report->contains("ok") && (*report)["ok"].is_boolean(),
        "the verification report is not a JSON object with ok");
  Check((*report)["ok"].get<bool>() == verified->ok, "the report's ok is not the verdict");
  auto again = cart::VerifyOrder(FuzzSnapshot(), bytes);
  Check(again.ok() && again->json == verified->json, "the same order verified twice gives other bytes");
  return 0;
}
