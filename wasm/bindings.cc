// The only EMSCRIPTEN_BINDINGS of the package module. Thin by rule: it
// converts JS values to core types and results back, and decides nothing.
// Money crosses as a double that must be an exact integer (|x| <= 2^53) or
// as a decimal string; int64 never appears in a bound signature.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "shopcore/fulfilment/date_range_format.h"
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

// Locale packs the page has handed in (loadLocalePack). Module-level because
// formatting needs no engine: a page can show prices before any snapshot.
shopcore::LocaleRegistry& LoadedLocales() {
  static shopcore::LocaleRegistry registry;
  return registry;
}

// bytes: a Uint8Array of one pack (fetch("locale/de-CH.json")); {ok, value: tag}.
val LoadLocalePack(val bytes) {
  if (!bytes.instanceof(val::global("Uint8Array"))) {
    return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "a locale pack is passed as a Uint8Array", "bytes"));
  }
  std::string data(bytes["length"].as<size_t>(), '\0');
  val(emscripten::typed_memory_view(data.size(), reinterpret_cast<unsigned char*>(&data[0]))).call<void>("set", bytes);
  auto pack = shopcore::LocalePack::Parse(data);
  if (!pack.ok()) return ErrorValue(pack.error());
  std::string tag = pack->locale();
  LoadedLocales().Add(std::move(*pack));
  return OkValue(val(tag));
}

// options: {display?: "symbol"|"narrow"|"code"|"name", accounting?: bool,
// cash?: bool, rounding?: "half-up"|...}; absent fields take FormatOptions' defaults.
Result<shopcore::FormatOptions> FormatOptionsFromJs(const val& options) {
  shopcore::FormatOptions out;
  if (options.isUndefined() || options.isNull()) return out;
  if (options.typeOf().as<std::string>() != "object") {
    return shopcore::MakeError(ErrorCode::kInvalidArgument, "options must be an object", "options");
  }
  auto string_field = [&](const char* name, std::string* value) -> shopcore::Status {
    val field = options[name];
    if (field.isUndefined()) return shopcore::Status::Ok();
    if (!field.isString()) return shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a string", std::string("options.") + name);
    *value = field.as<std::string>();
    return shopcore::Status::Ok();
  };
  auto bool_field = [&](const char* name, bool* value) -> shopcore::Status {
    val field = options[name];
    if (field.isUndefined()) return shopcore::Status::Ok();
    if (!field.isTrue() && !field.isFalse()) return shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a boolean", std::string("options.") + name);
    *value = field.isTrue();
    return shopcore::Status::Ok();
  };
  std::string display = "symbol", rounding = "half-up";
  SHOPCORE_RETURN_IF_ERROR(string_field("display", &display));
  SHOPCORE_RETURN_IF_ERROR(string_field("rounding", &rounding));
  SHOPCORE_RETURN_IF_ERROR(bool_field("accounting", &out.accounting));
  SHOPCORE_RETURN_IF_ERROR(bool_field("cash", &out.cash));
  auto parsed_display = shopcore::ParseCurrencyDisplay(display);
  if (!parsed_display.ok()) return shopcore::MakeError(parsed_display.error().code, parsed_display.error().message, "options.display");
  auto parsed_rounding = shopcore::ParseRoundingMode(rounding);
  if (!parsed_rounding.ok()) return shopcore::MakeError(parsed_rounding.error().code, parsed_rounding.error().message, "options.rounding");
  out.display = *parsed_display;
  out.rounding = *parsed_rounding;
  return out;
}

val FormatMoney(val amount, val currency, val locale, val options) {
  auto minor = AmountFromJs(amount, "amount");
  if (!minor.ok()) return ErrorValue(minor.error());
  if (!currency.isString()) return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a string", "currency"));
  if (!locale.isString()) return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a string", "locale"));
  auto money = shopcore::Money::Of(*minor, currency.as<std::string>());
  if (!money.ok()) return ErrorValue(money.error());
  auto parsed_options = FormatOptionsFromJs(options);
  if (!parsed_options.ok()) return ErrorValue(parsed_options.error());
  auto pack = LoadedLocales().Find(locale.as<std::string>());
  if (!pack.ok()) return ErrorValue(pack.error());
  auto text = shopcore::FormatMoney(*money, **pack, *parsed_options);
  if (!text.ok()) return ErrorValue(text.error());
  return OkValue(val(*text));
}

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

// from, to: "YYYY-MM-DD"; style: "MMMd" or "MMMEd"; locale: a loaded pack.
// {ok, value: "Wed, Nov 25 – Fri, Nov 27"}.
val FormatDateRange(val from, val to, val locale, val style) {
  const char* names[] = {"from", "to", "locale", "style"};
  const val* values[] = {&from, &to, &locale, &style};
  for (int i = 0; i < 4; ++i) {
    if (!values[i]->isString()) return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a string", names[i]));
  }
  auto first = shopcore::fulfilment::ParseCivilDate(from.as<std::string>());
  if (!first.ok()) return ErrorValue(shopcore::MakeError(first.error().code, first.error().message, "from"));
  auto last = shopcore::fulfilment::ParseCivilDate(to.as<std::string>());
  if (!last.ok()) return ErrorValue(shopcore::MakeError(last.error().code, last.error().message, "to"));
  auto pack = LoadedLocales().Find(locale.as<std::string>());
  if (!pack.ok()) return ErrorValue(pack.error());
  auto text = shopcore::fulfilment::FormatDateRange(**pack, *first, *last, style.as<std::string>());
  if (!text.ok()) return ErrorValue(text.error());
  return OkValue(val(*text));
}

}  // namespace

EMSCRIPTEN_BINDINGS(shopcore) {
  emscripten::function("version", &Version);
  emscripten::function("allocate", &Allocate);
  emscripten::function("loadLocalePack", &LoadLocalePack);
  emscripten::function("formatMoney", &FormatMoney);
  emscripten::function("formatDateRange", &FormatDateRange);
}
