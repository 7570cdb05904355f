// engine.planDelivery and the social doors' campaign_id through the built npm
// package (build/wasm/package): the snapshot form of the delivery planner
// prints what the JSON form's golden file says, errors are ShopCoreErrors,
// and campaigns come from the open snapshot by id.
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

function buildSnapshot(fixture) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-delivery-'));
  const out = path.join(work, 'snapshot.bin');
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'), ['snapshot', 'build', path.join(ROOT, fixture), '-o', out]);
  const bytes = new Uint8Array(fs.readFileSync(out));
  fs.rmSync(work, { recursive: true, force: true });
  return bytes;
}
const FULFILMENT = buildSnapshot('tests/unit/fulfilment/fixtures/fulfilment-catalog.json');
const SMALL = buildSnapshot('tests/unit/snapshot/fixtures/small-catalog.json');
const EN_US = new Uint8Array(fs.readFileSync(path.join(BUILD, 'wasm', 'locale', 'en-US.json')));
const SPLIT_EXPECTED = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/unit/fulfilment/fixtures/split.expected.json'), 'utf8'));

function throwsShopCore(fn, code, where) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof shopcore.ShopCoreError, `expected ShopCoreError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (where !== undefined) assert.equal(error.path, where);
    return true;
  });
}

const live = [];
const track = (engine) => { live.push(engine); return engine; };
afterEach(() => { while (live.length) live.pop().dispose(); });

const SPLIT = { market: 'DE', now_ms: 1795600800000, locale: 'en-US', items: [{ sku: 'A', quantity: 2 }, { sku: 'C', quantity: 1 }] };

test('planDelivery plans from the snapshot exactly as the JSON form does', () => {
  const engine = track(core.createEngine());
  throwsShopCore(() => engine.planDelivery(SPLIT), 'NOT_FOUND', 'snapshot');
  engine.openSnapshot(FULFILMENT);
  throwsShopCore(() => engine.planDelivery(SPLIT), 'UNKNOWN_LOCALE', 'locale');
  engine.loadLocalePack(EN_US);
  const options = engine.planDelivery(SPLIT);
  assert.deepEqual(options, SPLIT_EXPECTED);
  assert.equal(options.plans[options.picks.cheapest].promise, SPLIT_EXPECTED.plans[SPLIT_EXPECTED.picks.cheapest].promise);
  // Without a locale, no promise text.
  const { locale, ...bare } = SPLIT;
  assert.equal(engine.planDelivery(bare).plans[0].promise, undefined);
});

test('planDelivery refuses what it cannot plan, with the request path', () => {
  const engine = track(core.createEngine());
  engine.openSnapshot(FULFILMENT);
  throwsShopCore(() => engine.planDelivery({ ...SPLIT, locale: undefined, items: [{ sku: 'Z', quantity: 1 }] }), 'NOT_FOUND', 'items[0].sku');
  throwsShopCore(() => engine.planDelivery({ market: 'DE', now_ms: 0, items: [{ sku: 'C', quantity: 500 }] }), 'OUT_OF_STOCK');
  throwsShopCore(() => engine.planDelivery({ market: 'DE', now_ms: 0, items: [{ sku: 'A', quantity: 1, unit_grams: 1 }] }),
    'BAD_REQUEST', 'items[0].unit_grams');
  throwsShopCore(() => engine.planDelivery({ market: 'DE', now_ms: 1.5, items: [] }), 'INEXACT_NUMBER', 'request.now_ms');
  throwsShopCore(() => engine.planDelivery('DE'), 'INVALID_ARGUMENT', 'request');
});

test('bargain and group requests take the campaign by id from the open snapshot', () => {
  const engine = track(core.createEngine());
  const request = { campaign_id: 'bg-1', seed: { state: '42', stream: '7' } };
  throwsShopCore(() => engine.bargain('schedule', request), 'NOT_FOUND', 'campaign_id');
  engine.openSnapshot(SMALL);
  const schedule = engine.bargain('schedule', request);
  assert.equal(schedule.cuts.length, 20);
  assert.equal(schedule.cuts.reduce((sum, cut) => sum + BigInt(cut), 0n), 20000n);  // 29900 - 9900
  const inline = engine.bargain('schedule', {
    campaign: { id: 'bg-1', currency: 'CNY', start_minor: 29900, floor_minor: 9900, helpers: 20, time_limit_ms: 172800000 },
    seed: request.seed,
  });
  assert.deepEqual(inline, schedule);
  throwsShopCore(() => engine.group('check-open', { campaign_id: 'gb-none', shopper: { user_id: 'u', market: 'CN' } }),
    'NOT_FOUND', 'campaign_id');
});
