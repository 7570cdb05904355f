#include "social/base64url.h"

#include <cstdint>

namespace shopcore {
namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

int ValueOf(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

}  // namespace

std::string Base64UrlEncode(const std::string& bytes) {
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t chunk = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8) |
                     static_cast<uint8_t>(bytes[i + 2]);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += kAlphabet[(chunk >> 6) & 63];
    out += kAlphabet[chunk & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t chunk = static_cast<uint8_t>(bytes[i]) << 16;
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
  } else if (rest == 2) {
    uint32_t chunk = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8);
    out += kAlphabet[(chunk >> 18) & 63];
    out += kAlphabet[(chunk >> 12) & 63];
    out += kAlphabet[(chunk >> 6) & 63];
  }
  return out;
}

Result<std::string> Base64UrlDecode(const std::string& text) {
  if (text.size() % 4 == 1) {
    return MakeError(ErrorCode::kBadToken, "not base64url: a length of 4k+1 characters is impossible", "token");
  }
  std::string out;
  out.reserve(text.size() * 3 / 4);
  uint32_t buffer = 0;
  int bits = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    int value = ValueOf(text[i]);
    if (value < 0) {
      return MakeError(ErrorCode::kBadToken, "not base64url: unexpected character", "token[" + std::to_string(i) + "]");
    }
    buffer = (buffer << 6) | static_cast<uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  // Leftover bits (2 or 4) must be zero or two texts would decode alike.
  if (bits > 0 && (buffer & ((1u << bits) - 1)) != 0) {
    return MakeError(ErrorCode::kBadToken, "not canonical base64url: non-zero trailing bits",
                     "token[" + std::to_string(text.size() - 1) + "]");
  }
  return out;
}

}  // namespace shopcore
