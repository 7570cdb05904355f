#include "shopcore/reco/recommend.h"

#include <algorithm>

#include "scoring.h"

namespace shopcore::reco {
namespace {

using internal::Signals;

constexpr uint32_t kMaxPageSize = 1000;
constexpr size_t kMaxBoosts = 1000;  // campaigns per page, not a catalogue
constexpr double kMaxMicros = 9.0e15;  // keeps x 1e6 inside int64 and exact in a double

// Nearest micro-unit, ties away from zero, without libm.
int64_t ToMicros(double value) {
  double scaled = value * 1e6;
  if (scaled != scaled) return 0;  // NaN: a cast would trap in wasm
  if (scaled > kMaxMicros) scaled = kMaxMicros;
  if (scaled < -kMaxMicros) scaled = -kMaxMicros;
  return scaled >= 0 ? static_cast<int64_t>(scaled + 0.5) : -static_cast<int64_t>(-scaled + 0.5);
}

struct Candidate {
  uint32_t item;
  int64_t score;     // organic blended score, micros
  uint32_t id_rank;  // position in id order: ties are broken by id
};

bool RanksBefore(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.id_rank < b.id_rank;
}

// Model indices of ids, first occurrence only; unknown ids are skipped.
std::vector<uint32_t> Resolve(const ModelView& model, const std::vector<std::string>& ids) {
  std::vector<uint32_t> out;
  for (const auto& id : ids) {
    uint32_t item = FindItem(model, id);
    if (item != kNone) out.push_back(item);
  }
  // Deduplicate keeping request order, in O(k log k).
  std::vector<std::pair<uint32_t, size_t>> order;
  for (size_t i = 0; i < out.size(); ++i) order.emplace_back(out[i], i);
  std::sort(order.begin(), order.end());
  std::vector<uint8_t> keep(out.size(), 0);
  for (size_t i = 0; i < order.size(); ++i) keep[order[i].second] = i == 0 || order[i].first != order[i - 1].first;
  std::vector<uint32_t> unique;
  for (size_t i = 0; i < out.size(); ++i) {
    if (keep[i]) unique.push_back(out[i]);
  }
  return unique;
}

uint32_t LeafCategory(const ModelView& model, uint32_t item) {
  uint32_t end = model.category_path_offsets[item + 1];
  return end > model.category_path_offsets[item] ? model.category_path_nodes[end - 1] : kNone;
}

// The candidates, ranked lazily: most requests read only the first pages,
// so only a prefix is sorted (partial_sort), extended if a page needs more.
class Ranking {
 public:
  explicit Ranking(std::vector<Candidate> candidates) : order_(std::move(candidates)) {}
  size_t size() const { return order_.size(); }
  const Candidate& at(size_t position) {
    if (position >= sorted_) Extend(position + 1);
    return order_[position];
  }

 private:
  void Extend(size_t needed) {
    size_t target = std::max(needed, sorted_ * 2 + 64);
    if (target > order_.size()) target = order_.size();
    std::partial_sort(order_.begin() + sorted_, order_.begin() + target, order_.end(), RanksBefore);
    sorted_ = target;
  }
  std::vector<Candidate> order_;
  size_t sorted_ = 0;
};

struct Pick {
  Candidate candidate;
  int64_t shown_score;
  const Boost* boost;  // null: organic
};

// Fills pages one after the other from what earlier pages left, so page p
// never repeats an item of an earlier page.
class PageFiller {
 public:
  PageFiller(const ModelView& model, const RecommendRequest& request, Ranking* ranking,
             std::vector<std::pair<Candidate, const Boost*>> boosted)
      : model_(model), request_(request), ranking_(ranking), boosted_(std::move(boosted)),
        used_(model.item_count, 0) {
    remaining_ = ranking->size();
  }

  size_t remaining() const { return remaining_; }

  std::vector<Pick> Next() {
    const size_t want = std::min<size_t>(request_.page_size, remaining_);
    std::vector<Pick> page;
    category_count_.clear();
    brand_count_.clear();
    // Boosted placements first, up to their share of the page.
    const size_t boost_cap = size_t{request_.max_boosted_percent} * request_.page_size / 100;
    size_t boosted_taken = 0;
    for (const auto& [candidate, boost] : boosted_) {
      if (page.size() >= want || boosted_taken >= boost_cap) break;
      if (used_[candidate.item] || !Fits(candidate.item)) continue;
      Take(candidate, candidate.score + ToMicros(boost->bonus), boost, &page);
      ++boosted_taken;
    }
    if (request_.diversity.mode == DiversityMode::kMmr) {
      FillMmr(want, &page);
    } else {
      FillInOrder(want, request_.diversity.mode == DiversityMode::kCaps, &page);
    }
    FillInOrder(want, false, &page);  // caps that cannot be met give way to exactly N
    // Boosted picks take their place by shown score among the organic order.
    // MMR's order is its own (relevance traded for variety), so there the
    // boosted placements simply lead the page.
    if (request_.diversity.mode != DiversityMode::kMmr) {
      std::sort(page.begin(), page.end(), [](const Pick& a, const Pick& b) {
        if (a.shown_score != b.shown_score) return a.shown_score > b.shown_score;
        return a.candidate.id_rank < b.candidate.id_rank;
      });
    }
    return page;
  }

 private:
  bool Fits(uint32_t item) const {
    if (request_.diversity.mode != DiversityMode::kCaps) return true;
    const uint32_t category = LeafCategory(model_, item);
    if (request_.diversity.max_per_category > 0 && category != kNone) {
      auto it = category_count_.find(category);
      if (it != category_count_.end() && it->second >= request_.diversity.max_per_category) return false;
    }
    const uint32_t brand = model_.brand[item];
    if (request_.diversity.max_per_brand > 0 && brand != kNone) {
      auto it = brand_count_.find(brand);
      if (it != brand_count_.end() && it->second >= request_.diversity.max_per_brand) return false;
    }
    return true;
  }

  void Take(const Candidate& candidate, int64_t shown, const Boost* boost, std::vector<Pick>* page) {
    used_[candidate.item] = 1;
    --remaining_;
    const uint32_t category = LeafCategory(model_, candidate.item);
    if (category != kNone) ++category_count_[category];
    if (model_.brand[candidate.item] != kNone) ++brand_count_[model_.brand[candidate.item]];
    page->push_back(Pick{candidate, shown, boost});
  }

  // Positions before this are all used: later pages start scanning here, so
  // reading page p costs O(p * page_size), not O(p * candidates).
  size_t FirstUnused() {
    while (scan_start_ < ranking_->size() && used_[ranking_->at(scan_start_).item]) ++scan_start_;
    return scan_start_;
  }

  void FillInOrder(size_t want, bool with_caps, std::vector<Pick>* page) {
    for (size_t position = FirstUnused(); position < ranking_->size() && page->size() < want; ++position) {
      const Candidate& candidate = ranking_->at(position);
      if (used_[candidate.item]) continue;
      if (with_caps && !Fits(candidate.item)) continue;
      Take(candidate, candidate.score, nullptr, page);
    }
  }

  // Maximal marginal relevance over a window of the best unused candidates:
  // relevance is the score relative to the window's best; similarity to the
  // page is 1/2 for the same leaf category plus 1/2 for the same brand.
  void FillMmr(size_t want, std::vector<Pick>* page) {
    std::vector<Candidate> window;
    const size_t window_size = 4 * size_t{request_.page_size};
    for (size_t position = FirstUnused(); position < ranking_->size() && window.size() < window_size; ++position) {
      const Candidate& candidate = ranking_->at(position);
      if (!used_[candidate.item]) window.push_back(candidate);
    }
    if (window.empty()) return;
    int64_t top = 0;
    for (const auto& c : window) top = std::max(top, c.score < 0 ? -c.score : c.score);
    const double lambda = request_.diversity.mmr_lambda;
    while (page->size() < want) {
      size_t best = window.size();
      double best_value = 0;
      for (size_t w = 0; w < window.size(); ++w) {
        if (used_[window[w].item]) continue;
        const double relevance = top > 0 ? static_cast<double>(window[w].score) / static_cast<double>(top) : 0.0;
        double similarity = 0;
        for (const Pick& pick : *page) {
          double s = 0;
          const uint32_t category = LeafCategory(model_, window[w].item);
          if (category != kNone && category == LeafCategory(model_, pick.candidate.item)) s += 0.5;
          const uint32_t brand = model_.brand[window[w].item];
          if (brand != kNone && brand == model_.brand[pick.candidate.item]) s += 0.5;
          similarity = std::max(similarity, s);
        }
        const double value = lambda * relevance - (1.0 - lambda) * similarity;
        if (best == window.size() || value > best_value) {  // window order breaks ties
          best = w;
          best_value = value;
        }
      }
      if (best == window.size()) return;
      Take(window[best], window[best].score, nullptr, page);
    }
  }

  const ModelView& model_;
  const RecommendRequest& request_;
  Ranking* ranking_;
  std::vector<std::pair<Candidate, const Boost*>> boosted_;
  std::vector<uint8_t> used_;
  size_t remaining_ = 0;
  size_t scan_start_ = 0;
  std::map<uint32_t, uint32_t> category_count_;
  std::map<uint32_t, uint32_t> brand_count_;
};

Reason Explain(const ModelView& model, const Signals& signals, uint32_t market,
               uint32_t item, const double contribution[kSignalCount]) {
  Reason reason;
  int top = -1;
  for (int k = 0; k < kSignalCount; ++k) {
    if (contribution[k] > 0 && (top < 0 || contribution[k] > contribution[top])) top = k;
  }
  if (top < 0) return reason;  // kCatalog
  switch (static_cast<Signal>(top)) {
    case Signal::kItemItem: {
      const uint32_t source = signals.item_item_source[item];
      if (source == kNone) break;
      const internal::HistoryItem& h = signals.history[source];
      reason.kind = h.anchor ? ReasonKind::kSimilarTo : ReasonKind::kBecauseYouInteracted;
      reason.item = std::string(model.item_ids[h.item]);
      reason.event = h.event;
      break;
    }
    case Signal::kEmbedding: {
      reason.kind = ReasonKind::kMatchesYourTaste;
      double best = 0;
      for (const auto& h : signals.history) {
        if (!(h.weight > 0)) continue;
        const double similarity = internal::FactorSimilarity(model, h.item, item);
        if (reason.item.empty() || similarity > best) {
          best = similarity;
          reason.item = std::string(model.item_ids[h.item]);
        }
      }
      break;
    }
    case Signal::kContent:
      reason.kind = ReasonKind::kLikeWhatYouBrowse;
      internal::StrongestContentAttribute(model, signals.affinity, item, &reason.attribute, &reason.value);
      break;
    case Signal::kPopularity:
      reason.kind = ReasonKind::kPopularInMarket;
      reason.market = std::string(model.market_codes[market]);
      reason.trending = signals.trending[item] != 0;
      break;
    case Signal::kSocial: {
      auto it = signals.social.find(item);
      if (it == signals.social.end()) break;
      const internal::SocialEvidence& evidence = it->second;
      if (!evidence.friends_bought.empty() || !evidence.friends_shared.empty()) {
        reason.kind = ReasonKind::kFriends;
        const bool bought = !evidence.friends_bought.empty();
        reason.event = bought ? EventType::kFriendBought : EventType::kFriendShared;
        const auto& friends = bought ? evidence.friends_bought : evidence.friends_shared;
        reason.friends.assign(friends.begin(), friends.end());
      } else {
        reason.kind = ReasonKind::kFromCreatorYouFollow;
        reason.creator = evidence.creator;
      }
      break;
    }
    case Signal::kBoughtTogether: {
      const uint32_t anchor = signals.together_source[item];
      if (anchor == kNone) break;
      reason.kind = ReasonKind::kBoughtTogether;
      reason.item = std::string(model.item_ids[anchor]);
      break;
    }
  }
  return reason;
}

}  // namespace

Result<Recommendation> Recommend(const ModelView& model, const Profile& profile, const RecommendRequest& request) {
  if (request.page_size == 0 || request.page_size > kMaxPageSize) {
    return MakeError(ErrorCode::kInvalidArgument, "page_size must be 1..1000", "page_size");
  }
  if (request.max_boosted_percent > 100) {
    return MakeError(ErrorCode::kInvalidArgument, "max_boosted_percent must be 0..100", "max_boosted_percent");
  }
  if (!(request.diversity.mmr_lambda >= 0 && request.diversity.mmr_lambda <= 1)) {
    return MakeError(ErrorCode::kInvalidArgument, "mmr_lambda must be 0..1", "diversity.mmr_lambda");
  }
  if (request.boosts.size() > kMaxBoosts) {
    return MakeError(ErrorCode::kInvalidArgument, "at most 1000 boosts per request", "boosts");
  }
  for (size_t b = 0; b < request.boosts.size(); ++b) {
    const double bonus = request.boosts[b].bonus;
    if (!(bonus >= 0 && bonus <= 1e6)) {
      return MakeError(ErrorCode::kInvalidArgument, "bonus must be 0..1e6", "boosts[" + std::to_string(b) + "].bonus");
    }
  }
  const uint32_t market = FindMarket(model, request.market);
  if (market == kNone) {
    return MakeError(ErrorCode::kNotFound, "market '" + request.market + "' is not in the model", "market");
  }
  const ContextConfig* found = FindContext(model, request.context);
  if (!found) {
    return MakeError(ErrorCode::kNotFound, std::string("the model has no weights for context ") +
                                               ContextName(request.context), "context");
  }
  ContextConfig config = *found;

  Recommendation result;
  result.context = request.context;
  result.market = request.market;
  result.page = request.page;
  result.page_size = request.page_size;
  result.explain = request.explain;

  // A/B: each experiment assigns the shopper; the first variant that
  // overrides this context's blend wins (experiments in snapshot order).
  bool overridden = false;
  if (!profile.shopper_id().empty()) {
    for (const auto& experiment : model.experiments) {
      const int variant = AssignVariant(experiment, profile.shopper_id());
      if (variant < 0) continue;
      const Variant& chosen = experiment.variants[variant];
      result.experiments.push_back(Assignment{std::string(experiment.id), std::string(chosen.name)});
      for (const auto& override_ : chosen.overrides) {
        if (!overridden && override_.context == request.context) {
          config.blend = override_.blend;
          overridden = true;
        }
      }
    }
  }

  // Anchors: the request's, plus the cart on the cart, plus the latest order
  // after checkout when the request names none.
  std::vector<uint32_t> anchors = Resolve(model, request.anchors);
  if (request.context == Context::kFrequentlyBoughtTogether) {
    for (const auto& [id, added] : profile.cart()) {
      uint32_t item = FindItem(model, id);
      if (item != kNone && std::find(anchors.begin(), anchors.end(), item) == anchors.end()) anchors.push_back(item);
    }
  }
  if (request.context == Context::kPostPurchase && anchors.empty()) {
    int64_t latest = -1;
    for (const auto& [id, record] : profile.purchases()) latest = std::max(latest, record.last_ms);
    for (const auto& [id, record] : profile.purchases()) {
      uint32_t item = FindItem(model, id);
      if (record.last_ms == latest && item != kNone) anchors.push_back(item);
    }
  }

  // Filters.
  const uint32_t n = model.item_count;
  std::vector<uint8_t> excluded(n, 0);
  const uint64_t market_bit = uint64_t{1} << market;
  for (uint32_t i = 0; i < n; ++i) {
    if (!(model.sellable_markets[i] & market_bit) || model.stock[i] <= 0) excluded[i] = 1;
  }
  for (const auto& [id, record] : profile.purchases()) {
    uint32_t item = FindItem(model, id);
    if (item != kNone && model.repurchase_cycle_days[item] == 0) excluded[item] = 1;
  }
  if (config.exclude_cart_items) {
    for (const auto& [id, added] : profile.cart()) {
      uint32_t item = FindItem(model, id);
      if (item != kNone) excluded[item] = 1;
    }
  }
  for (const auto& id : profile.hidden()) {
    uint32_t item = FindItem(model, id);
    if (item != kNone) excluded[item] = 1;
  }
  for (uint32_t item : Resolve(model, request.deny)) excluded[item] = 1;
  for (uint32_t item : anchors) excluded[item] = 1;
  if (!request.allow.empty()) {
    std::vector<uint8_t> allowed(n, 0);
    for (uint32_t item : Resolve(model, request.allow)) allowed[item] = 1;
    for (uint32_t i = 0; i < n; ++i) excluded[i] |= !allowed[i];
  }

  Signals signals;
  internal::ComputeSignals(model, profile, config, request.now_ms, market, anchors, &signals);

  // Blend: each signal scaled by its largest magnitude among the candidates,
  // so the weights compare signals of different units.
  // One fused pass (branch-free max of magnitudes) instead of one per signal.
  double max_abs[kSignalCount] = {0, 0, 0, 0, 0, 0};
  const double* values[kSignalCount];
  for (int k = 0; k < kSignalCount; ++k) values[k] = signals.value[k].data();
  for (uint32_t i = 0; i < n; ++i) {
    if (excluded[i]) continue;
    for (int k = 0; k < kSignalCount; ++k) max_abs[k] = std::max(max_abs[k], __builtin_fabs(values[k][i]));
  }
  double scale[kSignalCount];
  int active[kSignalCount];
  int active_count = 0;
  for (int k = 0; k < kSignalCount; ++k) {
    scale[k] = max_abs[k] > 0 ? config.blend.weight[k] / max_abs[k] : 0.0;
    if (scale[k] != 0) active[active_count++] = k;
  }
  std::vector<uint32_t> id_rank(n);
  for (uint32_t r = 0; r < n; ++r) id_rank[model.items_by_id[r]] = r;
  std::vector<Candidate> candidates;
  candidates.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (excluded[i]) continue;
    // Signals in their fixed order, so the sum's rounding is the same everywhere.
    double score = 0;
    for (int a = 0; a < active_count; ++a) score += scale[active[a]] * values[active[a]][i];
    candidates.push_back(Candidate{i, ToMicros(score), id_rank[i]});
  }
  result.candidate_count = static_cast<uint32_t>(candidates.size());

  // Boosted candidates, by boosted score (first boost of an item wins).
  std::vector<std::pair<Candidate, const Boost*>> boosted;
  for (const auto& boost : request.boosts) {
    uint32_t item = FindItem(model, boost.item);
    if (item == kNone || excluded[item]) continue;
    bool seen = false;
    for (const auto& entry : boosted) seen = seen || entry.first.item == item;
    if (seen) continue;
    // Candidates are in item order until Ranking sorts them: binary search.
    auto it = std::lower_bound(candidates.begin(), candidates.end(), item,
                               [](const Candidate& c, uint32_t value) { return c.item < value; });
    boosted.emplace_back(*it, &boost);
  }
  std::sort(boosted.begin(), boosted.end(), [](const auto& a, const auto& b) {
    const int64_t sa = a.first.score + ToMicros(a.second->bonus);
    const int64_t sb = b.first.score + ToMicros(b.second->bonus);
    if (sa != sb) return sa > sb;
    return a.first.id_rank < b.first.id_rank;
  });

  Ranking ranking(std::move(candidates));
  PageFiller filler(model, request, &ranking, std::move(boosted));
  std::vector<Pick> page;
  for (uint32_t p = 0; p <= request.page; ++p) {
    if (filler.remaining() == 0) {
      page.clear();
      break;
    }
    page = filler.Next();
  }
  result.has_more = filler.remaining() > 0;

  for (const Pick& pick : page) {
    const uint32_t item = pick.candidate.item;
    RecommendedItem out;
    out.id = std::string(model.item_ids[item]);
    out.score_micros = pick.shown_score;
    double contribution[kSignalCount];
    for (int k = 0; k < kSignalCount; ++k) {
      contribution[k] = scale[k] * signals.value[k][item];
      out.signal_micros[k] = ToMicros(contribution[k]);
    }
    out.reason = Explain(model, signals, market, item, contribution);
    if (pick.boost) out.campaign = pick.boost->campaign;
    result.items.push_back(std::move(out));
  }
  return result;
}

}  // namespace shopcore::reco
