#include "scoring.h"

#include <algorithm>

#include "dot_kernel.h"

#include "shopcore/reco/decay.h"
#include "shopcore/reco/fold_in.h"

namespace shopcore::reco::internal {
namespace {

// Events that say something about the item itself (not social, not a
// hide, not a follow or a search).
bool IsItemInteraction(EventType type) {
  switch (type) {
    case EventType::kView:
    case EventType::kClick:
    case EventType::kDwell:
    case EventType::kAddToCart:
    case EventType::kRemoveFromCart:
    case EventType::kPurchase:
    case EventType::kShare:
    case EventType::kLike:
      return true;
    default:
      return false;
  }
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Search words credit the attribute values they name exactly (case-insensitive
// ASCII): "nike running" credits brand Nike and tag running.
void CreditQuery(std::string_view query, double weight, Span<std::string_view> names, std::vector<double>* affinity) {
  size_t start = 0;
  while (start < query.size()) {
    size_t end = query.find(' ', start);
    if (end == std::string_view::npos) end = query.size();
    std::string_view word = query.substr(start, end - start);
    if (!word.empty()) {
      for (size_t i = 0; i < names.size(); ++i) {
        if (EqualsIgnoringAsciiCase(word, names[i])) (*affinity)[i] += weight;
      }
    }
    start = end + 1;
  }
}

// Returns whether anything is left (a new shopper has no affinity at all).
bool Normalise(std::vector<double>* values) {
  double total = 0;
  for (double& v : *values) {
    if (v < 0) v = 0;
    total += v;
  }
  if (total > 0) {
    for (double& v : *values) v /= total;
  }
  return total > 0;
}

double FactorScale(const ModelView& model, uint32_t item) {
  return model.factor_scales.size() == 1 ? model.factor_scales[0] : model.factor_scales[item];
}

// Nearest integer, ties away from zero, without libm.
int32_t RoundToInt(double x) { return static_cast<int32_t>(x >= 0 ? x + 0.5 : x - 0.5); }

}  // namespace

double FactorSimilarity(const ModelView& model, uint32_t a, uint32_t b) {
  const uint32_t d = model.factor_dim;
  int64_t dot = 0;
  for (uint32_t k = 0; k < d; ++k) {
    dot += int32_t{model.item_factors[size_t{a} * d + k]} * model.item_factors[size_t{b} * d + k];
  }
  return FactorScale(model, a) * FactorScale(model, b) * static_cast<double>(dot);
}

void ComputeSignals(const ModelView& model, const Profile& profile, const ContextConfig& config,
                    int64_t now_ms, uint32_t market, const std::vector<uint32_t>& anchors, Signals* out) {
  const uint32_t n = model.item_count;
  for (auto& values : out->value) values.assign(n, 0.0);
  out->item_item_source.assign(n, kNone);
  out->together_source.assign(n, kNone);
  out->trending.assign(n, 0);

  // 1. Summarise the history: per touched item, the decayed event weights.
  std::map<uint32_t, HistoryItem> touched;
  std::map<uint32_t, std::map<EventType, double>> by_type;
  Affinities& aff = out->affinity;
  aff.category.assign(model.category_names.size(), 0.0);
  aff.brand.assign(model.brand_names.size(), 0.0);
  aff.tag.assign(model.tag_names.size(), 0.0);
  aff.price_band.assign(model.price_band_count, 0.0);
  aff.creator.assign(model.creator_names.size(), 0.0);

  for (const auto& stored : profile.events()) {
    const Event& event = stored.event;
    const double decay = DecayFactor(now_ms - event.time_ms, config.half_life_ms);
    const double weight = config.event_weight[static_cast<int>(event.type)] * decay;
    if (event.type == EventType::kSearch) {
      CreditQuery(event.query, weight, model.category_names, &aff.category);
      CreditQuery(event.query, weight, model.brand_names, &aff.brand);
      CreditQuery(event.query, weight, model.tag_names, &aff.tag);
      continue;
    }
    const uint32_t item = event.item.empty() ? kNone : FindItem(model, event.item);
    if (item == kNone) continue;  // not in this catalogue (any more)
    if (IsItemInteraction(event.type)) {
      HistoryItem& h = touched[item];
      h.item = item;
      h.weight += weight;
      by_type[item][event.type] += weight;
    } else if (event.type == EventType::kFriendBought || event.type == EventType::kFriendShared) {
      SocialEvidence& evidence = out->social[item];
      evidence.weight += weight;
      (event.type == EventType::kFriendBought ? evidence.friends_bought : evidence.friends_shared)
          .insert(event.friend_id);
    } else if (event.type == EventType::kCreatorPick) {
      SocialEvidence& evidence = out->social[item];
      evidence.weight += weight;
      if (evidence.creator.empty()) evidence.creator = event.creator;
    }
  }
  for (auto& [item, types] : by_type) {
    HistoryItem& h = touched[item];
    for (const auto& [type, weight] : types) {  // ascending type: ties go to the first
      if (weight > h.event_weight) {
        h.event_weight = weight;
        h.event = type;
      }
    }
  }
  out->history.clear();
  for (const auto& [item, h] : touched) out->history.push_back(h);
  for (uint32_t anchor : anchors) {
    HistoryItem h;
    h.item = anchor;
    h.weight = config.anchor_weight;
    h.anchor = true;
    out->history.push_back(h);
  }

  // Followed creators: every item of theirs gets the follow weight (no decay:
  // following is a standing state, not an event that ages).
  if (!profile.following().empty()) {
    std::vector<uint8_t> followed(model.creator_names.size(), 0);
    for (const auto& [creator, since] : profile.following()) {
      for (size_t c = 0; c < model.creator_names.size(); ++c) {
        if (model.creator_names[c] == creator) followed[c] = 1;
      }
    }
    const double follow_weight = config.event_weight[static_cast<int>(EventType::kFollowCreator)];
    for (uint32_t i = 0; i < n; ++i) {
      uint32_t creator = model.creator[i];
      if (creator == kNone || !followed[creator]) continue;
      SocialEvidence& evidence = out->social[i];
      evidence.weight += follow_weight;
      if (evidence.creator.empty()) evidence.creator = std::string(model.creator_names[creator]);
      aff.creator[creator] += follow_weight;
    }
  }

  // 2. Item-item: sum over history of weight x neighbour weight.
  std::vector<double>& item_item = out->value[static_cast<int>(Signal::kItemItem)];
  if (!model.neighbour_offsets.empty() && !out->history.empty()) {
    std::vector<double> best(n, 0.0);
    for (uint32_t h = 0; h < out->history.size(); ++h) {
      const HistoryItem& source = out->history[h];
      for (uint32_t e = model.neighbour_offsets[source.item]; e < model.neighbour_offsets[source.item + 1]; ++e) {
        const uint32_t target = model.neighbour_items[e];
        const double contribution = source.weight * model.neighbour_weights[e];
        item_item[target] += contribution;
        if (contribution > best[target]) {
          best[target] = contribution;
          out->item_item_source[target] = h;
        }
      }
    }
  }

  // 3. Content affinity from the positive history (anchors included).
  for (const HistoryItem& h : out->history) {
    if (!(h.weight > 0)) continue;
    for (uint32_t e = model.category_path_offsets[h.item]; e < model.category_path_offsets[h.item + 1]; ++e) {
      aff.category[model.category_path_nodes[e]] += h.weight;
    }
    if (model.brand[h.item] != kNone) aff.brand[model.brand[h.item]] += h.weight;
    for (uint32_t e = model.tag_offsets[h.item]; e < model.tag_offsets[h.item + 1]; ++e) {
      aff.tag[model.tag_ids[e]] += h.weight;
    }
    aff.price_band[model.price_band[h.item]] += h.weight;
    if (model.creator[h.item] != kNone) aff.creator[model.creator[h.item]] += h.weight;
  }
  bool any_affinity = Normalise(&aff.category);
  any_affinity |= Normalise(&aff.brand);
  any_affinity |= Normalise(&aff.tag);
  any_affinity |= Normalise(&aff.price_band);
  any_affinity |= Normalise(&aff.creator);
  const ContentWeights& cw = model.content_weights;
  std::vector<double>& content = out->value[static_cast<int>(Signal::kContent)];
  for (uint32_t i = 0; any_affinity && i < n; ++i) {
    double score = 0;
    const uint32_t path_begin = model.category_path_offsets[i];
    const uint32_t path_end = model.category_path_offsets[i + 1];
    if (path_end > path_begin) {
      double sum = 0;
      for (uint32_t e = path_begin; e < path_end; ++e) sum += aff.category[model.category_path_nodes[e]];
      score += cw.category * sum / (path_end - path_begin);
    }
    if (model.brand[i] != kNone) score += cw.brand * aff.brand[model.brand[i]];
    const uint32_t tag_begin = model.tag_offsets[i];
    const uint32_t tag_end = model.tag_offsets[i + 1];
    if (tag_end > tag_begin) {
      double sum = 0;
      for (uint32_t e = tag_begin; e < tag_end; ++e) sum += aff.tag[model.tag_ids[e]];
      score += cw.tags * sum / (tag_end - tag_begin);
    }
    score += cw.price_band * aff.price_band[model.price_band[i]];
    if (model.creator[i] != kNone) score += cw.creator * aff.creator[model.creator[i]];
    content[i] = score;
  }

  // 4. Embedding: fold the shopper in, then an integer dot product per item
  // (the user vector quantized to int16): exact, so both targets agree.
  std::vector<WeightedItem> positives;
  for (const HistoryItem& h : out->history) {
    if (h.weight > 0) positives.push_back(WeightedItem{h.item, h.weight});
  }
  out->user_vector = FoldInUserVector(model, positives);
  if (!out->user_vector.empty()) {
    const uint32_t d = model.factor_dim;
    double max_abs = 0;
    for (double v : out->user_vector) {
      const double magnitude = v < 0 ? -v : v;
      max_abs = magnitude > max_abs || magnitude != magnitude ? magnitude : max_abs;  // NaN sticks
    }
    // Finite and positive only (x - x == 0 fails for inf and NaN): the
    // int16 cast below must never see a non-finite value.
    if (max_abs > 0 && max_abs - max_abs == 0) {
      const double user_scale = max_abs / 32767.0;
      std::vector<int16_t> quantized(d);
      for (uint32_t k = 0; k < d; ++k) quantized[k] = static_cast<int16_t>(RoundToInt(out->user_vector[k] / user_scale));
      std::vector<int32_t> dots(n);
      DotRowsInt8Int16(model.item_factors.data(), quantized.data(), d, n, dots.data());
      std::vector<double>& embedding = out->value[static_cast<int>(Signal::kEmbedding)];
      if (model.factor_scales.size() == 1) {
        const double scale = model.factor_scales[0] * user_scale;
        for (uint32_t i = 0; i < n; ++i) embedding[i] = scale * static_cast<double>(dots[i]);
      } else {
        for (uint32_t i = 0; i < n; ++i) {
          embedding[i] = model.factor_scales[i] * user_scale * static_cast<double>(dots[i]);
        }
      }
    }
  }

  // 5. Popularity in the market, with trend.
  std::vector<double>& popularity = out->value[static_cast<int>(Signal::kPopularity)];
  if (!model.popularity_offsets.empty()) {
    for (uint32_t e = model.popularity_offsets[market]; e < model.popularity_offsets[market + 1]; ++e) {
      const uint32_t item = model.popularity_items[e];
      const double trend = model.popularity_trends[e];
      const double score = model.popularity_scores[e] * (1.0 + model.trend_weight * trend);
      popularity[item] = score > 0 ? score : 0;
      out->trending[item] = trend > 0;
    }
  }

  // 6. Social.
  std::vector<double>& social = out->value[static_cast<int>(Signal::kSocial)];
  for (const auto& [item, evidence] : out->social) social[item] = evidence.weight;

  // 7. Frequently bought together, from the anchors.
  std::vector<double>& together = out->value[static_cast<int>(Signal::kBoughtTogether)];
  if (!model.bought_together_offsets.empty() && !anchors.empty()) {
    std::vector<double> best_rule(n, 0.0);
    for (uint32_t anchor : anchors) {
      for (uint32_t e = model.bought_together_offsets[anchor]; e < model.bought_together_offsets[anchor + 1]; ++e) {
        const uint32_t target = model.bought_together_items[e];
        const double confidence = model.bought_together_confidence[e];
        together[target] += confidence;
        if (confidence > best_rule[target]) {
          best_rule[target] = confidence;
          out->together_source[target] = anchor;
        }
      }
    }
  }
}

bool StrongestContentAttribute(const ModelView& model, const Affinities& aff, uint32_t item,
                               std::string* attribute, std::string* value) {
  const ContentWeights& cw = model.content_weights;
  double best = 0;
  // Ties keep the earlier candidate, except along the category path where
  // the deeper node (more specific) wins.
  auto consider = [&](double score, const char* name, std::string_view text, bool deeper_wins_ties = false) {
    if (score > best || (deeper_wins_ties && score > 0 && score == best)) {
      best = score;
      *attribute = name;
      *value = std::string(text);
    }
  };
  for (uint32_t e = model.category_path_offsets[item]; e < model.category_path_offsets[item + 1]; ++e) {
    const uint32_t node = model.category_path_nodes[e];
    consider(cw.category * aff.category[node], "category", model.category_names[node], true);
  }
  if (model.brand[item] != kNone) consider(cw.brand * aff.brand[model.brand[item]], "brand", model.brand_names[model.brand[item]]);
  for (uint32_t e = model.tag_offsets[item]; e < model.tag_offsets[item + 1]; ++e) {
    consider(cw.tags * aff.tag[model.tag_ids[e]], "tag", model.tag_names[model.tag_ids[e]]);
  }
  if (model.creator[item] != kNone) {
    consider(cw.creator * aff.creator[model.creator[item]], "creator", model.creator_names[model.creator[item]]);
  }
  const std::string band = std::to_string(model.price_band[item]);
  consider(cw.price_band * aff.price_band[model.price_band[item]], "price_band", band);
  return best > 0;
}

}  // namespace shopcore::reco::internal
