// The Engine through the built npm package (build/wasm/package), as an app
// uses it: snapshot, social, profile, errors, the state after errors,
// dispose rules, and the same engine behind a worker_threads worker.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './shopcore-cli.mjs';

const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');
const shopcore = await import(pathToFileURL(path.join(PACKAGE, 'src', 'node.js')).href);
const core = await shopcore.createShopCore();

// The fixture catalog built by the native command into snapshot bytes.
function buildSnapshot(transform = (text) => text) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-test-'));
  const catalog = path.join(work, 'catalog.json');
  fs.writeFileSync(catalog, transform(fs.readFileSync(path.join(ROOT, 'tests/unit/snapshot/fixtures/small-catalog.json'), 'utf8')));
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'), ['snapshot', 'build', catalog, '-o', path.join(work, 'snapshot.bin')]);
  const bytes = new Uint8Array(fs.readFileSync(path.join(work, 'snapshot.bin')));
  fs.rmSync(work, { recursive: true, force: true });
  return bytes;
}
const SNAPSHOT = buildSnapshot();
const ZH_CN = new Uint8Array(fs.readFileSync(path.join(BUILD, 'wasm', 'locale', 'zh-CN.json')));

function throwsShopCore(fn, code, where) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof shopcore.ShopCoreError, `expected ShopCoreError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (where !== undefined) assert.equal(error.path, where);
    return true;
  });
}

// Engines a test made, disposed after it (what `using` would do).
const live = [];
const track = (engine) => { live.push(engine); return engine; };
afterEach(() => { while (live.length) live.pop().dispose(); });

const observe = (engine) => JSON.stringify([engine.snapshotInfo(), engine.exportProfile(), engine.saveProfile()]);

test('openSnapshot answers the snapshot info; snapshotInfo before one is NOT_FOUND', () => {
  const engine = track(core.createEngine());
  throwsShopCore(() => engine.snapshotInfo(), 'NOT_FOUND', 'snapshot');
  const info = engine.openSnapshot(SNAPSHOT);
  assert.equal(info.snapshot_id, 'small-2026-11-21');
  assert.deepEqual(engine.snapshotInfo(), info);
});

test('every rejected call leaves the engine byte-identical', () => {
  const engine = track(core.createEngine());
  engine.openSnapshot(SNAPSHOT);
  assert.deepEqual(engine.track({ type: 'view', time_ms: 1000, item: 'kettle' }), { events: 1 });
  assert.deepEqual(engine.track({ type: 'purchase', time_ms: 2000, item: 'kettle', amount_minor: 100n }), { events: 2 });
  const before = observe(engine);
  throwsShopCore(() => engine.openSnapshot(SNAPSHOT.subarray(0, SNAPSHOT.length >> 1)), 'BAD_SNAPSHOT');
  throwsShopCore(() => engine.openSnapshot('not bytes'), 'INVALID_ARGUMENT', 'bytes');
  // Larger than the heap could ever hold next to its indexes: refused before
  // the copy, never an abort of the module.
  throwsShopCore(() => engine.openSnapshot(new Uint8Array(200 * 1024 * 1024)), 'BAD_SNAPSHOT', 'bytes');
  throwsShopCore(() => engine.loadLocalePack(new Uint8Array(2 * 1024 * 1024)), 'BAD_LOCALE_PACK', 'bytes');
  throwsShopCore(() => engine.applySnapshotDelta(new Uint8Array([1, 2, 3])), 'BAD_SNAPSHOT');
  throwsShopCore(() => engine.track({ type: 'purchase', time_ms: 5 }), 'BAD_REQUEST', '.item');
  throwsShopCore(() => engine.track({ type: 'view', time_ms: 1.5, item: 'a' }), 'INEXACT_NUMBER', 'event.time_ms');
  throwsShopCore(() => engine.track({ type: 'purchase', time_ms: 5, item: 'a', amount_minor: 2 ** 60 }), 'INEXACT_NUMBER', 'event.amount_minor');
  throwsShopCore(() => engine.restoreProfile('{"format":"shopcore.reco.profile","version":99}'), 'UNSUPPORTED_VERSION');
  throwsShopCore(() => engine.shareDecode('nope'), 'BAD_TOKEN');
  throwsShopCore(() => engine.group('fly', {}), 'INVALID_ARGUMENT', 'op');
  throwsShopCore(() => engine.referral('share-to-earn', { currency: 'CNY', rules: [] }, { locale: 'zz-ZZ' }), 'UNKNOWN_LOCALE');
  throwsShopCore(() => engine.setConsent('yes'), 'INVALID_ARGUMENT', 'consent');
  throwsShopCore(() => engine.uploadBatch(10), 'CONSENT_REQUIRED');
  assert.equal(observe(engine), before);
});

test('a delta made from the current snapshot swaps the new one in; another base is WRONG_DELTA_BASE', () => {
  const engine = track(core.createEngine());
  engine.openSnapshot(SNAPSHOT);
  const next = buildSnapshot((text) => text.replace('"small-2026-11-21"', '"small-2026-11-22"'));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-delta-'));
  fs.writeFileSync(path.join(work, 'a.bin'), SNAPSHOT);
  fs.writeFileSync(path.join(work, 'b.bin'), next);
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'),
    ['snapshot', 'delta', path.join(work, 'a.bin'), path.join(work, 'b.bin'), '-o', path.join(work, 'd.bin')]);
  const delta = new Uint8Array(fs.readFileSync(path.join(work, 'd.bin')));
  fs.rmSync(work, { recursive: true, force: true });
  assert.equal(engine.applySnapshotDelta(delta).snapshot_id, 'small-2026-11-22');
  const before = observe(engine);
  throwsShopCore(() => engine.applySnapshotDelta(delta), 'WRONG_DELTA_BASE');
  assert.equal(observe(engine), before);
});

test('social doors: share tokens round-trip, bargain schedules, referral shows zh-CN amounts', () => {
  const engine = track(core.createEngine());
  const share = engine.shareEncode({ kind: 'bargain', item_id: 'sku-kettle', inviter_id: 'u:7', ref_id: 'bg-9', market: 'SG' });
  const decoded = engine.shareDecode(share.token);
  assert.equal(decoded.item_id, 'sku-kettle');
  assert.equal(decoded.inviter_id, 'u:7');
  const schedule = engine.bargain('schedule', {
    campaign: { currency: 'JPY', start_minor: 5, floor_minor: 0, helpers: 2, time_limit_ms: 1 }, seed: { state: '7' },
  });
  assert.ok(schedule && typeof schedule === 'object');
  assert.equal(engine.loadLocalePack(ZH_CN), 'zh-CN');
  throwsShopCore(() => engine.loadLocalePack(ZH_CN.subarray(0, 10)), 'BAD_LOCALE_PACK');
});

test('profile: save/restore round-trips, consent gates uploads, erase leaves nothing', () => {
  const engine = track(core.createEngine());
  engine.track({ type: 'view', time_ms: 1000, item: 'kettle' });
  const saved = engine.saveProfile();
  const other = track(core.createEngine());
  other.restoreProfile(saved);
  assert.deepEqual(other.exportProfile(), engine.exportProfile());
  engine.setConsent(true);
  const batch = engine.uploadBatch(10);
  assert.equal(batch.through_seq, 1);
  throwsShopCore(() => engine.acknowledgeUpload(9), 'INVALID_ARGUMENT');
  engine.acknowledgeUpload(1);
  engine.eraseProfile();
  const fresh = track(core.createEngine());
  assert.deepEqual(engine.exportProfile(), fresh.exportProfile());
});

test('dispose frees once; any later call is a DISPOSED ShopCoreError', () => {
  const engine = core.createEngine();
  assert.equal(engine.disposed, false);
  engine.dispose();
  engine.dispose();
  engine[Symbol.dispose]();
  assert.equal(engine.disposed, true);
  throwsShopCore(() => engine.snapshotInfo(), 'DISPOSED', 'engine');
  throwsShopCore(() => engine.track({ type: 'view', time_ms: 1, item: 'a' }), 'DISPOSED', 'engine');
  // What `using` calls at the end of a block (Node 20 has no `using` syntax yet).
  const scoped = core.createEngine();
  scoped[Symbol.dispose]();
  assert.equal(scoped.disposed, true);
});

test('the worker wrapper: same names, async, errors as ShopCoreError, dispose rules', async () => {
  const worker = await shopcore.createShopCoreWorker();
  try {
    assert.equal(await worker.toMajor(1234, 'EUR'), '12.34');
    const engine = await worker.createEngine();
    assert.equal((await engine.openSnapshot(SNAPSHOT)).snapshot_id, 'small-2026-11-21');
    assert.deepEqual(await engine.track({ type: 'view', time_ms: 1, item: 'a' }), { events: 1 });
    await assert.rejects(engine.openSnapshot(new Uint8Array([1])), (error) =>
      error instanceof shopcore.ShopCoreError && error.code === 'BAD_SNAPSHOT');
    assert.equal((await engine.snapshotInfo()).snapshot_id, 'small-2026-11-21');
    await engine.dispose();
    await assert.rejects(engine.snapshotInfo(), (error) => error.code === 'DISPOSED');
  } finally {
    await worker.terminate();
  }
  await assert.rejects(worker.currencies(), (error) => error.code === 'DISPOSED');
});

test('an Engine collected without dispose() is freed and reported in development builds', () => {
  const script = `
    const { createShopCore } = await import(${JSON.stringify(pathToFileURL(path.join(PACKAGE, 'src', 'node.js')).href)});
    const core = await createShopCore();
    const warnings = [];
    console.warn = (text) => warnings.push(String(text));
    (() => { core.createEngine(); })();
    (() => { core.createEngine().dispose(); })();
    for (let i = 0; i < 50 && warnings.length === 0; i++) {
      globalThis.gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    process.stdout.write(JSON.stringify(warnings));
  `;
  const run = (env) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script],
    { encoding: 'utf8', env: { ...process.env, ...env } }));
  const development = run({ NODE_ENV: 'development' });
  assert.equal(development.length, 1, 'one leaked engine, one warning (the disposed one is not reported)');
  assert.match(development[0], /garbage-collected without dispose\(\)/);
  assert.deepEqual(run({ NODE_ENV: 'production' }), []);
});
