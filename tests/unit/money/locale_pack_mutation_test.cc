// Hostile pack bytes: thousands of deterministic mutations of a real pack
// (byte flips, truncations, deleted and duplicated spans). Each must either
// be rejected with BAD_LOCALE_PACK / UNSUPPORTED_VERSION or load and format
// without error; nothing may crash or trap (natively and in wasm).
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "shopcore/money/format.h"

namespace shopcore {
namespace {

std::string ReadPackBytes(const std::string& tag) {
  std::ifstream in(std::string(SHOPCORE_LOCALE_DIR) + "/" + tag + ".json", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A fixed linear congruential generator: the same mutations on every run and target.
struct Lcg {
  uint64_t state;
  uint32_t Next(uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33) % bound;
  }
};

std::string Mutate(const std::string& bytes, Lcg& random) {
  std::string out = bytes;
  const uint32_t size = static_cast<uint32_t>(out.size());
  switch (random.Next(4)) {
    case 0: {  // replace one byte with a JSON- or pattern-significant one
      static const char kBytes[] = "{}[]\",:0-9#.;'\xA4 xa";
      out[random.Next(size)] = kBytes[random.Next(sizeof(kBytes) - 1)];
      break;
    }
    case 1:
      out.resize(random.Next(size));
      break;
    case 2: {
      uint32_t at = random.Next(size);
      out.erase(at, random.Next(64));
      break;
    }
    default: {
      uint32_t at = random.Next(size);
      out.insert(at, out.substr(random.Next(size), random.Next(32)));
      break;
    }
  }
  return out;
}

TEST(LocalePackMutation, RejectedOrUsableNeverBroken) {
  const char* const kTags[] = {"en-US", "ar-SA", "ru-RU", "en-IN", "de-CH"};
  Lcg random{20261122};
  int rejected = 0, accepted = 0;
  for (const char* tag : kTags) {
    const std::string good = ReadPackBytes(tag);
    ASSERT_FALSE(good.empty()) << tag;
    for (int i = 0; i < 600; ++i) {
      std::string bytes = Mutate(good, random);
      auto pack = LocalePack::Parse(bytes);
      if (!pack.ok()) {
        ++rejected;
        EXPECT_TRUE(pack.error().code == ErrorCode::kBadLocalePack || pack.error().code == ErrorCode::kUnsupportedVersion)
            << pack.error().ToString();
        continue;
      }
      ++accepted;
      for (auto display : {CurrencyDisplay::kSymbol, CurrencyDisplay::kNarrowSymbol, CurrencyDisplay::kCode, CurrencyDisplay::kName}) {
        FormatOptions options;
        options.display = display;
        options.accounting = (i % 2) == 0;
        auto text = FormatMoney(*Money::Of(-123456789, "USD"), *pack, options);
        EXPECT_TRUE(text.ok()) << text.error().ToString();
      }
    }
  }
  // Both outcomes occur, so the test exercises both paths.
  EXPECT_GT(rejected, 1000);
  EXPECT_GT(accepted, 100);
}

}  // namespace
}  // namespace shopcore
