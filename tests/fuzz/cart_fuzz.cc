// A price request as the app sends it (JSON from JS or from the CLI's
// REQUEST.json): cart::PriceJson against the fuzz catalog's snapshot
// (fuzz_catalog.h), with and without a locale pack for the display block.
// Invariants: no crash or UB; rejections use the documented codes
// (price_json.h: BAD_JSON, BAD_REQUEST, NOT_FOUND, REFUSED, plus the
// INVALID_ARGUMENT / OVERFLOW of amounts and the snapshot adapters' codes);
// an accepted request gives well-formed UTF-8 JSON, the same bytes twice,
// the same priced cart with a locale pack as without, and an order built
// from it verifies against the same snapshot with no difference (client and
// server agree to the cent).
#include <string>

#include "fuzz_catalog.h"
#include "fuzz_support.h"
#include "shopcore/cart/order.h"
#include "shopcore/cart/price_json.h"
#include "shopcore/json/checked.h"
#include "shopcore/money/locale_pack.h"

namespace shopcore::fuzz {
namespace {

std::string Request(const std::string& market, const std::string& lines, const std::string& extra = "") {
  return R"({"market":")" + market + R"(","now":)" + std::to_string(kFuzzNow) + R"(,"lines":)" + lines +
         (extra.empty() ? "" : "," + extra) + "}";
}

const LocalePack& GermanPack() {
  static const LocalePack pack = [] {
    auto parsed = LocalePack::Parse(ReadLocalePack("de-DE"));
    if (!parsed.ok()) Violation("the de-DE pack does not parse: " + parsed.error().ToString());
    return *parsed;
  }();
  return pack;
}

bool Documented(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadJson:
    case ErrorCode::kBadRequest:
    case ErrorCode::kNotFound:
    case ErrorCode::kRefused:
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kOverflow:
    case ErrorCode::kConflict:
      return true;
    default:
      return false;
  }
}

}  // namespace

// Requests of every shape price_json.h documents, each accepted by the
// fuzz catalog (the seed writer runs them once: a seed that stops pricing
// still seeds, but the checks below then see its error's code).
std::vector<std::string> FuzzSeeds() {
  return {
      Request("DE", R"([{"sku":"sku-1a","qty":1}])"),
      Request("DE", R"([{"sku":"sku-1a","qty":2},{"sku":"sku-1b","qty":3}])",
              R"("wallet":[{"id":"c-5off","state":"unused"},{"id":"c-10pct","state":"unused"},{"id":"c-big","state":"used"}])"),
      Request("DE", R"([{"sku":"sku-1b","qty":1}])",
              R"("wallet":[{"id":"c-5off","state":"unused"},{"id":"c-serum","state":"unused"}],"choose_best_coupons":false,"coupons":["c-serum"])"),
      Request("DE", R"([{"sku":"sku-1a","qty":20}])",
              R"("member_tier":"tier-gold","points_balance":5000,"points_to_use":500,"shipping":"de-free-49")"),
      Request("DE", R"([{"sku":"sku-1b","qty":2}])", R"("purchased":{"sku-1b":1},"wallet":[{"id":"c-ship","state":"unused"}])"),
      Request("CN", R"([{"sku":"sku-1b","qty":1}])", R"("activity":{"kind":"flash","id":"cn-flash"})"),
      Request("CN", R"([{"sku":"sku-1b","qty":1}])", R"("activity":{"kind":"group","id":"gb-1","leader":true})"),
      Request("CN", R"([{"sku":"sku-1b","qty":1}])", R"("pickup_point":"sh-xuhui-01","wallet":[{"id":"c-cn","state":"unused"}])"),
      Request("US", R"([{"sku":"sku-1b","qty":1}])"),
  };
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  const std::string_view request(reinterpret_cast<const char*>(data), size);
  const Snapshot& snapshot = FuzzSnapshot();
  auto priced = cart::PriceJson(snapshot, request);
  if (!priced.ok()) {
    Check(Documented(priced.error().code), "a rejected request reports " + priced.error().ToString());
    return 0;
  }
  Check(IsValidUtf8(*priced), "the priced cart is not UTF-8");
  Check(json::Parse(*priced).ok(), "the priced cart is not JSON");
  auto again = cart::PriceJson(snapshot, request);
  Check(again.ok() && *again == *priced, "the same request priced twice gives other bytes");
  auto displayed = cart::PriceJson(snapshot, request, &GermanPack());
  Check(displayed.ok(), "a request priced without a locale pack fails with one: " +
                            (displayed.ok() ? "" : displayed.error().ToString()));
  Check(IsValidUtf8(*displayed), "the displayed cart is not UTF-8");
  // The priced part (everything before "display") is the same with or without a pack.
  const size_t display = displayed->rfind(R"(,"display":)");
  Check(display != std::string::npos && displayed->compare(0, display, *priced, 0, priced->size() - 1) == 0,
        "a locale pack changes the priced cart");
  auto order = cart::BuildOrder(snapshot, request);
  Check(order.ok(), "a priced request does not build an order: " + (order.ok() ? "" : order.error().ToString()));
  auto verified = cart::VerifyOrder(snapshot, *order);
  Check(verified.ok() && verified->ok,
        "an honest order does not verify: " + (verified.ok() ? verified->json : verified.error().ToString()));
  return 0;
}
