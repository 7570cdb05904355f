#include "shopcore/reco/context.h"

namespace shopcore::reco {
namespace {

const char* const kContextNames[kContextCount] = {"home_feed", "similar_item", "bought_together",
                                                  "post_purchase"};
const char* const kSignalNames[kSignalCount] = {"item_item",  "embedding", "content",
                                                "popularity", "social",    "bought_together"};

}  // namespace

const char* ContextName(Context context) {
  int index = static_cast<int>(context);
  return index < kContextCount ? kContextNames[index] : "unknown";
}

std::optional<Context> ContextFromName(std::string_view name) {
  for (int i = 0; i < kContextCount; ++i) {
    if (name == kContextNames[i]) return static_cast<Context>(i);
  }
  return std::nullopt;
}

const char* SignalName(Signal signal) {
  int index = static_cast<int>(signal);
  return index < kSignalCount ? kSignalNames[index] : "unknown";
}

}  // namespace shopcore::reco
