// The wasm package's money display API: loadLocalePack and formatMoney,
// including every error a page can provoke (errors are values, never throws).
import assert from 'node:assert/strict';
import test from 'node:test';

import { loadShopCore, localeDir, readPack } from './shopcore-module.mjs';

const shopcore = await loadShopCore();

// Embind checks the argument count: options is required (undefined or {} for the defaults).
test('loadLocalePack registers a pack under its tag and formatMoney uses it', () => {
  assert.deepEqual(shopcore.loadLocalePack(readPack(localeDir, 'de-CH')), { ok: true, value: 'de-CH' });
  assert.deepEqual(shopcore.formatMoney(-123456, 'CHF', 'de-CH', undefined), { ok: true, value: "CHF-1'234.56" });
  assert.deepEqual(shopcore.formatMoney(1023, 'CHF', 'de-CH', { cash: true }), { ok: true, value: 'CHF\u00A010.25' });
  assert.deepEqual(shopcore.formatMoney('9223372036854775807', 'CHF', 'de-CH', { display: 'code' }),
                   { ok: true, value: "CHF\u00A092'233'720'368'547'758.07" });
  assert.deepEqual(shopcore.formatMoney(250, 'IDR', 'de-CH', { rounding: 'half-even', display: 'name' }),
                   { ok: true, value: '2 Indonesische Rupiah' });
  // A longer tag falls back to the loaded pack by truncation.
  assert.deepEqual(shopcore.formatMoney(100, 'CHF', 'de-CH-u-nu-latn', {}), { ok: true, value: 'CHF\u00A01.00' });
});

test('bad packs are rejected and leave the loaded packs as they were', () => {
  const bytes = readPack(localeDir, 'ja-JP');
  const truncated = shopcore.loadLocalePack(bytes.subarray(0, bytes.length - 10));
  assert.equal(truncated.ok, false);
  assert.equal(truncated.code, 'BAD_LOCALE_PACK');
  const notBytes = shopcore.loadLocalePack('{"format":1}');
  assert.deepEqual(notBytes, { ok: false, code: 'INVALID_ARGUMENT', message: 'must be a Uint8Array', path: 'bytes' });
  const missing = shopcore.loadLocalePack(new TextEncoder().encode('{"format":1}'));
  assert.equal(missing.code, 'BAD_LOCALE_PACK');
  assert.equal(missing.path, 'cldr');
  assert.equal(shopcore.formatMoney(1, 'JPY', 'ja-JP', {}).code, 'UNKNOWN_LOCALE');
  const swiss = readPack(localeDir, 'de-CH');
  assert.equal(shopcore.loadLocalePack(swiss.subarray(0, 100)).code, 'BAD_LOCALE_PACK');
  assert.deepEqual(shopcore.formatMoney(100, 'CHF', 'de-CH', {}), { ok: true, value: 'CHF\u00A01.00' });
});

test('formatMoney reports bad arguments as values with a path', () => {
  shopcore.loadLocalePack(readPack(localeDir, 'en-US'));
  const error = (result) => [result.ok, result.code, result.path];
  assert.deepEqual(error(shopcore.formatMoney(1.5, 'USD', 'en-US', {})), [false, 'INEXACT_NUMBER', 'amount']);
  assert.deepEqual(error(shopcore.formatMoney(2 ** 60, 'USD', 'en-US', {})), [false, 'INEXACT_NUMBER', 'amount']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'usd', 'en-US', {})), [false, 'UNKNOWN_CURRENCY', 'currency']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 'xx-YY', {})), [false, 'UNKNOWN_LOCALE', 'locale']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 7, {})), [false, 'INVALID_ARGUMENT', 'locale']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 'en-US', { display: 'narrowSymbol' })),
                   [false, 'INVALID_ARGUMENT', 'options.display']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 'en-US', { rounding: 'halfEven' })),
                   [false, 'INVALID_ARGUMENT', 'options.rounding']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 'en-US', { accounting: 'yes' })),
                   [false, 'INVALID_ARGUMENT', 'options.accounting']);
  assert.deepEqual(error(shopcore.formatMoney(1, 'USD', 'en-US', 'symbol')), [false, 'INVALID_ARGUMENT', 'options']);
});
