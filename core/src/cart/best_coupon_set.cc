// Choosing the shopper's coupons.
//
// Best set: every coupon is applied in one canonical phase, so only subsets
// need searching, never orders. The search takes at most one coupon per
// exclusive class and prices the rest of the pipeline (points, shipping)
// for each candidate, because a coupon can cost free shipping or shift the
// points cap. The winner pays least; ties go to fewer coupons, then the
// sooner expiries (sorted ascending, compared in order), then the lower ids.
// Up to kMaxExhaustiveSets candidate sets are searched exhaustively (with
// an exact branch-and-bound, see SetSearch); beyond
// that a greedy search adds, one at a time, the coupon that lowers the
// total most (it still starts from the best single coupon, so the result is
// never worse than any single coupon).
#include <algorithm>
#include <map>

#include "cart/pipeline.h"
#include "shopcore/money/rounding.h"

namespace shopcore {
namespace cart {
namespace {

constexpr int64_t kMaxExhaustiveSets = 4096;

struct Candidate {
  std::vector<const Coupon*> coupons;  // sorted by id
  int64_t total = 0;
  PricingState state;
};

std::vector<int64_t> SortedExpiries(const std::vector<const Coupon*>& coupons) {
  std::vector<int64_t> expiries;
  for (const Coupon* coupon : coupons) expiries.push_back(coupon->expires_at);
  std::sort(expiries.begin(), expiries.end());
  return expiries;
}

bool Better(const Candidate& a, const Candidate& b) {
  if (a.total != b.total) return a.total < b.total;
  if (a.coupons.size() != b.coupons.size()) return a.coupons.size() < b.coupons.size();
  const auto expiries_a = SortedExpiries(a.coupons);
  const auto expiries_b = SortedExpiries(b.coupons);
  if (expiries_a != expiries_b) return expiries_a < expiries_b;
  for (size_t i = 0; i < a.coupons.size(); ++i) {
    if (a.coupons[i]->id != b.coupons[i]->id) return a.coupons[i]->id < b.coupons[i]->id;
  }
  return false;
}

Result<Candidate> Evaluate(const PricingState& start, const Pipeline& pipeline, size_t index,
                           std::vector<const Coupon*> coupons) {
  std::sort(coupons.begin(), coupons.end(), [](const Coupon* a, const Coupon* b) { return a->id < b->id; });
  Candidate candidate{coupons, 0, start};
  SHOPCORE_RETURN_IF_ERROR(ApplyCoupons(candidate.state, candidate.coupons));
  SHOPCORE_RETURN_IF_ERROR(RunPhases(candidate.state, pipeline, index + 1, &candidate.coupons));
  candidate.total = candidate.state.GoodsPayable() + candidate.state.ShippingPayable();
  return candidate;
}

std::string ClassKey(const Coupon& coupon) {
  // A coupon without a class is alone in its own; "\x01" keeps those keys apart from named classes.
  return coupon.exclusive_class.empty() ? "\x01" + coupon.id : coupon.exclusive_class;
}

// Exhaustive over "at most one coupon per class", pruned by a bound that
// cannot cut off the best set: adding coupons T to a set S lowers the total
// by at most the sum of their face values (each coupon takes at most its
// own amount, the others can only take less, fewer points may be redeemed
// on a smaller payable, and free shipping can only be lost), so when
// total(S) - sum over the classes still open of their largest face value is
// above the best total found, no completion of S can win or tie.
struct SetSearch {
  const PricingState& start;
  const Pipeline& pipeline;
  size_t index;
  std::vector<const std::vector<const Coupon*>*> groups;
  std::vector<std::vector<const Coupon*>> ordered;  // groups by face value, see Bound()
  std::vector<int64_t> open_bound;  // open_bound[g]: sum of the largest face values of classes g..
  Candidate best;

  Result<int64_t> FaceValue(const Coupon& coupon, int64_t max_postage) const {
    switch (coupon.kind) {
      case CouponKind::kFixed: return coupon.amount_off;
      case CouponKind::kPercent: {
        const int64_t base = PayableOf(start, EligibleLines(start, coupon.skus, coupon.categories));
        auto off = RoundQuotient(static_cast<__int128>(base) * coupon.percent_off_bp, 10000, start.rules->rounding);
        if (!off.ok()) return off;
        return coupon.cap == kUnlimited ? *off : std::min(*off, coupon.cap);
      }
      case CouponKind::kShipping:
        if (coupon.percent_off_bp > 0 || coupon.amount_off == kUnlimited) return max_postage;
        return std::min(coupon.amount_off, max_postage);
    }
    return int64_t{0};
  }

  // Orders classes and their coupons by face value, largest first, so good
  // sets are found early and prune more (the result does not depend on the
  // order: Better is a total order on sets), then computes open_bound.
  Status Bound() {
    int64_t max_postage = 0;
    for (const auto& phase : pipeline.phases) {
      for (const Promotion* promotion : phase.second) {
        if (promotion->kind == PromotionKind::kShipping) max_postage = std::max(max_postage, promotion->flat_fee);
      }
    }
    std::vector<std::pair<int64_t, std::vector<std::pair<int64_t, const Coupon*>>>> by_face;
    for (const auto* group : groups) {
      std::vector<std::pair<int64_t, const Coupon*>> coupons;
      int64_t largest = 0;
      for (const Coupon* coupon : *group) {
        auto face = FaceValue(*coupon, max_postage);
        if (!face.ok()) return face.error();
        coupons.push_back({*face, coupon});
        largest = std::max(largest, *face);
      }
      std::sort(coupons.begin(), coupons.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second->id < b.second->id;
      });
      by_face.push_back({largest, std::move(coupons)});
    }
    std::stable_sort(by_face.begin(), by_face.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    ordered.clear();
    for (const auto& group : by_face) {
      ordered.emplace_back();
      for (const auto& entry : group.second) ordered.back().push_back(entry.second);
    }
    open_bound.assign(ordered.size() + 1, 0);
    for (size_t g = ordered.size(); g-- > 0;) {
      const int64_t largest = by_face[g].first;
      // Saturating: a bound too large only prunes less.
      open_bound[g] = largest > INT64_MAX - open_bound[g + 1] ? INT64_MAX : largest + open_bound[g + 1];
    }
    return Status::Ok();
  }

  // Extends `current` (already priced and compared) with classes g.. .
  Status Visit(size_t g, const Candidate& current) {
    if (g == ordered.size()) return Status::Ok();
    if (open_bound[g] < INT64_MAX && current.total - open_bound[g] > best.total) return Status::Ok();
    for (const Coupon* coupon : ordered[g]) {
      std::vector<const Coupon*> coupons = current.coupons;
      coupons.push_back(coupon);
      auto candidate = Evaluate(start, pipeline, index, coupons);
      if (!candidate.ok()) return candidate.error();
      if (Better(*candidate, best)) best = *candidate;
      SHOPCORE_RETURN_IF_ERROR(Visit(g + 1, *candidate));
    }
    return Visit(g + 1, current);  // nothing from class g
  }
};

Result<Candidate> SearchBest(const PricingState& state, const Pipeline& pipeline, size_t index,
                             const std::vector<const Coupon*>& usable) {
  std::map<std::string, std::vector<const Coupon*>> classes;
  for (const Coupon* coupon : usable) classes[ClassKey(*coupon)].push_back(coupon);
  std::vector<const std::vector<const Coupon*>*> groups;
  int64_t sets = 1;
  for (const auto& entry : classes) {
    groups.push_back(&entry.second);
    sets = std::min<int64_t>(sets * static_cast<int64_t>(entry.second.size() + 1), kMaxExhaustiveSets + 1);
  }
  // Candidates are compared by total only: price them on a light copy and
  // let the caller re-price the winner in full.
  const PricingState light = state.SearchCopy();
  auto best = Evaluate(light, pipeline, index, {});
  if (!best.ok()) return best;
  if (sets <= kMaxExhaustiveSets) {
    SetSearch search{light, pipeline, index, groups, {}, {}, std::move(*best)};
    SHOPCORE_RETURN_IF_ERROR(search.Bound());
    const Candidate empty = search.best;  // a copy: search.best moves on
    SHOPCORE_RETURN_IF_ERROR(search.Visit(0, empty));
    return std::move(search.best);
  }
  std::map<std::string, bool> class_taken;
  while (true) {
    Result<Candidate> round_best = *best;
    bool improved = false;
    for (const Coupon* coupon : usable) {
      if (class_taken[ClassKey(*coupon)]) continue;
      std::vector<const Coupon*> coupons = best->coupons;
      coupons.push_back(coupon);
      auto candidate = Evaluate(light, pipeline, index, coupons);
      if (!candidate.ok()) return candidate;
      if (candidate->total < best->total && Better(*candidate, *round_best)) {
        round_best = std::move(candidate);
        improved = true;
      }
    }
    if (!improved) return best;
    best = std::move(round_best);
    for (const Coupon* coupon : best->coupons) class_taken[ClassKey(*coupon)] = true;
  }
}

}  // namespace

Status SelectCouponsAndFinish(PricingState& state, const Pipeline& pipeline, size_t index) {
  std::vector<const Coupon*> usable;
  std::map<std::string, CouponOutcome> refused;
  for (const Coupon* coupon : pipeline.wallet) {
    int64_t short_by = 0;
    const CouponRefusal refusal = CheckCoupon(state, *coupon, &short_by);
    if (refusal == CouponRefusal::kNone) {
      usable.push_back(coupon);
    } else {
      refused[coupon->id] = CouponOutcome{coupon->id, false, 0, refusal, short_by};
    }
  }

  std::vector<const Coupon*> chosen;
  std::map<std::string, CouponRefusal> not_chosen;
  if (state.request->choose_best_coupons) {
    auto best = SearchBest(state, pipeline, index, usable);
    if (!best.ok()) return best.error();
    chosen = best->coupons;
    for (const Coupon* coupon : usable) not_chosen[coupon->id] = CouponRefusal::kNotBest;
  } else {
    const auto& selected = state.request->selected_coupons;
    std::map<std::string, bool> class_taken;
    for (size_t i = 0; i < selected.size(); ++i) {
      auto it = std::find_if(pipeline.wallet.begin(), pipeline.wallet.end(),
                             [&](const Coupon* coupon) { return coupon->id == selected[i]; });
      const std::string path = "selected_coupons[" + std::to_string(i) + "]";
      if (it == pipeline.wallet.end()) {
        return MakeError(ErrorCode::kNotFound, "coupon " + selected[i] + " is not in the wallet", path);
      }
      if (std::find(selected.begin(), selected.begin() + i, selected[i]) != selected.begin() + i) {
        return MakeError(ErrorCode::kConflict, "coupon " + selected[i] + " selected twice", path);
      }
      if (refused.count(selected[i]) > 0) continue;
      if (class_taken[ClassKey(**it)]) {
        refused[selected[i]] = CouponOutcome{selected[i], false, 0, CouponRefusal::kClassConflict, 0};
        continue;
      }
      class_taken[ClassKey(**it)] = true;
      chosen.push_back(*it);
    }
    for (const Coupon* coupon : usable) not_chosen[coupon->id] = CouponRefusal::kNotSelected;
  }

  auto final_candidate = Evaluate(state, pipeline, index, chosen);
  if (!final_candidate.ok()) return final_candidate.error();
  state = std::move(final_candidate->state);
  state.coupon_outcomes.clear();
  for (const Coupon* coupon : pipeline.wallet) {
    auto applied = std::find(chosen.begin(), chosen.end(), coupon);
    if (applied != chosen.end()) {
      CouponOutcome outcome{coupon->id, true, 0, CouponRefusal::kNone, 0};
      for (const auto& line : state.lines) {
        for (const auto& adjustment : line.adjustments) {
          if (adjustment.source_id == coupon->id) outcome.amount += adjustment.amount;
        }
      }
      for (const auto& adjustment : state.shipping_adjustments) {
        if (adjustment.source_id == coupon->id) outcome.amount += adjustment.amount;
      }
      state.coupon_outcomes[coupon->id] = outcome;
    } else if (refused.count(coupon->id) > 0) {
      state.coupon_outcomes[coupon->id] = refused[coupon->id];
    } else {
      CouponRefusal refusal = not_chosen[coupon->id];
      for (const Coupon* taken : chosen) {
        if (ClassKey(*taken) == ClassKey(*coupon)) refusal = CouponRefusal::kClassConflict;
      }
      state.coupon_outcomes[coupon->id] = CouponOutcome{coupon->id, false, 0, refusal, 0};
    }
  }
  return Status::Ok();
}

}  // namespace cart
}  // namespace shopcore
