// Interaction logs as the builder reads them: CSV `user,item,timestamp,event[,weight]`
// streamed line by line (a log may be far larger than the model), ids interned
// into dense indices sorted by id so the same log always gives the same model.
#ifndef SHOPCORE_CLI_MODEL_INTERACTIONS_H_
#define SHOPCORE_CLI_MODEL_INTERACTIONS_H_

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "shopcore/status.h"

namespace shopcore::modelbuild {

struct Interactions {
  std::vector<std::string> users;  // sorted, unique
  std::vector<std::string> items;  // sorted, unique
  // One entry per CSV row, in file order.
  std::vector<uint32_t> user;
  std::vector<uint32_t> item;
  std::vector<int64_t> time_ms;
  std::vector<float> weight;
  std::vector<uint8_t> purchase;  // 1: purchase or add_to_cart (a basket line)

  size_t size() const { return user.size(); }
};

// Weight of a row without a weight column, by event name (view 1, click 1,
// dwell 1, like 2, share 2, add_to_cart 3, purchase 5, rating 1).
// INVALID_ARGUMENT for an unknown event.
Result<float> DefaultEventWeight(const std::string& event);

// Reads the whole stream. A first line starting with "user," is a header.
// BAD_REQUEST with "line N" as path for a malformed row; nothing is returned then.
Result<Interactions> ReadInteractions(std::istream& in);

// Per user, the items they touched with summed weights, items ascending.
struct UserItems {
  std::vector<uint32_t> offsets;  // users.size() + 1
  std::vector<uint32_t> items;
  std::vector<float> weights;
};
UserItems GroupByUser(const Interactions& log);

}  // namespace shopcore::modelbuild

#endif  // SHOPCORE_CLI_MODEL_INTERACTIONS_H_
