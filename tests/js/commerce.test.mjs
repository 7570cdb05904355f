// Price, carts, recommendations and landed cost through the built npm
// package (build/wasm/package), as a shop page uses them, on the main thread
// and behind the worker wrapper. Byte parity with the command line is in
// cli-parity.test.mjs; here: behaviour, errors, state after errors, dispose.
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

// tests/unit/snapshot/fixtures/small-catalog.json: markets DE, CN, US;
// sku-1a (DE), sku-1b (DE, US; at most 3 per shopper), sku-2a (CN, US; sold out).
// A home-feed blend is added (the fixture has model data but no blend weights).
const SNAPSHOT = (() => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'commerce-test-'));
  const file = path.join(work, 'snapshot.bin');
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/unit/snapshot/fixtures/small-catalog.json'), 'utf8'));
  catalog.blend_contexts = [{ id: 'home', half_life_ms: 604800000, signals: { item_item: 0.4, content: 0.3, popularity: 0.3 },
    event_weights: { view: 1, purchase: 6 } }];
  fs.writeFileSync(path.join(work, 'catalog.json'), JSON.stringify(catalog));
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'), ['snapshot', 'build', path.join(work, 'catalog.json'), '-o', file]);
  const bytes = new Uint8Array(fs.readFileSync(file));
  fs.rmSync(work, { recursive: true, force: true });
  return bytes;
})();
const DE_DE = new Uint8Array(fs.readFileSync(path.join(BUILD, 'wasm', 'locale', 'de-DE.json')));
const NOW = 1763726400000;  // 2026-11-21T12:00:00Z

const live = [];
afterEach(() => { while (live.length) live.pop().dispose(); });
function openEngine() {
  const engine = core.createEngine();
  live.push(engine);
  engine.openSnapshot(SNAPSHOT);
  engine.loadLocalePack(DE_DE);
  return engine;
}

function throwsShopCore(fn, code, where) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof shopcore.ShopCoreError, `expected ShopCoreError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (where !== undefined) assert.equal(error.path, where);
    return true;
  });
  return null;
}

test('engine.price: the priced cart, display strings only with a loaded locale', () => {
  const engine = openEngine();
  const request = { market: 'DE', now: NOW, lines: [{ sku: 'sku-1a', qty: 2 }] };
  const plain = engine.price(request);
  assert.equal(plain.market, 'DE');
  assert.equal(plain.display, undefined);
  const shown = engine.price(request, { locale: 'de-DE' });
  assert.equal(typeof shown.display.payable, 'string');
  assert.match(shown.display.payable, /\u00a0€$/);
  throwsShopCore(() => engine.price(request, { locale: 'fr-FR' }), 'UNKNOWN_LOCALE', 'locale');
  throwsShopCore(() => engine.price({ ...request, now: 1.5 }), 'INEXACT_NUMBER', 'request.now');
  throwsShopCore(() => engine.price({ market: 'DE', now: NOW, lines: [{ sku: 'nope', qty: 1 }] }), 'NOT_FOUND');
  const empty = core.createEngine();
  live.push(empty);
  throwsShopCore(() => empty.price(request), 'NOT_FOUND', 'snapshot');
});

test('a cart: add, setQuantity, remove, refusals with their rule, save and price', () => {
  const engine = openEngine();
  const cart = engine.createCart({ market: 'DE' });
  assert.equal(cart.market, 'DE');
  assert.deepEqual(cart.lines, []);
  assert.deepEqual(cart.add('sku-1a', 2), [{ sku: 'sku-1a', quantity: 2 }]);
  cart.add('sku-1b');
  assert.deepEqual(cart.setQuantity('sku-1b', 3), [{ sku: 'sku-1a', quantity: 2 }, { sku: 'sku-1b', quantity: 3 }]);

  // The per-shopper limit of sku-1b is 3: refused, with the rule and what it allows; nothing changed.
  const before = cart.save();
  assert.throws(() => cart.add('sku-1b', 1), (error) => {
    assert.ok(error instanceof shopcore.ShopCoreError);
    assert.equal(error.code, 'REFUSED');
    assert.equal(error.reason, 'PURCHASE_LIMIT');
    assert.equal(error.allowedQuantity, 3);
    assert.equal(error.path, 'sku:sku-1b');
    return true;
  });
  assert.equal(cart.save(), before);
  assert.throws(() => cart.add('sku-2a', 1), (error) => error.reason === 'UNKNOWN_SKU' && error.code === 'NOT_FOUND');
  assert.throws(() => cart.setQuantity('sku-1a', 0), (error) => error.reason === 'INVALID_QUANTITY');
  assert.throws(() => cart.remove('sku-9'), (error) => error.reason === 'NOT_IN_CART');
  throwsShopCore(() => cart.add('sku-1a', 1.5), 'INEXACT_NUMBER', 'quantity');
  assert.equal(cart.save(), before);
  assert.equal(before, '{"version":1,"lines":[{"sku":"sku-1a","quantity":2},{"sku":"sku-1b","quantity":3}]}');

  // price(): the engine's price of the same lines.
  const priced = cart.price({ now: NOW, locale: 'de-DE' });
  assert.deepEqual(priced, engine.price({ market: 'DE', now: NOW, lines: [{ sku: 'sku-1a', qty: 2 }, { sku: 'sku-1b', qty: 3 }] },
    { locale: 'de-DE' }));
  throwsShopCore(() => cart.price({ now: NOW, lines: [] }), 'BAD_REQUEST', 'options.lines');

  assert.deepEqual(cart.remove('sku-1a'), [{ sku: 'sku-1b', quantity: 3 }]);
  cart.dispose();
  cart.dispose();
  throwsShopCore(() => cart.lines, 'DISPOSED', 'cart');
  throwsShopCore(() => cart.add('sku-1a'), 'DISPOSED', 'cart');
});

test('restoreCart: the same cart back; a stale one repaired with its changes; a bad one refused', () => {
  const engine = openEngine();
  const cart = engine.createCart({ market: 'DE' });
  cart.add('sku-1a', 2);
  const same = engine.restoreCart(cart.save(), { market: 'DE' });
  assert.deepEqual(same.lines, cart.lines);
  assert.deepEqual(same.changes, []);

  const repaired = engine.restoreCart('{"version":1,"lines":[{"sku":"sku-2a","quantity":1},{"sku":"sku-1b","quantity":9}]}',
    { market: 'DE' });
  assert.deepEqual(repaired.lines, [{ sku: 'sku-1b', quantity: 3 }]);
  assert.deepEqual(repaired.changes, [
    { sku: 'sku-2a', quantityBefore: 1, quantityAfter: 0, reason: 'UNKNOWN_SKU' },
    { sku: 'sku-1b', quantityBefore: 9, quantityAfter: 3, reason: 'PURCHASE_LIMIT' },
  ]);
  throwsShopCore(() => engine.restoreCart('{"version":7,"lines":[]}'), 'UNSUPPORTED_VERSION', 'state.version');
  throwsShopCore(() => engine.restoreCart('{"version":1,"lines":[{"sku":'), 'BAD_JSON', 'state');
  throwsShopCore(() => engine.restoreCart(42), 'INVALID_ARGUMENT', 'state');
  throwsShopCore(() => engine.createCart({ market: 'XX' }), 'NOT_FOUND', 'options.market');

  // merge: the guest's lines join within the rules; the guest cart stays as it was.
  const guest = engine.createCart({ market: 'DE' });
  guest.add('sku-1b', 2);
  assert.deepEqual(same.merge(guest), []);
  assert.deepEqual(same.lines, [{ sku: 'sku-1a', quantity: 2 }, { sku: 'sku-1b', quantity: 2 }]);
  // quantityBefore: this cart's line before the merge; the guest's 2 more would pass the limit of 3.
  assert.deepEqual(same.merge(guest), [{ sku: 'sku-1b', quantityBefore: 2, quantityAfter: 3, reason: 'PURCHASE_LIMIT' }]);
  assert.deepEqual(guest.lines, [{ sku: 'sku-1b', quantity: 2 }]);
  throwsShopCore(() => same.merge({ id: 1 }), 'INVALID_ARGUMENT', 'guest');

  // Carts go with their engine.
  engine.dispose();
  throwsShopCore(() => same.add('sku-1a'), 'DISPOSED', 'engine');
});

test('recommend and rank: the same page; one tracked event changes the next ranking', () => {
  const engine = openEngine();
  const request = { context: 'home_feed', market: 'DE', now_ms: NOW, page_size: 5 };
  const page = engine.recommend(request);
  const ranked = engine.rank(request);
  assert.ok(ranked.scores instanceof Float64Array);
  assert.ok(ranked.reasons instanceof Uint8Array);
  assert.deepEqual(ranked.items, page.items.map((item) => item.id));
  assert.deepEqual([...ranked.scores].map((score) => score.toFixed(6)), page.items.map((item) => item.score));
  assert.deepEqual([...ranked.reasons].map((code) => ranked.reasonNames[code]), page.items.map((item) => item.reason.kind));
  assert.ok(ranked.items.includes('item-1'), JSON.stringify(ranked.items));

  // Bought: it leaves the feed on the very next call.
  engine.track({ type: 'purchase', time_ms: NOW - 1000, item: 'item-1', amount_minor: 1999 });
  const after = engine.rank(request);
  assert.ok(!after.items.includes('item-1'), JSON.stringify(after.items));
  assert.notDeepEqual([...after.scores], [...ranked.scores]);

  throwsShopCore(() => engine.rank({ ...request, market: 'XX' }), 'NOT_FOUND');
  throwsShopCore(() => engine.recommend({ ...request, page_size: 0 }), 'BAD_REQUEST');
  throwsShopCore(() => engine.rank('home'), 'INVALID_ARGUMENT', 'request');
});

test('landedCost: the breakdown with its display strings', () => {
  const engine = openEngine();
  const request = { market: 'DE', origin: 'DE', currency: 'EUR', now: '2026-11-21', lines: [{ id: 'serum', amount_minor: 999 }] };
  const cost = engine.landedCost(request);
  assert.equal(cost.lines[0].tax, '1.60');
  assert.equal(cost.display, undefined);
  const shown = engine.landedCost(request, { locale: 'de-DE' });
  assert.equal(shown.display.total, '9,99\u00a0€');
  assert.equal(shown.display.lines[0].tax, '1,60\u00a0€');
  throwsShopCore(() => engine.landedCost(request, { locale: 'xx-XX' }), 'UNKNOWN_LOCALE', 'locale');
  throwsShopCore(() => engine.landedCost({ ...request, lines: [{ id: 'a', amount_minor: 1.5 }] }), 'INEXACT_NUMBER');
});

test('the worker wrapper: price, rank, landedCost and carts by handle, same names, async', async () => {
  const worker = await shopcore.createShopCoreWorker();
  try {
    const engine = await worker.createEngine();
    await engine.openSnapshot(SNAPSHOT);
    await engine.loadLocalePack(DE_DE);
    const request = { market: 'DE', now: NOW, lines: [{ sku: 'sku-1a', qty: 1 }] };
    assert.equal((await engine.price(request, { locale: 'de-DE' })).market, 'DE');
    const ranked = await engine.rank({ context: 'home_feed', market: 'DE', now_ms: NOW, page_size: 3 });
    assert.ok(ranked.scores instanceof Float64Array);
    assert.equal((await engine.landedCost({ market: 'DE', origin: 'DE', currency: 'EUR', now: '2026-11-21',
      lines: [{ id: 'a', amount_minor: 999 }] }, { locale: 'de-DE' })).display.total, '9,99\u00a0€');

    const cart = await engine.createCart({ market: 'DE' });
    assert.deepEqual(await cart.add('sku-1b', 2), [{ sku: 'sku-1b', quantity: 2 }]);
    assert.deepEqual(cart.lines, [{ sku: 'sku-1b', quantity: 2 }]);
    await assert.rejects(cart.add('sku-1b', 5), (error) =>
      error instanceof shopcore.ShopCoreError && error.reason === 'PURCHASE_LIMIT' && error.allowedQuantity === 3);
    const guest = await engine.createCart({ market: 'DE' });
    await guest.add('sku-1a');
    assert.deepEqual(await cart.merge(guest), []);
    assert.deepEqual(cart.lines, [{ sku: 'sku-1b', quantity: 2 }, { sku: 'sku-1a', quantity: 1 }]);
    const restored = await engine.restoreCart(await cart.save(), { market: 'DE' });
    assert.deepEqual(restored.lines, cart.lines);
    assert.deepEqual(restored.changes, []);
    assert.equal((await cart.price({ now: NOW })).market, 'DE');
    await cart.dispose();
    await assert.rejects(cart.save(), (error) => error.code === 'DISPOSED');
    await engine.dispose();
    await assert.rejects(guest.save(), (error) => error.code === 'DISPOSED');
  } finally {
    await worker.terminate();
  }
});
