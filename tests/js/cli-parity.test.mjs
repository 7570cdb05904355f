// The native `shopcore` and the same command compiled to wasm under Node
// must print identical stdout and stderr bytes and exit with the same code,
// for successes and for every kind of failure. One row per command line;
// a new command adds rows here.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runShopcore } from './shopcore-cli.mjs';

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

for (const row of ROWS) {
  const name = row.args.length ? row.args.join(' ') : '(no arguments)';
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
