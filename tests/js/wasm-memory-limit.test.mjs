// The heap is capped (256 MB, for iOS); a snapshot that cannot fit next to
// the one serving used to abort the module inside operator new (measured:
// a second 114 MB snapshot). Now the engine refuses it with OUT_OF_MEMORY
// before copying anything, the old snapshot keeps serving, and once memory
// is freed the same call succeeds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureSnapshots, loadEngineCore } from './wasm-heap.mjs';

const { module, core } = await loadEngineCore();
const snapshots = fixtureSnapshots();
const MiB = 1024 * 1024;

// Takes the heap until about `leaveMiB` MiB can still be allocated; returns
// the blocks to free. malloc answers 0 (no abort) when the heap cannot grow.
function fillHeap(leaveMiB) {
  const blocks = [];
  for (;;) {
    const block = module._malloc(MiB);
    if (block === 0) break;
    blocks.push(block);
  }
  for (let i = 0; i < leaveMiB && blocks.length; i++) module._free(blocks.pop());
  return blocks;
}

test('a snapshot that does not fit is OUT_OF_MEMORY, the old one serves, and it opens once memory is free', () => {
  const engine = core.createEngine();
  try {
    assert.equal(engine.openSnapshot(snapshots.a).snapshot_id, snapshots.ids[0]);
    const blocks = fillHeap(4);
    try {
      // 8 MiB of bytes: the copy alone would not fit in what is left.
      const big = new Uint8Array(8 * MiB);
      big.set(snapshots.b);
      assert.throws(() => engine.openSnapshot(big), (error) => error.code === 'OUT_OF_MEMORY' && error.path === 'bytes');
      assert.throws(() => engine.openSnapshot(snapshots.b), (error) => error.code === 'OUT_OF_MEMORY');
      assert.throws(() => engine.applySnapshotDelta(snapshots.delta), (error) => error.code === 'OUT_OF_MEMORY' && error.path === 'delta');
      assert.equal(engine.snapshotInfo().snapshot_id, snapshots.ids[0], 'the old snapshot keeps serving');
    } finally {
      for (const block of blocks) module._free(block);
    }
    assert.equal(engine.applySnapshotDelta(snapshots.delta).snapshot_id, snapshots.ids[1]);
  } finally {
    engine.dispose();
  }
});
