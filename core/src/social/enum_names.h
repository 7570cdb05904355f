// Name -> enum lookup shared by the social module's stable enum names.
#ifndef SHOPCORE_SRC_SOCIAL_ENUM_NAMES_H_
#define SHOPCORE_SRC_SOCIAL_ENUM_NAMES_H_

#include <cstddef>
#include <string>

#include "shopcore/status.h"

namespace shopcore {

template <typename Enum, size_t N>
Result<Enum> ParseEnumName(const std::string& name, const Enum (&values)[N], const char* (*namer)(Enum),
                           const char* what) {
  for (Enum value : values) {
    if (name == namer(value)) return value;
  }
  return MakeError(ErrorCode::kInvalidArgument, std::string("unknown ") + what + " '" + name + "'");
}

}  // namespace shopcore

#endif  // SHOPCORE_SRC_SOCIAL_ENUM_NAMES_H_
