// base64url without padding (RFC 4648 §5), strict: the decoder refuses
// padding, whitespace, any other alphabet and non-zero trailing bits, so
// every byte string has exactly one token.
#ifndef SHOPCORE_SRC_SOCIAL_BASE64URL_H_
#define SHOPCORE_SRC_SOCIAL_BASE64URL_H_

#include <string>

#include "shopcore/status.h"

namespace shopcore {

std::string Base64UrlEncode(const std::string& bytes);
// Errors are BAD_TOKEN with path "token[i]" at the offending character.
Result<std::string> Base64UrlDecode(const std::string& text);

}  // namespace shopcore

#endif  // SHOPCORE_SRC_SOCIAL_BASE64URL_H_
