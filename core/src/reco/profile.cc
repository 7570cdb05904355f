#include "shopcore/reco/profile.h"

namespace shopcore::reco {
namespace {

// Drops the entry with the oldest time when a kept map outgrows its bound,
// so a long-lived profile stays small (ties: smallest key, deterministic).
template <typename Map, typename TimeOf>
void EvictOldest(Map* map, size_t limit, TimeOf time_of) {
  while (map->size() > limit) {
    auto oldest = map->begin();
    for (auto it = map->begin(); it != map->end(); ++it) {
      if (time_of(*it) < time_of(*oldest)) oldest = it;
    }
    map->erase(oldest);
  }
}

}  // namespace

Profile::Profile(std::string shopper_id, ProfileLimits limits)
    : shopper_id_(std::move(shopper_id)), limits_(limits) {}

Status Profile::Track(const Event& event) {
  SHOPCORE_RETURN_IF_ERROR(ValidateEvent(event));
  Apply(event);
  events_.push_back(StoredEvent{next_seq_++, event});
  while (events_.size() > limits_.max_events) events_.pop_front();
  return Status::Ok();
}

void Profile::Apply(const Event& event) {
  // What the server tells us about friends is not the shopper being active.
  if (!IsServerSignal(event.type) && event.time_ms > last_activity_ms_) last_activity_ms_ = event.time_ms;
  switch (event.type) {
    case EventType::kAddToCart:
      cart_[event.item] = event.time_ms;
      EvictOldest(&cart_, limits_.max_records, [](const auto& entry) { return entry.second; });
      break;
    case EventType::kRemoveFromCart:
      cart_.erase(event.item);
      break;
    case EventType::kPurchase: {
      cart_.erase(event.item);
      PurchaseRecord& record = purchases_[event.item];
      if (record.count == 0 || event.time_ms < record.first_ms) record.first_ms = event.time_ms;
      if (record.count == 0 || event.time_ms > record.last_ms) record.last_ms = event.time_ms;
      ++record.count;
      // Saturate rather than overflow: monetary is a segment input, not money owed.
      const int64_t room = INT64_MAX - record.amount_minor;
      record.amount_minor += event.amount_minor > room ? room : event.amount_minor;
      EvictOldest(&purchases_, limits_.max_records, [](const auto& entry) { return entry.second.last_ms; });
      break;
    }
    case EventType::kHide:
      hidden_.insert(event.item);
      // A set has no times: past the bound, drop the smallest id.
      while (hidden_.size() > limits_.max_records) hidden_.erase(hidden_.begin());
      break;
    case EventType::kFollowCreator:
      following_.emplace(event.creator, event.time_ms);
      EvictOldest(&following_, limits_.max_records, [](const auto& entry) { return entry.second; });
      break;
    default:
      break;
  }
}

void Profile::Erase() {
  ProfileLimits limits = limits_;
  *this = Profile(std::string(), limits);
}

bool Profile::IsEmpty() const {
  return shopper_id_.empty() && !consent_ && events_.empty() && purchases_.empty() && cart_.empty() &&
         hidden_.empty() && following_.empty() && last_activity_ms_ == 0 && next_seq_ == 1 &&
         uploaded_through_seq_ == 0;
}

Status Profile::AcknowledgeUpload(uint64_t seq) {
  if (seq >= next_seq_) {
    return MakeError(ErrorCode::kInvalidArgument, "no event with seq " + std::to_string(seq) + " was tracked", "seq");
  }
  if (seq > uploaded_through_seq_) uploaded_through_seq_ = seq;
  return Status::Ok();
}

Result<UploadBatch> MakeUploadBatch(const Profile& profile, size_t max_events) {
  if (!profile.consent()) {
    return MakeError(ErrorCode::kConsentRequired, "the shopper has not consented to sharing behaviour", "consent");
  }
  UploadBatch batch;
  batch.shopper_id = profile.shopper_id();
  batch.through_seq = profile.uploaded_through_seq();
  for (const auto& stored : profile.events()) {
    if (stored.seq <= profile.uploaded_through_seq()) continue;
    if (batch.events.size() >= max_events) break;
    // Server signals are skipped but still advance the cursor.
    batch.through_seq = stored.seq;
    if (IsServerSignal(stored.event.type)) continue;
    batch.events.push_back(stored);
  }
  return batch;
}

}  // namespace shopcore::reco
