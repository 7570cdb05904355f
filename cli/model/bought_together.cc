#include "bought_together.h"

#include <algorithm>
#include <map>

namespace shopcore::modelbuild {

std::vector<FbtRule> MineBoughtTogether(const Interactions& log, const FbtOptions& options) {
  std::vector<uint32_t> lines;
  for (uint32_t k = 0; k < log.size(); ++k) {
    if (log.purchase[k]) lines.push_back(k);
  }
  std::sort(lines.begin(), lines.end(), [&](uint32_t a, uint32_t b) {
    if (log.user[a] != log.user[b]) return log.user[a] < log.user[b];
    if (log.time_ms[a] != log.time_ms[b]) return log.time_ms[a] < log.time_ms[b];
    return a < b;
  });
  std::vector<uint32_t> item_baskets(log.items.size(), 0);
  std::map<std::pair<uint32_t, uint32_t>, uint32_t> pair_baskets;
  uint32_t baskets = 0;
  std::vector<uint32_t> basket;
  auto close_basket = [&]() {
    std::sort(basket.begin(), basket.end());
    basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
    if (basket.empty()) return;
    ++baskets;
    for (uint32_t a : basket) {
      item_baskets[a]++;
      for (uint32_t b : basket) {
        if (a != b) pair_baskets[{a, b}]++;
      }
    }
    basket.clear();
  };
  int64_t basket_start = 0;
  for (size_t n = 0; n < lines.size(); ++n) {
    const uint32_t k = lines[n];
    if (n == 0 || log.user[lines[n - 1]] != log.user[k] || log.time_ms[k] - basket_start >= options.basket_window_ms) {
      close_basket();
      basket_start = log.time_ms[k];
    }
    basket.push_back(log.item[k]);
  }
  close_basket();
  std::vector<FbtRule> rules;
  for (const auto& [pair, count] : pair_baskets) {
    if (count < options.min_count) continue;
    FbtRule rule;
    rule.antecedent = pair.first;
    rule.consequent = pair.second;
    rule.count = count;
    rule.support = static_cast<float>(static_cast<double>(count) / baskets);
    const double confidence = static_cast<double>(count) / item_baskets[pair.first];
    const double lift = confidence / (static_cast<double>(item_baskets[pair.second]) / baskets);
    if (confidence < options.min_confidence || lift < options.min_lift) continue;
    rule.confidence = static_cast<float>(confidence);
    rule.lift = static_cast<float>(lift);
    rules.push_back(rule);
  }
  std::sort(rules.begin(), rules.end(), [](const FbtRule& a, const FbtRule& b) {
    if (a.antecedent != b.antecedent) return a.antecedent < b.antecedent;
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.consequent < b.consequent;
  });
  std::vector<FbtRule> kept;
  uint32_t per_item = 0;
  for (size_t n = 0; n < rules.size(); ++n) {
    per_item = (n > 0 && rules[n - 1].antecedent == rules[n].antecedent) ? per_item + 1 : 0;
    if (per_item < options.max_rules_per_item) kept.push_back(rules[n]);
  }
  return kept;
}

}  // namespace shopcore::modelbuild
