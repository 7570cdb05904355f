// The social module: group-buy 拼团, bargain 砍价, referral commission 分销,
// community pickup 社区团购 and share links. Pure functions over plain types
// that a snapshot adapter fills from campaign data; the server stays the
// authority for membership, randomness and time (`now` is an argument).
// social/codec.h has the JSON requests and answers the CLI and bindings use.
#ifndef SHOPCORE_SOCIAL_H_
#define SHOPCORE_SOCIAL_H_

#include "shopcore/social/bargain.h"
#include "shopcore/social/group_buy.h"
#include "shopcore/social/pcg32.h"
#include "shopcore/social/pickup.h"
#include "shopcore/social/referral.h"
#include "shopcore/social/share_token.h"

#endif  // SHOPCORE_SOCIAL_H_
