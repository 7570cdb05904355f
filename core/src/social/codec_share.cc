// JSON codec of share-token requests and answers (see shopcore/social/codec.h).
#include <string>

#include "shopcore/social/codec.h"
#include "shopcore/social/share_token.h"
#include "social/base64url.h"
#include "social/json_access.h"

namespace shopcore {
namespace {

using namespace json_access;  // NOLINT: the codec's own helpers

OrderedJson EncodeLink(const ShareLink& link) {
  OrderedJson out;
  out["version"] = kShareTokenVersion;
  out["kind"] = ShareKindName(link.kind);
  out["item_id"] = link.item_id;
  out["inviter_id"] = link.inviter_id;
  out["ref_id"] = link.ref_id.empty() ? OrderedJson(nullptr) : OrderedJson(link.ref_id);
  out["market"] = link.market;
  out["signature_b64"] = Base64UrlEncode(link.signature);
  return out;
}

}  // namespace

Result<std::string> ShareEncodeJson(const std::string& text) {
  Json request;
  ASSIGN_OR_RETURN(request, ParseDocument(text));
  SHOPCORE_RETURN_IF_ERROR(
      RequireObject(request, "", {"kind", "item_id", "inviter_id", "ref_id", "market", "signature_b64"}));
  ShareLink link;
  std::string kind, signature;
  ASSIGN_OR_RETURN(kind, GetString(request, "kind", ""));
  auto parsed_kind = ParseShareKind(kind);
  if (!parsed_kind.ok()) return parsed_kind.error();
  link.kind = *parsed_kind;
  ASSIGN_OR_RETURN(link.item_id, GetString(request, "item_id", ""));
  ASSIGN_OR_RETURN(link.inviter_id, GetString(request, "inviter_id", ""));
  ASSIGN_OR_RETURN(link.ref_id, GetString(request, "ref_id", "", std::string()));
  ASSIGN_OR_RETURN(link.market, GetString(request, "market", ""));
  ASSIGN_OR_RETURN(signature, GetString(request, "signature_b64", "", std::string()));
  auto signature_bytes = Base64UrlDecode(signature);
  if (!signature_bytes.ok()) {
    return MakeError(ErrorCode::kInvalidArgument, "signature is not base64url: " + signature_bytes.error().message,
                     "signature_b64");
  }
  link.signature = *signature_bytes;
  std::string token;
  ASSIGN_OR_RETURN(token, EncodeShareToken(link));
  OrderedJson out;
  out["token"] = token;
  out["chars"] = token.size();
  out["link"] = EncodeLink(link);
  return Dump(out);
}

Result<std::string> ShareDecodeJson(const std::string& token) {
  ShareLink link;
  ASSIGN_OR_RETURN(link, DecodeShareToken(token));
  return Dump(EncodeLink(link));
}

}  // namespace shopcore
