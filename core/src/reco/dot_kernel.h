// Internal: the one hot loop of embedding scoring, every item's int8 factor
// row against the int16 user vector. Integer arithmetic, so every path
// (scalar, the compilers' vectorisation, wasm SIMD128) gives the same bits.
#ifndef SHOPCORE_SRC_RECO_DOT_KERNEL_H_
#define SHOPCORE_SRC_RECO_DOT_KERNEL_H_

#include <cstdint>

namespace shopcore::reco::internal {

// out[i] = sum_k rows[i * d + k] * user[k] for i < n. d <= 256 keeps every
// sum inside int32 (256 * 128 * 32767 < 2^31).
void DotRowsInt8Int16(const int8_t* rows, const int16_t* user, uint32_t d, uint32_t n, int32_t* out);

}  // namespace shopcore::reco::internal

#endif  // SHOPCORE_SRC_RECO_DOT_KERNEL_H_
