// Memory (issue 12): creating and disposing engines 10,000 times in wasm,
// each opening a snapshot, applying a delta, tracking events, saving and
// restoring its profile and being refused bad input, leaves the heap where
// it started (within 1 MiB) and the wasm memory never grows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureSnapshots, heapInUse, HEAP_PROBE_RESOLUTION, loadEngineCore } from './wasm-heap.mjs';

const { module, core } = await loadEngineCore();
const snapshots = fixtureSnapshots();
const MiB = 1024 * 1024;

function refused(fn, code) {
  assert.throws(fn, (error) => error.code === code);
}

// One engine's life, as an app session has it (valid and rejected calls).
function session(i) {
  const engine = core.createEngine();
  try {
    assert.equal(engine.openSnapshot(snapshots.a).snapshot_id, snapshots.ids[0]);
    if (i % 4 === 0) assert.equal(engine.applySnapshotDelta(snapshots.delta).snapshot_id, snapshots.ids[1]);
    engine.track({ type: 'view', time_ms: 1_000 + i, item: `item-${i % 50}` });
    engine.track({ type: 'purchase', time_ms: 2_000 + i, item: 'item-1', amount_minor: 1999 });
    const saved = engine.saveProfile();
    engine.restoreProfile(saved);
    refused(() => engine.openSnapshot(snapshots.a.subarray(0, 100)), 'BAD_SNAPSHOT');
    refused(() => engine.track({ type: 'view', time_ms: 1 }), 'BAD_REQUEST');
    refused(() => engine.restoreProfile(saved.slice(0, saved.length >> 1)), 'BAD_JSON');
    refused(() => engine.uploadBatch(10), 'CONSENT_REQUIRED');
  } finally {
    engine.dispose();
  }
}

test('the heap probe sees 2 MiB that are not freed (it can fail)', () => {
  const before = heapInUse(module);
  const leak = module._malloc(2 * MiB);
  const after = heapInUse(module);
  module._free(leak);
  assert.ok(Math.abs(after - before - 2 * MiB) <= 2 * HEAP_PROBE_RESOLUTION, `probe saw ${after - before} bytes`);
  // And engines never disposed are seen too: each holds at least its own copy of the snapshot.
  const engines = [];
  for (let i = 0; i < 300; i++) {
    const engine = core.createEngine();
    engine.openSnapshot(snapshots.a);
    engines.push(engine);
  }
  const held = heapInUse(module) - before;
  for (const engine of engines) engine.dispose();
  assert.ok(held > 300 * snapshots.a.length, `300 live engines held only ${held} bytes`);
});

test('10,000 engines created and disposed leave the heap within 1 MiB and the memory unchanged', () => {
  // Warm-up: first-use allocations (Embind's type tables, static caches).
  for (let i = 0; i < 100; i++) session(i);
  const startUse = heapInUse(module);
  const startSize = module.HEAPU8.buffer.byteLength;
  for (let i = 0; i < 10_000; i++) session(i);
  assert.equal(module.HEAPU8.buffer.byteLength, startSize, 'the wasm memory grew during 10,000 sessions');
  const endUse = heapInUse(module);
  assert.ok(endUse - startUse < MiB, `the heap grew by ${endUse - startUse} bytes over 10,000 sessions`);
});
