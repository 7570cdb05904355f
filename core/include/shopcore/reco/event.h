// What the shopper did (or what the server told us about their circle), with
// the time it happened. Times are epoch milliseconds passed in by the caller:
// nothing in reco reads the clock.
#ifndef SHOPCORE_RECO_EVENT_H_
#define SHOPCORE_RECO_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore::reco {

// Stable order: the snapshot's per-context event weights are indexed by it.
enum class EventType : uint8_t {
  kView = 0,
  kClick,
  kDwell,
  kAddToCart,
  kRemoveFromCart,
  kPurchase,
  kShare,
  kLike,
  kFollowCreator,
  kSearch,
  kFriendBought,   // social signal from the server: a friend bought `item`
  kFriendShared,   // social signal from the server: a friend shared `item`
  kCreatorPick,    // social signal from the server: a followed creator picked `item`
  kHide,           // the shopper asked not to see `item` again
};
constexpr int kEventTypeCount = 14;

// "view", "add_to_cart", ... (the JSON and export names).
const char* EventTypeName(EventType type);
std::optional<EventType> EventTypeFromName(std::string_view name);

// Signals the server sent us: never uploaded back, it already has them.
bool IsServerSignal(EventType type);

struct Event {
  EventType type = EventType::kView;
  int64_t time_ms = 0;
  std::string item;         // item events and social signals
  std::string creator;      // follow_creator, creator_pick
  std::string friend_id;    // friend_bought, friend_shared
  std::string query;        // search
  int64_t dwell_ms = 0;     // dwell: how long the item page was in view
  int64_t amount_minor = 0; // purchase: what was paid, minor units (for RFM monetary)
};

// Checks that the event carries what its type needs (INVALID_ARGUMENT with
// the field as path, prefixed by `path`).
Status ValidateEvent(const Event& event, const std::string& path = "event");

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_EVENT_H_
