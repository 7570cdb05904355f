// The only EMSCRIPTEN_BINDINGS of the package module. Thin by rule: it
// converts JS values to core types and results back, and decides nothing.
//
// Every bound function takes `val` parameters, so a wrong JS type becomes an
// error value instead of an Embind BindingError thrown from the glue, and
// returns {ok:true, value} or {ok:false, code, message, path}; the JS loader
// (wasm/src/) turns the latter into a thrown ShopCoreError.
//
// Money crosses as a number that must be a safe integer of minor units
// (|x| <= 2^53 - 1, Number.isSafeInteger) or as a string of decimal digits;
// results come back as numbers when safe and as strings otherwise. int64
// never appears in a bound signature (that would need -sWASM_BIGINT, which
// older iOS webviews lack).
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "shopcore/money/date_format.h"
#include "shopcore/engine.h"
#include "shopcore/money.h"
#include "shopcore/version.h"

namespace {

using emscripten::val;
using shopcore::Error;
using shopcore::ErrorCode;
using shopcore::MakeError;
using shopcore::Result;

// Number.MAX_SAFE_INTEGER. 2^53 itself is excluded because 2^53 + 1 rounds
// to it: a number that large may already have lost a unit.
constexpr double kMaxSafeInteger = 9007199254740991.0;
constexpr int64_t kMaxSafeInteger64 = 9007199254740991LL;

val ErrorValue(const Error& error) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(shopcore::ErrorCodeName(error.code)));
  out.set("message", error.message);
  out.set("path", error.path);
  return out;
}

// Core errors often leave the path empty when the argument is obvious from
// the call; across the boundary the caller gets the argument's name.
Error AtPath(Error error, const std::string& path) {
  if (error.path.empty()) error.path = path;
  return error;
}

val OkValue(val value) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", value);
  return out;
}

// A JS amount of minor units: a safe integer number, or a string of digits.
Result<int64_t> AmountFromJs(const val& amount, const std::string& path) {
  if (amount.isNumber()) {
    const double number = amount.as<double>();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger) {
      return MakeError(ErrorCode::kInexactNumber,
                       "amounts are integers of minor units within +/-(2^53 - 1); pass larger ones as strings",
                       path);
    }
    return static_cast<int64_t>(number);
  }
  if (amount.isString()) {
    auto parsed = shopcore::ParseInt64(amount.as<std::string>());
    if (!parsed.ok()) return AtPath(parsed.error(), path);
    return parsed;
  }
  return MakeError(ErrorCode::kInvalidArgument, "must be a number or a string of digits", path);
}

Result<std::string> StringFromJs(const val& value, const std::string& path) {
  if (!value.isString()) return MakeError(ErrorCode::kInvalidArgument, "must be a string", path);
  return value.as<std::string>();
}

// An optional display locale: undefined or null is "" (no display strings).
Result<std::string> OptionalLocale(const val& locale) {
  if (locale.isUndefined() || locale.isNull()) return std::string();
  return StringFromJs(locale, "locale");
}

Result<const shopcore::Currency*> CurrencyFromJs(const val& code, const std::string& path) {
  auto text = StringFromJs(code, path);
  if (!text.ok()) return text.error();
  auto currency = shopcore::FindCurrency(*text);
  if (!currency.ok()) {
    Error error = currency.error();
    error.path = path;  // "from" or "to" says more than the core's generic "currency"
    return error;
  }
  return currency;
}

// Amounts go back as numbers when they are safe integers, as strings otherwise.
val AmountToJs(int64_t amount) {
  if (amount >= -kMaxSafeInteger64 && amount <= kMaxSafeInteger64) return val(static_cast<double>(amount));
  return val(std::to_string(amount));
}

val Version() {
  val out = val::object();
  out.set("shopcore", std::string(shopcore::kVersion));
  out.set("currencyData", std::string(shopcore::CurrencyDataVersion()));
  return OkValue(out);
}

val Allocate(val amount, val weights) {
  auto total = AmountFromJs(amount, "amount");
  if (!total.ok()) return ErrorValue(total.error());
  if (!weights.isArray()) return ErrorValue(MakeError(ErrorCode::kInvalidArgument, "must be an array", "weights"));
  std::vector<int64_t> weight_values;
  const unsigned count = weights["length"].as<unsigned>();
  // Checked before reading the array, so its copy cannot exhaust the heap.
  if (count > shopcore::kMaxAllocationParts) {
    return ErrorValue(MakeError(ErrorCode::kInvalidArgument,
                                "more than " + std::to_string(shopcore::kMaxAllocationParts) + " weights", "weights"));
  }
  for (unsigned i = 0; i < count; ++i) {
    auto weight = AmountFromJs(weights[i], "weights[" + std::to_string(i) + "]");
    if (!weight.ok()) return ErrorValue(weight.error());
    weight_values.push_back(*weight);
  }
  auto parts = shopcore::Allocate(*total, weight_values);
  if (!parts.ok()) return ErrorValue(AtPath(parts.error(), "weights"));
  val out = val::array();
  for (int64_t part : *parts) out.call<void>("push", AmountToJs(part));
  return OkValue(out);
}

// (amount, from, to, rate, rounding): rate is a decimal string ("7.2345")
// because a JS number cannot hold most rates exactly; rounding is a mode name
// and defaults to half-even, as in `shopcore money convert`.
val Convert(val amount, val from, val to, val rate, val rounding) {
  auto minor = AmountFromJs(amount, "amount");
  if (!minor.ok()) return ErrorValue(minor.error());
  auto from_currency = CurrencyFromJs(from, "from");
  if (!from_currency.ok()) return ErrorValue(from_currency.error());
  auto to_currency = CurrencyFromJs(to, "to");
  if (!to_currency.ok()) return ErrorValue(to_currency.error());
  if (!rate.isString()) {
    return ErrorValue(MakeError(ErrorCode::kInvalidArgument,
                                "must be a decimal string such as \"7.2345\" (a JS number cannot hold it exactly)",
                                "rate"));
  }
  auto rate_value = shopcore::Decimal::Parse(rate.as<std::string>());
  if (!rate_value.ok()) return ErrorValue(AtPath(rate_value.error(), "rate"));
  std::string mode_name = "half-even";
  if (!rounding.isUndefined() && !rounding.isNull()) {
    auto name = StringFromJs(rounding, "rounding");
    if (!name.ok()) return ErrorValue(name.error());
    mode_name = *name;
  }
  auto mode = shopcore::ParseRoundingMode(mode_name);
  if (!mode.ok()) return ErrorValue(AtPath(mode.error(), "rounding"));
  auto converted =
      shopcore::Convert(shopcore::Money::Of(*minor, **from_currency), (*to_currency)->code, *rate_value, *mode);
  // What is left to fail is the size of the result.
  if (!converted.ok()) return ErrorValue(AtPath(converted.error(), "amount"));
  val out = val::object();
  out.set("amountMinor", AmountToJs(converted->minor_units()));
  out.set("currency", std::string(converted->currency().code));
  out.set("amount", converted->ToMajorString());
  out.set("rounding", std::string(shopcore::RoundingModeName(*mode)));
  return OkValue(out);
}

// "12.34" EUR -> 1234: major units, exactly, never through a double.
val ParseMajor(val text, val currency) {
  auto code = CurrencyFromJs(currency, "currency");
  if (!code.ok()) return ErrorValue(code.error());
  auto major = StringFromJs(text, "amount");
  if (!major.ok()) return ErrorValue(major.error());
  auto money = shopcore::Money::ParseMajor(*major, (*code)->code);
  if (!money.ok()) return ErrorValue(AtPath(money.error(), "amount"));
  return OkValue(AmountToJs(money->minor_units()));
}

// 1234 EUR -> "12.34": the exact major-unit string in ISO digits.
val ToMajor(val amount, val currency) {
  auto minor = AmountFromJs(amount, "amount");
  if (!minor.ok()) return ErrorValue(minor.error());
  auto code = CurrencyFromJs(currency, "currency");
  if (!code.ok()) return ErrorValue(code.error());
  return OkValue(val(shopcore::Money::Of(*minor, **code).ToMajorString()));
}

val CurrencyInfo(val currency) {
  auto found = CurrencyFromJs(currency, "currency");
  if (!found.ok()) return ErrorValue(found.error());
  const shopcore::Currency& c = **found;
  val out = val::object();
  out.set("code", std::string(c.code));
  out.set("numeric", c.numeric);
  out.set("name", std::string(c.name));
  out.set("isoDigits", c.iso_digits);
  out.set("displayDigits", c.display_digits);
  out.set("cashDigits", c.cash_digits);
  out.set("cashIncrement", c.cash_increment);
  return OkValue(out);
}

val Currencies() {
  int count = 0;
  const shopcore::Currency* table = shopcore::CurrencyTable(&count);
  val out = val::array();
  for (int i = 0; i < count; ++i) out.call<void>("push", std::string(table[i].code));
  return OkValue(out);
}

// Locale packs the page has handed in (loadLocalePack). Module-level because
// formatting needs no engine: a page can show prices before any snapshot.
shopcore::LocaleRegistry& LoadedLocales() {
  static shopcore::LocaleRegistry registry;
  return registry;
}

// A Uint8Array copied once into wasm memory (the engine keeps its own bytes:
// the snapshot is read in place from them afterwards). Sizes are checked
// before the copy: a copy the heap cannot grow to hold would abort the
// module, so anything over max_bytes, or over half of what the heap may
// ever reach (the bytes plus the engine's indexes), is refused as too large.
// Whether the heap can still take `needed` bytes. Without exceptions a
// failed operator new aborts the module, so a snapshot that cannot fit next
// to the one serving (the swap keeps both) must be refused before any
// allocation: malloc (emmalloc under ALLOW_MEMORY_GROWTH) returns null
// instead of aborting, so one probe of the whole working size answers it.
shopcore::Status EnsureRoom(size_t needed, const std::string& path) {
  // volatile: a malloc whose block is only freed may be elided by the
  // optimiser (and assumed to succeed), which would make this probe a no-op.
  void* volatile probe = std::malloc(needed);
  if (probe == nullptr) {
    return MakeError(ErrorCode::kOutOfMemory,
                     "not enough wasm memory left for this input (" + std::to_string(needed >> 20) + " MB needed of a " +
                         std::to_string(emscripten_get_heap_max() >> 20) +
                         " MB heap); dispose engines you no longer use, or open a smaller snapshot",
                     path);
  }
  std::free(probe);
  return shopcore::Status::Ok();
}

// Working memory of a snapshot of `bytes` next to its indexes and model
// views (measured: a 114 MB snapshot's engine uses 143 MB), with slack.
size_t SnapshotWorkingSize(size_t bytes) { return bytes + bytes / 2 + (size_t{16} << 20); }

// working_size: for a snapshot, the memory it will need once open (checked
// before the copy, next to whatever already serves); 0 for small inputs.
Result<std::string> BytesFromJs(const val& bytes, const std::string& path, size_t max_bytes, ErrorCode too_large,
                                size_t (*working_size)(size_t) = nullptr, size_t kept_bytes = 0) {
  if (!bytes.instanceof(val::global("Uint8Array"))) {
    return MakeError(ErrorCode::kInvalidArgument, "must be a Uint8Array", path);
  }
  const size_t length = bytes["length"].as<size_t>();
  const size_t limit = std::min(max_bytes, emscripten_get_heap_max() / 2);
  if (length > limit) {
    return MakeError(too_large, std::to_string(length) + " bytes is more than the " + std::to_string(limit) +
                                    " this module accepts", path);
  }
  if (working_size) {
    auto room = EnsureRoom(working_size(kept_bytes + length), path);
    if (!room.ok()) return room.error();
  }
  std::string data(length, '\0');
  if (!data.empty()) {
    val(emscripten::typed_memory_view(data.size(), reinterpret_cast<unsigned char*>(&data[0]))).call<void>("set", bytes);
  }
  return data;
}

// bytes: a Uint8Array of one pack (fetch("locale/de-CH.json")); {ok, value: tag}.
val LoadLocalePack(val bytes) {
  auto data = BytesFromJs(bytes, "bytes", shopcore::LocalePack::kMaxBytes, ErrorCode::kBadLocalePack);
  if (!data.ok()) return ErrorValue(data.error());
  auto pack = shopcore::LocalePack::Parse(*data);
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

// from, to: "YYYY-MM-DD"; style: "MMMd" or "MMMEd"; locale: a loaded pack.
// {ok, value: "Wed, Nov 25 – Fri, Nov 27"}.
val FormatDateRange(val from, val to, val locale, val style) {
  const char* names[] = {"from", "to", "locale", "style"};
  const val* values[] = {&from, &to, &locale, &style};
  for (int i = 0; i < 4; ++i) {
    if (!values[i]->isString()) return ErrorValue(shopcore::MakeError(ErrorCode::kInvalidArgument, "must be a string", names[i]));
  }
  auto first = shopcore::ParseCivilDate(from.as<std::string>());
  if (!first.ok()) return ErrorValue(shopcore::MakeError(first.error().code, first.error().message, "from"));
  auto last = shopcore::ParseCivilDate(to.as<std::string>());
  if (!last.ok()) return ErrorValue(shopcore::MakeError(last.error().code, last.error().message, "to"));
  auto pack = LoadedLocales().Find(locale.as<std::string>());
  if (!pack.ok()) return ErrorValue(pack.error());
  auto text = shopcore::FormatDateRange(**pack, *first, *last, style.as<std::string>());
  if (!text.ok()) return ErrorValue(text.error());
  return OkValue(val(*text));
}



val TextResult(const Result<std::string>& result) {
  if (!result.ok()) return ErrorValue(result.error());
  return OkValue(val(*result));
}

val StatusResult(const shopcore::Status& status) {
  if (!status.ok()) return ErrorValue(status.error());
  return OkValue(val::undefined());
}

// The engine as a JS class (new Engine(), delete() frees it). Requests come
// in as JSON text made by the JS wrapper, answers go back as JSON text that
// JS parses: one string each way instead of objects built field by field.
class EngineBinding {
 public:
  val openSnapshot(val bytes) {
    auto data = BytesFromJs(bytes, "bytes", shopcore::SnapshotLimits().max_bytes, ErrorCode::kBadSnapshot,
                            SnapshotWorkingSize);
    if (!data.ok()) return ErrorValue(data.error());
    auto status = engine_.OpenSnapshot(std::move(*data));
    if (!status.ok()) return ErrorValue(status.error());
    return TextResult(engine_.SnapshotInfoJson());
  }
  val applySnapshotDelta(val bytes) {
    // The new snapshot is about the current one plus the delta.
    auto current = engine_.snapshot();
    auto data = BytesFromJs(bytes, "delta", shopcore::SnapshotLimits().max_bytes, ErrorCode::kBadSnapshot,
                            SnapshotWorkingSize, current ? current->bytes().size() : 0);
    if (!data.ok()) return ErrorValue(data.error());
    auto status = engine_.ApplySnapshotDelta(*data);
    if (!status.ok()) return ErrorValue(status.error());
    return TextResult(engine_.SnapshotInfoJson());
  }
  val snapshotInfo() const { return TextResult(engine_.SnapshotInfoJson()); }
  val loadLocalePack(val bytes) {
    auto data = BytesFromJs(bytes, "bytes", shopcore::LocalePack::kMaxBytes, ErrorCode::kBadLocalePack);
    if (!data.ok()) return ErrorValue(data.error());
    return TextResult(engine_.LoadLocalePack(*data));
  }
  val group(val op, val request) const {
    auto texts = Texts(op, "op", request, "request");
    if (!texts.ok()) return ErrorValue(texts.error());
    return TextResult(engine_.GroupJson(texts->first, texts->second));
  }
  val bargain(val op, val request) const {
    auto texts = Texts(op, "op", request, "request");
    if (!texts.ok()) return ErrorValue(texts.error());
    return TextResult(engine_.BargainJson(texts->first, texts->second));
  }
  val referral(val op, val request, val locale) const {
    auto texts = Texts(op, "op", request, "request");
    if (!texts.ok()) return ErrorValue(texts.error());
    auto tag = OptionalLocale(locale);
    if (!tag.ok()) return ErrorValue(tag.error());
    return TextResult(engine_.ReferralJson(texts->first, texts->second, *tag));
  }
  val pickup(val request, val locale) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    auto tag = OptionalLocale(locale);
    if (!tag.ok()) return ErrorValue(tag.error());
    return TextResult(engine_.PickupJson(*text, *tag));
  }
  val shareEncode(val request) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.ShareEncodeJson(*text));
  }
  val shareDecode(val token) const {
    auto text = StringFromJs(token, "token");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.ShareDecodeJson(*text));
  }
  // issue 13: delivery plans from the open snapshot (Engine::PlanDeliveryJson).
  val planDelivery(val request) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.PlanDeliveryJson(*text));
  }
  val track(val event) {
    auto text = StringFromJs(event, "event");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.TrackJson(*text));
  }
  val profileJson() const { return OkValue(val(engine_.ProfileJson())); }
  val restoreProfile(val persisted) {
    auto text = StringFromJs(persisted, "profile");
    if (!text.ok()) return ErrorValue(text.error());
    return StatusResult(engine_.RestoreProfile(*text));
  }
  val profileExport() const { return OkValue(val(engine_.ProfileExportJson())); }
  val eraseProfile() {
    engine_.EraseProfile();
    return OkValue(val::undefined());
  }
  val setConsent(val consent) {
    if (!consent.isTrue() && !consent.isFalse()) {
      return ErrorValue(MakeError(ErrorCode::kInvalidArgument, "must be a boolean", "consent"));
    }
    engine_.SetConsent(consent.isTrue());
    return OkValue(val::undefined());
  }
  val uploadBatch(val max_events) const {
    auto count = CountFromJs(max_events, "maxEvents");
    if (!count.ok()) return ErrorValue(count.error());
    return TextResult(engine_.UploadBatchJson(static_cast<size_t>(*count)));
  }
  val acknowledgeUpload(val seq) {
    auto count = CountFromJs(seq, "seq");
    if (!count.ok()) return ErrorValue(count.error());
    return StatusResult(engine_.AcknowledgeUpload(static_cast<uint64_t>(*count)));
  }
  // The bytes of the snapshot now serving (a copy), so a client can keep the
  // result of a delta in its offline cache; NOT_FOUND before one is open.
  val snapshotBytes() const {
    auto current = engine_.snapshot();
    if (current == nullptr) {
      return ErrorValue(MakeError(ErrorCode::kNotFound, "no snapshot is open", "snapshot"));
    }
    const std::string& bytes = current->bytes();
    return OkValue(val(emscripten::typed_memory_view(bytes.size(), reinterpret_cast<const unsigned char*>(bytes.data())))
                       .call<val>("slice"));
  }

  // --- commerce: price, recommend, rank ----------------------------------
  val price(val request, val locale) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    auto tag = OptionalLocale(locale);
    if (!tag.ok()) return ErrorValue(tag.error());
    return RequestResult(engine_.PriceJson(*text, *tag));
  }
  val recommend(val request) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    return RequestResult(engine_.RecommendJson(*text));
  }
  // The hot path: a page as three arrays copied out of wasm memory in one
  // go each (ids as one JSON array text, scores, reason codes), no object
  // per item.
  val rank(val request) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    auto page = engine_.Recommend(*text);
    if (!page.ok()) return ErrorValue(AtPath(page.error(), "request"));
    std::vector<double> scores;
    std::vector<uint8_t> reasons;
    std::string ids = "[";
    for (const auto& item : page->items) {
      if (ids.size() > 1) ids += ',';
      ids += JsonString(item.id);
      scores.push_back(static_cast<double>(item.score_micros) / 1e6);
      reasons.push_back(static_cast<uint8_t>(item.reason.kind));
    }
    ids += ']';
    val out = val::object();
    out.set("ids", ids);
    out.set("scores", val::global("Float64Array").new_(val(emscripten::typed_memory_view(scores.size(), scores.data()))));
    out.set("reasons", val::global("Uint8Array").new_(val(emscripten::typed_memory_view(reasons.size(), reasons.data()))));
    out.set("candidates", page->candidate_count);
    out.set("hasMore", page->has_more);
    return OkValue(out);
  }
  // --- carts by handle (shopcore/cart/cart_session.h) ---------------------
  // options and state are JSON text made by the JS wrapper ("" = none).
  val createCart(val options) {
    auto text = OptionalText(options, "options");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.CreateCartJson(*text));
  }
  val restoreCart(val state, val options) {
    auto saved = StringFromJs(state, "state");
    if (!saved.ok()) return ErrorValue(saved.error());
    auto text = OptionalText(options, "options");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.RestoreCartJson(*saved, *text));
  }
  val cartAdd(val cart, val sku, val quantity) { return CartQuantityOp(cart, sku, quantity, true); }
  val cartSetQuantity(val cart, val sku, val quantity) { return CartQuantityOp(cart, sku, quantity, false); }
  val cartRemove(val cart, val sku) {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    auto text = StringFromJs(sku, "sku");
    if (!text.ok()) return ErrorValue(text.error());
    return TextResult(engine_.CartRemoveJson(*id, *text));
  }
  val cartMerge(val cart, val guest) {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    auto guest_id = HandleFromJs(guest, "guest");
    if (!guest_id.ok()) return ErrorValue(guest_id.error());
    return TextResult(engine_.CartMergeJson(*id, *guest_id));
  }
  val cartLines(val cart) const {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    return TextResult(engine_.CartLinesJson(*id));
  }
  val cartSave(val cart) const {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    return TextResult(engine_.CartSaveJson(*id));
  }
  val cartPrice(val cart, val options, val locale) const {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    auto text = OptionalText(options, "options");
    if (!text.ok()) return ErrorValue(text.error());
    auto tag = OptionalLocale(locale);
    if (!tag.ok()) return ErrorValue(tag.error());
    return TextResult(engine_.CartPriceJson(*id, *text, *tag));
  }
  val closeCart(val cart) {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    return StatusResult(engine_.CloseCart(*id));
  }

  // --- tax and landed cost -------------------------------------------------
  val landedCost(val request, val locale) const {
    auto text = StringFromJs(request, "request");
    if (!text.ok()) return ErrorValue(text.error());
    auto tag = OptionalLocale(locale);
    if (!tag.ok()) return ErrorValue(tag.error());
    return RequestResult(engine_.LandedCostJson(*text, *tag));
  }

  // Reason codes of rank() by value: ReasonKindName in code order.
  val reasonNames() const {
    val out = val::array();
    for (int kind = 0; kind <= static_cast<int>(shopcore::reco::ReasonKind::kSimilarTo); ++kind) {
      out.call<void>("push", std::string(shopcore::reco::ReasonKindName(static_cast<shopcore::reco::ReasonKind>(kind))));
    }
    return OkValue(out);
  }

 private:
  static Result<std::pair<std::string, std::string>> Texts(const val& a, const char* a_path, const val& b,
                                                           const char* b_path) {
    auto first = StringFromJs(a, a_path);
    if (!first.ok()) return first.error();
    auto second = StringFromJs(b, b_path);
    if (!second.ok()) return second.error();
    return std::make_pair(std::move(*first), std::move(*second));
  }
  val CartQuantityOp(const val& cart, const val& sku, const val& quantity, bool add) {
    auto id = HandleFromJs(cart, "cart");
    if (!id.ok()) return ErrorValue(id.error());
    auto text = StringFromJs(sku, "sku");
    if (!text.ok()) return ErrorValue(text.error());
    // Any safe integer crosses: zero and negatives are the cart's to refuse.
    if (!quantity.isNumber()) return ErrorValue(MakeError(ErrorCode::kInvalidArgument, "must be a number", "quantity"));
    const double number = quantity.as<double>();
    if (!std::isfinite(number) || std::trunc(number) != number || std::fabs(number) > kMaxSafeInteger) {
      return ErrorValue(MakeError(ErrorCode::kInexactNumber, "must be an integer within +/-(2^53 - 1)", "quantity"));
    }
    const auto units = static_cast<int64_t>(number);
    return TextResult(add ? engine_.CartAddJson(*id, *text, units) : engine_.CartSetQuantityJson(*id, *text, units));
  }
  static Result<uint32_t> HandleFromJs(const val& value, const std::string& path) {
    auto count = CountFromJs(value, path);
    if (!count.ok()) return count.error();
    if (*count > 0xFFFFFFFFLL) return MakeError(ErrorCode::kNotFound, "no such handle", path);
    return static_cast<uint32_t>(*count);
  }
  static Result<std::string> OptionalText(const val& value, const std::string& path) {
    if (value.isUndefined() || value.isNull()) return std::string();
    return StringFromJs(value, path);
  }
  // An answer to a request argument: errors without a path are the request's.
  static val RequestResult(const Result<std::string>& result) {
    if (!result.ok()) return ErrorValue(AtPath(result.error(), "request"));
    return OkValue(val(*result));
  }
  // A JSON string literal: ids may hold any character.
  static std::string JsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (u < 0x20) {
        static const char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out += kHex[u >> 4];
        out += kHex[u & 15];
      } else {
        out += c;
      }
    }
    return out + "\"";
  }
  // A non-negative safe integer number.
  static Result<int64_t> CountFromJs(const val& value, const std::string& path) {
    if (!value.isNumber()) return MakeError(ErrorCode::kInvalidArgument, "must be a number", path);
    const double number = value.as<double>();
    if (!std::isfinite(number) || std::trunc(number) != number || number < 0 || number > kMaxSafeInteger) {
      return MakeError(ErrorCode::kInexactNumber, "must be a non-negative integer within 2^53 - 1", path);
    }
    return static_cast<int64_t>(number);
  }

  shopcore::Engine engine_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(shopcore) {
  emscripten::class_<EngineBinding>("Engine")
      .constructor<>()
      .function("openSnapshot", &EngineBinding::openSnapshot)
      .function("applySnapshotDelta", &EngineBinding::applySnapshotDelta)
      .function("snapshotInfo", &EngineBinding::snapshotInfo)
      .function("loadLocalePack", &EngineBinding::loadLocalePack)
      .function("group", &EngineBinding::group)
      .function("bargain", &EngineBinding::bargain)
      .function("referral", &EngineBinding::referral)
      .function("pickup", &EngineBinding::pickup)
      .function("shareEncode", &EngineBinding::shareEncode)
      .function("shareDecode", &EngineBinding::shareDecode)
      .function("track", &EngineBinding::track)
      .function("profileJson", &EngineBinding::profileJson)
      .function("restoreProfile", &EngineBinding::restoreProfile)
      .function("profileExport", &EngineBinding::profileExport)
      .function("eraseProfile", &EngineBinding::eraseProfile)
      .function("setConsent", &EngineBinding::setConsent)
      .function("uploadBatch", &EngineBinding::uploadBatch)
      .function("acknowledgeUpload", &EngineBinding::acknowledgeUpload)
      // issue 13: delivery plans from the open snapshot
      .function("planDelivery", &EngineBinding::planDelivery)
      .function("price", &EngineBinding::price)
      .function("recommend", &EngineBinding::recommend)
      .function("rank", &EngineBinding::rank)
      .function("reasonNames", &EngineBinding::reasonNames)
      .function("createCart", &EngineBinding::createCart)
      .function("restoreCart", &EngineBinding::restoreCart)
      .function("cartAdd", &EngineBinding::cartAdd)
      .function("cartSetQuantity", &EngineBinding::cartSetQuantity)
      .function("cartRemove", &EngineBinding::cartRemove)
      .function("cartMerge", &EngineBinding::cartMerge)
      .function("cartLines", &EngineBinding::cartLines)
      .function("cartSave", &EngineBinding::cartSave)
      .function("cartPrice", &EngineBinding::cartPrice)
      .function("closeCart", &EngineBinding::closeCart)
      .function("landedCost", &EngineBinding::landedCost)
      .function("snapshotBytes", &EngineBinding::snapshotBytes);
  emscripten::function("version", &Version);
  emscripten::function("allocate", &Allocate);
  emscripten::function("convert", &Convert);
  emscripten::function("parseMajor", &ParseMajor);
  emscripten::function("toMajor", &ToMajor);
  emscripten::function("currencyInfo", &CurrencyInfo);
  emscripten::function("currencies", &Currencies);
  emscripten::function("loadLocalePack", &LoadLocalePack);
  emscripten::function("formatMoney", &FormatMoney);
  emscripten::function("formatDateRange", &FormatDateRange);
}
