#include "interactions.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace shopcore::modelbuild {
namespace {

std::vector<std::string> SplitCsv(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  for (char c : line) {
    if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

bool ParseInteger(const std::string& text, int64_t* value) {
  if (text.empty() || text.size() > 18) return false;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

bool ParseWeight(const std::string& text, float* value) {
  if (text.empty()) return false;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= 0) || v > 1e6) return false;
  *value = static_cast<float>(v);
  return true;
}

// Interned ids in first-seen order, remapped to sorted order at the end.
struct Interner {
  std::map<std::string, uint32_t> index;
  std::vector<const std::string*> by_index;
  uint32_t Get(const std::string& id) {
    auto [it, inserted] = index.emplace(id, static_cast<uint32_t>(by_index.size()));
    if (inserted) by_index.push_back(&it->first);
    return it->second;
  }
  // Sorted ids and the remap old index -> sorted index.
  std::vector<uint32_t> Finish(std::vector<std::string>* sorted) const {
    std::vector<uint32_t> remap(by_index.size());
    uint32_t rank = 0;
    for (const auto& [id, old] : index) {
      sorted->push_back(id);
      remap[old] = rank++;
    }
    return remap;
  }
};

}  // namespace

Result<float> DefaultEventWeight(const std::string& event) {
  static const std::pair<const char*, float> kWeights[] = {
      {"view", 1}, {"click", 1}, {"dwell", 1}, {"rating", 1}, {"like", 2},
      {"share", 2}, {"add_to_cart", 3}, {"purchase", 5}};
  for (const auto& [name, weight] : kWeights) {
    if (event == name) return weight;
  }
  return MakeError(ErrorCode::kInvalidArgument, "unknown event '" + event + "'", "event");
}

Result<Interactions> ReadInteractions(std::istream& in) {
  Interactions log;
  Interner users, items;
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (line.empty() || line == "\r") continue;
    if (line_number == 1 && line.rfind("user,", 0) == 0) continue;
    const std::string where = "line " + std::to_string(line_number);
    auto fields = SplitCsv(line);
    if (fields.size() != 4 && fields.size() != 5) {
      return MakeError(ErrorCode::kBadRequest, "expected user,item,timestamp,event[,weight]", where);
    }
    if (fields[0].empty() || fields[1].empty()) return MakeError(ErrorCode::kBadRequest, "empty user or item", where);
    int64_t time = 0;
    if (!ParseInteger(fields[2], &time)) {
      return MakeError(ErrorCode::kBadRequest, "timestamp is not epoch milliseconds: '" + fields[2] + "'", where);
    }
    float weight = 0;
    if (fields.size() == 5) {
      if (!ParseWeight(fields[4], &weight)) {
        return MakeError(ErrorCode::kBadRequest, "weight is not a number in [0, 1e6]: '" + fields[4] + "'", where);
      }
    } else {
      auto by_event = DefaultEventWeight(fields[3]);
      if (!by_event.ok()) return MakeError(ErrorCode::kBadRequest, by_event.error().message, where);
      weight = *by_event;
    }
    if (!DefaultEventWeight(fields[3]).ok()) {
      return MakeError(ErrorCode::kBadRequest, "unknown event '" + fields[3] + "'", where);
    }
    log.user.push_back(users.Get(fields[0]));
    log.item.push_back(items.Get(fields[1]));
    log.time_ms.push_back(time);
    log.weight.push_back(weight);
    log.purchase.push_back(fields[3] == "purchase" || fields[3] == "add_to_cart");
  }
  auto user_remap = users.Finish(&log.users);
  auto item_remap = items.Finish(&log.items);
  for (auto& u : log.user) u = user_remap[u];
  for (auto& i : log.item) i = item_remap[i];
  return log;
}

UserItems GroupByUser(const Interactions& log) {
  std::vector<uint32_t> order(log.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (log.user[a] != log.user[b]) return log.user[a] < log.user[b];
    if (log.item[a] != log.item[b]) return log.item[a] < log.item[b];
    return a < b;
  });
  UserItems grouped;
  grouped.offsets.assign(log.users.size() + 1, 0);
  for (size_t k = 0; k < order.size(); ++k) {
    uint32_t row = order[k];
    if (k > 0 && log.user[order[k - 1]] == log.user[row] && log.item[order[k - 1]] == log.item[row]) {
      grouped.weights.back() += log.weight[row];
      continue;
    }
    grouped.items.push_back(log.item[row]);
    grouped.weights.push_back(log.weight[row]);
    grouped.offsets[log.user[row] + 1]++;
  }
  for (size_t u = 0; u < log.users.size(); ++u) grouped.offsets[u + 1] += grouped.offsets[u];
  return grouped;
}

}  // namespace shopcore::modelbuild
