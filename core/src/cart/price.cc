#include "shopcore/cart/price.h"

#include <algorithm>
#include <set>

#include "cart/pipeline.h"
#include "cart/unit_buckets.h"
#include "shopcore/cart/canonical_hash.h"
#include "shopcore/money/checked.h"

namespace shopcore {
namespace cart {
namespace {

Status ValidateInputs(const CatalogView& catalog, const std::vector<Promotion>& promotions, const PricingRules& rules,
                      const PricingRequest& request) {
  if (catalog.currency == nullptr) return MakeError(ErrorCode::kInvalidArgument, "catalog has no currency", "currency");
  SHOPCORE_RETURN_IF_ERROR(ValidatePricingRules(rules));
  SHOPCORE_RETURN_IF_ERROR(ValidatePromotions(promotions));
  SHOPCORE_RETURN_IF_ERROR(ValidateCoupons(request.coupons));
  // Adjustments name their source by id alone, so the two id spaces must not meet.
  std::set<std::string> promotion_ids;
  for (const auto& promotion : promotions) promotion_ids.insert(promotion.id);
  for (size_t i = 0; i < request.coupons.size(); ++i) {
    if (promotion_ids.count(request.coupons[i].id) > 0) {
      return MakeError(ErrorCode::kConflict, "coupon id " + request.coupons[i].id + " is also a promotion id",
                       "coupons[" + std::to_string(i) + "].id");
    }
  }
  return Status::Ok();
}

Pipeline BuildPipeline(const std::vector<Promotion>& promotions, const PricingRules& rules,
                       const PricingRequest& request) {
  Pipeline pipeline;
  for (Phase phase : rules.phases) {
    PromotionList list;
    for (const auto& promotion : promotions) {
      if (PhaseOf(promotion.kind) == phase) list.push_back(&promotion);
    }
    std::sort(list.begin(), list.end(), [](const Promotion* a, const Promotion* b) {
      return a->priority != b->priority ? a->priority < b->priority : a->id < b->id;
    });
    pipeline.phases.push_back({phase, std::move(list)});
  }
  for (const auto& coupon : request.coupons) pipeline.wallet.push_back(&coupon);
  std::sort(pipeline.wallet.begin(), pipeline.wallet.end(),
            [](const Coupon* a, const Coupon* b) { return a->id < b->id; });
  return pipeline;
}

}  // namespace

Result<PricedCart> Price(const Cart& cart, const CatalogView& catalog, const std::vector<Promotion>& promotions,
                         const PricingRules& rules, const PricingRequest& request) {
  SHOPCORE_RETURN_IF_ERROR(ValidateInputs(catalog, promotions, rules, request));

  PricingState state;
  state.catalog = &catalog;
  state.rules = &rules;
  state.request = &request;
  int64_t list_total = 0;
  for (size_t i = 0; i < cart.lines().size(); ++i) {
    const CartLine& cart_line = cart.lines()[i];
    const std::string path = "lines[" + std::to_string(i) + "]";
    const SkuInfo* sku = catalog.Find(cart_line.sku_id);
    if (sku == nullptr) return MakeError(ErrorCode::kNotFound, "no SKU " + cart_line.sku_id + " in the catalog", path);
    if (sku->list_price < 0) return MakeError(ErrorCode::kInvalidArgument, "list price is negative", path);
    WorkLine line;
    line.sku = sku;
    line.cart_index = i;
    line.quantity = cart_line.quantity;
    line.unit_list = sku->list_price;
    line.adjustments.reserve(8);
    auto line_total = CheckedMultiply(sku->list_price, cart_line.quantity);
    if (!line_total.ok()) return MakeError(ErrorCode::kOverflow, line_total.error().message, path);
    line.list_total = line.payable = *line_total;
    auto sum = CheckedAdd(list_total, *line_total);
    if (!sum.ok()) return MakeError(ErrorCode::kOverflow, "cart total does not fit in int64", path);
    list_total = *sum;
    state.lines.push_back(std::move(line));
  }
  // Canonical order: every split and tie below is decided by SKU id, never by
  // the order lines were added. (A Cart holds each SKU once.)
  std::stable_sort(state.lines.begin(), state.lines.end(),
                   [](const WorkLine& a, const WorkLine& b) { return a.sku->id < b.sku->id; });

  ScopeIndex scopes;
  auto index_scope = [&](const std::vector<std::string>& skus, const std::vector<std::string>& categories) {
    if (skus.empty() && categories.empty()) return;
    std::vector<uint8_t>& covered = scopes[&skus];
    for (const auto& line : state.lines) covered.push_back(InScope(*line.sku, skus, categories) ? 1 : 0);
  };
  for (const auto& promotion : promotions) {
    index_scope(promotion.skus, promotion.categories);
    index_scope(promotion.get_skus, {});
  }
  for (const auto& coupon : request.coupons) index_scope(coupon.skus, coupon.categories);
  state.scopes = &scopes;

  for (const auto& promotion : promotions) state.SetPromotionStatus(promotion.id, "PHASE_DISABLED");
  for (const auto& coupon : request.coupons) {
    state.coupon_outcomes[coupon.id] = CouponOutcome{coupon.id, false, 0, CouponRefusal::kPhaseDisabled, 0};
  }
  const Pipeline pipeline = BuildPipeline(promotions, rules, request);
  SHOPCORE_RETURN_IF_ERROR(RunPhases(state, pipeline, 0, nullptr));

  PricedCart priced;
  priced.currency = catalog.currency;
  priced.rules_version = rules.version;
  priced.activity_order = state.activity_order;
  std::vector<const WorkLine*> in_cart_order;
  for (const auto& line : state.lines) in_cart_order.push_back(&line);
  std::sort(in_cart_order.begin(), in_cart_order.end(),
            [](const WorkLine* a, const WorkLine* b) { return a->cart_index < b->cart_index; });
  for (const WorkLine* line : in_cart_order) {
    PricedLine out;
    out.sku_id = line->sku->id;
    out.quantity = line->quantity;
    out.unit_list_price = line->unit_list;
    out.list_total = line->list_total;
    out.adjustments = line->adjustments;
    out.payable = line->payable;
    out.activity_priced = line->activity_priced;
    auto units = SplitOverUnits(line->quantity, line->unit_list, line->adjustments);
    if (!units.ok()) return units.error();
    out.units = std::move(*units);
    priced.list_total += out.list_total;
    priced.goods_payable += out.payable;
    priced.lines.push_back(std::move(out));
  }
  priced.discount_total = priced.list_total - priced.goods_payable;
  priced.shipping_fee = state.shipping_fee;
  priced.shipping_adjustments = state.shipping_adjustments;
  priced.shipping_payable = state.ShippingPayable();
  auto total = CheckedAdd(priced.goods_payable, priced.shipping_payable);
  if (!total.ok()) return total.error();
  priced.total_payable = *total;
  priced.points_used = state.points_used;
  priced.points_earned = state.points_earned;
  for (const auto& entry : state.coupon_outcomes) {
    if (entry.second.applied) priced.applied_coupons.push_back(entry.first);
    priced.coupons.push_back(entry.second);
  }
  for (const auto& entry : state.promotion_outcomes) {
    PromotionOutcome outcome = entry.second;
    outcome.promotion_id = entry.first;
    priced.promotions.push_back(outcome);
  }
  for (const auto& promotion : promotions) {
    if (promotion.kind != PromotionKind::kPointsEarned) continue;
    for (auto& outcome : priced.promotions) {
      if (outcome.promotion_id == promotion.id) outcome.amount_is_points = true;
    }
  }
  priced.nudges = state.nudges;
  std::sort(priced.nudges.begin(), priced.nudges.end(), [](const Nudge& a, const Nudge& b) {
    if (a.amount_short != b.amount_short) return a.amount_short < b.amount_short;
    if (a.promotion_id != b.promotion_id) return a.promotion_id < b.promotion_id;
    return a.kind < b.kind;
  });
  priced.hash = PricedCartHash(priced);
  return priced;
}

}  // namespace cart
}  // namespace shopcore
