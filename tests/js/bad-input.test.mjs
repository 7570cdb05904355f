// Bad input at the JS boundary of the wasm package (docs/bad-input.md): every
// class of hostile argument gets an error value {ok: false, code, message,
// path}, never a throw or an abort, and the module keeps working after it.
import assert from 'node:assert/strict';
import test from 'node:test';

import { loadShopCore, localeDir, readPack } from './shopcore-module.mjs';

const shopcore = await loadShopCore();
assert.equal(shopcore.loadLocalePack(readPack(localeDir, 'en-US')).ok, true);

const failure = (result) => [result.ok, result.code, result.path];
const encode = (text) => new TextEncoder().encode(text);

test('amounts that are not safe integers are INEXACT_NUMBER, for every amount argument', () => {
  const inexact = [NaN, Infinity, -Infinity, 1.5, -0.25, 2 ** 53, 2 ** 53 + 1, -(2 ** 53), 2 ** 60, Number.MAX_VALUE, Number.MIN_VALUE];
  for (const amount of inexact) {
    assert.deepEqual(failure(shopcore.formatMoney(amount, 'USD', 'en-US', {})), [false, 'INEXACT_NUMBER', 'amount'], String(amount));
    assert.deepEqual(failure(shopcore.allocate(amount, [1, 1])), [false, 'INEXACT_NUMBER', 'amount'], String(amount));
    assert.deepEqual(failure(shopcore.allocate(100, [1, amount])), [false, 'INEXACT_NUMBER', 'weights[1]'], String(amount));
  }
  // The largest safe integer is exact, and a larger amount passes as a string.
  assert.deepEqual(shopcore.formatMoney(2 ** 53 - 1, 'USD', 'en-US', {}), { ok: true, value: '$90,071,992,547,409.91' });
  assert.deepEqual(shopcore.formatMoney(-(2 ** 53 - 1), 'JPY', 'en-US', { display: 'code' }),
                   { ok: true, value: '-JPY\u00A09,007,199,254,740,991' });
  assert.deepEqual(shopcore.formatMoney('9007199254740993', 'USD', 'en-US', {}), { ok: true, value: '$90,071,992,547,409.93' });
});

test('amounts beyond 2^53 come back as strings, so they can be passed back in exactly', () => {
  assert.deepEqual(shopcore.allocate(2 ** 53 - 1, [1]), { ok: true, value: [9007199254740991] });
  assert.deepEqual(shopcore.allocate('18014398509481984', [1, 1]), { ok: true, value: ['9007199254740992', '9007199254740992'] });
  const parts = shopcore.allocate('9223372036854775807', [1, 2]).value;
  assert.deepEqual(parts, ['3074457345618258602', '6148914691236517205']);
  assert.deepEqual(shopcore.allocate(parts[1], [1]), { ok: true, value: ['6148914691236517205'] });
});

test('amount strings and values of the wrong type', () => {
  const cases = [
    ['12.5', 'INVALID_ARGUMENT'], [' 12', 'INVALID_ARGUMENT'], ['+12', 'INVALID_ARGUMENT'], ['', 'INVALID_ARGUMENT'],
    ['1e3', 'INVALID_ARGUMENT'], ['0x10', 'INVALID_ARGUMENT'], ['１２', 'INVALID_ARGUMENT'],
    ['9223372036854775808', 'OVERFLOW'], ['-9223372036854775809', 'OVERFLOW'],
    [null, 'INVALID_ARGUMENT'], [undefined, 'INVALID_ARGUMENT'], [true, 'INVALID_ARGUMENT'], [{}, 'INVALID_ARGUMENT'],
    [[5], 'INVALID_ARGUMENT'], [10n, 'INVALID_ARGUMENT'],
  ];
  for (const [amount, code] of cases) {
    assert.deepEqual(failure(shopcore.formatMoney(amount, 'USD', 'en-US', {})), [false, code, 'amount'], String(amount));
  }
  assert.deepEqual(failure(shopcore.allocate(100, 'not an array')), [false, 'INVALID_ARGUMENT', 'weights']);
  assert.deepEqual(failure(shopcore.allocate(100, { length: 2, 0: 1, 1: 1 })), [false, 'INVALID_ARGUMENT', 'weights']);
  assert.deepEqual(failure(shopcore.allocate(100, [])), [false, 'INVALID_ARGUMENT', 'weights']);
  assert.deepEqual(failure(shopcore.allocate(100, [0, 0])), [false, 'INVALID_ARGUMENT', 'weights']);
  assert.deepEqual(failure(shopcore.allocate(100, [1, -1])), [false, 'INVALID_ARGUMENT', 'weights[1]']);
  assert.deepEqual(failure(shopcore.allocate(100, new Array(5))), [false, 'INVALID_ARGUMENT', 'weights[0]']);
  assert.deepEqual(failure(shopcore.allocate('-9223372036854775808', [1])), [false, 'OVERFLOW', 'amount']);
});

test('allocation sizes are capped before the weights are copied into the heap', () => {
  const limit = 1000000;  // kMaxAllocationParts (core/include/shopcore/money/allocation.h)
  const parts = shopcore.allocate(limit + 7, new Array(limit).fill(1));
  assert.equal(parts.ok, true);
  assert.deepEqual(parts.value.slice(5, 9), [2, 2, 1, 1]);
  for (const count of [limit + 1, 10 ** 7]) {
    assert.deepEqual(shopcore.allocate(100, new Array(count).fill(1)),
                     { ok: false, code: 'INVALID_ARGUMENT', message: 'more than 1000000 weights', path: 'weights' });
  }
  assert.deepEqual(shopcore.allocate(10, [1, 1]), { ok: true, value: [5, 5] });
});

test('unknown currencies and locales, including strings that are not well-formed UTF-16', () => {
  for (const currency of ['usd', 'US', 'USDD', '', 'XYZ', '\uD800\uD800\uD800', 'U\u0000D']) {
    assert.deepEqual(failure(shopcore.formatMoney(1, currency, 'en-US', {})), [false, 'UNKNOWN_CURRENCY', 'currency'], currency);
  }
  for (const locale of ['xx-YY', '', 'zz', '\uD800', 'en_US', '\u00FF\u00FE']) {
    assert.deepEqual(failure(shopcore.formatMoney(1, 'USD', locale, {})), [false, 'UNKNOWN_LOCALE', 'locale'], locale);
  }
  assert.deepEqual(failure(shopcore.formatMoney(1, 42, 'en-US', {})), [false, 'INVALID_ARGUMENT', 'currency']);
  assert.deepEqual(failure(shopcore.formatMoney(1, 'USD', null, {})), [false, 'INVALID_ARGUMENT', 'locale']);
});

// Hostile pack bytes: each is rejected with its code and path.
function hostilePacks() {
  const swiss = readPack(localeDir, 'de-CH');
  const swissText = new TextDecoder().decode(swiss);
  const edited = (edit) => { const pack = JSON.parse(swissText); edit(pack); return encode(JSON.stringify(pack)); };
  const flipped = swiss.slice();
  flipped[20] ^= 0x80;  // inside "cldr": the byte becomes invalid UTF-8
  const badUtf8 = swiss.slice();
  badUtf8.set([0xC0, 0xAF], swissText.indexOf('Schweizer'));  // an overlong '/' inside a currency name
  return [
    ['truncated', swiss.subarray(0, swiss.length - 1), 'BAD_LOCALE_PACK'],
    ['truncated to nothing', new Uint8Array(0), 'BAD_LOCALE_PACK'],
    ['bit-flipped', flipped, 'BAD_LOCALE_PACK'],
    ['invalid UTF-8 in a string', badUtf8, 'BAD_LOCALE_PACK'],
    ['not JSON', encode('\u0000\u0001garbage'), 'BAD_LOCALE_PACK'],
    ['a newer format', edited((pack) => { pack.format = 2; }), 'UNSUPPORTED_VERSION'],
    ['nine digits', edited((pack) => { pack.digits = '012345678'; }), 'BAD_LOCALE_PACK'],
    ['a symbol that is not a string', edited((pack) => { pack.currencies.CHF.s = 5; }), 'BAD_LOCALE_PACK'],
    ['a pattern that does not parse', edited((pack) => { pack.patterns.currency = '¤ #,##0.00;;;'; }), 'BAD_LOCALE_PACK'],
    ['a lowercase currency code', edited((pack) => { pack.currencies.chf = pack.currencies.CHF; }), 'BAD_LOCALE_PACK'],
    ['over 1 MiB', new Uint8Array(1024 * 1024 + 1).fill(0x20), 'BAD_LOCALE_PACK'],
    // Larger than the wasm heap may grow (256 MB): refused before it is copied in.
    ['300 MB', new Uint8Array(300 * 1024 * 1024), 'BAD_LOCALE_PACK'],
  ];
}

test('hostile locale pack bytes are rejected with a code, never an abort', () => {
  for (const [name, bytes, code] of hostilePacks()) {
    const result = shopcore.loadLocalePack(bytes);
    assert.equal(result.ok, false, name);
    assert.equal(result.code, code, `${name}: ${result.message}`);
    assert.equal(typeof result.message, 'string');
  }
  for (const notBytes of ['{"format":1}', null, undefined, 42, [123, 125], new ArrayBuffer(4), new Int8Array(4)]) {
    assert.deepEqual(failure(shopcore.loadLocalePack(notBytes)), [false, 'INVALID_ARGUMENT', 'bytes'], String(notBytes));
  }
});

test('bad pack paths name the field', () => {
  const byName = Object.fromEntries(hostilePacks().map(([name, bytes]) => [name, shopcore.loadLocalePack(bytes)]));
  assert.equal(byName['a newer format'].path, 'format');
  assert.equal(byName['nine digits'].path, 'digits');
  assert.equal(byName['a symbol that is not a string'].path, 'currencies.CHF.s');
  assert.equal(byName['a pattern that does not parse'].path, 'patterns.currency');
});
