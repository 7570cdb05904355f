#include "cart/pricing_state.h"

#include <algorithm>

#include "shopcore/money/allocation.h"

namespace shopcore {
namespace cart {

int64_t PricingState::GoodsPayable() const {
  int64_t total = 0;
  // Each payable <= its list total, whose sum Price() checked fits in int64.
  for (const auto& line : lines) total += line.payable;
  return total;
}

int64_t PricingState::ShippingPayable() const {
  int64_t payable = shipping_fee;
  for (const auto& adjustment : shipping_adjustments) payable -= adjustment.amount;
  return payable;
}

int64_t PricingState::OrderRoom() const {
  return std::max<int64_t>(0, GoodsPayable() - rules->minimum_payable);
}

void PricingState::SetPromotionStatus(const std::string& id, const std::string& status) {
  promotion_outcomes[id].promotion_id = id;
  promotion_outcomes[id].status = status;
}

PricingState PricingState::SearchCopy() const {
  PricingState copy;
  copy.catalog = catalog;
  copy.rules = rules;
  copy.request = request;
  copy.scopes = scopes;
  copy.lines.reserve(lines.size());
  for (const WorkLine& line : lines) {
    WorkLine light;
    light.sku = line.sku;
    light.cart_index = line.cart_index;
    light.quantity = line.quantity;
    light.unit_list = line.unit_list;
    light.list_total = line.list_total;
    light.payable = line.payable;
    light.activity_priced = line.activity_priced;
    light.record_adjustments = false;
    copy.lines.push_back(std::move(light));
  }
  copy.activity_order = activity_order;
  copy.threshold_promotion_applied = threshold_promotion_applied;
  copy.coupons_excluded_by = coupons_excluded_by;
  copy.shipping_coupons = shipping_coupons;
  copy.shipping_fee = shipping_fee;
  copy.shipping_adjustments = shipping_adjustments;
  copy.points_used = points_used;
  copy.points_earned = points_earned;
  return copy;
}

bool InScope(const SkuInfo& sku, const std::vector<std::string>& skus, const std::vector<std::string>& categories) {
  if (skus.empty() && categories.empty()) return true;
  if (std::find(skus.begin(), skus.end(), sku.id) != skus.end()) return true;
  return !sku.category.empty() && std::find(categories.begin(), categories.end(), sku.category) != categories.end();
}

bool LineInScope(const PricingState& state, size_t index, const std::vector<std::string>& skus,
                 const std::vector<std::string>& categories) {
  if (skus.empty() && categories.empty()) return true;
  if (state.scopes != nullptr) {
    auto cached = state.scopes->find(&skus);
    if (cached != state.scopes->end()) return cached->second[index] != 0;
  }
  return InScope(*state.lines[index].sku, skus, categories);
}

std::vector<size_t> EligibleLines(const PricingState& state, const std::vector<std::string>& skus,
                                  const std::vector<std::string>& categories) {
  std::vector<size_t> eligible;
  eligible.reserve(state.lines.size());
  for (size_t i = 0; i < state.lines.size(); ++i) {
    if (state.lines[i].payable > 0 && LineInScope(state, i, skus, categories)) eligible.push_back(i);
  }
  return eligible;
}

int64_t PayableOf(const PricingState& state, const std::vector<size_t>& lines) {
  int64_t total = 0;
  for (size_t i : lines) total += state.lines[i].payable;
  return total;
}

int64_t TakeOffLine(WorkLine& line, const std::string& source_id, Phase phase, int64_t amount) {
  const int64_t taken = std::min(std::max<int64_t>(amount, 0), line.payable);
  if (taken == 0) return 0;
  line.payable -= taken;
  if (line.record_adjustments) line.adjustments.push_back(Adjustment{source_id, phase, taken});
  return taken;
}

Result<int64_t> TakeOffOrder(PricingState& state, const std::vector<size_t>& lines, int64_t amount,
                             const std::string& source_id, Phase phase) {
  const int64_t amount_taken = std::min({amount, PayableOf(state, lines), state.OrderRoom()});
  if (amount_taken <= 0) return int64_t{0};
  std::vector<int64_t> weights;
  weights.reserve(lines.size());
  for (size_t i : lines) weights.push_back(state.lines[i].payable);
  auto shares = Allocate(amount_taken, weights);
  if (!shares.ok()) return shares.error();
  for (size_t k = 0; k < lines.size(); ++k) TakeOffLine(state.lines[lines[k]], source_id, phase, (*shares)[k]);
  return amount_taken;
}

}  // namespace cart
}  // namespace shopcore
