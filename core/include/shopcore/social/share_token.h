// Share links: (item, inviter, group or bargain id, market) packed into a
// compact URL-safe token, e.g. https://shop.example/s/<token>.
//
// The token is base64url without padding (RFC 4648 §5) of this layout,
// version 1:
//
//   u8  version            1
//   u8  kind               0 item, 1 group, 2 bargain
//   u8  len + item id      1..64 bytes
//   u8  len + inviter id   1..64 bytes
//   u8  len + ref id       the group or bargain id: 1..64 bytes; 0 for kind item
//   u8  len + market       1..8 bytes
//   u8  len + signature    0..64 bytes: the server's signature over every byte
//                          before this length byte (signing stays server-side;
//                          the device carries it untouched)
//   u32 checksum           CRC-32 (IEEE 802.3, as zlib's crc32) of every
//                          preceding byte, big-endian
//
// Ids and market use only [A-Za-z0-9._:-]. Every future version also ends
// with the same CRC-32, so a token of an unknown version is told apart from
// a damaged one. The checksum catches accidents (a mangled copy-paste), not
// forgery: that is the signature's job, checked by the server.
#ifndef SHOPCORE_SOCIAL_SHARE_TOKEN_H_
#define SHOPCORE_SOCIAL_SHARE_TOKEN_H_

#include <cstddef>
#include <string>

#include "shopcore/status.h"

namespace shopcore {

constexpr int kShareTokenVersion = 1;
constexpr size_t kMaxShareIdBytes = 64;
constexpr size_t kMaxShareMarketBytes = 8;
constexpr size_t kMaxShareSignatureBytes = 64;
// The longest valid version-1 token, in characters; longer input is refused
// before any decoding.
constexpr size_t kMaxShareTokenChars = 367;

enum class ShareKind { kItem = 0, kGroup = 1, kBargain = 2 };
const char* ShareKindName(ShareKind kind);  // "item", "group", "bargain"
Result<ShareKind> ParseShareKind(const std::string& name);

struct ShareLink {
  ShareKind kind = ShareKind::kItem;
  std::string item_id;
  std::string inviter_id;
  std::string ref_id;  // group or bargain id; empty for kind item
  std::string market;
  std::string signature;  // raw bytes; empty when unsigned
};

Status ValidateShareLink(const ShareLink& link);
Result<std::string> EncodeShareToken(const ShareLink& link);
// BAD_TOKEN for anything malformed, truncated, oversized or altered;
// UNSUPPORTED_VERSION for an intact token of a version this build cannot read.
Result<ShareLink> DecodeShareToken(const std::string& token);
// The bytes the server signs (the layout up to, not including, the
// signature length byte).
Result<std::string> ShareTokenSigningBytes(const ShareLink& link);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_SHARE_TOKEN_H_
