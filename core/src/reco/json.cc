#include "shopcore/reco/json.h"

#include <cstdio>

#include "json_access.h"

namespace shopcore::reco {

using internal::BadField;
using internal::Json;
using internal::OnlyKeys;
using internal::ReadBool;
using internal::ReadInt;
using internal::ReadNumber;
using internal::ReadString;
using internal::ReadStringList;
using OrderedJson = nlohmann::ordered_json;

namespace {

constexpr const char* kProfileFormat = "shopcore.reco.profile";
constexpr int64_t kMaxTimeMs = 253402300799999;  // 9999-12-31T23:59:59.999Z
constexpr int64_t kMaxInt53 = 9007199254740992;  // JS numbers stay exact

Result<Event> EventFromObject(const Json& json, const std::string& path) {
  if (!json.is_object()) return BadField(path, "must be an object");
  SHOPCORE_RETURN_IF_ERROR(OnlyKeys(json, {"seq", "type", "time_ms", "item", "creator", "friend", "query", "dwell_ms",
                                           "amount_minor"}, path));
  Event event;
  std::string type;
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "type", path, true, &type));
  auto parsed = EventTypeFromName(type);
  if (!parsed) return BadField(path + ".type", "unknown event type '" + type + "'");
  event.type = *parsed;
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "time_ms", path, true, 0, kMaxTimeMs, &event.time_ms));
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "item", path, false, &event.item));
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "creator", path, false, &event.creator));
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "friend", path, false, &event.friend_id));
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "query", path, false, &event.query));
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "dwell_ms", path, false, 0, kMaxInt53, &event.dwell_ms));
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "amount_minor", path, false, 0, kMaxInt53, &event.amount_minor));
  Status valid = ValidateEvent(event, path);
  if (!valid.ok()) return BadField(valid.error().path, valid.error().message);
  return event;
}

// Only the fields the event carries, in a fixed order.
OrderedJson EventToObject(const StoredEvent& stored, bool readable) {
  const Event& e = stored.event;
  OrderedJson out;
  out["seq"] = stored.seq;
  out["type"] = EventTypeName(e.type);
  out["time_ms"] = e.time_ms;
  if (readable) out["time"] = FormatUtc(e.time_ms);
  if (!e.item.empty()) out["item"] = e.item;
  if (!e.creator.empty()) out["creator"] = e.creator;
  if (!e.friend_id.empty()) out["friend"] = e.friend_id;
  if (!e.query.empty()) out["query"] = e.query;
  if (e.dwell_ms != 0) out["dwell_ms"] = e.dwell_ms;
  if (e.amount_minor != 0) out["amount_minor"] = e.amount_minor;
  return out;
}

OrderedJson ProfileObject(const Profile& profile, bool readable) {
  OrderedJson out;
  if (!readable) {
    out["format"] = kProfileFormat;
    out["version"] = Profile::kFormatVersion;
  }
  out["shopper"] = profile.shopper_id();
  out["consent"] = profile.consent();
  out["next_seq"] = profile.next_seq();
  out["uploaded_through_seq"] = profile.uploaded_through_seq();
  out["last_activity_ms"] = profile.last_activity_ms();
  if (readable) out["last_activity"] = profile.last_activity_ms() > 0 ? FormatUtc(profile.last_activity_ms()) : "";
  OrderedJson events = OrderedJson::array();
  for (const auto& stored : profile.events()) events.push_back(EventToObject(stored, readable));
  out["events"] = std::move(events);
  OrderedJson purchases = OrderedJson::array();
  for (const auto& [item, record] : profile.purchases()) {
    OrderedJson entry;
    entry["item"] = item;
    entry["count"] = record.count;
    entry["first_ms"] = record.first_ms;
    entry["last_ms"] = record.last_ms;
    if (readable) entry["last"] = FormatUtc(record.last_ms);
    entry["amount_minor"] = record.amount_minor;
    purchases.push_back(std::move(entry));
  }
  out["purchases"] = std::move(purchases);
  OrderedJson cart = OrderedJson::array();
  for (const auto& [item, added] : profile.cart()) {
    OrderedJson entry;
    entry["item"] = item;
    entry["added_ms"] = added;
    if (readable) entry["added"] = FormatUtc(added);
    cart.push_back(std::move(entry));
  }
  out["cart"] = std::move(cart);
  OrderedJson hidden = OrderedJson::array();
  for (const auto& item : profile.hidden()) hidden.push_back(item);
  out["hidden"] = std::move(hidden);
  OrderedJson following = OrderedJson::array();
  for (const auto& [creator, since] : profile.following()) {
    OrderedJson entry;
    entry["creator"] = creator;
    entry["since_ms"] = since;
    if (readable) entry["since"] = FormatUtc(since);
    following.push_back(std::move(entry));
  }
  out["following"] = std::move(following);
  return out;
}

Status ReadArray(const Json& object, const char* key, const std::string& path, const Json** out) {
  *out = nullptr;
  if (!object.contains(key)) return Status::Ok();
  if (!object[key].is_array()) return BadField(path + "." + key, "must be an array");
  *out = &object[key];
  return Status::Ok();
}

}  // namespace

// Restores the private state of a Profile from its persisted form.
class ProfileRestorer {
 public:
  static Result<Profile> Restore(const Json& json, ProfileLimits limits) {
    if (!json.is_object()) return BadField("", "a profile must be a JSON object");
    std::string format;
    SHOPCORE_RETURN_IF_ERROR(ReadString(json, "format", "", true, &format));
    if (format != kProfileFormat) return BadField(".format", "not a shopcore profile ('" + format + "')");
    int64_t version = 0;
    SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "version", "", true, 1, INT64_MAX, &version));
    if (version > Profile::kFormatVersion) {
      return MakeError(ErrorCode::kUnsupportedVersion,
                       "profile version " + std::to_string(version) + " is newer than this build reads (" +
                           std::to_string(Profile::kFormatVersion) + ")",
                       ".version");
    }
    SHOPCORE_RETURN_IF_ERROR(OnlyKeys(json, {"format", "version", "shopper", "consent", "next_seq",
                                             "uploaded_through_seq", "last_activity_ms", "events", "purchases", "cart",
                                             "hidden", "following"}, ""));
    Profile profile(std::string(), limits);
    SHOPCORE_RETURN_IF_ERROR(ReadString(json, "shopper", "", true, &profile.shopper_id_));
    SHOPCORE_RETURN_IF_ERROR(ReadBool(json, "consent", "", true, &profile.consent_));
    int64_t next_seq = 0;
    int64_t uploaded = 0;
    SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "next_seq", "", true, 1, kMaxInt53, &next_seq));
    SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "uploaded_through_seq", "", true, 0, next_seq - 1, &uploaded));
    SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "last_activity_ms", "", true, 0, kMaxTimeMs, &profile.last_activity_ms_));
    profile.next_seq_ = static_cast<uint64_t>(next_seq);
    profile.uploaded_through_seq_ = static_cast<uint64_t>(uploaded);

    const Json* events = nullptr;
    SHOPCORE_RETURN_IF_ERROR(ReadArray(json, "events", "", &events));
    if (!events) return BadField(".events", "required array is missing");
    int64_t previous_seq = 0;
    for (size_t i = 0; i < events->size(); ++i) {
      const std::string path = ".events[" + std::to_string(i) + "]";
      auto event = EventFromObject((*events)[i], path);
      if (!event.ok()) return event.error();
      int64_t seq = 0;
      SHOPCORE_RETURN_IF_ERROR(ReadInt((*events)[i], "seq", path, true, previous_seq + 1, next_seq - 1, &seq));
      previous_seq = seq;
      profile.events_.push_back(StoredEvent{static_cast<uint64_t>(seq), *event});
    }
    while (profile.events_.size() > limits.max_events) profile.events_.pop_front();

    const Json* purchases = nullptr;
    SHOPCORE_RETURN_IF_ERROR(ReadArray(json, "purchases", "", &purchases));
    for (size_t i = 0; purchases && i < purchases->size(); ++i) {
      const Json& entry = (*purchases)[i];
      const std::string path = ".purchases[" + std::to_string(i) + "]";
      if (!entry.is_object()) return BadField(path, "must be an object");
      SHOPCORE_RETURN_IF_ERROR(OnlyKeys(entry, {"item", "count", "first_ms", "last_ms", "amount_minor"}, path));
      std::string item;
      int64_t count = 0;
      PurchaseRecord record;
      SHOPCORE_RETURN_IF_ERROR(ReadString(entry, "item", path, true, &item));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "count", path, true, 1, UINT32_MAX, &count));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "first_ms", path, true, 0, kMaxTimeMs, &record.first_ms));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "last_ms", path, true, record.first_ms, kMaxTimeMs, &record.last_ms));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "amount_minor", path, true, 0, INT64_MAX, &record.amount_minor));
      record.count = static_cast<uint32_t>(count);
      if (item.empty() || !profile.purchases_.emplace(item, record).second) {
        return BadField(path + ".item", "empty or duplicate item");
      }
    }
    const Json* cart = nullptr;
    SHOPCORE_RETURN_IF_ERROR(ReadArray(json, "cart", "", &cart));
    for (size_t i = 0; cart && i < cart->size(); ++i) {
      const Json& entry = (*cart)[i];
      const std::string path = ".cart[" + std::to_string(i) + "]";
      if (!entry.is_object()) return BadField(path, "must be an object");
      SHOPCORE_RETURN_IF_ERROR(OnlyKeys(entry, {"item", "added_ms"}, path));
      std::string item;
      int64_t added = 0;
      SHOPCORE_RETURN_IF_ERROR(ReadString(entry, "item", path, true, &item));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "added_ms", path, true, 0, kMaxTimeMs, &added));
      if (item.empty() || !profile.cart_.emplace(item, added).second) return BadField(path + ".item", "empty or duplicate item");
    }
    std::vector<std::string> hidden;
    SHOPCORE_RETURN_IF_ERROR(ReadStringList(json, "hidden", "", &hidden));
    for (size_t i = 0; i < hidden.size(); ++i) {
      if (hidden[i].empty() || !profile.hidden_.insert(hidden[i]).second) {
        return BadField(".hidden[" + std::to_string(i) + "]", "empty or duplicate item");
      }
    }
    const Json* following = nullptr;
    SHOPCORE_RETURN_IF_ERROR(ReadArray(json, "following", "", &following));
    for (size_t i = 0; following && i < following->size(); ++i) {
      const Json& entry = (*following)[i];
      const std::string path = ".following[" + std::to_string(i) + "]";
      if (!entry.is_object()) return BadField(path, "must be an object");
      SHOPCORE_RETURN_IF_ERROR(OnlyKeys(entry, {"creator", "since_ms"}, path));
      std::string creator;
      int64_t since = 0;
      SHOPCORE_RETURN_IF_ERROR(ReadString(entry, "creator", path, true, &creator));
      SHOPCORE_RETURN_IF_ERROR(ReadInt(entry, "since_ms", path, true, 0, kMaxTimeMs, &since));
      if (creator.empty() || !profile.following_.emplace(creator, since).second) {
        return BadField(path + ".creator", "empty or duplicate creator");
      }
    }
    return profile;
  }
};

Result<Event> EventFromJson(std::string_view text) {
  auto json = internal::ParseJson(text);
  if (!json.ok()) return json.error();
  return EventFromObject(*json, "");
}

Result<RecommendRequest> RecommendRequestFromJson(std::string_view text) {
  auto parsed = internal::ParseJson(text);
  if (!parsed.ok()) return parsed.error();
  const Json& json = *parsed;
  if (!json.is_object()) return BadField("", "a request must be a JSON object");
  SHOPCORE_RETURN_IF_ERROR(OnlyKeys(json, {"context", "market", "now_ms", "page_size", "page", "anchors", "allow",
                                           "deny", "diversity", "boosts", "max_boosted_percent", "explain"}, ""));
  RecommendRequest request;
  std::string context = "home_feed";
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "context", "", false, &context));
  auto parsed_context = ContextFromName(context);
  if (!parsed_context) return BadField(".context", "unknown context '" + context + "'");
  request.context = *parsed_context;
  SHOPCORE_RETURN_IF_ERROR(ReadString(json, "market", "", true, &request.market));
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "now_ms", "", true, 0, kMaxTimeMs, &request.now_ms));
  int64_t value = request.page_size;
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "page_size", "", false, 1, 1000, &value));
  request.page_size = static_cast<uint32_t>(value);
  value = 0;
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "page", "", false, 0, 100000, &value));
  request.page = static_cast<uint32_t>(value);
  SHOPCORE_RETURN_IF_ERROR(ReadStringList(json, "anchors", "", &request.anchors));
  SHOPCORE_RETURN_IF_ERROR(ReadStringList(json, "allow", "", &request.allow));
  SHOPCORE_RETURN_IF_ERROR(ReadStringList(json, "deny", "", &request.deny));
  if (json.contains("diversity")) {
    const Json& diversity = json["diversity"];
    if (!diversity.is_object()) return BadField(".diversity", "must be an object");
    SHOPCORE_RETURN_IF_ERROR(OnlyKeys(diversity, {"mode", "max_per_category", "max_per_brand", "mmr_lambda"}, ".diversity"));
    std::string mode = "none";
    SHOPCORE_RETURN_IF_ERROR(ReadString(diversity, "mode", ".diversity", false, &mode));
    if (mode == "none") {
      request.diversity.mode = DiversityMode::kNone;
    } else if (mode == "caps") {
      request.diversity.mode = DiversityMode::kCaps;
    } else if (mode == "mmr") {
      request.diversity.mode = DiversityMode::kMmr;
    } else {
      return BadField(".diversity.mode", "must be none, caps or mmr");
    }
    value = 0;
    SHOPCORE_RETURN_IF_ERROR(ReadInt(diversity, "max_per_category", ".diversity", false, 0, 1000, &value));
    request.diversity.max_per_category = static_cast<uint32_t>(value);
    value = 0;
    SHOPCORE_RETURN_IF_ERROR(ReadInt(diversity, "max_per_brand", ".diversity", false, 0, 1000, &value));
    request.diversity.max_per_brand = static_cast<uint32_t>(value);
    SHOPCORE_RETURN_IF_ERROR(ReadNumber(diversity, "mmr_lambda", ".diversity", &request.diversity.mmr_lambda));
    if (!(request.diversity.mmr_lambda >= 0 && request.diversity.mmr_lambda <= 1)) {
      return BadField(".diversity.mmr_lambda", "must be 0..1");
    }
  }
  const Json* boosts = nullptr;
  SHOPCORE_RETURN_IF_ERROR(ReadArray(json, "boosts", "", &boosts));
  for (size_t i = 0; boosts && i < boosts->size(); ++i) {
    const Json& entry = (*boosts)[i];
    const std::string path = ".boosts[" + std::to_string(i) + "]";
    if (!entry.is_object()) return BadField(path, "must be an object");
    SHOPCORE_RETURN_IF_ERROR(OnlyKeys(entry, {"item", "campaign", "bonus"}, path));
    Boost boost;
    SHOPCORE_RETURN_IF_ERROR(ReadString(entry, "item", path, true, &boost.item));
    SHOPCORE_RETURN_IF_ERROR(ReadString(entry, "campaign", path, true, &boost.campaign));
    SHOPCORE_RETURN_IF_ERROR(ReadNumber(entry, "bonus", path, &boost.bonus));
    if (!(boost.bonus >= 0 && boost.bonus <= 1e6)) return BadField(path + ".bonus", "must be 0..1e6");
    request.boosts.push_back(std::move(boost));
  }
  value = 0;
  SHOPCORE_RETURN_IF_ERROR(ReadInt(json, "max_boosted_percent", "", false, 0, 100, &value));
  request.max_boosted_percent = static_cast<uint32_t>(value);
  SHOPCORE_RETURN_IF_ERROR(ReadBool(json, "explain", "", false, &request.explain));
  return request;
}

std::string RecommendationToJson(const Recommendation& r) {
  OrderedJson out;
  out["context"] = ContextName(r.context);
  out["market"] = r.market;
  out["page"] = r.page;
  out["page_size"] = r.page_size;
  out["candidates"] = r.candidate_count;
  out["has_more"] = r.has_more;
  OrderedJson experiments = OrderedJson::array();
  for (const auto& assignment : r.experiments) {
    experiments.push_back(OrderedJson{{"experiment", assignment.experiment}, {"variant", assignment.variant}});
  }
  out["experiments"] = std::move(experiments);
  OrderedJson items = OrderedJson::array();
  for (const auto& item : r.items) {
    OrderedJson entry;
    entry["id"] = item.id;
    entry["score"] = FormatMicros(item.score_micros);
    OrderedJson reason;
    const Reason& why = item.reason;
    reason["kind"] = ReasonKindName(why.kind);
    switch (why.kind) {
      case ReasonKind::kBecauseYouInteracted:
        reason["item"] = why.item;
        reason["event"] = EventTypeName(why.event);
        break;
      case ReasonKind::kMatchesYourTaste:
      case ReasonKind::kBoughtTogether:
      case ReasonKind::kSimilarTo:
        reason["item"] = why.item;
        break;
      case ReasonKind::kLikeWhatYouBrowse:
        reason["attribute"] = why.attribute;
        reason["value"] = why.value;
        break;
      case ReasonKind::kPopularInMarket:
        reason["market"] = why.market;
        reason["trending"] = why.trending;
        break;
      case ReasonKind::kFriends:
        reason["event"] = EventTypeName(why.event);
        reason["friends"] = why.friends;
        break;
      case ReasonKind::kFromCreatorYouFollow:
        reason["creator"] = why.creator;
        break;
      case ReasonKind::kCatalog:
        break;
    }
    entry["reason"] = std::move(reason);
    if (!item.campaign.empty()) entry["campaign"] = item.campaign;
    if (r.explain) {
      OrderedJson signals;
      for (int k = 0; k < kSignalCount; ++k) signals[SignalName(static_cast<Signal>(k))] = FormatMicros(item.signal_micros[k]);
      entry["signals"] = std::move(signals);
    }
    items.push_back(std::move(entry));
  }
  out["items"] = std::move(items);
  return out.dump();
}

std::string ProfileToJson(const Profile& profile) { return ProfileObject(profile, false).dump(); }

Result<Profile> ProfileFromJson(std::string_view text, ProfileLimits limits) {
  auto json = internal::ParseJson(text);
  if (!json.ok()) return json.error();
  return ProfileRestorer::Restore(*json, limits);
}

RestoredProfile RestoreProfileOrFresh(std::string_view text, ProfileLimits limits) {
  auto restored = ProfileFromJson(text, limits);
  if (restored.ok()) return RestoredProfile{std::move(*restored), Status::Ok()};
  return RestoredProfile{Profile(std::string(), limits), restored.status()};
}

std::string ProfileExportJson(const Profile& profile) { return ProfileObject(profile, true).dump(2); }

std::string UploadBatchToJson(const UploadBatch& batch) {
  OrderedJson out;
  out["shopper"] = batch.shopper_id;
  out["through_seq"] = batch.through_seq;
  OrderedJson events = OrderedJson::array();
  for (const auto& stored : batch.events) events.push_back(EventToObject(stored, false));
  out["events"] = std::move(events);
  return out.dump();
}

std::string SegmentsToJson(const Rfm& rfm, const ChurnRisk& churn, const std::vector<RepurchaseDue>& due) {
  OrderedJson out;
  out["rfm"] = OrderedJson{{"segment", rfm.segment},
                           {"recency_days", rfm.recency_days},
                           {"frequency", rfm.frequency},
                           {"monetary_minor", rfm.monetary_minor},
                           {"r", rfm.recency_score},
                           {"f", rfm.frequency_score},
                           {"m", rfm.monetary_score}};
  out["churn"] = OrderedJson{{"level", churn.level},
                             {"score", churn.score},
                             {"days_since_visit", churn.days_since_visit},
                             {"days_since_purchase", churn.days_since_purchase},
                             {"abandoned_cart", churn.abandoned_cart}};
  OrderedJson list = OrderedJson::array();
  for (const auto& entry : due) {
    list.push_back(OrderedJson{{"item", entry.item},
                               {"last_purchase_ms", entry.last_purchase_ms},
                               {"due_ms", entry.due_ms},
                               {"due", FormatUtc(entry.due_ms)},
                               {"overdue", entry.overdue}});
  }
  out["repurchase_due"] = std::move(list);
  return out.dump();
}

std::string FormatUtc(int64_t epoch_ms) {
  // Howard Hinnant's civil_from_days; floor division keeps pre-1970 right.
  int64_t days = epoch_ms >= 0 ? epoch_ms / 86400000 : -((-epoch_ms + 86399999) / 86400000);
  int64_t ms_of_day = epoch_ms - days * 86400000;
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char buffer[128];
  std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld.%03lldZ",
                static_cast<long long>(year), static_cast<long long>(month), static_cast<long long>(day),
                static_cast<long long>(ms_of_day / 3600000), static_cast<long long>(ms_of_day / 60000 % 60),
                static_cast<long long>(ms_of_day / 1000 % 60), static_cast<long long>(ms_of_day % 1000));
  return buffer;
}

std::string FormatMicros(int64_t micros) {
  const bool negative = micros < 0;
  // Magnitude in uint64 so INT64_MIN has one too.
  const uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(micros) : static_cast<uint64_t>(micros);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%06llu", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / 1000000), static_cast<unsigned long long>(magnitude % 1000000));
  return buffer;
}

}  // namespace shopcore::reco
