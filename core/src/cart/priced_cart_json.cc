#include "shopcore/cart/priced_cart_json.h"

#include <nlohmann/json.hpp>

#include "shopcore/money/money.h"

namespace shopcore {
namespace cart {
namespace {

using Json = nlohmann::ordered_json;

class Writer {
 public:
  explicit Writer(const PricedCart& priced) : priced_(priced) {}

  std::string Amount(int64_t minor) const { return Money::Of(minor, *priced_.currency).ToMajorString(); }

  Json Adjustments(const std::vector<Adjustment>& adjustments) const {
    Json out = Json::array();
    for (const auto& adjustment : adjustments) {
      Json entry;
      entry["source"] = adjustment.source_id;
      entry["phase"] = PhaseName(adjustment.phase);
      entry["amount"] = Amount(adjustment.amount);
      out.push_back(std::move(entry));
    }
    return out;
  }

  std::string Write() const {
    Json out;
    out["currency"] = priced_.currency->code;
    out["rules_version"] = priced_.rules_version;
    out["activity_order"] = priced_.activity_order;
    Json lines = Json::array();
    for (const auto& line : priced_.lines) {
      Json entry;
      entry["sku"] = line.sku_id;
      entry["quantity"] = line.quantity;
      entry["unit_list_price"] = Amount(line.unit_list_price);
      entry["list_total"] = Amount(line.list_total);
      entry["adjustments"] = Adjustments(line.adjustments);
      entry["payable"] = Amount(line.payable);
      entry["activity_priced"] = line.activity_priced;
      Json units = Json::array();
      for (const auto& unit : line.units) {
        Json bucket;
        bucket["count"] = unit.count;
        bucket["unit_payable"] = Amount(unit.unit_payable);
        bucket["adjustments"] = Adjustments(unit.adjustments);
        units.push_back(std::move(bucket));
      }
      entry["units"] = std::move(units);
      lines.push_back(std::move(entry));
    }
    out["lines"] = std::move(lines);
    Json totals;
    totals["list"] = Amount(priced_.list_total);
    totals["discount"] = Amount(priced_.discount_total);
    totals["goods"] = Amount(priced_.goods_payable);
    totals["shipping_fee"] = Amount(priced_.shipping_fee);
    totals["shipping"] = Amount(priced_.shipping_payable);
    totals["payable"] = Amount(priced_.total_payable);
    out["totals"] = std::move(totals);
    out["shipping_adjustments"] = Adjustments(priced_.shipping_adjustments);
    Json points;
    points["used"] = priced_.points_used;
    points["earned"] = priced_.points_earned;
    out["points"] = std::move(points);
    out["applied_coupons"] = priced_.applied_coupons;
    Json coupons = Json::array();
    for (const auto& coupon : priced_.coupons) {
      Json entry;
      entry["id"] = coupon.coupon_id;
      entry["applied"] = coupon.applied;
      entry["amount"] = Amount(coupon.amount);
      entry["reason"] = CouponRefusalName(coupon.refusal);
      entry["short_by"] = Amount(coupon.short_by);
      coupons.push_back(std::move(entry));
    }
    out["coupons"] = std::move(coupons);
    Json promotions = Json::array();
    for (const auto& promotion : priced_.promotions) {
      Json entry;
      entry["id"] = promotion.promotion_id;
      entry["status"] = promotion.status;
      if (promotion.amount_is_points) {
        entry["amount"] = promotion.amount;
      } else {
        entry["amount"] = Amount(promotion.amount);
      }
      promotions.push_back(std::move(entry));
    }
    out["promotions"] = std::move(promotions);
    Json nudges = Json::array();
    for (const auto& nudge : priced_.nudges) {
      Json entry;
      entry["promotion"] = nudge.promotion_id;
      entry["kind"] = nudge.kind;
      entry["amount_short"] = Amount(nudge.amount_short);
      if (nudge.reward_is_basis_points) {
        entry["reward"] = nudge.reward;
      } else {
        entry["reward"] = Amount(nudge.reward);
      }
      nudges.push_back(std::move(entry));
    }
    out["nudges"] = std::move(nudges);
    out["hash"] = priced_.hash;
    return out.dump();
  }

 private:
  const PricedCart& priced_;
};

}  // namespace

std::string PricedCartToJson(const PricedCart& priced) {
  if (priced.currency == nullptr) return "{}";
  return Writer(priced).Write();
}

}  // namespace cart
}  // namespace shopcore
