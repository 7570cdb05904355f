#include "shopcore/reco/event.h"

namespace shopcore::reco {
namespace {

const char* const kEventNames[kEventTypeCount] = {
    "view",  "click", "dwell",          "add_to_cart", "remove_from_cart", "purchase",     "share",
    "like",  "follow_creator", "search", "friend_bought", "friend_shared", "creator_pick", "hide",
};

bool NeedsItem(EventType type) {
  return type != EventType::kFollowCreator && type != EventType::kSearch;
}

}  // namespace

const char* EventTypeName(EventType type) {
  int index = static_cast<int>(type);
  return index >= 0 && index < kEventTypeCount ? kEventNames[index] : "unknown";
}

std::optional<EventType> EventTypeFromName(std::string_view name) {
  for (int i = 0; i < kEventTypeCount; ++i) {
    if (name == kEventNames[i]) return static_cast<EventType>(i);
  }
  return std::nullopt;
}

bool IsServerSignal(EventType type) {
  return type == EventType::kFriendBought || type == EventType::kFriendShared ||
         type == EventType::kCreatorPick;
}

Status ValidateEvent(const Event& event, const std::string& path) {
  if (static_cast<int>(event.type) >= kEventTypeCount) {
    return MakeError(ErrorCode::kInvalidArgument, "unknown event type", path + ".type");
  }
  if (event.time_ms < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "time_ms must be >= 0 (epoch milliseconds)", path + ".time_ms");
  }
  const char* name = EventTypeName(event.type);
  if (NeedsItem(event.type) && event.item.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, std::string(name) + " needs an item", path + ".item");
  }
  if ((event.type == EventType::kFollowCreator || event.type == EventType::kCreatorPick) &&
      event.creator.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, std::string(name) + " needs a creator", path + ".creator");
  }
  if ((event.type == EventType::kFriendBought || event.type == EventType::kFriendShared) &&
      event.friend_id.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, std::string(name) + " needs a friend", path + ".friend");
  }
  if (event.type == EventType::kSearch && event.query.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "search needs a query", path + ".query");
  }
  if (event.type == EventType::kDwell && event.dwell_ms <= 0) {
    return MakeError(ErrorCode::kInvalidArgument, "dwell needs dwell_ms > 0", path + ".dwell_ms");
  }
  if (event.dwell_ms < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "dwell_ms must be >= 0", path + ".dwell_ms");
  }
  if (event.amount_minor < 0) {
    return MakeError(ErrorCode::kInvalidArgument, "amount_minor must be >= 0", path + ".amount_minor");
  }
  return Status::Ok();
}

}  // namespace shopcore::reco
