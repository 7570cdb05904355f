// Snapshot -> pricing-engine types. See shopcore/cart/snapshot_catalog.h for
// the mapping; this file only reads the snapshot, it never prices.
#include "shopcore/cart/snapshot_catalog.h"

#include <algorithm>
#include <limits>
#include <set>

#include "shopcore/money/currency.h"
#include "shopcore/money/decimal.h"

namespace shopcore {
namespace cart {
namespace {

std::string Str(const flatbuffers::String* text) { return text == nullptr ? std::string() : text->str(); }

std::string Indexed(const char* collection, size_t index) {
  return std::string(collection) + "[" + std::to_string(index) + "]";
}

// A decimal share "0.25" as basis points (2500); exact or INVALID_ARGUMENT.
Result<int64_t> ShareToBasisPoints(const flatbuffers::String* text, const std::string& path) {
  if (text == nullptr || text->size() == 0) return int64_t{0};
  auto value = Decimal::Parse(text->string_view());
  if (!value.ok()) return MakeError(ErrorCode::kInvalidArgument, "not a decimal: '" + text->str() + "'", path);
  int64_t coefficient = value->coefficient();
  int scale = value->scale();
  if (coefficient < 0) return MakeError(ErrorCode::kInvalidArgument, "negative share " + text->str(), path);
  // bp = coefficient x 10^(4 - scale), exactly.
  for (; scale < 4; ++scale) {
    if (coefficient > std::numeric_limits<int64_t>::max() / 10) {
      return MakeError(ErrorCode::kInvalidArgument, "share out of range: " + text->str(), path);
    }
    coefficient *= 10;
  }
  for (; scale > 4; --scale) {
    if (coefficient % 10 != 0) {
      return MakeError(ErrorCode::kInvalidArgument, "share finer than a basis point: " + text->str(), path);
    }
    coefficient /= 10;
  }
  if (coefficient > 10000) return MakeError(ErrorCode::kInvalidArgument, "share above 1: " + text->str(), path);
  return coefficient;
}

std::vector<std::string> Strings(const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::String>>* list) {
  std::vector<std::string> out;
  if (list == nullptr) return out;
  for (const auto* text : *list) out.push_back(Str(text));
  return out;
}

bool ContainsMarket(const flatbuffers::Vector<flatbuffers::Offset<flatbuffers::String>>* markets,
                    std::string_view market) {
  if (markets == nullptr || markets->size() == 0) return true;
  for (const auto* text : *markets) {
    if (text != nullptr && text->string_view() == market) return true;
  }
  return false;
}

std::string CategoryPath(const schema::Item& item) {
  std::string path;
  if (item.category_path() == nullptr) return path;
  for (const auto* part : *item.category_path()) {
    if (!path.empty()) path += "/";
    path += Str(part);
  }
  return path;
}

// "Beauty/Skincare" covers "Beauty/Skincare" and "Beauty/Skincare/Serum",
// not "Beauty/Skincare2".
bool CategoryCovers(const std::string& prefix, const std::string& path) {
  if (path.size() < prefix.size() || path.compare(0, prefix.size(), prefix) != 0) return false;
  return path.size() == prefix.size() || path[prefix.size()] == '/';
}

// The impossible category a scope gets when nothing of the market is in it.
const char kNoCategory[] = "/";

// Resolves a snapshot scope to the SKU ids of the view it covers. An absent
// or empty scope covers everything (both lists empty).
void ResolveScope(const Snapshot& snapshot, const CatalogView& view, const schema::Scope* scope,
                  std::vector<std::string>* skus, std::vector<std::string>* categories) {
  skus->clear();
  categories->clear();
  if (scope == nullptr) return;
  const std::vector<std::string> items = Strings(scope->items());
  const std::vector<std::string> listed_skus = Strings(scope->skus());
  const std::vector<std::string> prefixes = Strings(scope->categories());
  const std::vector<std::string> brands = Strings(scope->brands());
  const std::vector<std::string> excluded = Strings(scope->exclude_items());
  const bool includes_all = items.empty() && listed_skus.empty() && prefixes.empty() && brands.empty();
  if (includes_all && excluded.empty()) return;
  const auto* all_items = snapshot.catalog().items();
  if (all_items != nullptr) {
    for (const auto* item : *all_items) {
      if (item->skus() == nullptr) continue;
      const std::string item_id = Str(item->id());
      if (std::find(excluded.begin(), excluded.end(), item_id) != excluded.end()) continue;
      const std::string path = CategoryPath(*item);
      bool item_in = includes_all || std::find(items.begin(), items.end(), item_id) != items.end() ||
                     std::find(brands.begin(), brands.end(), Str(item->brand())) != brands.end();
      for (const auto& prefix : prefixes) item_in = item_in || CategoryCovers(prefix, path);
      for (const auto* sku : *item->skus()) {
        const std::string sku_id = Str(sku->id());
        if (view.Find(sku_id) == nullptr) continue;
        if (item_in || std::find(listed_skus.begin(), listed_skus.end(), sku_id) != listed_skus.end()) {
          skus->push_back(sku_id);
        }
      }
    }
  }
  std::sort(skus->begin(), skus->end());
  if (skus->empty()) categories->push_back(kNoCategory);
}

int64_t EndOrForever(int64_t ends_at) { return ends_at == 0 ? kForever : ends_at; }

const schema::Market* MarketOf(const Snapshot& snapshot, std::string_view market) {
  return snapshot.FindMarket(market);
}

Result<Phase> PhaseFromSchema(schema::Phase phase, const std::string& path) {
  switch (phase) {
    case schema::Phase::Activity: return Phase::kActivity;
    case schema::Phase::MemberOrLimited: return Phase::kItemPrice;
    case schema::Phase::Threshold: return Phase::kThreshold;
    case schema::Phase::Coupon: return Phase::kCoupon;
    case schema::Phase::Points: return Phase::kPoints;
    case schema::Phase::Shipping: return Phase::kShipping;
    case schema::Phase::PointsEarn: return Phase::kPointsEarned;
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown phase " + std::to_string(static_cast<int>(phase)), path);
}

// The shipping rule the shopper chose, or the first by id.
Result<const schema::ShippingRule*> ChosenShippingRule(const schema::Market& market, const std::string& chosen,
                                                       const std::string& path) {
  const auto* rules = market.shipping_rules();
  if (rules == nullptr || rules->size() == 0) {
    if (!chosen.empty()) return MakeError(ErrorCode::kNotFound, "market has no shipping rules", "shipping");
    return static_cast<const schema::ShippingRule*>(nullptr);
  }
  if (chosen.empty()) return rules->Get(0);
  const auto* rule = rules->LookupByKey(chosen.c_str());
  if (rule == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no shipping rule '" + chosen + "' in " + path, "shipping");
  }
  return rule;
}

}  // namespace

Result<CatalogView> CatalogViewFromSnapshot(const Snapshot& snapshot, std::string_view market_id,
                                            const std::map<std::string, int64_t>& purchased) {
  const schema::Market* market = MarketOf(snapshot, market_id);
  if (market == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no market '" + std::string(market_id) + "' in the snapshot", "markets");
  }
  const std::string market_path = "markets[" + std::string(market_id) + "]";
  auto currency = FindCurrency(Str(market->currency()));
  if (!currency.ok()) return MakeError(currency.error().code, currency.error().message, market_path + ".currency");
  CatalogView view;
  view.currency = *currency;
  view.market = std::string(market_id);
  const auto* items = snapshot.catalog().items();
  if (items == nullptr) return view;
  for (const auto* item : *items) {
    if (item->skus() == nullptr || !ContainsMarket(item->sellable_markets(), market_id)) continue;
    const std::string category = CategoryPath(*item);
    for (const auto* sku : *item->skus()) {
      const auto price = snapshot.PriceIn(*sku, market_id);
      if (!price) continue;
      SkuInfo info;
      info.id = Str(sku->id());
      info.list_price = price->amount();
      info.category = category;
      if (sku->stock() == schema::StockState::OutOfStock || sku->stock() == schema::StockState::Discontinued) {
        info.stock = 0;
      } else if (sku->stock_by_warehouse() != nullptr && sku->stock_by_warehouse()->size() > 0) {
        int64_t total = 0;
        for (const auto* entry : *sku->stock_by_warehouse()) total += entry->quantity();  // each < 2^63 / size
        info.stock = total;
      }
      info.min_quantity = std::max(1, sku->min_quantity());
      if (sku->max_quantity() > 0) info.max_quantity = sku->max_quantity();
      if (sku->purchase_limit() > 0) {
        auto bought = purchased.find(info.id);
        const int64_t already = bought == purchased.end() ? 0 : bought->second;
        info.user_limit_remaining = std::max<int64_t>(0, sku->purchase_limit() - already);
      }
      view.skus.emplace(info.id, std::move(info));
    }
  }
  return view;
}

Result<std::vector<Promotion>> PromotionsFromSnapshot(const Snapshot& snapshot, const CatalogView& view,
                                                      const PromotionContext& context) {
  std::vector<Promotion> out;
  const schema::Market* market = MarketOf(snapshot, view.market);
  if (market == nullptr) return MakeError(ErrorCode::kNotFound, "no market '" + view.market + "'", "markets");
  const schema::Catalog& catalog = snapshot.catalog();
  const std::string market_path = "markets[" + view.market + "]";

  if (catalog.promotions() != nullptr) {
    for (size_t i = 0; i < catalog.promotions()->size(); ++i) {
      const schema::Promotion* source = catalog.promotions()->Get(static_cast<flatbuffers::uoffset_t>(i));
      const std::string path = Indexed("promotions", i);
      auto bad = [&](const std::string& field, const std::string& message) {
        return MakeError(ErrorCode::kInvalidArgument, Str(source->id()) + ": " + message, path + "." + field);
      };
      // Another market's promotions are not this cart's business.
      if (!ContainsMarket(source->markets(), view.market)) continue;
      if (source->currency() != nullptr && source->currency()->size() > 0 &&
          source->currency()->string_view() != view.currency->code) {
        return bad("currency", "in " + std::string(source->currency()->string_view()) + ", market " + view.market +
                                   " prices in " + view.currency->code);
      }
      Promotion p;
      p.id = Str(source->id());
      p.starts_at = source->starts_at();
      p.ends_at = EndOrForever(source->ends_at());
      p.markets = Strings(source->markets());
      p.priority = source->priority();
      p.exclusivity_group = Str(source->exclusive_group());
      p.stop_after = source->stop_after();
      p.excludes_coupons = source->excludes_coupons();
      ResolveScope(snapshot, view, source->scope(), &p.skus, &p.categories);
      auto percent = ShareToBasisPoints(source->percent_off(), path + ".percent_off");
      if (!percent.ok()) return percent.error();
      auto phase = PhaseFromSchema(source->phase(), path + ".phase");
      if (!phase.ok()) return phase.error();
      if (source->max_applications() > 0) p.max_applications = source->max_applications();
      switch (source->kind()) {
        case schema::PromotionKind::AmountOff:
          p.kind = PromotionKind::kThresholdOff;
          p.tiers = {Tier{0, source->amount_off()}};
          break;
        case schema::PromotionKind::PercentOff:
        case schema::PromotionKind::LimitedTime:
          // The engine has no capped percentage promotion; a cap would be
          // silently ignored, so it is refused instead.
          if (source->cap() > 0) return bad("cap", "a capped percentage promotion is not supported by the pricing engine");
          if (*phase == Phase::kItemPrice || source->kind() == schema::PromotionKind::LimitedTime) {
            p.kind = PromotionKind::kLimitedTime;
            p.percent_off_bp = *percent;
          } else {
            p.kind = PromotionKind::kThresholdPercent;
            p.tiers = {Tier{0, *percent}};
          }
          break;
        case schema::PromotionKind::Threshold:
        case schema::PromotionKind::ThresholdPercent: {
          const bool percent_kind = source->kind() == schema::PromotionKind::ThresholdPercent;
          p.kind = percent_kind ? PromotionKind::kThresholdPercent : PromotionKind::kThresholdOff;
          p.repeat = source->repeating();
          if (source->tiers() == nullptr || source->tiers()->size() == 0) return bad("tiers", "no tiers");
          for (size_t t = 0; t < source->tiers()->size(); ++t) {
            const schema::Tier* tier = source->tiers()->Get(static_cast<flatbuffers::uoffset_t>(t));
            const std::string tier_path = path + ".tiers[" + std::to_string(t) + "]";
            if (tier->threshold_quantity() > 0) {
              return MakeError(ErrorCode::kInvalidArgument, "quantity thresholds are not supported by the pricing engine",
                               tier_path + ".threshold_quantity");
            }
            int64_t value = tier->amount_off();
            if (percent_kind) {
              auto bp = ShareToBasisPoints(tier->percent_off(), tier_path + ".percent_off");
              if (!bp.ok()) return bp.error();
              value = *bp;
            }
            p.tiers.push_back(Tier{tier->threshold(), value});
          }
          break;
        }
        case schema::PromotionKind::NthItem:
          p.kind = PromotionKind::kNthItem;
          p.nth = source->nth();
          p.percent_off_bp = *percent;
          break;
        case schema::PromotionKind::BuyXGetY:
          p.kind = PromotionKind::kBuyXGetY;
          p.buy_quantity = source->buy_quantity();
          p.get_quantity = source->get_quantity();
          // No percentage means the "get" units are free.
          p.percent_off_bp = (source->percent_off() == nullptr || source->percent_off()->size() == 0) ? 10000 : *percent;
          break;
        case schema::PromotionKind::Bundle:
          p.kind = PromotionKind::kBundle;
          p.bundle_price = source->bundle_price();
          for (const auto& sku : p.skus) p.bundle.push_back(BundleComponent{sku, 1});
          // A bundle of fewer than two SKUs sold in this market cannot be
          // bought here: it is not this market's promotion.
          if (p.bundle.size() < 2) continue;
          break;
        case schema::PromotionKind::MemberPrice: {
          p.kind = PromotionKind::kMemberPrice;
          p.member_tier = Str(source->member_tier());
          p.percent_off_bp = *percent;
          if (p.percent_off_bp == 0 && catalog.member_tiers() != nullptr) {
            // No percentage on the promotion: the tier's own.
            const auto* tier = catalog.member_tiers()->LookupByKey(p.member_tier.c_str());
            if (tier != nullptr) {
              auto tier_bp = ShareToBasisPoints(tier->percent_off(), "member_tiers[" + p.member_tier + "].percent_off");
              if (!tier_bp.ok()) return tier_bp.error();
              p.percent_off_bp = *tier_bp;
            }
          }
          break;
        }
        case schema::PromotionKind::FlashSale: {
          p.kind = PromotionKind::kFlashSale;
          if (source->windows() == nullptr || source->windows()->size() == 0) return bad("windows", "a flash sale needs windows");
          const schema::FlashWindow* window = source->windows()->Get(0);
          for (const auto* candidate : *source->windows()) {
            if (context.now >= candidate->starts_at() && context.now < EndOrForever(candidate->ends_at())) {
              window = candidate;
              break;
            }
          }
          p.starts_at = window->starts_at();
          p.ends_at = EndOrForever(window->ends_at());
          if (window->skus() != nullptr) {
            for (const auto* quota : *window->skus()) {
              SkuPrice price{Str(quota->sku()), quota->price(), kUnlimited};
              if (quota->quota() > 0) price.quota = quota->quota();
              if (source->per_user_limit() > 0) {
                price.quota = price.quota == kUnlimited ? source->per_user_limit()
                                                        : std::min<int64_t>(price.quota, source->per_user_limit());
              }
              p.sku_prices.push_back(price);
            }
          }
          break;
        }
        case schema::PromotionKind::FreeShipping: {
          // Free postage at (or above) the first tier's threshold, else always.
          p.kind = PromotionKind::kShipping;
          auto rule = ChosenShippingRule(*market, context.shipping_rule, market_path + ".shipping_rules");
          if (!rule.ok()) return rule.error();
          p.flat_fee = *rule == nullptr ? 0 : (*rule)->amount();
          p.free_over = (source->tiers() != nullptr && source->tiers()->size() > 0) ? source->tiers()->Get(0)->threshold() : 0;
          break;
        }
        default:
          return bad("kind", "unknown promotion kind " + std::to_string(static_cast<int>(source->kind())));
      }
      if (PhaseOf(p.kind) != *phase) {
        return bad("phase", std::string("a ") + PromotionKindName(p.kind) + " promotion cannot run in this phase");
      }
      // The engine's own checks, reported at the snapshot entry they came from.
      if (auto valid = ValidatePromotions({p}); !valid.ok()) {
        std::string field = valid.error().path;
        const std::string prefix = "promotions[0]";
        if (field.rfind(prefix, 0) == 0) field = field.substr(prefix.size());
        return MakeError(valid.error().code, p.id + ": " + valid.error().message, path + field);
      }
      out.push_back(std::move(p));
    }
  }

  // Postage: the market's shipping rule, after any free-shipping promotion
  // (the engine applies the first running SHIPPING rule by priority).
  auto rule = ChosenShippingRule(*market, context.shipping_rule, market_path + ".shipping_rules");
  if (!rule.ok()) return rule.error();
  if (*rule != nullptr) {
    const schema::ShippingRule& source = **rule;
    const std::string path = market_path + ".shipping_rules[" + Str(source.id()) + "]";
    Promotion p;
    p.id = "shipping:" + Str(source.id());
    p.kind = PromotionKind::kShipping;
    p.markets = {view.market};
    p.priority = std::numeric_limits<int>::max();
    p.flat_fee = source.amount();
    if (source.kind() == schema::ShippingRuleKind::FreeOver) {
      p.free_over = source.free_over();
    } else if (source.kind() == schema::ShippingRuleKind::ByWeight) {
      return MakeError(ErrorCode::kInvalidArgument, "by-weight postage is not supported by the pricing engine", path + ".kind");
    }
    out.push_back(std::move(p));
  }

  if (catalog.group_buys() != nullptr) {
    for (size_t i = 0; i < catalog.group_buys()->size(); ++i) {
      const auto* source = catalog.group_buys()->Get(static_cast<flatbuffers::uoffset_t>(i));
      if (!ContainsMarket(source->markets(), view.market) || view.Find(Str(source->sku())) == nullptr) continue;
      Promotion p;
      p.id = Str(source->id());
      p.kind = PromotionKind::kGroupBuy;
      p.markets = Strings(source->markets());
      p.starts_at = source->starts_at();
      p.ends_at = EndOrForever(source->ends_at());
      const int64_t price =
          context.group_leader && source->leader_price() > 0 ? source->leader_price() : source->group_price();
      p.sku_prices.push_back(SkuPrice{Str(source->sku()), price,
                                      source->per_user_limit() > 0 ? int64_t{source->per_user_limit()} : kUnlimited});
      out.push_back(std::move(p));
    }
  }
  if (catalog.bargains() != nullptr) {
    for (size_t i = 0; i < catalog.bargains()->size(); ++i) {
      const auto* source = catalog.bargains()->Get(static_cast<flatbuffers::uoffset_t>(i));
      auto reached = context.bargain_prices.find(Str(source->id()));
      if (reached == context.bargain_prices.end()) continue;  // only the shopper's own bargains price
      if (reached->second < source->floor_price() || reached->second > source->start_price()) {
        return MakeError(ErrorCode::kInvalidArgument,
                         "bargain price " + std::to_string(reached->second) + " outside [floor_price, start_price] of " +
                             Indexed("bargains", i),
                         "activity.price");
      }
      Promotion p;
      p.id = Str(source->id());
      p.kind = PromotionKind::kBargain;
      p.markets = Strings(source->markets());
      p.starts_at = source->starts_at();
      p.ends_at = EndOrForever(source->ends_at());
      p.sku_prices.push_back(SkuPrice{Str(source->sku()), reached->second, 1});
      out.push_back(std::move(p));
    }
  }

  if (catalog.points_rules() != nullptr) {
    for (size_t i = 0; i < catalog.points_rules()->size(); ++i) {
      const auto* source = catalog.points_rules()->Get(static_cast<flatbuffers::uoffset_t>(i));
      if (source->market() == nullptr || source->market()->string_view() != view.market) continue;
      const std::string path = Indexed("points_rules", i);
      if (source->redeem_points() > 0 && source->redeem_value() > 0) {
        Promotion redeem;
        redeem.id = Str(source->id()) + ":redeem";
        redeem.kind = PromotionKind::kPointsRedemption;
        redeem.markets = {view.market};
        redeem.points_per_block = source->redeem_points();
        redeem.block_value = source->redeem_value();
        redeem.cap_bp = source->redeem_cap_bp() > 0 ? source->redeem_cap_bp() : 10000;
        if (redeem.cap_bp > 10000) {
          return MakeError(ErrorCode::kInvalidArgument, "cap above 100%", path + ".redeem_cap_bp");
        }
        out.push_back(std::move(redeem));
      }
      if (source->earn_per_unit() != nullptr && source->earn_per_unit()->size() > 0) {
        auto earn = Decimal::Parse(source->earn_per_unit()->string_view());
        if (!earn.ok() || earn->coefficient() < 0) {
          return MakeError(ErrorCode::kInvalidArgument, "not a decimal >= 0", path + ".earn_per_unit");
        }
        if (earn->coefficient() == 0) continue;
        // c x 10^-s points per major unit = c points per 10^(digits + s) minor units.
        int64_t block = 1;
        for (int k = 0; k < view.currency->iso_digits + earn->scale(); ++k) {
          if (block > std::numeric_limits<int64_t>::max() / 10) {
            return MakeError(ErrorCode::kInvalidArgument, "too many decimals", path + ".earn_per_unit");
          }
          block *= 10;
        }
        Promotion earned;
        earned.id = Str(source->id()) + ":earn";
        earned.kind = PromotionKind::kPointsEarned;
        earned.markets = {view.market};
        earned.points_per_block = earn->coefficient();
        earned.block_value = block;
        out.push_back(std::move(earned));
      }
    }
  }
  auto valid = ValidatePromotions(out);
  if (!valid.ok()) return valid.error();
  return out;
}

Result<Coupon> CouponFromSnapshot(const Snapshot& snapshot, const CatalogView& view, std::string_view coupon_id) {
  const auto* coupons = snapshot.catalog().coupons();
  const schema::Coupon* source = coupons == nullptr ? nullptr : coupons->LookupByKey(std::string(coupon_id).c_str());
  if (source == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no coupon '" + std::string(coupon_id) + "' in the snapshot", "coupons");
  }
  const std::string path = "coupons[" + std::string(coupon_id) + "]";
  Coupon coupon;
  coupon.id = Str(source->id());
  coupon.markets = Strings(source->markets());
  if (ContainsMarket(source->markets(), view.market) && source->currency() != nullptr &&
      source->currency()->size() > 0 && source->currency()->string_view() != view.currency->code) {
    return MakeError(ErrorCode::kInvalidArgument, "coupon in " + source->currency()->str() + ", market prices in " +
                                                      view.currency->code,
                     path + ".currency");
  }
  auto percent = ShareToBasisPoints(source->percent_off(), path + ".percent_off");
  if (!percent.ok()) return percent.error();
  switch (source->kind()) {
    case schema::CouponKind::AmountOff:
    case schema::CouponKind::Threshold:  // 满X减Y: an amount off with a minimum spend
      coupon.kind = CouponKind::kFixed;
      coupon.amount_off = source->amount_off();
      break;
    case schema::CouponKind::PercentOff:
      coupon.kind = CouponKind::kPercent;
      coupon.percent_off_bp = *percent;
      if (source->cap() > 0) coupon.cap = source->cap();
      break;
    case schema::CouponKind::FreeShipping:
      coupon.kind = CouponKind::kShipping;
      // No amount and no percentage: all of the postage.
      coupon.amount_off = source->amount_off() > 0 ? source->amount_off() : kUnlimited;
      coupon.percent_off_bp = *percent;
      if (coupon.percent_off_bp > 0) coupon.amount_off = 0;
      break;
    default:
      return MakeError(ErrorCode::kInvalidArgument, "unknown coupon kind", path + ".kind");
  }
  coupon.threshold = source->min_spend();
  ResolveScope(snapshot, view, source->scope(), &coupon.skus, &coupon.categories);
  coupon.starts_at = source->valid_from();
  coupon.expires_at = EndOrForever(source->valid_to());
  coupon.exclusive_class = source->exclusive_group() != nullptr && source->exclusive_group()->size() > 0
                               ? Str(source->exclusive_group())
                               : Str(source->class_());
  coupon.combinable_with_promotions = source->combinable_with_promotions();
  return coupon;
}

Result<PricingRules> PricingRulesFromSnapshot(const Snapshot& snapshot, std::string_view market_id) {
  const schema::Market* market = MarketOf(snapshot, market_id);
  if (market == nullptr) {
    return MakeError(ErrorCode::kNotFound, "no market '" + std::string(market_id) + "' in the snapshot", "markets");
  }
  PricingRules rules = PricingRules::Default();
  rules.minimum_payable = market->minimum_payable();
  const schema::PricingPolicy* policy = snapshot.catalog().pricing_policy();
  if (policy != nullptr) {
    if (policy->version() > 0) rules.version = policy->version();
    if (policy->phases() != nullptr && policy->phases()->size() > 0) {
      rules.phases.clear();
      for (size_t i = 0; i < policy->phases()->size(); ++i) {
        auto phase = PhaseFromSchema(static_cast<schema::Phase>(policy->phases()->Get(static_cast<flatbuffers::uoffset_t>(i))),
                                     "pricing_policy.phases[" + std::to_string(i) + "]");
        if (!phase.ok()) return phase.error();
        rules.phases.push_back(*phase);
      }
    }
    if (!policy->activity_excludes_ordinary()) rules.activity_order_skips.clear();
  }
  auto valid = ValidatePricingRules(rules);
  if (!valid.ok()) {
    return MakeError(valid.error().code, valid.error().message, "pricing_policy." + valid.error().path);
  }
  return rules;
}

}  // namespace cart
}  // namespace shopcore
