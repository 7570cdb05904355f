#include "model_build.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace shopcore::modelbuild {

Result<BuiltModel> BuildModel(const Interactions& log, const BuildOptions& options) {
  BuiltModel model;
  const uint32_t item_count = static_cast<uint32_t>(log.items.size());
  UserItems users = GroupByUser(log);
  // Neighbours and factors see each (user, item) once with its summed weight;
  // the neighbour models use it as binary.
  if (options.algorithm == NeighbourAlgorithm::kEase && item_count <= kMaxEaseItems) {
    auto dense = EaseWeights(users, item_count, options.ease_lambda);
    if (!dense.ok()) return dense.error();
    model.neighbours = TopK(*dense, options.neighbours);
    model.algorithm = "ease";
  } else {
    model.neighbours = CosineNeighbours(users, item_count, options.cosine_shrink, options.neighbours);
    model.algorithm = "cosine";
  }
  if (options.ials.factors > 0) {
    model.factors = Quantize(TrainIals(users, item_count, options.ials));
    model.algorithm += "+ials";
  }
  int64_t now = options.now_ms;
  if (now == 0) {
    for (int64_t t : log.time_ms) now = std::max(now, t);
  }
  model.popularity = ComputePopularity(log, now, options.half_life_ms);
  model.fbt = MineBoughtTogether(log, options.fbt);
  return model;
}

size_t KeepKnownItems(const std::vector<std::string>& known, Interactions* log) {
  std::vector<int64_t> remap(log->items.size(), -1);
  std::vector<std::string> kept_items;
  for (size_t i = 0; i < log->items.size(); ++i) {
    if (std::binary_search(known.begin(), known.end(), log->items[i])) {
      remap[i] = static_cast<int64_t>(kept_items.size());
      kept_items.push_back(log->items[i]);
    }
  }
  size_t out = 0, dropped = 0;
  for (size_t k = 0; k < log->size(); ++k) {
    if (remap[log->item[k]] < 0) {
      ++dropped;
      continue;
    }
    log->user[out] = log->user[k];
    log->item[out] = static_cast<uint32_t>(remap[log->item[k]]);
    log->time_ms[out] = log->time_ms[k];
    log->weight[out] = log->weight[k];
    log->purchase[out] = log->purchase[k];
    ++out;
  }
  log->user.resize(out);
  log->item.resize(out);
  log->time_ms.resize(out);
  log->weight.resize(out);
  log->purchase.resize(out);
  log->items = std::move(kept_items);
  return dropped;
}

namespace {

// A hyperparameter as the schema's decimal strings want it: "1", "0.05",
// "12.5" (six decimals at most, no exponent, no trailing zeros).
std::string DecimalText(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

Status WriteModelSections(const Interactions& log, const BuiltModel& model, const BuildOptions& options,
                          nlohmann::json* catalog) {
  using nlohmann::json;
  if (!catalog->is_object() || !catalog->contains("items") || !(*catalog)["items"].is_array()) {
    return MakeError(ErrorCode::kBadRequest, "catalog has no items array", "items");
  }
  // Sellable markets per item id.
  std::map<std::string, std::vector<std::string>> sellable;
  std::set<std::string> markets;
  const json& items = (*catalog)["items"];
  for (size_t n = 0; n < items.size(); ++n) {
    const json& item = items[n];
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string()) {
      return MakeError(ErrorCode::kBadRequest, "item without a string id", "items[" + std::to_string(n) + "]");
    }
    auto& list = sellable[item["id"].get<std::string>()];
    if (item.contains("sellable_markets") && item["sellable_markets"].is_array()) {
      for (const json& market : item["sellable_markets"]) {
        if (market.is_string()) {
          list.push_back(market.get<std::string>());
          markets.insert(market.get<std::string>());
        }
      }
    }
  }
  json neighbours = json::array();
  for (size_t i = 0; i < log.items.size(); ++i) {
    const uint32_t begin = model.neighbours.offsets[i], end = model.neighbours.offsets[i + 1];
    if (begin == end) continue;
    json ids = json::array(), weights = json::array();
    for (uint32_t k = begin; k < end; ++k) {
      ids.push_back(log.items[model.neighbours.items[k]]);
      weights.push_back(model.neighbours.weights[k]);
    }
    neighbours.push_back({{"item", log.items[i]}, {"neighbours", ids}, {"weights", weights}});
  }
  json factors = json::array();
  const size_t d = model.factors.factors;
  for (size_t i = 0; d > 0 && i < log.items.size(); ++i) {
    json values = json::array();
    for (size_t c = 0; c < d; ++c) values.push_back(static_cast<int>(model.factors.item[i * d + c]));
    factors.push_back({{"item", log.items[i]}, {"factors", values}, {"scale", model.factors.scale[i]}});
  }
  // Popularity per market, strongest first, ties by id.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < log.items.size(); ++i) {
    if (model.popularity.score[i] > 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return model.popularity.score[a] > model.popularity.score[b]; });
  json popularity = json::array();
  for (const std::string& market : markets) {
    json ids = json::array(), scores = json::array(), trends = json::array();
    for (uint32_t i : order) {
      const auto& where = sellable[log.items[i]];
      if (std::find(where.begin(), where.end(), market) == where.end()) continue;
      ids.push_back(log.items[i]);
      scores.push_back(model.popularity.score[i]);
      trends.push_back(model.popularity.trend[i]);
    }
    if (!ids.empty()) popularity.push_back({{"market", market}, {"items", ids}, {"scores", scores}, {"trend", trends}});
  }
  json rules = json::array();
  for (const FbtRule& rule : model.fbt) {
    const std::string& a = log.items[rule.antecedent];
    const std::string& b = log.items[rule.consequent];
    rules.push_back({{"id", a + ">" + b},
                     {"antecedent", json::array({a})},
                     {"consequent", b},
                     {"support", rule.support},
                     {"confidence", rule.confidence},
                     {"lift", rule.lift},
                     {"count", rule.count}});
  }
  json info = {{"algorithm", model.algorithm}, {"source", "shopcore model build"}};
  if (d > 0) {
    info["dimensions"] = d;
    info["gram"] = model.factors.gram;
    // The fold-in terms the factors were trained with: the device folds a
    // shopper in with the same ridge and confidence scale.
    info["regularization"] = DecimalText(options.ials.lambda);
    info["fold_in_alpha"] = DecimalText(options.ials.alpha);
  }
  (*catalog)["model"] = info;
  (*catalog)["neighbours"] = neighbours;
  (*catalog)["factors"] = factors;
  (*catalog)["popularity"] = popularity;
  (*catalog)["fbt_rules"] = rules;
  return Status();
}

}  // namespace shopcore::modelbuild
