// JSON requests and answers of the social module, shared by the `shopcore`
// CLI and the JS bindings so both print the same bytes. Each function takes
// the request as JSON text and returns the answer as compact JSON text with
// keys in a fixed order, or an Error whose path is a JSON path into the
// request ("campaign.group_size", "group.members[2].status").
//
// Conventions: money amounts are minor units, named *_minor, read from an
// integer or a base-10 string and written as strings (they may exceed
// 2^53); instants and durations are epoch milliseconds, named *_ms, written
// as numbers; 64-bit seeds are decimal strings. Unknown fields are refused.
//
// Request shapes, with examples in tests/unit/social/codec_test.cc:
//   campaign  {id, sku, currency, group_price_minor, leader_price_minor?,
//              group_size, open_duration_ms, per_user_limit?, new_users_only?,
//              virtual_fill_min_percent?, markets[], withdrawn?}
//   group     {id, campaign_id, status, failure?, opened_at_ms, stop_at_ms,
//              members[{user_id, status, is_leader?, is_virtual?,
//                       joined_at_ms, paid_minor?}]}
//   shopper   {user_id, market, is_new_user?, groups_taken?}
#ifndef SHOPCORE_SOCIAL_CODEC_H_
#define SHOPCORE_SOCIAL_CODEC_H_

#include <string>
#include <vector>

#include "shopcore/money/locale_pack.h"
#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {

// op: check-open {campaign, shopper}; check-join and view {campaign, group,
// shopper, now_ms}; open {campaign, shopper, group_id, paid_minor, now_ms};
// join {campaign, group, shopper, now_ms}; pay {campaign, group, user_id,
// paid_minor, now_ms}; cancel, refund, refund-done {campaign, group,
// user_id}; expire {campaign, group, now_ms}; withdraw {campaign, group}.
// Transitions answer {"group": {...}}.
// Instead of "campaign", a request may name "campaign_id": the campaign is
// then read from `snapshot` (snapshot_campaigns.h; NOT_FOUND "campaign_id"
// without a snapshot or without that campaign).
Result<std::string> GroupOperationJson(const std::string& op, const std::string& request,
                                       const Snapshot* snapshot = nullptr);
const std::vector<std::string>& GroupOperations();

// op: schedule {campaign, seed: {state, stream}}; validate {campaign,
// cuts?}; progress {campaign, seed | cuts, session: {started_at_ms,
// helpers_done}, now_ms}.
// bargain campaign {id?, currency, start_minor, floor_minor, helpers, time_limit_ms},
// or "campaign_id" read from `snapshot` as for groups.
Result<std::string> BargainOperationJson(const std::string& op, const std::string& request,
                                         const Snapshot* snapshot = nullptr);

// op: commission {currency, rules[], lines[], chain}; share-to-earn
// {currency, rules[], items[]?, lines[]?}. With a locale pack, every
// "share to earn" amount also carries "display", formatted for that locale
// ("¥7.18" in zh-CN).
Result<std::string> ReferralOperationJson(const std::string& op, const std::string& request,
                                          const LocalePack* display_locale = nullptr);

// {points[{id, market?, utc_offset_minutes, cutoff: "HH:MM",
//  cutoff_weekdays?[1..7], pickup_after_days?}], point_id, now_ms}
// With a locale pack the answer also carries "display": the cycle's cutoff
// day and the pickup day as the shopper reads them ("Mon, Nov 23",
// "11月23日周一"), in the point's calendar (its dates, not the device's).
Result<std::string> PickupSlotJson(const std::string& request, const LocalePack* display_locale = nullptr);

// {kind, item_id, inviter_id, ref_id?, market, signature_b64?} -> {token, ...}
Result<std::string> ShareEncodeJson(const std::string& request);
// A token -> {version, kind, item_id, inviter_id, ref_id, market, signature_b64}
Result<std::string> ShareDecodeJson(const std::string& token);

}  // namespace shopcore

#endif  // SHOPCORE_SOCIAL_CODEC_H_
