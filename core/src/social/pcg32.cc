#include "shopcore/social/pcg32.h"

namespace shopcore {

namespace {
constexpr uint64_t kMultiplier = 6364136223846793005ULL;
}  // namespace

Pcg32::Pcg32(uint64_t initstate, uint64_t initseq) : state_(0), increment_((initseq << 1u) | 1u) {
  Next();
  state_ += initstate;
  Next();
}

uint32_t Pcg32::Next() {
  uint64_t old = state_;
  state_ = old * kMultiplier + increment_;
  uint32_t xorshifted = static_cast<uint32_t>(((old >> 18u) ^ old) >> 27u);
  uint32_t rot = static_cast<uint32_t>(old >> 59u);
  return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

uint32_t Pcg32::Bounded(uint32_t bound) {
  // (-bound) % bound is (2^32 - bound) % bound in unsigned arithmetic: the
  // count of low values to reject so every residue is equally likely.
  uint32_t threshold = static_cast<uint32_t>(-bound) % bound;
  while (true) {
    uint32_t r = Next();
    if (r >= threshold) return r % bound;
  }
}

uint64_t Pcg32::Next64() {
  uint64_t high = Next();
  uint64_t low = Next();
  return (high << 32u) | low;
}

uint64_t Pcg32::Bounded64(uint64_t bound) {
  uint64_t threshold = static_cast<uint64_t>(-bound) % bound;
  while (true) {
    uint64_t r = Next64();
    if (r >= threshold) return r % bound;
  }
}

}  // namespace shopcore
