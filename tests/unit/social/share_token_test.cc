#include "shopcore/social/share_token.h"

#include <gtest/gtest.h>

#include <string>

#include "shopcore/social/pcg32.h"
#include "social/base64url.h"
#include "social/crc32.h"

namespace shopcore {
namespace {

ShareLink GroupLink() {
  ShareLink link;
  link.kind = ShareKind::kGroup;
  link.item_id = "sku-tea-250g";
  link.inviter_id = "u:10086";
  link.ref_id = "g-1";
  link.market = "CN";
  return link;
}

// A token with a valid checksum around arbitrary body bytes.
std::string Sealed(std::string bytes) {
  uint32_t crc = Crc32(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>((crc >> shift) & 0xFF));
  return Base64UrlEncode(bytes);
}

TEST(Crc32, MatchesTheStandardCheckValue) {
  const char text[] = "123456789";
  EXPECT_EQ(Crc32(reinterpret_cast<const unsigned char*>(text), 9), 0xCBF43926u);
}

TEST(Base64Url, Rfc4648Vectors) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(*Base64UrlDecode("-_8"), "\xfb\xff");
  EXPECT_EQ(*Base64UrlDecode("Zm9vYg"), "foob");
  EXPECT_EQ(Base64UrlDecode("Zm9vYh").error().code, ErrorCode::kBadToken);  // non-zero trailing bits
  EXPECT_EQ(Base64UrlDecode("Zm9v=").error().code, ErrorCode::kBadToken);
  EXPECT_EQ(Base64UrlDecode("Zm+v").error().path, "token[2]");
}

TEST(ShareToken, RoundTripsEveryKindWithAndWithoutSignature) {
  ShareLink group = GroupLink();
  auto token = EncodeShareToken(group);
  ASSERT_TRUE(token.ok()) << token.error().ToString();
  // Cross-checked with Python: base64.urlsafe_b64encode(body + zlib.crc32(body).to_bytes(4, "big")).
  EXPECT_EQ(*token, "AQEMc2t1LXRlYS0yNTBnB3U6MTAwODYDZy0xAkNOAGLpkzQ");
  auto back = DecodeShareToken(*token);
  ASSERT_TRUE(back.ok()) << back.error().ToString();
  EXPECT_EQ(back->kind, ShareKind::kGroup);
  EXPECT_EQ(back->item_id, "sku-tea-250g");
  EXPECT_EQ(back->inviter_id, "u:10086");
  EXPECT_EQ(back->ref_id, "g-1");
  EXPECT_EQ(back->market, "CN");
  EXPECT_EQ(back->signature, "");

  ShareLink item = GroupLink();
  item.kind = ShareKind::kItem;
  item.ref_id.clear();
  item.signature = std::string(64, '\xAB');
  EXPECT_EQ(DecodeShareToken(*EncodeShareToken(item))->signature, item.signature);
  ShareLink bargain = GroupLink();
  bargain.kind = ShareKind::kBargain;
  bargain.ref_id = std::string(64, 'b');
  bargain.item_id = std::string(64, 'i');
  bargain.inviter_id = std::string(64, 'u');
  bargain.market = "EU-NORTH";
  bargain.signature = std::string(64, '\0');
  auto longest = EncodeShareToken(bargain);
  EXPECT_EQ(longest->size(), kMaxShareTokenChars);
  EXPECT_EQ(DecodeShareToken(*longest)->ref_id, bargain.ref_id);
  EXPECT_EQ(*ShareTokenSigningBytes(GroupLink()), std::string("\x01\x01\x0csku-tea-250g\x07u:10086\x03g-1\x02" "CN"));
}

TEST(ShareToken, EncodeRejectsBadLinks) {
  ShareLink link = GroupLink();
  link.ref_id.clear();
  EXPECT_EQ(EncodeShareToken(link).error().path, "ref_id");
  link = GroupLink();
  link.kind = ShareKind::kItem;
  EXPECT_EQ(EncodeShareToken(link).error().path, "ref_id");
  link = GroupLink();
  link.inviter_id = "a b";
  EXPECT_EQ(EncodeShareToken(link).error().path, "inviter_id");
  link = GroupLink();
  link.item_id = std::string(65, 'x');
  EXPECT_EQ(EncodeShareToken(link).error().path, "item_id");
  link = GroupLink();
  link.market = "";
  EXPECT_EQ(EncodeShareToken(link).error().path, "market");
  link = GroupLink();
  link.signature = std::string(65, 's');
  EXPECT_EQ(EncodeShareToken(link).error().path, "signature");
}

TEST(ShareToken, EveryTruncationIsRejected) {
  std::string token = *EncodeShareToken(GroupLink());
  for (size_t size = 0; size < token.size(); ++size) {
    auto decoded = DecodeShareToken(token.substr(0, size));
    ASSERT_FALSE(decoded.ok()) << size;
    EXPECT_EQ(decoded.error().code, ErrorCode::kBadToken) << size;
  }
  // Cut at a 4-character boundary so the base64 itself stays well formed.
  ASSERT_EQ(token.size(), 47u);
  EXPECT_EQ(DecodeShareToken(token.substr(0, 44)).error().message, "token is truncated");
}

TEST(ShareToken, EveryFlippedByteAndEveryChangedCharacterIsRejected) {
  std::string token = *EncodeShareToken(GroupLink());
  std::string bytes = *Base64UrlDecode(token);
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = bytes;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      auto decoded = DecodeShareToken(Base64UrlEncode(flipped));
      ASSERT_FALSE(decoded.ok()) << i << "/" << bit;
      EXPECT_EQ(decoded.error().code, ErrorCode::kBadToken) << i << "/" << bit;
    }
  }
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  for (size_t i = 0; i < token.size(); ++i) {
    for (char c : alphabet) {
      if (c == token[i]) continue;
      std::string changed = token;
      changed[i] = c;
      EXPECT_FALSE(DecodeShareToken(changed).ok()) << i << c;
    }
  }
  std::string altered = bytes;
  altered[5] = 'X';
  EXPECT_EQ(DecodeShareToken(Base64UrlEncode(altered)).error().message, "checksum mismatch: the token was altered");
}

TEST(ShareToken, BadBase64OversizedAndWrongVersion) {
  std::string token = *EncodeShareToken(GroupLink());
  EXPECT_EQ(DecodeShareToken("").error().code, ErrorCode::kBadToken);
  EXPECT_EQ(DecodeShareToken(token + "=").error().code, ErrorCode::kBadToken);
  EXPECT_EQ(DecodeShareToken("AQEM c2t").error().path, "token[4]");
  std::string plus = token;
  plus[3] = '+';
  EXPECT_EQ(DecodeShareToken(plus).error().path, "token[3]");
  auto oversized = DecodeShareToken(std::string(kMaxShareTokenChars + 1, 'A'));
  EXPECT_EQ(oversized.error().code, ErrorCode::kBadToken);
  EXPECT_EQ(oversized.error().message, "token of 368 characters is longer than the 367 any share token can have");

  std::string body = *ShareTokenSigningBytes(GroupLink()) + std::string(1, '\0');
  body[0] = 2;
  auto future = DecodeShareToken(Sealed(body));
  EXPECT_EQ(future.error().code, ErrorCode::kUnsupportedVersion);
  EXPECT_EQ(future.error().message, "share token version 2 is not supported (this build reads 1)");
  body[0] = 1;
  body[1] = 7;
  EXPECT_EQ(DecodeShareToken(Sealed(body)).error().message, "unknown share kind 7");
  body[1] = 1;
  EXPECT_TRUE(DecodeShareToken(Sealed(body)).ok());
  EXPECT_EQ(DecodeShareToken(Sealed(body + "x")).error().message, "unexpected bytes after the signature");
  std::string bad_id = body;
  bad_id[3] = ' ';
  EXPECT_EQ(DecodeShareToken(Sealed(bad_id)).error().path, "token.item_id");
}

TEST(ShareToken, NeverCrashesOnArbitraryInput) {
  Pcg32 rng(2026, 11);
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    size_t size = rng.Bounded(400);
    std::string text;
    std::string bytes;
    for (size_t i = 0; i < size; ++i) {
      text.push_back(static_cast<char>(rng.Bounded(256)));
      bytes.push_back(static_cast<char>(rng.Bounded(256)));
    }
    EXPECT_FALSE(DecodeShareToken(text).ok());
    // Well-formed base64 of random bytes, with and without a valid checksum.
    accepted += DecodeShareToken(Base64UrlEncode(bytes)).ok() ? 1 : 0;
    if (!bytes.empty()) bytes[0] = 1;
    accepted += DecodeShareToken(Sealed(bytes)).ok() ? 1 : 0;
  }
  EXPECT_LT(accepted, 20);
}

}  // namespace
}  // namespace shopcore
