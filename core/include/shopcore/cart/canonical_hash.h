// The canonical hash of a priced cart: what the client sends with an order
// so the server, re-pricing the same cart natively, can tell at once whether
// they agree to the cent.
//
// Hash = FNV-1a 64 (offset basis 0xcbf29ce484222325, prime 0x100000001b3,
// over bytes) of the canonical byte form below, printed as 16 lowercase hex
// digits. FNV-1a detects disagreement; it is not a defence against forgery
// (the server re-prices anyway).
//
// Canonical byte form, version 1: ASCII records, each ending in '\n';
// integers in base 10 with '-' for negatives; every string as
// <byte length>:<bytes>; phases by PhaseName. Only the economics are in it
// (explanations such as outcomes and nudges are not, nor the unit buckets:
// those are a function of the line record, defined by SplitOverUnits):
//
//   shopcore.priced-cart.v1
//   currency <code>
//   rules <version>
//   activity <0|1>
//   for each line, by SKU id (so insertion order never changes the hash):
//     line <sku> <quantity> <unit list price> <list total> <payable>
//     adj <source id> <phase> <amount>                 (each line adjustment, in order)
//   shipping <fee> <payable>
//   adj <source id> <phase> <amount>                   (each shipping adjustment)
//   coupon <id>                                        (each applied coupon, by id)
//   points <used> <earned>
//   total <list total> <discount total> <goods payable> <total payable>
#ifndef SHOPCORE_CART_CANONICAL_HASH_H_
#define SHOPCORE_CART_CANONICAL_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/cart/priced_cart.h"

namespace shopcore {
namespace cart {

std::string CanonicalBytes(const PricedCart& priced);
uint64_t Fnv1a64(std::string_view bytes);
std::string PricedCartHash(const PricedCart& priced);

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_CANONICAL_HASH_H_
