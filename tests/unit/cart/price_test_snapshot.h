// A small catalog snapshot built from JSON for the price and order tests:
// markets DE (EUR, VAT 19%/7% inclusive, postage 4.95 free from 49.00), CN
// (CNY, VAT 13%/9%, a pickup point), US (USD, no tax rule); three SKUs;
// one promotion per market for the issue-4 regressions; five coupons.
#ifndef SHOPCORE_TESTS_UNIT_CART_PRICE_TEST_SNAPSHOT_H_
#define SHOPCORE_TESTS_UNIT_CART_PRICE_TEST_SNAPSHOT_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "shopcore/cart/price_json.h"
#include "shopcore/json/checked.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/snapshot.h"

namespace shopcore::cart::testing {

using json::OrderedJson;

// 2026-11-21T12:00:00Z.
inline constexpr int64_t kNow = 1763726400000;

inline OrderedJson TestCatalog() {
  auto parsed = json::ParseOrdered(R"({
    "snapshot_id": "price-test",
    "markets": [
      {"id": "DE", "currency": "EUR", "locale": "de-DE", "tax_display": "Inclusive", "tax_regime": "de-vat",
       "tax_rounding": {"mode": "HalfUp", "level": "Line"},
       "shipping_rules": [{"id": "de-std", "kind": "FreeOver", "amount": 495, "free_over": 4900}]},
      {"id": "CN", "currency": "CNY", "locale": "zh-CN", "tax_display": "Inclusive",
       "pickup_points": [{"id": "sh-01", "address": "Xuhui"}],
       "shipping_rules": [{"id": "cn-flat", "kind": "Flat", "amount": 800}]},
      {"id": "US", "currency": "USD", "locale": "en-US", "tax_display": "Exclusive"}
    ],
    "items": [
      {"id": "item-serum", "category_path": ["Beauty", "Serum"], "tax_category": "standard", "origin_country": "DE",
       "skus": [{"id": "serum", "price": {"DE": {"amount": 1999}, "CN": {"amount": 15000}, "US": {"amount": 1000}}}]},
      {"id": "item-tea", "category_path": ["Food", "Tea"], "tax_category": "reduced", "origin_country": "CN",
       "skus": [{"id": "tea", "price": {"DE": {"amount": 1000}, "CN": {"amount": 490}, "US": {"amount": 1000}}}]},
      {"id": "item-cup", "category_path": ["Home"], "tax_category": "standard", "origin_country": "CN",
       "skus": [{"id": "cup", "price": {"DE": {"amount": 1000}, "CN": {"amount": 10}, "US": {"amount": 1000}}}]}
    ],
    "promotions": [
      {"id": "de-serum-25", "kind": "LimitedTime", "phase": "MemberOrLimited", "markets": ["DE"], "currency": "EUR",
       "percent_off": "0.25", "scope": {"items": ["item-serum"]}, "starts_at": 1, "ends_at": 2000000000000},
      {"id": "cn-5-1", "kind": "Threshold", "phase": "Threshold", "markets": ["CN"], "currency": "CNY",
       "tiers": [{"threshold": 500, "amount_off": 100}], "repeating": true, "starts_at": 1},
      {"id": "us-1000", "kind": "AmountOff", "phase": "Threshold", "markets": ["US"], "currency": "USD",
       "amount_off": 1000, "starts_at": 1}
    ],
    "coupons": [
      {"id": "c-5off", "kind": "AmountOff", "markets": ["DE"], "currency": "EUR", "amount_off": 500, "min_spend": 1000,
       "class": "platform", "valid_from": 1, "valid_to": 2000000000000},
      {"id": "c-10pct", "kind": "PercentOff", "markets": ["DE"], "currency": "EUR", "percent_off": "0.10", "cap": 300,
       "class": "platform", "valid_from": 1, "valid_to": 2000000000000},
      {"id": "c-big", "kind": "Threshold", "markets": ["DE"], "currency": "EUR", "amount_off": 2000, "min_spend": 5000,
       "class": "shop", "valid_from": 1},
      {"id": "c-cn", "kind": "AmountOff", "markets": ["CN"], "currency": "CNY", "amount_off": 100, "class": "shop"},
      {"id": "c-ship", "kind": "FreeShipping", "markets": ["DE"], "currency": "EUR", "class": "shipping"}
    ],
    "tax_rules": [
      {"id": "de-vat", "market": "DE", "rates": {"standard": "0.19", "reduced": "0.07"}, "valid_from": "2007-01-01",
       "source": "UStG 12", "verified_on": "2026-11-21", "tax_name": "MwSt.", "labels": {"de": "inkl. MwSt."}},
      {"id": "cn-vat", "market": "CN", "rates": {"standard": "0.13", "reduced": "0.09"}, "valid_from": "2019-04-01",
       "source": "财政部 税务总局 海关总署公告2019年第39号", "verified_on": "2026-11-21"}
    ]
  })");
  EXPECT_TRUE(parsed.ok()) << parsed.error().ToString();
  return parsed.ok() ? *parsed : OrderedJson();
}

inline std::shared_ptr<const Snapshot> OpenCatalog(const OrderedJson& catalog) {
  auto bytes = BuildSnapshot(json::Dump(catalog));
  EXPECT_TRUE(bytes.ok()) << bytes.error().ToString();
  if (!bytes.ok()) return nullptr;
  auto opened = Snapshot::Open(*bytes);
  EXPECT_TRUE(opened.ok()) << opened.error().ToString();
  return opened.ok() ? *opened : nullptr;
}

inline std::shared_ptr<const Snapshot> TestSnapshot() { return OpenCatalog(TestCatalog()); }

inline std::string Request(const std::string& market, const std::string& lines, const std::string& extra = "",
                           int64_t now = kNow) {
  return R"({"market":")" + market + R"(","now":)" + std::to_string(now) + R"(,"lines":)" + lines +
         (extra.empty() ? "" : "," + extra) + "}";
}

// PriceJson's answer parsed; a failed test (and null) when it is an error.
inline json::Json PriceOrDie(const Snapshot& snapshot, const std::string& request) {
  auto text = PriceJson(snapshot, request);
  EXPECT_TRUE(text.ok()) << text.error().ToString();
  if (!text.ok()) return json::Json();
  auto parsed = json::Parse(*text);
  EXPECT_TRUE(parsed.ok());
  return parsed.ok() ? *parsed : json::Json();
}

}  // namespace shopcore::cart::testing

#endif  // SHOPCORE_TESTS_UNIT_CART_PRICE_TEST_SNAPSHOT_H_
