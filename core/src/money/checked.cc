#include "shopcore/money/checked.h"

#include <string>

namespace shopcore {
namespace {
Error OverflowError(const char* op, int64_t a, int64_t b) {
  return MakeError(ErrorCode::kOverflow,
                   std::to_string(a) + " " + op + " " + std::to_string(b) + " does not fit in int64");
}
}  // namespace

Result<int64_t> CheckedAdd(int64_t a, int64_t b) {
  int64_t out;
  if (__builtin_add_overflow(a, b, &out)) return OverflowError("+", a, b);
  return out;
}

Result<int64_t> CheckedSubtract(int64_t a, int64_t b) {
  int64_t out;
  if (__builtin_sub_overflow(a, b, &out)) return OverflowError("-", a, b);
  return out;
}

Result<int64_t> CheckedMultiply(int64_t a, int64_t b) {
  int64_t out;
  if (__builtin_mul_overflow(a, b, &out)) return OverflowError("*", a, b);
  return out;
}

int64_t PowerOfTen(int exponent) {
  int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

Result<int64_t> ParseInt64(std::string_view text) {
  const std::string shown(text.substr(0, 40));
  size_t pos = 0;
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    pos = 1;
  }
  if (pos == text.size()) return MakeError(ErrorCode::kInvalidArgument, "not an integer: '" + shown + "'");
  // Accumulate as a negative number: its range includes INT64_MIN.
  int64_t value = 0;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c < '0' || c > '9') return MakeError(ErrorCode::kInvalidArgument, "not an integer: '" + shown + "'");
    if (__builtin_mul_overflow(value, 10, &value) || __builtin_sub_overflow(value, c - '0', &value)) {
      return MakeError(ErrorCode::kOverflow, "integer does not fit in int64: '" + shown + "'");
    }
  }
  if (!negative) {
    if (value == INT64_MIN) return MakeError(ErrorCode::kOverflow, "integer does not fit in int64: '" + shown + "'");
    value = -value;
  }
  return value;
}

}  // namespace shopcore
