// What every tax rule carries besides its content: who it is, where and when
// it applies, and where the fact came from. Tax law changes often (the EU's
// flat EUR 3 duty from 2026-07-01, Romania's 21% VAT from 2025-08-01), so a
// rule is never "the rate of FR" but "the rate of FR from D1 to D2 according
// to SOURCE, checked on DATE". Selection takes `now`; nothing reads a clock.
#ifndef SHOPCORE_TAX_RULE_META_H_
#define SHOPCORE_TAX_RULE_META_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "shopcore/status.h"

namespace shopcore::tax {

struct RuleMeta {
  std::string id;           // unique across the rule set: "FR-IOSS-2026-07"
  std::string market;       // ISO 3166-1 alpha-2 destination: "FR"
  std::string valid_from;   // "2026-07-01": first day in force (UTC), inclusive
  std::string valid_to;     // "2028-06-30": last day in force, inclusive; "" = open-ended
  std::string source;       // URL or citation the rule was read from
  std::string verified_on;  // "2026-11-21": when someone last checked it against source
  std::string note;         // caveats a reader should know ("sources disagree on ...")

  // Epoch milliseconds of [valid_from 00:00 UTC, day after valid_to 00:00 UTC).
  int64_t from_ms = 0;
  int64_t to_ms = INT64_MAX;

  bool InForce(int64_t now_ms) const { return now_ms >= from_ms && now_ms < to_ms; }
  bool Overlaps(const RuleMeta& other) const { return from_ms < other.to_ms && other.from_ms < to_ms; }
};

// "YYYY-MM-DD" (proleptic Gregorian, UTC) to epoch milliseconds of its start.
// INVALID_ARGUMENT for anything else, including 2026-02-30 and years before
// 1970 (shopcore/money/civil_date.h's range).
Result<int64_t> ParseIsoDate(std::string_view text);

// Fills from_ms/to_ms from valid_from/valid_to and checks from <= to.
Status ResolveValidity(RuleMeta* meta);

}  // namespace shopcore::tax

#endif  // SHOPCORE_TAX_RULE_META_H_
