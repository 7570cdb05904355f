// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, init and final xor
// 0xFFFFFFFF): the same value as zlib's crc32(), so any server language has
// it in its standard library. Bitwise, no table: tokens are a few hundred bytes.
#ifndef SHOPCORE_SRC_SOCIAL_CRC32_H_
#define SHOPCORE_SRC_SOCIAL_CRC32_H_

#include <cstddef>
#include <cstdint>

namespace shopcore {

inline uint32_t Crc32(const unsigned char* data, size_t size) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int bit = 0; bit < 8; ++bit) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc ^ 0xFFFFFFFFu;
}

}  // namespace shopcore

#endif  // SHOPCORE_SRC_SOCIAL_CRC32_H_
