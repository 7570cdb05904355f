#include "shopcore/status.h"

namespace shopcore {

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kInvalidArgument: return "INVALID_ARGUMENT";
    case ErrorCode::kOverflow: return "OVERFLOW";
    case ErrorCode::kUnknownCurrency: return "UNKNOWN_CURRENCY";
    case ErrorCode::kUnknownLocale: return "UNKNOWN_LOCALE";
    case ErrorCode::kBadLocalePack: return "BAD_LOCALE_PACK";
    case ErrorCode::kInexactNumber: return "INEXACT_NUMBER";
    case ErrorCode::kBadJson: return "BAD_JSON";
    case ErrorCode::kBadRequest: return "BAD_REQUEST";
    case ErrorCode::kIoError: return "IO_ERROR";
    case ErrorCode::kUsage: return "USAGE";
    case ErrorCode::kBadSnapshot: return "BAD_SNAPSHOT";
    case ErrorCode::kUnsupportedVersion: return "UNSUPPORTED_VERSION";
    case ErrorCode::kWrongDeltaBase: return "WRONG_DELTA_BASE";
    case ErrorCode::kNotFound: return "NOT_FOUND";
    case ErrorCode::kConflict: return "CONFLICT";
    case ErrorCode::kRefused: return "REFUSED";
    case ErrorCode::kInvalidTransition: return "INVALID_TRANSITION";
    case ErrorCode::kBadToken: return "BAD_TOKEN";
    case ErrorCode::kConsentRequired: return "CONSENT_REQUIRED";
    case ErrorCode::kOutOfStock: return "OUT_OF_STOCK";
    case ErrorCode::kUndeliverable: return "UNDELIVERABLE";
    case ErrorCode::kOutOfMemory: return "OUT_OF_MEMORY";
  }
  return "UNKNOWN";
}

std::string Error::ToString() const {
  std::string out = ErrorCodeName(code);
  if (!path.empty()) out += " at " + path;
  out += ": " + message;
  return out;
}

}  // namespace shopcore
