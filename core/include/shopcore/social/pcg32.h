// PCG32: the PRNG the server and the device share to replay bargain cuts.
//
// This is O'Neill's pcg32 (PCG-XSH-RR 64/32, "pcg32_random_r" of
// pcg-c-basic), chosen because it is named, specified, tiny and has public
// reference outputs (tests/unit/social/pcg32_test.cc checks the pcg32-demo
// rounds). Any server language can reproduce it in a dozen lines:
//
//   seed(initstate, initseq): state = 0; inc = (initseq << 1) | 1;
//                             next(); state += initstate; next();
//   next():  old = state; state = old * 6364136223846793005 + inc;
//            xorshifted = uint32(((old >> 18) ^ old) >> 27); rot = old >> 59;
//            return rotr32(xorshifted, rot);
//   bounded(b), 0 < b < 2^32: threshold = (2^32 - b) mod b;
//            repeat r = next() until r >= threshold; return r mod b.
//
// Next64 and Bounded64 are our extension for amounts beyond 2^32 minor units
// and are part of the bargain spec (see bargain.h).
#ifndef SHOPCORE_SOCIAL_PCG32_H_
#define SHOPCORE_SOCIAL_PCG32_H_

#include <cstdint>

namespace shopcore {

class Pcg32 {
 public:
  Pcg32(uint64_t initstate, uint64_t initseq);

  uint32_t Next();
  // Uniform in [0, bound) without modulo bias; bound must be > 0.
  uint32_t Bounded(uint32_t bound);
  // (Next() << 32) | Next(): the high half is drawn first.
  uint64_t Next64();
  // Uniform in [0, bound) for 64-bit bounds: threshold = (2^64 - bound) mod
  // bound, repeat r = Next64() until r >= threshold, return r mod bound.
  uint64_t Bounded64(uint64_t bound);

  uint64_t state() const { return state_; }

 private:
  uint64_t state_ = 0;
  uint64_t increment_ = 0;
};

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_PCG32_H_
