// Everything about the shopper and the moment that pricing needs and the
// catalog does not know. The server supplies it (the device never reads the
// clock or decides a coupon is unused).
#ifndef SHOPCORE_CART_PRICING_REQUEST_H_
#define SHOPCORE_CART_PRICING_REQUEST_H_

#include <cstdint>
#include <string>
#include <vector>

#include "shopcore/cart/catalog_view.h"
#include "shopcore/cart/coupon.h"

namespace shopcore {
namespace cart {

struct PricingRequest {
  int64_t now = 0;                    // epoch ms
  std::string member_tier;            // "" = not a member
  // Group-buy and bargain activities the shopper takes part in; those
  // prices apply only to them.
  std::vector<std::string> joined_activities;
  bool pickup = false;                // collect at a pickup point: no postage
  int64_t points_balance = 0;
  int64_t points_to_use = kUnlimited;  // kUnlimited: as many as the rules allow
  std::vector<Coupon> coupons;        // the shopper's wallet
  // true: choose the set of wallet coupons that saves most. false: apply
  // exactly selected_coupons (each must be in the wallet).
  bool choose_best_coupons = true;
  std::vector<std::string> selected_coupons;
};

}  // namespace cart
}  // namespace shopcore

#endif  // SHOPCORE_CART_PRICING_REQUEST_H_
