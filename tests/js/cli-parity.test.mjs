// The native `shopcore` and the same command compiled to wasm under Node
// must print identical stdout and stderr bytes and exit with the same code,
// for successes and for every kind of failure. One row per command line;
// a new command adds rows here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT, runShopcore } from './shopcore-cli.mjs';

const INT64_MAX = '9223372036854775807';

// A snapshot for the commands that read one, built once by the native command.
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parity-'));
const FULFILMENT_SNAP = path.join(WORK, 'fulfilment.scat');
runShopcore(['snapshot', 'build', 'tests/unit/fulfilment/fixtures/fulfilment-catalog.json', '-o', FULFILMENT_SNAP]);
process.on('exit', () => fs.rmSync(WORK, { recursive: true, force: true }));

// exit: the code both must return (0 ok, 1 rejected input, 2 usage).
const ROWS = [
  // The command line itself.
  { args: [], exit: 2 },
  { args: ['help'], exit: 0 },
  { args: ['--help'], exit: 0 },
  { args: ['version'], exit: 0 },
  { args: ['version', 'extra'], exit: 2 },
  { args: ['frobnicate'], exit: 2 },
  { args: [''], exit: 2 },
  { args: ['-h'], exit: 0 },

  // money allocate: reference vectors, then every failure.
  { args: ['money'], exit: 2 },
  { args: ['money', 'divide'], exit: 2 },
  { args: ['money', 'allocate', '--amount', '299', '--weights', '4300,1400,2300'], exit: 0 },
  { args: ['money', 'allocate', '--amount', '99', '--weights', '68,1,63,69'], exit: 0 },
  { args: ['money', 'allocate', '--amount', '-100', '--weights', '1,1,1'], exit: 0 },
  { args: ['money', 'allocate', '--amount', '7', '--weights', '0,3,0,3'], exit: 0 },
  { args: ['money', 'allocate', '--amount', INT64_MAX, '--weights', `${INT64_MAX},1`], exit: 0 },
  { args: ['money', 'allocate', '--amount', '-9223372036854775808', '--weights', '1'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '9223372036854775808', '--weights', '1'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '10', '--weights', '0,0'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '10', '--weights', '1,-1'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '10', '--weights', '1,,2'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '10', '--weights', '1.5'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '1e3', '--weights', '1'], exit: 1 },
  { args: ['money', 'allocate', '--amount', '10'], exit: 2 },
  { args: ['money', 'allocate', '--weights', '1'], exit: 2 },
  { args: ['money', 'allocate', '--amount', '10', '--weights', '1', '--bogus', 'x'], exit: 2 },
  { args: ['money', 'allocate', '--amount'], exit: 2 },

  // money convert: digits between currencies, rounding modes, every failure.
  { args: ['money', 'convert', '--amount-minor', '1000', '--from', 'EUR', '--to', 'JPY', '--rate', '162.35'], exit: 0 },
  ...['half-even', 'half-up', 'half-down', 'up', 'down', 'ceiling', 'floor'].map((mode) => ({
    args: ['money', 'convert', '--amount-minor', '-1005', '--from', 'USD', '--to', 'KWD', '--rate', '0.30705', '--rounding', mode],
    exit: 0,
  })),
  { args: ['money', 'convert', '--amount-minor', '12345', '--from', 'JPY', '--to', 'CLF', '--rate', '0.00021'], exit: 0 },
  { args: ['money', 'convert', '--amount-minor', INT64_MAX, '--from', 'USD', '--to', 'JPY', '--rate', '1000'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'XYZ', '--rate', '1'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'eur', '--to', 'JPY', '--rate', '1'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '0'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '-1.5'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '1e3'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '1.'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '0.1234567890123456789'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY', '--rate', '1', '--rounding', 'nearest'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '1.5', '--from', 'EUR', '--to', 'JPY', '--rate', '1'], exit: 1 },
  { args: ['money', 'convert', '--amount-minor', '100', '--from', 'EUR', '--to', 'JPY'], exit: 2 },

  // format: locales, displays, accounting, cash, failures.
  ...[
    ['123456', 'EUR', 'de-DE'], ['-123456', 'EUR', 'fr-FR'], ['100000000000000', 'USD', 'en-US'],
    ['123456789', 'INR', 'en-IN'], ['123456', 'SAR', 'ar-SA'], ['1234', 'JPY', 'ja-JP'], ['123456', 'CNY', 'zh-CN'],
    ['123456', 'CHF', 'de-CH'], ['123456', 'IDR', 'id-ID'], ['-5', 'BRL', 'pt-BR'], ['0', 'KRW', 'ko-KR'],
    ['1250', 'KWD', 'en-GB'], ['99999', 'AUD', 'en-AU'], ['99999', 'SGD', 'en-SG'],
  ].flatMap(([amount, currency, locale]) =>
    ['symbol', 'narrow', 'code', 'name'].map((display) => ({
      args: ['format', '--amount-minor', amount, '--currency', currency, '--locale', locale, '--display', display],
      exit: 0,
    }))),
  { args: ['format', '--amount-minor', '-123456', '--currency', 'USD', '--locale', 'en-US', '--accounting'], exit: 0 },
  { args: ['format', '--amount-minor', '1234', '--currency', 'CHF', '--locale', 'de-CH', '--cash'], exit: 0 },
  { args: ['format', '--amount-minor', '100', '--currency', 'EUR', '--locale', 'xx-NOPE'], exit: 1 },
  { args: ['format', '--amount-minor', '100', '--currency', 'EUR', '--locale', '../../etc/passwd'], exit: 1 },
  { args: ['format', '--amount-minor', '100', '--currency', 'XYZ', '--locale', 'de-DE'], exit: 1 },
  { args: ['format', '--amount-minor', '100', '--currency', 'EUR', '--locale', 'de-DE', '--display', 'emoji'], exit: 1 },
  { args: ['format', '--amount-minor', '9223372036854775808', '--currency', 'EUR', '--locale', 'de-DE'], exit: 1 },
  { args: ['format', '--currency', 'EUR', '--locale', 'de-DE'], exit: 2 },

  // delivery: plans with promises in en-US, zh-CN, ar-SA (Arabic-Indic digits), a chosen method,
  // Christmas and Golden Week in the path; then every kind of failure.
  ...['request-split', 'request-zh-christmas', 'request-ar-chosen-method', 'request-cn-golden-week'].map((name) => (
    { args: ['delivery', 'tests/unit/fulfilment/fixtures/fulfilment.json', `tests/unit/fulfilment/fixtures/${name}.json`], exit: 0 })),
  { args: ['delivery', 'tests/unit/fulfilment/fixtures/fulfilment.json', 'tests/unit/fulfilment/fixtures/request-out-of-stock.json'], exit: 1 },
  { args: ['delivery', 'tests/unit/fulfilment/fixtures/fulfilment.json', 'tests/unit/fulfilment/fixtures/request-bad-locale.json'], exit: 1 },
  { args: ['delivery', 'tests/unit/fulfilment/fixtures/request-split.json', 'tests/unit/fulfilment/fixtures/fulfilment.json'], exit: 1 },
  { args: ['delivery', 'tests/unit/fulfilment/fixtures/fulfilment.json', 'tests/unit/fulfilment/fixtures/missing.json'], exit: 1 },
  { args: ['delivery', 'tests/unit/fulfilment/fixtures/fulfilment.json'], exit: 2 },
  // delivery from a snapshot (issue 13): en-US split, zh-CN across Golden Week, an unknown SKU.
  { args: ['delivery', FULFILMENT_SNAP, 'tests/unit/fulfilment/fixtures/snapshot-request-split.json'], exit: 0 },
  { args: ['delivery', FULFILMENT_SNAP, 'tests/unit/fulfilment/fixtures/snapshot-request-zh.json'], exit: 0 },
  { args: ['delivery', FULFILMENT_SNAP, 'tests/unit/fulfilment/fixtures/snapshot-request-unknown-sku.json'], exit: 1 },
  { args: ['delivery', FULFILMENT_SNAP, 'tests/unit/fulfilment/fixtures/request-split.json'], exit: 1 },
  // pickup: the pickup day in the shopper's locale (issue 5), and an unknown locale.
  ...['zh-CN', 'ja-JP', 'ar-SA'].map((locale) => (
    { args: ['pickup', 'slot', '--utc-offset-minutes', '480', '--cutoff', '22:00', '--now-ms', '1795355999999', '--locale', locale], exit: 0 })),
  { args: ['pickup', 'slot', '--utc-offset-minutes', '480', '--cutoff', '22:00', '--now-ms', '1795355999999', '--locale', 'xx-NOPE'], exit: 1 },
];

// price, recommend, landed-cost: over the demo snapshot, built here with
// the generator and the native command (nothing generated is committed).
const DEMO = (() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-parity-demo-'));
  execFileSync(path.join(ROOT, 'scripts', 'gen-catalog'), ['--size', 'demo', '--seed', '7', '-o', path.join(dir, 'catalog.json')],
    { stdio: 'ignore' });
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'), ['snapshot', 'build', path.join(dir, 'catalog.json'), '-o', path.join(dir, 'demo.bin')]);
  fs.rmSync(path.join(dir, 'catalog.json'));
  const requests = {
    // DE: two SKUs, the shopper's DE coupons chosen best-of, display in de-DE.
    'price-de': { market: 'DE', now: 1795219200000, lines: [{ sku: 'sku-000000-0', qty: 2 }, { sku: 'sku-000000-1', qty: 1 }],
      wallet: [{ id: 'coupon-00003', state: 'unused' }, { id: 'coupon-00013', state: 'unused' }] },
    'price-cn-pickup': { market: 'CN', now: 1795219200000, lines: [{ sku: 'sku-000000-1', qty: 3 }], member_tier: 'tier-gold', pickup_point: 'cn-sh-xuhui' },
    'price-unknown-sku': { market: 'DE', now: 1795219200000, lines: [{ sku: 'no-such-sku', qty: 1 }] },
    'price-bad-field': { market: 'DE', now: 1795219200000, lines: [{ sku: 'sku-000000-0', qty: 1 }], colour: 'red' },
    'recommend-home': { request: { context: 'home_feed', market: 'DE', now_ms: 1795219200000, page_size: 10 },
      shopper_id: 'u-1', events: [{ type: 'view', time_ms: 1795200000000, item: 'item-000002' },
        { type: 'add_to_cart', time_ms: 1795210000000, item: 'item-000005' }] },
    'recommend-similar': { request: { context: 'similar_item', market: 'JP', now_ms: 1795219200000, page_size: 8, anchors: ['item-000002'] } },
    'recommend-bad-market': { request: { context: 'home_feed', market: 'XX', now_ms: 1 } },
    'landed-de': { market: 'DE', origin: 'DE', currency: 'EUR', locale: 'de-DE', now: '2026-11-21',
      lines: [{ id: 'a', amount_minor: 999 }, { id: 'b', amount_minor: 324, quantity: 3, tax_category: 'reduced' }], shipping_minor: 495 },
    'landed-jp': { market: 'JP', origin: 'JP', currency: 'JPY', locale: 'ja-JP', now: '2026-11-21',
      lines: [{ id: 'a', amount_minor: 1080, quantity: 3 }, { id: 'b', amount_minor: 333 }] },
    'landed-bad': { market: 'DE', origin: 'DE', currency: 'EUR', now: '2026-11-21', lines: [{ id: 'a', amount_minor: -5 }] },
  };
  for (const [name, body] of Object.entries(requests)) fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(body));
  return { dir, snapshot: path.join(dir, 'demo.bin'), requests, file: (name) => path.join(dir, `${name}.json`) };
})();
process.on('exit', () => fs.rmSync(DEMO.dir, { recursive: true, force: true }));

ROWS.push(
  { name: 'price demo.bin price-de.json', args: ['price', DEMO.snapshot, DEMO.file('price-de')], exit: 0 },
  { name: 'price demo.bin price-cn-pickup.json', args: ['price', DEMO.snapshot, DEMO.file('price-cn-pickup')], exit: 0 },
  { name: 'price demo.bin price-unknown-sku.json', args: ['price', DEMO.snapshot, DEMO.file('price-unknown-sku')], exit: 1 },
  { name: 'price demo.bin price-bad-field.json', args: ['price', DEMO.snapshot, DEMO.file('price-bad-field')], exit: 1 },
  { name: 'recommend demo.bin recommend-home.json', args: ['recommend', DEMO.snapshot, DEMO.file('recommend-home')], exit: 0 },
  { name: 'recommend demo.bin recommend-similar.json', args: ['recommend', DEMO.snapshot, DEMO.file('recommend-similar')], exit: 0 },
  { name: 'recommend demo.bin recommend-bad-market.json', args: ['recommend', DEMO.snapshot, DEMO.file('recommend-bad-market')], exit: 1 },
  { name: 'landed-cost demo.bin landed-de.json', args: ['landed-cost', DEMO.snapshot, DEMO.file('landed-de')], exit: 0 },
  { name: 'landed-cost demo.bin landed-jp.json', args: ['landed-cost', DEMO.snapshot, DEMO.file('landed-jp')], exit: 0 },
  { name: 'landed-cost demo.bin landed-bad.json', args: ['landed-cost', DEMO.snapshot, DEMO.file('landed-bad')], exit: 1 },
);

for (const row of ROWS) {
  const name = row.name ?? (row.args.length ? row.args.join(' ') : '(no arguments)');
  test(name, () => {
    const native = runShopcore(row.args);
    const wasm = runShopcore(row.args, { wasm: true });
    assert.equal(native.signal, null, 'native must not crash');
    assert.equal(wasm.signal, null, 'wasm must not crash');
    assert.equal(native.status, row.exit, `native exit code\n${native.stderr}`);
    assert.equal(wasm.status, native.status, 'exit codes differ');
    assert.equal(wasm.stdout.toString('hex'), native.stdout.toString('hex'),
      `stdout differs:\nnative ${JSON.stringify(native.stdout.toString())}\nwasm   ${JSON.stringify(wasm.stdout.toString())}`);
    assert.equal(wasm.stderr.toString('hex'), native.stderr.toString('hex'),
      `stderr differs:\nnative ${JSON.stringify(native.stderr.toString())}\nwasm   ${JSON.stringify(wasm.stderr.toString())}`);
    // Success prints to stdout only, failure to stderr only.
    if (row.exit === 0) assert.equal(native.stderr.length, 0);
    else assert.notEqual(native.stderr.length, 0);
  });
}

// The package's Engine answers what the command prints, for the same
// snapshot and request: price (with the market's locale pack loaded, as the
// command loads it), recommend (the engine's own profile passed to the
// command), rank (the same page as arrays), landed-cost.
const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');

test('engine.price / recommend / rank / landedCost print what the command prints', async () => {
  const shopcore = await import(pathToFileURL(path.join(PACKAGE, 'src', 'node.js')).href);
  const core = await shopcore.createShopCore();
  const engine = core.createEngine();
  try {
    engine.openSnapshot(fs.readFileSync(DEMO.snapshot));
    for (const tag of ['de-DE', 'zh-CN']) engine.loadLocalePack(fs.readFileSync(path.join(BUILD, 'wasm', 'locale', `${tag}.json`)));
    const cli = (command, file) => {
      const out = runShopcore([command, DEMO.snapshot, file]);
      assert.equal(out.status, 0, out.stderr.toString());
      return JSON.parse(out.stdout.toString());
    };

    assert.deepEqual(engine.price(DEMO.requests['price-de'], { locale: 'de-DE' }), cli('price', DEMO.file('price-de')));
    assert.deepEqual(engine.price(DEMO.requests['price-cn-pickup'], { locale: 'zh-CN' }), cli('price', DEMO.file('price-cn-pickup')));
    assert.throws(() => engine.price(DEMO.requests['price-de'], { locale: 'fr-FR' }),
      (error) => error.code === 'UNKNOWN_LOCALE' && error.path === 'locale');

    const home = DEMO.requests['recommend-home'];
    for (const event of home.events) engine.track(event);
    const withProfile = path.join(DEMO.dir, 'recommend-engine-profile.json');
    fs.writeFileSync(withProfile, JSON.stringify({ request: home.request, profile: JSON.parse(engine.saveProfile()) }));
    const expected = cli('recommend', withProfile);
    assert.equal(expected.items.length, 10);
    assert.deepEqual(engine.recommend(home.request), expected);
    const ranked = engine.rank(home.request);
    assert.deepEqual(ranked.items, expected.items.map((item) => item.id));
    assert.deepEqual([...ranked.scores].map((score) => score.toFixed(6)), expected.items.map((item) => item.score));
    assert.deepEqual([...ranked.reasons].map((code) => ranked.reasonNames[code]), expected.items.map((item) => item.reason.kind));
    assert.equal(ranked.candidates, expected.candidates);
    assert.equal(ranked.hasMore, expected.has_more);

    assert.deepEqual(engine.landedCost(DEMO.requests['landed-de']), cli('landed-cost', DEMO.file('landed-de')));
    const shown = engine.landedCost(DEMO.requests['landed-de'], { locale: 'de-DE' });
    const { display, ...rest } = shown;
    assert.deepEqual(rest, cli('landed-cost', DEMO.file('landed-de')));
    assert.match(display.total, /^\d+,\d\d\u00a0€$/);
  } finally {
    engine.dispose();
  }
});
