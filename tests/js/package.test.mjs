// The npm package as a user gets it (build/wasm/package): both entries, the
// three ways of loading, the money API's answers and its errors.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './shopcore-cli.mjs';

const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');
const manifest = JSON.parse(await readFile(path.join(PACKAGE, 'package.json'), 'utf8'));
const entry = (file) => import(pathToFileURL(path.join(PACKAGE, file)).href);
const nodeEntry = await entry(manifest.exports['.'].node);
const browserEntry = await entry(manifest.exports['.'].default);
const core = await nodeEntry.createShopCore();

function throwsShopCore(fn, code, pathName) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof nodeEntry.ShopCoreError, `expected ShopCoreError, got ${error}`);
    assert.equal(error.code, code, error.message);
    assert.equal(error.path, pathName);
    assert.ok(error.message.length > 0);
    return true;
  });
}

test('the package is named shopcore, its version is the engine version, and its files exist', async () => {
  assert.equal(manifest.name, 'shopcore');
  assert.equal(manifest.version, core.version().shopcore);
  for (const file of manifest.files.filter((name) => !name.endsWith('/'))) {
    await readFile(path.join(PACKAGE, file));
  }
});

test('version names the data the currency table came from', () => {
  assert.match(core.version().currencyData, /^ISO 4217 as of \d{4}-\d{2}-\d{2}, CLDR 48\.2\.0$/);
});

test('allocate: reference vectors, exact integers, big amounts as strings', () => {
  assert.deepEqual(core.allocate(299, [4300, 1400, 2300]), [161, 52, 86]);
  assert.deepEqual(core.allocate(99, [68, 1, 63, 69]), [34, 0, 31, 34]);
  assert.deepEqual(core.allocate(-100, [1, 1, 1]), [-34, -33, -33]);
  assert.deepEqual(core.allocate('9223372036854775807', [1, 1]), ['4611686018427387904', '4611686018427387903']);
  assert.deepEqual(core.allocate(10n, [1n, 0n]), [10, 0]);
});

test('amounts that are not exact integers are refused, never rounded', () => {
  throwsShopCore(() => core.allocate(1.5, [1]), 'INEXACT_NUMBER', 'amount');
  throwsShopCore(() => core.allocate(2 ** 53, [1]), 'INEXACT_NUMBER', 'amount');
  throwsShopCore(() => core.allocate(Number.NaN, [1]), 'INEXACT_NUMBER', 'amount');
  throwsShopCore(() => core.allocate(10, [1, Infinity]), 'INEXACT_NUMBER', 'weights[1]');
  throwsShopCore(() => core.allocate('12.5', [1]), 'INVALID_ARGUMENT', 'amount');
  throwsShopCore(() => core.allocate('9223372036854775808', [1]), 'OVERFLOW', 'amount');
  throwsShopCore(() => core.allocate(null, [1]), 'INVALID_ARGUMENT', 'amount');
  throwsShopCore(() => core.allocate(10, [0, 0]), 'INVALID_ARGUMENT', 'weights');
  throwsShopCore(() => core.allocate(10, 'x'), 'INVALID_ARGUMENT', 'weights');
  assert.deepEqual(core.allocate(Number.MAX_SAFE_INTEGER, [1]), [Number.MAX_SAFE_INTEGER]);
});

test('convert: decimal rates, digits between currencies, named rounding', () => {
  assert.deepEqual(core.convert(1000, 'EUR', 'JPY', '162.35', 'half-up'),
    { amountMinor: 1624, currency: 'JPY', amount: '1624', rounding: 'half-up' });
  assert.deepEqual(core.convert(1000, 'EUR', 'JPY', '162.35'),
    { amountMinor: 1624, currency: 'JPY', amount: '1624', rounding: 'half-even' });
  assert.equal(core.convert(1005, 'USD', 'KWD', '0.30705', 'floor').amount, '3.085');
  const big = core.convert('9223372036854775807', 'USD', 'USD', '1');
  assert.equal(big.amountMinor, '9223372036854775807');
  assert.equal(big.amount, '92233720368547758.07');
});

test('convert: every failure names its argument', () => {
  throwsShopCore(() => core.convert(100, 'EUR', 'XYZ', '1'), 'UNKNOWN_CURRENCY', 'to');
  throwsShopCore(() => core.convert(100, 'eur', 'JPY', '1'), 'UNKNOWN_CURRENCY', 'from');
  throwsShopCore(() => core.convert(100, 'EUR', 'JPY', 162.35), 'INVALID_ARGUMENT', 'rate');
  throwsShopCore(() => core.convert(100, 'EUR', 'JPY', '0'), 'INVALID_ARGUMENT', 'rate');
  throwsShopCore(() => core.convert(100, 'EUR', 'JPY', '1e3'), 'INVALID_ARGUMENT', 'rate');
  throwsShopCore(() => core.convert(100, 'EUR', 'JPY', '1', 'nearest'), 'INVALID_ARGUMENT', 'rounding');
  throwsShopCore(() => core.convert('9223372036854775807', 'USD', 'JPY', '1000'), 'OVERFLOW', 'amount');
});

test('major-unit strings round-trip exactly in every digit count', () => {
  assert.equal(core.parseMajor('12.34', 'EUR'), 1234);
  assert.equal(core.parseMajor('1500', 'JPY'), 1500);
  assert.equal(core.parseMajor('-1.25', 'KWD'), -1250);
  assert.equal(core.toMajor(1234, 'EUR'), '12.34');
  assert.equal(core.toMajor(-5, 'USD'), '-0.05');
  assert.equal(core.toMajor(1250, 'KWD'), '1.250');
  assert.equal(core.toMajor(12345, 'CLF'), '1.2345');
  assert.equal(core.toMajor('-9223372036854775808', 'JPY'), '-9223372036854775808');
  throwsShopCore(() => core.parseMajor('1.234', 'EUR'), 'INVALID_ARGUMENT', 'amount');
  throwsShopCore(() => core.parseMajor('12,34', 'EUR'), 'INVALID_ARGUMENT', 'amount');
  throwsShopCore(() => core.parseMajor(12.34, 'EUR'), 'INVALID_ARGUMENT', 'amount');
  throwsShopCore(() => core.toMajor(1, 'ABC'), 'UNKNOWN_CURRENCY', 'currency');
});

test('currency info: ISO digits, CLDR display digits and cash rules', () => {
  assert.deepEqual(core.currencyInfo('CHF'), {
    code: 'CHF', numeric: 756, name: 'Swiss Franc', isoDigits: 2, displayDigits: 2, cashDigits: 2, cashIncrement: 5,
  });
  const idr = core.currencyInfo('IDR');
  assert.equal(idr.isoDigits, 2);
  assert.equal(idr.displayDigits, 0);
  assert.equal(core.currencyInfo('JPY').isoDigits, 0);
  assert.equal(core.currencyInfo('BHD').isoDigits, 3);
  throwsShopCore(() => core.currencyInfo(978), 'INVALID_ARGUMENT', 'currency');
  const codes = core.currencies();
  assert.deepEqual(codes, [...codes].sort());
  for (const code of ['CNY', 'EUR', 'JPY', 'KWD', 'CLF', 'USD']) assert.ok(codes.includes(code), code);
});

test('the browser entry loads from wasmBinary, an instantiateWasm hook, and the SIMD bytes', async () => {
  const bytes = await readFile(path.join(PACKAGE, 'dist', 'shopcore.wasm'));
  const fromBytes = await browserEntry.createShopCore({ wasmBinary: bytes });
  assert.deepEqual(fromBytes.allocate(299, [4300, 1400, 2300]), [161, 52, 86]);
  let hookCalls = 0;
  const fromHook = await browserEntry.createShopCore({
    instantiateWasm(imports, receiveInstance) {
      hookCalls += 1;
      WebAssembly.instantiate(bytes, imports).then((result) => receiveInstance(result.instance));
      return {};
    },
  });
  assert.equal(hookCalls, 1);
  assert.equal(fromHook.toMajor(1250, 'KWD'), '1.250');
  const simdBytes = await readFile(path.join(PACKAGE, 'dist', 'shopcore-simd.wasm'));
  const simd = await browserEntry.createShopCore({ wasmBinary: simdBytes, simd: true });
  assert.equal(simd.convert(1000, 'EUR', 'JPY', '162.35', 'half-up').amountMinor, 1624);
});

test('loading failures are ShopCoreErrors that say what was wrong', async () => {
  await assert.rejects(nodeEntry.createShopCore({ wasmBinary: new Uint8Array([0, 97, 115]) }),
    (error) => error instanceof nodeEntry.ShopCoreError && error.code === 'IO_ERROR' && error.path === 'wasmBinary');
  await assert.rejects(nodeEntry.createShopCore({ wasmUrl: path.join(PACKAGE, 'dist', 'missing.wasm') }),
    (error) => error.code === 'IO_ERROR' && error.path.endsWith('missing.wasm'));
  await assert.rejects(nodeEntry.createShopCore({ wasmUrl: 'a.wasm', wasmBinary: new Uint8Array(8) }),
    (error) => error.code === 'INVALID_ARGUMENT');
  await assert.rejects(nodeEntry.createShopCore({ wasmBinary: 'bytes' }),
    (error) => error.code === 'INVALID_ARGUMENT' && error.path === 'wasmBinary');
});
