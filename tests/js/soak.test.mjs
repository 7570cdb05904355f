// Soak (issue 12): thousands of random operations on wasm engines, as a long
// app session has them (track, save/restore, open, delta, erase, consent,
// uploads, hostile bytes), with the invariants checked after every call:
//   - a rejected call returns a known error code and leaves the engine's
//     observable state (snapshot info, profile export, persisted profile)
//     byte-identical;
//   - the snapshot is the one the model says (opened, or delta-applied from
//     the right base only); events are counted as tracked, capped at 500;
//   - a saved profile restores to the same export in a fresh engine;
//   - the heap in use does not drift (within 1 MiB after the engines go).
// Seeded, so a failure names the seed and step that reproduce it. Bounded:
// SOAK_STEPS steps (default 6,000, a few seconds); SHOPCORE_SOAK_STEPS runs longer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureSnapshots, heapInUse, loadEngineCore } from './wasm-heap.mjs';

const { module, core } = await loadEngineCore();
const snapshots = fixtureSnapshots();
const SOAK_STEPS = Number(process.env.SHOPCORE_SOAK_STEPS || 6000);
const SEED = Number(process.env.SHOPCORE_SOAK_SEED || 20261122);
const MAX_EVENTS = 500;
const KNOWN_CODES = new Set(['BAD_SNAPSHOT', 'UNSUPPORTED_VERSION', 'WRONG_DELTA_BASE', 'BAD_JSON', 'BAD_REQUEST',
  'INVALID_ARGUMENT', 'INEXACT_NUMBER', 'CONSENT_REQUIRED', 'CONFLICT', 'NOT_FOUND']);

// mulberry32: small, seeded, the same sequence everywhere.
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes, next) {
  const copy = new Uint8Array(bytes);
  switch (Math.floor(next() * 3)) {
    case 0: return copy.subarray(0, Math.floor(next() * copy.length));  // truncated
    case 1: for (let i = 0; i < 4; i++) copy[Math.floor(next() * copy.length)] ^= 1 << Math.floor(next() * 8); return copy;
    default: return copy.subarray(Math.floor(next() * 16));  // shifted
  }
}

// Which of the two snapshots an info names, by content hash (a mutated
// buffer the verifier accepts may keep the id): 0, 1 or 'other'.
const HASHES = [snapshots.a, snapshots.b].map((bytes) => {
  const engine = core.createEngine();
  try { return engine.openSnapshot(bytes).hash; } finally { engine.dispose(); }
});
const which = (info) => {
  const index = HASHES.indexOf(info.hash);
  return index < 0 ? 'other' : index;
};

const observe = (engine) => {
  let info;
  try { info = JSON.stringify(engine.snapshotInfo()); } catch (error) { info = error.code; }
  return JSON.stringify([info, engine.exportProfile(), engine.saveProfile()]);
};

test(`${SOAK_STEPS} random engine operations keep every invariant (seed ${SEED})`, () => {
  const next = random(SEED);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const startUse = heapInUse(module);
  let engine = core.createEngine();
  // The model: which snapshot is open (null, 0 = A, 1 = B), events tracked since the last reset.
  let open = null;
  let tracked = 0;
  let clock = 1_790_000_000_000;
  const stats = { ok: 0, refused: 0 };

  for (let step = 0; step < SOAK_STEPS; step++) {
    const where = `seed ${SEED} step ${step}`;
    const before = observe(engine);
    // A call that must be refused: known code, nothing changed.
    const refused = (fn, baseline = before) => {
      assert.throws(fn, (error) => KNOWN_CODES.has(error.code), `${where}: expected a known error code`);
      assert.equal(observe(engine), baseline, `${where}: a rejected call changed the engine`);
      stats.refused++;
    };
    // A call that may be accepted or refused (random bytes can be valid).
    const either = (fn, onAccept) => {
      let result;
      try {
        result = fn();
      } catch (error) {
        assert.ok(KNOWN_CODES.has(error.code), `${where}: unknown error ${error.code}: ${error.message}`);
        assert.equal(observe(engine), before, `${where}: a rejected call changed the engine`);
        stats.refused++;
        return;
      }
      onAccept(result);
      stats.ok++;
    };
    const op = next();
    if (op < 0.35) {
      // Time mostly moves on, sometimes goes backwards (clock changes, offline queues).
      clock += next() < 0.8 ? Math.floor(next() * 60_000) : -Math.floor(next() * 3_600_000);
      const event = pick([
        { type: 'view', time_ms: clock, item: `item-${Math.floor(next() * 40)}` },
        { type: 'add_to_cart', time_ms: clock, item: `item-${Math.floor(next() * 40)}` },
        { type: 'purchase', time_ms: clock, item: `item-${Math.floor(next() * 40)}`, amount_minor: Math.floor(next() * 1e6) },
        { type: 'follow_creator', time_ms: clock, creator: 'kol-lina' },
        { type: 'search', time_ms: clock, query: '茶具' },
      ]);
      const counted = engine.track(event);
      tracked++;
      assert.deepEqual(counted, { events: Math.min(tracked, MAX_EVENTS) }, `${where}: event count`);
      stats.ok++;
    } else if (op < 0.42) {
      refused(() => engine.track(pick([
        { type: 'view', time_ms: clock },
        { type: 'teleport', time_ms: clock, item: 'a' },
        { type: 'view', time_ms: 1.5, item: 'a' },
        { type: 'purchase', time_ms: clock, item: 'a', amount_minor: 2 ** 60 },
        { type: 'dwell', time_ms: clock, item: 'a', dwell_ms: -1 },
      ])));
    } else if (op < 0.5) {
      const index = next() < 0.5 ? 0 : 1;
      const info = engine.openSnapshot(index === 0 ? snapshots.a : snapshots.b);
      assert.equal(info.snapshot_id, snapshots.ids[index], `${where}: opened snapshot`);
      open = index;
      stats.ok++;
    } else if (op < 0.58) {
      either(() => engine.openSnapshot(mutate(pick([snapshots.a, snapshots.b]), next)), (info) => {
        // A mutation the verifier accepts is a snapshot in its own right.
        assert.equal(typeof info.snapshot_id, 'string', `${where}: accepted snapshot info`);
        open = which(info);
      });
    } else if (op < 0.64) {
      if (open === 0) {
        assert.equal(engine.applySnapshotDelta(snapshots.delta).snapshot_id, snapshots.ids[1], `${where}: delta`);
        open = 1;
        stats.ok++;
      } else {
        refused(() => engine.applySnapshotDelta(snapshots.delta));  // no snapshot, or not its base
      }
    } else if (op < 0.68) {
      // A mutation may still be a delta from the open snapshot (a flipped
      // byte in a string it replaces): then the result is a snapshot in its own right.
      either(() => engine.applySnapshotDelta(mutate(snapshots.delta, next)), (info) => {
        assert.equal(open, 0, `${where}: a delta applied to a snapshot that is not its base`);
        open = which(info);
      });
    } else if (op < 0.76) {
      const saved = engine.saveProfile();
      const fresh = core.createEngine();
      try {
        fresh.restoreProfile(saved);
        assert.deepEqual(fresh.exportProfile(), engine.exportProfile(), `${where}: restored export`);
        assert.equal(fresh.saveProfile(), saved, `${where}: restored profile saves to the same text`);
      } finally {
        fresh.dispose();
      }
      engine.restoreProfile(saved);
      assert.equal(observe(engine), before, `${where}: restoring the saved profile changed the engine`);
      stats.ok++;
    } else if (op < 0.84) {
      const saved = engine.saveProfile();
      const cut = Math.floor(next() * saved.length);
      const broken = pick([saved.slice(0, cut), saved.slice(0, cut) + '"' + saved.slice(cut),
        saved.replace('"version":1', '"version":99'), saved.replace(/"events":\[/, '"events":[7,')]);
      either(() => engine.restoreProfile(broken), () => {
        tracked = JSON.parse(engine.saveProfile()).events?.length ?? 0;
      });
    } else if (op < 0.88) {
      engine.setConsent(next() < 0.5);
      const consent = JSON.parse(engine.saveProfile()).consent;
      if (consent) {
        const batch = engine.uploadBatch(1 + Math.floor(next() * 20));
        if (batch.through_seq > 0 && next() < 0.5) engine.acknowledgeUpload(batch.through_seq);
      } else {
        refused(() => engine.uploadBatch(10), observe(engine));
      }
      stats.ok++;
    } else if (op < 0.9) {
      engine.eraseProfile();
      const fresh = core.createEngine();
      try {
        assert.deepEqual(engine.exportProfile(), fresh.exportProfile(), `${where}: erase left a trace`);
      } finally {
        fresh.dispose();
      }
      tracked = 0;
      stats.ok++;
    } else if (op < 0.93) {
      // The app restarts: a new engine, the profile restored from storage.
      const saved = engine.saveProfile();
      engine.dispose();
      engine = core.createEngine();
      engine.restoreProfile(saved);
      open = null;
      stats.ok++;
    } else {
      refused(() => engine.restoreProfile(pick(['', 'null', '[]', '{"format":"shopcore.reco.profile","version":99}', '\u0000'])));
    }
  }
  engine.dispose();
  const drift = heapInUse(module) - startUse;
  assert.ok(drift < 1024 * 1024, `the heap in use grew by ${drift} bytes over ${SOAK_STEPS} steps`);
  assert.ok(stats.ok > SOAK_STEPS / 3 && stats.refused > SOAK_STEPS / 10, `too few of one kind: ${JSON.stringify(stats)}`);
});
