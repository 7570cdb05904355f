// The engine's current snapshot. Readers take current() and keep using it
// even while a new one is swapped in; a rejected buffer or delta leaves the
// previous snapshot serving, unchanged.
#ifndef SHOPCORE_SNAPSHOT_HOLDER_H_
#define SHOPCORE_SNAPSHOT_HOLDER_H_

#include <memory>
#include <string>
#include <string_view>

#include "shopcore/snapshot/snapshot.h"
#include "shopcore/status.h"

namespace shopcore {

class SnapshotHolder {
 public:
  explicit SnapshotHolder(SnapshotLimits limits = {}) : limits_(limits) {}

  // nullptr until the first successful Load().
  std::shared_ptr<const Snapshot> current() const;

  // Opens bytes and swaps them in; on any error nothing changes.
  Status Load(std::string bytes);
  // Applies a delta to the current snapshot and swaps the result in;
  // WRONG_DELTA_BASE if the delta was not made from the current snapshot.
  Status ApplyDelta(std::string_view delta);

 private:
  void Swap(std::shared_ptr<const Snapshot> next);

  SnapshotLimits limits_;
  std::shared_ptr<const Snapshot> current_;
};

}  // namespace shopcore

#endif  // SHOPCORE_SNAPSHOT_HOLDER_H_
