// Catalog snapshots: the FlatBuffers data every feature module reads.
//   snapshot/snapshot.h  open bytes (size cap, verifier, version), zero-copy access, id indexes
//   snapshot/holder.h    the engine's current snapshot, swapped atomically
//   snapshot/builder.h   catalog JSON -> snapshot bytes, and back (dump)
//   snapshot/delta.h     deltas between two snapshots, and applying them
#ifndef SHOPCORE_SNAPSHOT_H_
#define SHOPCORE_SNAPSHOT_H_

#include "shopcore/snapshot/builder.h"
#include "shopcore/snapshot/delta.h"
#include "shopcore/snapshot/holder.h"
#include "shopcore/snapshot/snapshot.h"

#endif  // SHOPCORE_SNAPSHOT_H_
