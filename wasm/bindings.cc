// The only EMSCRIPTEN_BINDINGS of the package module. Thin by rule: it
// converts JS values to core types and results back, and decides nothing.
// Money crosses as a double that must be an exact integer (|x| <= 2^53) or
// as a decimal string; int64 never appears in a bound signature.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "shopcore/money.h"
#include "shopcore/version.h"

namespace {

using emscripten::val;
using shopcore::Error;
using shopcore::ErrorCode;
using shopcore::Result;

constexpr double kMaxSafeInteger = 9007199254740992.0;  // 2^53

val ErrorValue(const Error& error) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(shopcore::ErrorCodeName(error.code)));
  out.set("message", error.message);
  out.set("path", error.path);
  return out;
}

val OkValue(val value) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", value);
  return out;
}

// A JS amount: an exact integer number within 2^53, or a string of digits.
Result<int64_t> AmountFromJs(const val& amount, const std::string& path) {
  if (amount.isNumber()) {
    double number = amount.as<double>();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger) {
      return shopcore::MakeError(ErrorCode::kInexactNumber,
                                 "amounts must be integers of minor units within +/-2^53 (pass larger ones as strings)",
                                 path);
    }
    return static_cast<int64_t>(number);
  }
  if (amount.isString()) {
    auto parsed = shopcore::ParseInt64(amount.as<std::string>());
    if (!parsed.ok()) return shopcore::MakeError(parsed.error().code, parsed.error().message, path);
    return parsed;
  }
  return shopcore::MakeError(ErrorCode::kInvalidArgument, "amount must be a number or a string", path);
}

// Amounts go back as numbers when exact, as strings otherwise.
val AmountToJs(int64_t amount) {
  if (amount >= -9007199254740992LL && amount <= 9007199254740992LL) return val(static_cast<double>(amount));
  return val(std::to_string(amount));
}

val Version() { return val(std::string(shopcore::kVersion)); }

val Allocate(val amount, val weights) {
  auto total = AmountFromJs(amount, "amount");
  if (!total.ok()) return ErrorValue(total.error());
  if (!weights.isArray()) return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "weights must be an array", "weights"));
  std::vector<int64_t> parts_in;
  const unsigned count = weights["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) {
    auto weight = AmountFromJs(weights[i], "weights[" + std::to_string(i) + "]");
    if (!weight.ok()) return ErrorValue(weight.error());
    parts_in.push_back(*weight);
  }
  auto parts = shopcore::Allocate(*total, parts_in);
  if (!parts.ok()) return ErrorValue(parts.error());
  val out = val::array();
  for (int64_t part : *parts) out.call<void>("push", AmountToJs(part));
  return OkValue(out);
}

}  // namespace

EMSCRIPTEN_BINDINGS(shopcore) {
  emscripten::function("version", &Version);
  emscripten::function("allocate", &Allocate);
}
