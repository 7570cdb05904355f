#include "shopcore/social/share_token.h"

#include <cstdint>

#include "social/base64url.h"
#include "social/crc32.h"

namespace shopcore {
namespace {

constexpr size_t kChecksumBytes = 4;

Error BadToken(const std::string& message, const std::string& path = "token") {
  return MakeError(ErrorCode::kBadToken, message, path);
}

bool IsIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

Status CheckId(const std::string& value, size_t min, size_t max, const char* field) {
  if (value.size() < min || value.size() > max) {
    return MakeError(ErrorCode::kInvalidArgument,
                     std::string(field) + " must be " + std::to_string(min) + ".." + std::to_string(max) + " bytes",
                     field);
  }
  for (char c : value) {
    if (!IsIdChar(c)) {
      return MakeError(ErrorCode::kInvalidArgument, std::string(field) + " may only use A-Z a-z 0-9 . _ : -", field);
    }
  }
  return Status::Ok();
}

void AppendField(std::string* out, const std::string& value) {
  out->push_back(static_cast<char>(value.size()));
  out->append(value);
}

// Reads the length-prefixed fields of a version-1 body; `truncated` is set
// when the bytes run out before the layout ends.
struct Reader {
  const std::string& bytes;
  size_t end;
  size_t at = 0;
  bool truncated = false;

  bool Field(std::string* value) {
    if (at >= end) return Fail();
    size_t size = static_cast<uint8_t>(bytes[at++]);
    if (size > end - at) return Fail();
    *value = bytes.substr(at, size);
    at += size;
    return true;
  }
  bool Fail() {
    truncated = true;
    return false;
  }
};

}  // namespace

const char* ShareKindName(ShareKind kind) {
  switch (kind) {
    case ShareKind::kItem: return "item";
    case ShareKind::kGroup: return "group";
    case ShareKind::kBargain: return "bargain";
  }
  return "unknown";
}

Result<ShareKind> ParseShareKind(const std::string& name) {
  for (ShareKind kind : {ShareKind::kItem, ShareKind::kGroup, ShareKind::kBargain}) {
    if (name == ShareKindName(kind)) return kind;
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown share kind '" + name + "' (item, group or bargain)", "kind");
}

Status ValidateShareLink(const ShareLink& link) {
  SHOPCORE_RETURN_IF_ERROR(CheckId(link.item_id, 1, kMaxShareIdBytes, "item_id"));
  SHOPCORE_RETURN_IF_ERROR(CheckId(link.inviter_id, 1, kMaxShareIdBytes, "inviter_id"));
  if (link.kind == ShareKind::kItem) {
    if (!link.ref_id.empty()) {
      return MakeError(ErrorCode::kInvalidArgument, "an item share has no group or bargain id", "ref_id");
    }
  } else {
    SHOPCORE_RETURN_IF_ERROR(CheckId(link.ref_id, 1, kMaxShareIdBytes, "ref_id"));
  }
  SHOPCORE_RETURN_IF_ERROR(CheckId(link.market, 1, kMaxShareMarketBytes, "market"));
  if (link.signature.size() > kMaxShareSignatureBytes) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "signature must be at most " + std::to_string(kMaxShareSignatureBytes) + " bytes", "signature");
  }
  return Status::Ok();
}

Result<std::string> ShareTokenSigningBytes(const ShareLink& link) {
  SHOPCORE_RETURN_IF_ERROR(ValidateShareLink(link));
  std::string bytes;
  bytes.push_back(static_cast<char>(kShareTokenVersion));
  bytes.push_back(static_cast<char>(link.kind));
  AppendField(&bytes, link.item_id);
  AppendField(&bytes, link.inviter_id);
  AppendField(&bytes, link.ref_id);
  AppendField(&bytes, link.market);
  return bytes;
}

Result<std::string> EncodeShareToken(const ShareLink& link) {
  auto bytes = ShareTokenSigningBytes(link);
  if (!bytes.ok()) return bytes.error();
  AppendField(&*bytes, link.signature);
  uint32_t crc = Crc32(reinterpret_cast<const unsigned char*>(bytes->data()), bytes->size());
  for (int shift = 24; shift >= 0; shift -= 8) bytes->push_back(static_cast<char>((crc >> shift) & 0xFF));
  return Base64UrlEncode(*bytes);
}

Result<ShareLink> DecodeShareToken(const std::string& token) {
  if (token.empty()) return BadToken("empty token");
  if (token.size() > kMaxShareTokenChars) {
    return BadToken("token of " + std::to_string(token.size()) + " characters is longer than the " +
                    std::to_string(kMaxShareTokenChars) + " any share token can have");
  }
  auto decoded = Base64UrlDecode(token);
  if (!decoded.ok()) return decoded.error();
  const std::string& bytes = *decoded;
  // version, kind, five length bytes, checksum: the least a token can be.
  if (bytes.size() < 2 + 5 + kChecksumBytes) return BadToken("token is truncated");
  size_t body = bytes.size() - kChecksumBytes;
  uint32_t stored = 0;
  for (size_t i = body; i < bytes.size(); ++i) stored = (stored << 8) | static_cast<uint8_t>(bytes[i]);
  bool intact = stored == Crc32(reinterpret_cast<const unsigned char*>(bytes.data()), body);
  int version = static_cast<uint8_t>(bytes[0]);
  if (intact && version != kShareTokenVersion) {
    return MakeError(ErrorCode::kUnsupportedVersion,
                     "share token version " + std::to_string(version) + " is not supported (this build reads " +
                         std::to_string(kShareTokenVersion) + ")",
                     "token");
  }

  ShareLink link;
  Reader reader{bytes, body};
  reader.at = 2;
  bool complete = reader.Field(&link.item_id) && reader.Field(&link.inviter_id) && reader.Field(&link.ref_id) &&
                  reader.Field(&link.market) && reader.Field(&link.signature);
  if (!intact) {
    // Say which accident it most likely was: a cut-off copy runs out of
    // bytes before the layout ends; anything else was altered.
    return BadToken(reader.truncated ? "token is truncated" : "checksum mismatch: the token was altered");
  }
  if (!complete) return BadToken("token is truncated");
  if (reader.at != body) return BadToken("unexpected bytes after the signature");
  int kind = static_cast<uint8_t>(bytes[1]);
  if (kind > static_cast<int>(ShareKind::kBargain)) return BadToken("unknown share kind " + std::to_string(kind));
  link.kind = static_cast<ShareKind>(kind);
  if (auto valid = ValidateShareLink(link); !valid.ok()) {
    return BadToken("invalid " + valid.error().path + ": " + valid.error().message, "token." + valid.error().path);
  }
  return link;
}

}  // namespace shopcore
