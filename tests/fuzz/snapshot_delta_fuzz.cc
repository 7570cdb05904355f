// Delta bytes as they arrive from the network (schemas/delta.fbs):
// ApplySnapshotDelta onto the fuzz catalog's snapshot (fuzz_catalog.h).
// Invariants: no crash or UB; rejections are BAD_SNAPSHOT,
// WRONG_DELTA_BASE, UNSUPPORTED_VERSION or a catalog error of the result
// (BAD_REQUEST, CONFLICT, NOT_FOUND, INVALID_ARGUMENT, UNKNOWN_CURRENCY,
// OVERFLOW); an applied delta gives bytes that open as a snapshot, and the
// delta made from the base to that result applies to the very same bytes.
#include <string>

#include "fuzz_catalog.h"
#include "fuzz_support.h"
#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/delta.h"
#include "shopcore/snapshot/snapshot.h"

namespace shopcore::fuzz {

// Real deltas: base -> the next catalog, base -> itself, next -> base (the
// last names another base, so it reaches WRONG_DELTA_BASE).
std::vector<std::string> FuzzSeeds() {
  auto next = BuildSnapshot(FuzzCatalogNextJson());
  if (!next.ok()) Violation("the next fuzz catalog does not build: " + next.error().ToString());
  std::vector<std::string> seeds;
  for (const auto& [from, to] : {std::pair<std::string, std::string>{FuzzSnapshotBytes(), *next},
                                 {FuzzSnapshotBytes(), FuzzSnapshotBytes()},
                                 {*next, FuzzSnapshotBytes()}}) {
    auto delta = MakeSnapshotDelta(from, to);
    if (!delta.ok()) Violation("a seed delta cannot be made: " + delta.error().ToString());
    seeds.push_back(*delta);
  }
  return seeds;
}

}  // namespace shopcore::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace shopcore;
  using namespace shopcore::fuzz;
  const std::string_view delta(reinterpret_cast<const char*>(data), size);
  const std::string& base = FuzzSnapshotBytes();
  auto applied = ApplySnapshotDelta(base, delta);
  if (!applied.ok()) {
    switch (applied.error().code) {
      case ErrorCode::kBadSnapshot:
      case ErrorCode::kWrongDeltaBase:
      case ErrorCode::kUnsupportedVersion:
      case ErrorCode::kBadRequest:
      case ErrorCode::kConflict:
      case ErrorCode::kNotFound:
      case ErrorCode::kInvalidArgument:
      case ErrorCode::kUnknownCurrency:
      case ErrorCode::kOverflow:
        return 0;
      default:
        Violation("a rejected delta reports " + applied.error().ToString());
    }
  }
  auto description = DescribeSnapshotDelta(delta);
  Check(description.ok() && IsValidUtf8(*description), "an applied delta cannot be described as UTF-8");
  auto opened = Snapshot::Open(*applied);
  Check(opened.ok(), "an applied delta gives bytes that do not open: " + (opened.ok() ? "" : opened.error().ToString()));
  auto remade = MakeSnapshotDelta(base, *applied);
  Check(remade.ok(), "no delta from the base to an applied result: " + (remade.ok() ? "" : remade.error().ToString()));
  auto reapplied = ApplySnapshotDelta(base, *remade);
  Check(reapplied.ok() && *reapplied == *applied, "the remade delta does not give the same bytes");
  return 0;
}
