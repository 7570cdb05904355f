#include "shopcore/cart/canonical_hash.h"

#include <algorithm>

namespace shopcore {
namespace cart {
namespace {

std::string Field(const std::string& text) { return std::to_string(text.size()) + ":" + text; }

void AppendAdjustment(std::string& out, const char* tag, const Adjustment& adjustment) {
  out += std::string(tag) + " " + Field(adjustment.source_id) + " " + PhaseName(adjustment.phase) + " " +
         std::to_string(adjustment.amount) + "\n";
}

}  // namespace

std::string CanonicalBytes(const PricedCart& priced) {
  std::string out = "shopcore.priced-cart.v1\n";
  out += "currency " + std::string(priced.currency != nullptr ? priced.currency->code : "") + "\n";
  out += "rules " + std::to_string(priced.rules_version) + "\n";
  out += std::string("activity ") + (priced.activity_order ? "1" : "0") + "\n";
  std::vector<const PricedLine*> lines;
  for (const auto& line : priced.lines) lines.push_back(&line);
  std::sort(lines.begin(), lines.end(), [](const PricedLine* a, const PricedLine* b) { return a->sku_id < b->sku_id; });
  for (const PricedLine* line : lines) {
    out += "line " + Field(line->sku_id) + " " + std::to_string(line->quantity) + " " +
           std::to_string(line->unit_list_price) + " " + std::to_string(line->list_total) + " " +
           std::to_string(line->payable) + "\n";
    for (const auto& adjustment : line->adjustments) AppendAdjustment(out, "adj", adjustment);
    for (const auto& unit : line->units) {
      out += "unit " + std::to_string(unit.count) + " " + std::to_string(unit.unit_payable) + "\n";
      for (const auto& adjustment : unit.adjustments) AppendAdjustment(out, "uadj", adjustment);
    }
  }
  out += "shipping " + std::to_string(priced.shipping_fee) + " " + std::to_string(priced.shipping_payable) + "\n";
  for (const auto& adjustment : priced.shipping_adjustments) AppendAdjustment(out, "adj", adjustment);
  std::vector<std::string> coupons = priced.applied_coupons;
  std::sort(coupons.begin(), coupons.end());
  for (const auto& id : coupons) out += "coupon " + Field(id) + "\n";
  out += "points " + std::to_string(priced.points_used) + " " + std::to_string(priced.points_earned) + "\n";
  out += "total " + std::to_string(priced.list_total) + " " + std::to_string(priced.discount_total) + " " +
         std::to_string(priced.goods_payable) + " " + std::to_string(priced.total_payable) + "\n";
  return out;
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (unsigned char byte : bytes) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::string PricedCartHash(const PricedCart& priced) {
  static const char kHex[] = "0123456789abcdef";
  uint64_t hash = Fnv1a64(CanonicalBytes(priced));
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[i] = kHex[hash & 0xf];
    hash >>= 4;
  }
  return out;
}

}  // namespace cart
}  // namespace shopcore
