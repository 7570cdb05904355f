// Version of the engine; schema and data versions live with their modules.
#ifndef SHOPCORE_VERSION_H_
#define SHOPCORE_VERSION_H_

namespace shopcore {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace shopcore

#endif  // SHOPCORE_VERSION_H_
