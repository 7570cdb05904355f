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

test('an accepted pack does change what is shown (the probe can fail)', () => {
  assert.equal(shopcore.loadLocalePack(readPack(localeDir, 'fr-FR')).ok, true);
  assert.notEqual(observe(), before);
});
