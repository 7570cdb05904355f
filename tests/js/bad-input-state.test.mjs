// State safety at the JS boundary: after any rejected call, everything the
// module shows is byte-identical to before. Today the module's only state is
// the set of loaded locale packs (loadLocalePack); what it shows of it is
// formatMoney's output, so the probe formats a grid of amounts, currencies,
// locales and options before and after each rejected call.
import assert from 'node:assert/strict';
import test from 'node:test';

import { loadShopCore, localeDir, readPack } from './shopcore-module.mjs';

const shopcore = await loadShopCore();
const loaded = ['de-CH', 'ja-JP', 'en-IN', 'ar-SA'];
for (const tag of loaded) assert.equal(shopcore.loadLocalePack(readPack(localeDir, tag)).ok, true, tag);

// Every display of loaded and unloaded locales (fallback by truncation and
// UNKNOWN_LOCALE are part of the observable state too).
function observe() {
  const out = [];
  for (const locale of [...loaded, 'de-CH-u-nu-latn', 'de', 'fr-FR']) {
    for (const currency of ['CHF', 'JPY', 'INR', 'SAR', 'USD']) {
      for (const amount of [0, -123456, 2 ** 53 - 1, '-9223372036854775808']) {
        for (const options of [{}, { display: 'name' }, { accounting: true, cash: true }]) {
          out.push(JSON.stringify(shopcore.formatMoney(amount, currency, locale, options)));
        }
      }
    }
  }
  return out.join('\n');
}

const before = observe();

function expectUnchanged(what) {
  assert.equal(observe(), before, `state changed after ${what}`);
}

test('a rejected loadLocalePack leaves formatting byte-identical', () => {
  const swiss = readPack(localeDir, 'de-CH');
  const swissPack = JSON.parse(new TextDecoder().decode(swiss));
  // Same tag as a loaded pack, valid JSON, rejected late in validation: it
  // must not replace (or partly replace) the de-CH pack.
  const lateRejects = [
    (pack) => { pack.currencies.CHF.s = 5; },
    (pack) => { pack.digits = '٠١٢٣٤٥٦٧٨'; },
    (pack) => { pack.unitPatterns = { one: '{0} {1}' }; },
    (pack) => { pack.format = 2; },
    (pack) => { pack.symbols.group = 7; },
  ];
  for (const edit of lateRejects) {
    const pack = structuredClone(swissPack);
    edit(pack);
    const result = shopcore.loadLocalePack(new TextEncoder().encode(JSON.stringify(pack)));
    assert.equal(result.ok, false, edit.toString());
    expectUnchanged(`loadLocalePack(${edit})`);
  }
  for (const bytes of [swiss.subarray(0, 1000), new Uint8Array(0), new Uint8Array(300 * 1024 * 1024)]) {
    assert.equal(shopcore.loadLocalePack(bytes).ok, false);
    expectUnchanged(`loadLocalePack(${bytes.length} bytes)`);
  }
  assert.equal(shopcore.loadLocalePack('de-CH').ok, false);
  expectUnchanged('loadLocalePack(a string)');
});

test('rejected formatMoney and allocate calls change nothing', () => {
  const rejected = [
    () => shopcore.formatMoney(NaN, 'CHF', 'de-CH', {}),
    () => shopcore.formatMoney(2 ** 53, 'CHF', 'de-CH', {}),
    () => shopcore.formatMoney(1, 'XYZ', 'de-CH', {}),
    () => shopcore.formatMoney(1, 'CHF', 'xx', {}),
    () => shopcore.formatMoney(1, 'CHF', 'de-CH', { display: 'bogus' }),
    () => shopcore.allocate(100, [0, 0]),
    () => shopcore.allocate(Infinity, [1]),
    () => shopcore.allocate(100, new Array(10 ** 7).fill(1)),
  ];
  for (const call of rejected) {
    assert.equal(call().ok, false, call.toString());
    expectUnchanged(call.toString());
  }
});

// A deterministic stream of hostile JS values (the JS-side counterpart of
// tests/fuzz): every call returns an {ok, ...} value with a known code, none
// throws or aborts, and the observable state is what it was.
test('thousands of random argument lists: error values only, state unchanged', () => {
  let seed = 0x5eed;  // xorshift32: exact in JS numbers, the same stream on every run
  const next = (bound) => {
    seed ^= seed << 13; seed ^= seed >>> 17; seed ^= seed << 5;
    return (seed >>> 0) % bound;
  };
  const atoms = [0, -0, 1, -1, 1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 - 1, -(2 ** 63), Number.MAX_VALUE,
                 '', '0', '-9223372036854775808', '9223372036854775808', '1e3', 'CHF', 'de-CH', 'xx', '\uD800',
                 'name', 'half-even', null, undefined, true, false, {}, [], [1, 2], { display: 'code' },
                 { rounding: 7 }, 10n, new Uint8Array(3), () => 1, Symbol.iterator];
  const value = () => (next(4) === 0 ? [atoms[next(atoms.length)], atoms[next(atoms.length)]] : atoms[next(atoms.length)]);
  const codes = new Set(['INVALID_ARGUMENT', 'OVERFLOW', 'UNKNOWN_CURRENCY', 'UNKNOWN_LOCALE', 'BAD_LOCALE_PACK',
                         'INEXACT_NUMBER', 'UNSUPPORTED_VERSION']);
  let accepted = 0;
  for (let i = 0; i < 3000; ++i) {
    const calls = [
      () => shopcore.formatMoney(value(), value(), value(), value()),
      () => shopcore.allocate(value(), value()),
      () => shopcore.loadLocalePack(value()),
    ];
    const result = calls[next(calls.length)]();
    assert.equal(typeof result.ok, 'boolean');
    if (result.ok) { ++accepted; continue; }
    assert.ok(codes.has(result.code), `unexpected code ${result.code}`);
    assert.equal(typeof result.message, 'string');
    assert.equal(typeof result.path, 'string');
  }
  assert.ok(accepted > 0, 'the stream also reaches accepted calls');
  expectUnchanged('random argument lists');
});

// Last: it changes the state the tests above compare against.
test('an accepted pack does change what is shown (the probe can fail)', () => {
  assert.equal(shopcore.loadLocalePack(readPack(localeDir, 'fr-FR')).ok, true);
  assert.notEqual(observe(), before);
});
