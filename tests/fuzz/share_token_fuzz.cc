// Share-link tokens as they arrive in a URL: DecodeShareToken.
// Invariants: no crash or UB; rejections are BAD_TOKEN or
// UNSUPPORTED_VERSION; an accepted token's link is valid and encodes back to
// a token that decodes to the same link.
#include <string>

#include "fuzz_support.h"
#include "shopcore/social/share_token.h"

namespace shopcore::fuzz {

std::vector<std::string> FuzzSeeds() {
  // Real tokens of every kind, unsigned and with the longest signature.
  std::vector<std::string> seeds;
  const ShareKind kKinds[] = {ShareKind::kItem, ShareKind::kGroup, ShareKind::kBargain};
  for (ShareKind kind : kKinds) {
    for (const std::string& signature : {std::string(), std::string(kMaxShareSignatureBytes, '\xa5')}) {
      ShareLink link;
      link.kind = kind;
      link.item_id = "sku-123";
      link.inviter_id = "u_7:a.b";
      link.ref_id = kind == ShareKind::kItem ? "" : "g-42";
      link.market = "CN";
      link.signature = signature;
      auto token = EncodeShareToken(link);
      if (!token.ok()) Violation("cannot encode a seed token: " + token.error().ToString());
      seeds.push_back(*token);
    }
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  const std::string token(reinterpret_cast<const char*>(data), size);
  auto link = DecodeShareToken(token);
  if (!link.ok()) {
    Check(link.error().code == ErrorCode::kUnsupportedVersion || link.error().code == ErrorCode::kBadToken,
          "a rejected token reports " + link.error().ToString());
    return 0;
  }
  Check(ValidateShareLink(*link).ok(), "a decoded link does not validate");
  auto again = EncodeShareToken(*link);
  Check(again.ok(), "a decoded link does not encode");
  auto round = DecodeShareToken(*again);
  Check(round.ok() && round->kind == link->kind && round->item_id == link->item_id &&
            round->inviter_id == link->inviter_id && round->ref_id == link->ref_id && round->market == link->market &&
            round->signature == link->signature,
        "a decoded link does not round-trip");
  return 0;
}
