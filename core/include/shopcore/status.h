// Errors as values. The core is built with -fno-exceptions (a C++ throw
// reaches JavaScript as a bare number), so every public operation that can
// fail returns a Status or a Result<T>. An Error names what went wrong (a
// stable code the JS API exposes as a string), says it for a person
// (message), and says where (path: a JSON path, a byte offset, an argument
// name), so a front-end developer can act on it without reading our code.
#ifndef SHOPCORE_STATUS_H_
#define SHOPCORE_STATUS_H_

#include <new>
#include <string>
#include <utility>

namespace shopcore {

// Stable across releases: the JS package and the CLI print these names.
// Add new codes at the end of a group; never renumber or rename.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,    // a value outside its allowed domain
  kOverflow,           // an exact integer result would not fit
  kUnknownCurrency,    // not an ISO 4217 code we know
  kUnknownLocale,      // no locale pack loaded for this locale
  kBadLocalePack,      // locale pack bytes that do not parse or validate
  kInexactNumber,      // a JS number that is not an exact integer <= 2^53
  kBadJson,            // input that is not valid JSON
  kBadRequest,         // valid JSON with missing or ill-typed fields
  kIoError,            // a file that cannot be read or written
  kUsage,              // a command line that does not parse
  kBadSnapshot,        // snapshot bytes rejected by size cap or verifier
  kUnsupportedVersion, // a schema or state version this build cannot read
  kWrongDeltaBase,     // a delta applied to a snapshot it was not made from
  kNotFound,           // an id that is not in the snapshot
  kConflict,           // duplicate ids, overlapping rules
  kRefused,            // a valid request the business rules refuse (stock, limits, quotas)
  kInvalidTransition,  // a state change the current state does not allow
  kBadToken,           // a share token that is malformed, truncated or tampered with
  kConsentRequired,    // an operation the shopper has not consented to (behaviour upload)
  kOutOfStock,         // no warehouse holds enough of a SKU
  kUndeliverable,      // no shipping method reaches the destination for a parcel
  kOutOfMemory,        // not enough memory left for the input (wasm's heap is capped)
};

// "INVALID_ARGUMENT", "OVERFLOW", ...: the name the outside world sees.
const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kOk;
  std::string message;
  std::string path;  // where: "items[12].skus[0].price.DE", "amount", ...

  // "OVERFLOW at amount: 9223372036854775807 + 1 does not fit in int64"
  std::string ToString() const;
};

class Status {
 public:
  Status() = default;  // OK
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  static Status Ok() { return Status(); }

  bool ok() const { return error_.code == ErrorCode::kOk; }
  const Error& error() const { return error_; }

 private:
  Error error_;
};

// Either a T or an Error. Accessing value() of a failed Result is a
// programming error, not an input error, so it is checked only in debug.
template <typename T>
class Result {
 public:
  Result(T value) : has_value_(true) { new (&storage_) T(std::move(value)); }  // NOLINT
  Result(Error error) : error_(std::move(error)) {}  // NOLINT
  Result(const Status& status) : error_(status.error()) {}  // NOLINT: must be a failure

  Result(const Result& other) : has_value_(other.has_value_), error_(other.error_) {
    if (has_value_) new (&storage_) T(other.value());
  }
  Result(Result&& other) noexcept : has_value_(other.has_value_), error_(std::move(other.error_)) {
    if (has_value_) new (&storage_) T(std::move(other.value()));
  }
  Result& operator=(Result other) {
    Reset();
    has_value_ = other.has_value_;
    error_ = std::move(other.error_);
    if (has_value_) new (&storage_) T(std::move(other.value()));
    return *this;
  }
  ~Result() { Reset(); }

  bool ok() const { return has_value_; }
  const Error& error() const { return error_; }
  Status status() const { return has_value_ ? Status() : Status(error_); }

  T& value() { return *reinterpret_cast<T*>(&storage_); }
  const T& value() const { return *reinterpret_cast<const T*>(&storage_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }

 private:
  void Reset() {
    if (has_value_) value().~T();
    has_value_ = false;
  }

  bool has_value_ = false;
  alignas(T) unsigned char storage_[sizeof(T)];
  Error error_;
};

inline Error MakeError(ErrorCode code, std::string message, std::string path = {}) {
  return Error{code, std::move(message), std::move(path)};
}

}  // namespace shopcore

// Early return of a failed Status/Result from a function returning Status or Result.
#define SHOPCORE_RETURN_IF_ERROR(expr)              \
  do {                                              \
    auto shopcore_status_ = (expr);                 \
    if (!shopcore_status_.ok()) return shopcore_status_.error(); \
  } while (0)

#endif  // SHOPCORE_STATUS_H_
