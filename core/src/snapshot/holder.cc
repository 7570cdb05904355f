#include "shopcore/snapshot/holder.h"

#include <atomic>

#include "shopcore/snapshot/delta.h"

namespace shopcore {

std::shared_ptr<const Snapshot> SnapshotHolder::current() const { return std::atomic_load(&current_); }

void SnapshotHolder::Swap(std::shared_ptr<const Snapshot> next) { std::atomic_store(&current_, std::move(next)); }

Status SnapshotHolder::Load(std::string bytes) {
  auto opened = Snapshot::Open(std::move(bytes), limits_);
  if (!opened.ok()) return opened.error();
  Swap(std::move(*opened));
  return Status::Ok();
}

Status SnapshotHolder::ApplyDelta(std::string_view delta) {
  auto base = current();
  if (!base) return MakeError(ErrorCode::kWrongDeltaBase, "no snapshot is loaded to apply a delta to");
  auto next = ApplySnapshotDelta(base->bytes(), delta);
  if (!next.ok()) return next.error();
  return Load(std::move(*next));
}

}  // namespace shopcore
