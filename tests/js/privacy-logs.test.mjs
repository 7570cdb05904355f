// Privacy (issue 12): nothing personal is written to logs. Every profile
// operation (track, save, restore, export, consent, upload batches,
// acknowledge, erase, and each of them refused) runs with every way the
// package could log captured: console.*, process.stdout/stderr, and the
// module's own print/printErr. The shopper's data (item ids, creator,
// search text, amounts, shopper id) must not appear in any of it; error
// values returned to the caller are the caller's, not logs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixtureSnapshots, loadEngineCore } from './wasm-heap.mjs';

const moduleOutput = [];
const { core } = await loadEngineCore({
  print: (text) => moduleOutput.push(`print: ${text}`),
  printErr: (text) => moduleOutput.push(`printErr: ${text}`),
});
const snapshots = fixtureSnapshots();

// Everything that would leave through a log while fn runs (synchronously).
function captureLogs(fn) {
  const captured = [];
  const saved = {};
  for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir']) {
    saved[name] = console[name];
    console[name] = (...args) => captured.push(`console.${name}: ${args.map(String).join(' ')}`);
  }
  const writes = { stdout: process.stdout.write, stderr: process.stderr.write };
  process.stdout.write = (chunk) => { captured.push(`stdout: ${chunk}`); return true; };
  process.stderr.write = (chunk) => { captured.push(`stderr: ${chunk}`); return true; };
  moduleOutput.length = 0;
  try {
    fn();
  } finally {
    Object.assign(console, saved);
    process.stdout.write = writes.stdout;
    process.stderr.write = writes.stderr;
  }
  return [...captured, ...moduleOutput];
}

// The shopper's data: distinctive strings that occur nowhere else.
const SECRET = {
  item: 'item-PRIVATE-7f3a91',
  creator: 'creator-PRIVATE-c0ffee',
  query: 'PRIVATE-query-孕妇装',
  amount: 987654321,
  shopper: 'shopper-PRIVATE-42',
};
const secrets = Object.values(SECRET).map(String);

function profileSession() {
  const engine = core.createEngine();
  const refuse = (fn) => assert.throws(fn, (error) => typeof error.code === 'string');
  try {
    engine.openSnapshot(snapshots.a);
    // The shopper id arrives with a persisted profile (a fresh one, named).
    engine.restoreProfile(JSON.stringify({ ...JSON.parse(engine.saveProfile()), shopper: SECRET.shopper }));
    engine.track({ type: 'view', time_ms: 1_790_000_000_000, item: SECRET.item });
    engine.track({ type: 'purchase', time_ms: 1_790_000_001_000, item: SECRET.item, amount_minor: SECRET.amount });
    engine.track({ type: 'follow_creator', time_ms: 1_790_000_002_000, creator: SECRET.creator });
    engine.track({ type: 'search', time_ms: 1_790_000_003_000, query: SECRET.query });
    engine.track({ type: 'view', time_ms: 5, item: SECRET.item });  // time going backwards
    const saved = engine.saveProfile();
    assert.ok(saved.includes(SECRET.item), 'the persisted profile holds the data (the probe is meaningful)');
    engine.exportProfile();
    refuse(() => engine.uploadBatch(10));
    engine.setConsent(true);
    engine.uploadBatch(10);
    engine.acknowledgeUpload(2);
    refuse(() => engine.acknowledgeUpload(99));
    refuse(() => engine.track({ type: 'purchase', time_ms: 1, item: SECRET.item, amount_minor: 2 ** 60 }));
    refuse(() => engine.track({ type: 'teleport', time_ms: 1, item: SECRET.item }));
    refuse(() => engine.restoreProfile(saved.slice(0, saved.length - 7)));
    refuse(() => engine.restoreProfile(saved.replace('"version":1', '"version":99')));
    const other = core.createEngine();
    other.restoreProfile(saved);
    other.dispose();
    engine.eraseProfile();
    engine.saveProfile();
  } finally {
    engine.dispose();
  }
}

test('the capture sees console, process output and the module print hooks (it can fail)', () => {
  const logs = captureLogs(() => {
    console.warn('probe', SECRET.item);
    process.stderr.write(`probe ${SECRET.shopper}\n`);
  });
  assert.equal(logs.filter((line) => secrets.some((secret) => line.includes(secret))).length, 2);
});

test('profile operations, accepted and refused, log nothing about the shopper', () => {
  const logs = captureLogs(profileSession);
  const leaks = logs.filter((line) => secrets.some((secret) => line.includes(secret)));
  assert.deepEqual(leaks, []);
  // Nothing is logged at all today; if something is added, it must stay free of personal data.
  assert.deepEqual(logs, []);
});
