// The shopper's own behaviour, kept on the device: a bounded event history
// plus the state that must outlive it (purchases, cart, hidden items,
// followed creators). Persisted as versioned JSON (profile_json.h).
// Privacy: Export shows everything stored, Erase leaves nothing, and upload
// batches exist only with consent.
#ifndef SHOPCORE_RECO_PROFILE_H_
#define SHOPCORE_RECO_PROFILE_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "shopcore/reco/event.h"
#include "shopcore/status.h"

namespace shopcore::reco {

struct ProfileLimits {
  size_t max_events = 500;    // oldest events are dropped first
  size_t max_records = 1000;  // per kept set: purchases, hidden, cart, following
};

struct StoredEvent {
  uint64_t seq = 0;  // 1, 2, ...: upload cursor and stable order
  Event event;
};

struct PurchaseRecord {
  uint32_t count = 0;
  int64_t first_ms = 0;
  int64_t last_ms = 0;
  int64_t amount_minor = 0;  // sum of the purchase events' amounts
};

class Profile {
 public:
  static constexpr int kFormatVersion = 1;

  explicit Profile(std::string shopper_id = {}, ProfileLimits limits = {});

  // Validates, then records. On error nothing changes.
  Status Track(const Event& event);

  // Consent to upload behaviour batches. Off by default.
  void SetConsent(bool consent) { consent_ = consent; }
  bool consent() const { return consent_; }

  // Forgets everything (events, purchases, cart, hidden, following, the
  // shopper id, the upload cursor, consent). Limits are kept.
  void Erase();
  // True when nothing about the shopper is stored.
  bool IsEmpty() const;

  const std::string& shopper_id() const { return shopper_id_; }
  const ProfileLimits& limits() const { return limits_; }
  const std::deque<StoredEvent>& events() const { return events_; }
  const std::map<std::string, PurchaseRecord>& purchases() const { return purchases_; }
  const std::map<std::string, int64_t>& cart() const { return cart_; }  // item -> added at
  const std::set<std::string>& hidden() const { return hidden_; }
  const std::map<std::string, int64_t>& following() const { return following_; }  // creator -> since
  // The shopper's own latest event (server signals do not count): churn's "last visit".
  int64_t last_activity_ms() const { return last_activity_ms_; }
  uint64_t next_seq() const { return next_seq_; }
  uint64_t uploaded_through_seq() const { return uploaded_through_seq_; }

  // Marks events up to `seq` as uploaded (after the server acknowledged a
  // batch). INVALID_ARGUMENT beyond the last event.
  Status AcknowledgeUpload(uint64_t seq);

 private:
  friend class ProfileRestorer;
  void Apply(const Event& event);

  std::string shopper_id_;
  ProfileLimits limits_;
  bool consent_ = false;
  std::deque<StoredEvent> events_;
  std::map<std::string, PurchaseRecord> purchases_;
  std::map<std::string, int64_t> cart_;
  std::set<std::string> hidden_;
  std::map<std::string, int64_t> following_;
  int64_t last_activity_ms_ = 0;
  uint64_t next_seq_ = 1;
  uint64_t uploaded_through_seq_ = 0;
};

// Behaviour the shopper agreed to share: own events not yet uploaded
// (server signals are left out: the server sent them).
struct UploadBatch {
  std::string shopper_id;
  uint64_t through_seq = 0;  // pass to AcknowledgeUpload once stored
  std::vector<StoredEvent> events;
};

// CONSENT_REQUIRED without consent; otherwise the pending events (may be empty).
Result<UploadBatch> MakeUploadBatch(const Profile& profile, size_t max_events = 500);

}  // namespace shopcore::reco

#endif  // SHOPCORE_RECO_PROFILE_H_
