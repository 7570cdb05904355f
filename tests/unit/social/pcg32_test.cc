#include "shopcore/social/pcg32.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <utility>

namespace shopcore {
namespace {

// The reference outputs of O'Neill's pcg-c-basic `pcg32-demo` (seed 42,
// stream 54). The demo draws, in order from one generator: six 32-bit
// values, 65 coin flips (Bounded(2)), 33 dice rolls (Bounded(6) + 1), a
// 52-card Fisher-Yates shuffle (Bounded(i) for i = 52..2), then round 2's
// six 32-bit values. Matching all of it checks Next and Bounded exactly.
std::string DemoCards(Pcg32& rng) {
  int cards[52];
  for (int i = 0; i < 52; ++i) cards[i] = i;
  for (int i = 52; i > 1; --i) {
    uint32_t chosen = rng.Bounded(static_cast<uint32_t>(i));
    std::swap(cards[chosen], cards[i - 1]);
  }
  std::string out;
  for (int i = 0; i < 52; ++i) {
    if (i) out += ' ';
    out += "A23456789TJQK"[cards[i] / 4];
    out += "hcds"[cards[i] % 4];
  }
  return out;
}

TEST(Pcg32, MatchesPcgCBasicDemoRoundOneAndTwo) {
  Pcg32 rng(42u, 54u);
  const uint32_t round1[] = {0xa15c02b7u, 0x7b47f409u, 0xba1d3330u, 0x83d2f293u, 0xbfa4784bu, 0xcbed606eu};
  for (uint32_t expected : round1) EXPECT_EQ(rng.Next(), expected);

  std::string coins;
  for (int i = 0; i < 65; ++i) coins += rng.Bounded(2) ? 'H' : 'T';
  EXPECT_EQ(coins, "HHTTTHTHHHTHTTTHHHHHTTTHHHTHTHTHTTHTTTHHHHHHTTTTHHTTTTTHTTTTTTTHT");

  std::string rolls;
  for (int i = 0; i < 33; ++i) {
    if (i) rolls += ' ';
    rolls += static_cast<char>('1' + rng.Bounded(6));
  }
  EXPECT_EQ(rolls, "3 4 1 1 2 2 3 2 4 3 2 4 3 3 5 2 3 1 3 1 5 1 4 1 5 6 4 6 6 2 6 3 3");

  EXPECT_EQ(DemoCards(rng),
            "Qd Ks 6d 3s 3d 4c 3h Td Kc 5c Jh Kd Jd As 4s 4h Ad Th Ac Jc 7s Qs "
            "2s 7h Kh 2d 6c Ah 4d Qh 9h 6s 5s 2c 9c Ts 8d 9s 3c 8c Js 5d 2h 6h "
            "7d 8s 9d 5h 8h Qc 7c Tc");

  const uint32_t round2[] = {0x74ab93adu, 0x1c1da000u, 0x494ff896u, 0x34462f2fu, 0xd308a3e5u, 0x0fa83babu};
  for (uint32_t expected : round2) EXPECT_EQ(rng.Next(), expected);
}

TEST(Pcg32, Next64TakesTheHighHalfFirst) {
  Pcg32 rng(42u, 54u);
  EXPECT_EQ(rng.Next64(), 0xa15c02b77b47f409ULL);
  EXPECT_EQ(rng.Next64(), 0xba1d333083d2f293ULL);
}

TEST(Pcg32, Bounded64StaysInRangeAndOneIsAlwaysZero) {
  Pcg32 rng(7u, 0u);
  for (int i = 0; i < 1000; ++i) {
    EXPECT_EQ(rng.Bounded64(1), 0u);
    uint64_t bound = 3 + static_cast<uint64_t>(i) * 0x100000001ULL;
    EXPECT_LT(rng.Bounded64(bound), bound);
  }
}

}  // namespace
}  // namespace shopcore
