// Checked int64 arithmetic: overflow is an error, never a wrap.
#ifndef SHOPCORE_MONEY_CHECKED_H_
#define SHOPCORE_MONEY_CHECKED_H_

#include <cstdint>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore {

Result<int64_t> CheckedAdd(int64_t a, int64_t b);
Result<int64_t> CheckedSubtract(int64_t a, int64_t b);
Result<int64_t> CheckedMultiply(int64_t a, int64_t b);
// 10^exponent for 0 <= exponent <= 18.
int64_t PowerOfTen(int exponent);
// Strict base-10 integer: optional '-', 1..19 digits, nothing else.
// INVALID_ARGUMENT for anything else, OVERFLOW beyond int64.
Result<int64_t> ParseInt64(std::string_view text);

}  // namespace shopcore

#endif  // SHOPCORE_MONEY_CHECKED_H_
