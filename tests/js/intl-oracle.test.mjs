// The oracle for money display: the wasm module's formatMoney against Node's
// own Intl.NumberFormat (ICU 78.2, CLDR 48), code point for code point, for
// every market locale x currencies x amounts x displays x accounting, plus
// rounding modes and cash rounding. Intl gets the amount as an exact decimal
// string, so no binary float is involved on either side.
//
// Where our CLDR 48.2.0 JSON legitimately differs from what ICU prints, the
// difference is listed in kKnownDifferences with its reason; any other
// difference fails, and so does a listed difference that no longer occurs.
//
//   node --no-experimental-fetch --test tests/js/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { loadShopCore, localeDir, readPack, repoRoot } from './shopcore-module.mjs';

const kMarketLocales = [
  'zh-CN', 'zh-TW', 'zh-HK', 'en-US', 'en-GB', 'en-AU', 'en-SG', 'en-IN', 'de-DE', 'de-CH',
  'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pl-PL', 'ja-JP', 'ko-KR', 'id-ID', 'th-TH', 'vi-VN',
  'ms-MY', 'ar-SA', 'pt-BR', 'ru-RU', 'tr-TR',
];
// Beyond each locale's own currency: 0-digit (JPY, and IDR/HUF which CLDR
// shows with 0 digits though ISO has 2), 3-digit (KWD, BHD), and symbols that
// exercise currencySpacing (CHF, INR, CNY "CN¥", GBP).
const kCurrencies = ['USD', 'EUR', 'JPY', 'KWD', 'IDR', 'CHF', 'INR', 'CNY', 'GBP', 'HUF', 'BHD', 'COP'];
// Minor units: zero, signs, ties and near-ties for currencies CLDR shows with
// fewer digits than ISO (IDR 1.50 -> 2), grouping thresholds (es: 4 digits
// stay ungrouped), Indian lakh/crore, 10^12 and more, beyond 2^53.
const kAmounts = [
  '0', '1', '-1', '5', '49', '50', '-50', '99', '100', '149', '150', '151', '250', '-250', '1234', '-1234',
  '12345', '100000', '123456', '-123456', '1234567', '12345678', '123456789', '-987654321',
  '100000000000000', '123456789012345', '-123456789012345', '9007199254740993', '-9223372036854775808',
  '9223372036854775807',
];
const kDisplays = { symbol: 'symbol', narrow: 'narrowSymbol', code: 'code', name: 'name' };
const kRoundingModes = {
  'half-up': 'halfExpand', 'half-even': 'halfEven', 'half-down': 'halfTrunc',
  up: 'expand', down: 'trunc', ceiling: 'ceil', floor: 'floor',
};

// Each entry: when(case) says whether a mismatch is this known difference,
// and expect(case) what we must print instead (so a listed difference is
// still checked against an independent answer, never waved through).
const kKnownDifferences = [
  {
    reason: 'V8 in Node 20.20 (ICU 78.2) ignores currencyDisplay "name" and currencySign "accounting" for the ' +
            'tag "tr-TR" (it prints "$1,00 ABD doları" and "-$1,00" while resolvedOptions() reports name and ' +
            'accounting); "tr-Latn-TR", which resolves to the same CLDR data (tr), honours them. ' +
            'Ours must equal Intl for "tr-Latn-TR".',
    when: (c) => c.locale === 'tr-TR' && c.currency !== 'TRY' && (c.options.display === 'name' || c.options.accounting === true),
    expect: (c) => intlFormat({ ...c, locale: 'tr-Latn-TR' }),
  },
  {
    reason: 'The same V8 defect hits the Turkish lira under every Turkish tag (tr, tr-TR, tr-Latn-TR: ' +
            '"₺1,00 Türk lirası", "-₺1,00"). Ours must equal what Intl prints for USD (same digits, same ' +
            'spacing class of symbol) with Intl\'s own TRY symbol and TRY name swapped in.',
    when: (c) => c.locale === 'tr-TR' && c.currency === 'TRY' && (c.options.display === 'name' || c.options.accounting === true),
    expect: (c) => intlWithCurrencySwapped(c, 'USD'),
  },
];
const cldrCurrencyData = JSON.parse(fs.readFileSync(
  path.join(repoRoot, 'node_modules/cldr-core/supplemental/currencyData.json'), 'utf8')).supplemental.currencyData;

// ISO 4217 minor units: the storage digits of the amounts we pass.
const isoDigits = new Map(fs.readFileSync(path.join(repoRoot, 'data/iso4217.csv'), 'utf8').split('\n')
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('code,'))
  .map((line) => line.split(','))
  .map(([code, , digits]) => [code, Number(digits)]));

// The currency a region uses today, from CLDR's region history.
function localCurrency(tag) {
  const region = tag.split('-').pop();
  const history = cldrCurrencyData.region[region] || [];
  const current = history.map((entry) => Object.entries(entry)[0])
    .filter(([, info]) => !info._to && info._tender !== 'false');
  assert.ok(current.length > 0, `no current currency for ${region}`);
  return current[current.length - 1][0];
}

// "-123456" in 2 ISO digits -> "-1234.56": exact, for Intl's string input.
function majorString(minor, digits) {
  const negative = minor.startsWith('-');
  const magnitude = (negative ? minor.slice(1) : minor).padStart(digits + 1, '0');
  const text = digits === 0 ? magnitude : `${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
  return negative ? `-${text}` : text;
}

// Small amounts as numbers (the exact-integer path), large ones as strings.
function amountForJs(minor) {
  const value = BigInt(minor);
  return value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : minor;
}

function codePoints(text) {
  return [...text].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

function cashOptions(currency) {
  const fractions = cldrCurrencyData.fractions[currency] || cldrCurrencyData.fractions.DEFAULT;
  const digits = Number(fractions._cashDigits ?? fractions._digits);
  const increment = Number(fractions._cashRounding ?? 0);
  const options = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  if (increment > 1) options.roundingIncrement = increment;
  return options;
}

function buildCases() {
  const cases = [];
  for (const locale of kMarketLocales) {
    const currencies = [...new Set([localCurrency(locale), ...kCurrencies])];
    for (const currency of currencies) {
      for (const amount of kAmounts) {
        for (const [display, intlDisplay] of Object.entries(kDisplays)) {
          for (const accounting of [false, true]) {
            cases.push({
              locale, currency, amount, options: { display, accounting },
              intl: { currencyDisplay: intlDisplay, currencySign: accounting ? 'accounting' : 'standard' },
            });
          }
        }
      }
    }
    // Rounding modes, where CLDR drops ISO digits (IDR, HUF, COP) and in KWD.
    for (const currency of ['IDR', 'HUF', 'COP']) {
      for (const amount of ['149', '150', '151', '250', '-150', '-250', '-151', '12345650']) {
        for (const [mode, intlMode] of Object.entries(kRoundingModes)) {
          cases.push({ locale, currency, amount, options: { rounding: mode }, intl: { roundingMode: intlMode } });
        }
      }
    }
    // Cash: CLDR cash digits and increment (CHF/CAD 0.05, DKK 0.50, SEK/NOK whole
    // units, HUF 5); Intl gets them as explicit fraction digits and roundingIncrement.
    for (const currency of ['CHF', 'CAD', 'DKK', 'SEK', 'NOK', 'HUF', 'USD']) {
      for (const amount of ['102', '103', '1025', '-1025', '1049', '1050', '-1075', '123456789', '0']) {
        for (const mode of ['half-up', 'half-even', 'floor']) {
          cases.push({
            locale, currency, amount, options: { cash: true, rounding: mode },
            intl: { ...cashOptions(currency), roundingMode: kRoundingModes[mode] },
          });
        }
      }
    }
  }
  return cases;
}

// Intl's output for `stand_in` with its currency parts replaced by Intl's own
// parts for c.currency: for cases where Intl mishandles c.currency itself.
function intlWithCurrencySwapped(c, standIn) {
  const major = majorString(c.amount, isoDigits.get(c.currency));
  const parts = (currency, intl) =>
    new Intl.NumberFormat('tr-Latn-TR', { style: 'currency', currency, ...c.intl, ...intl }).formatToParts(major);
  const currencyPart = (list) => list.filter((p) => p.type === 'currency').pop().value;
  const replacement = c.intl.currencyDisplay === 'name'
    ? currencyPart(parts(c.currency, {}))  // the name: the last currency part
    : currencyPart(parts(c.currency, { currencySign: 'standard' }));
  return parts(standIn, {}).map((p) => (p.type === 'currency' ? replacement : p.value)).join('');
}

function intlFormat(c) {
  const formatter = new Intl.NumberFormat(c.locale, { style: 'currency', currency: c.currency, ...c.intl });
  return formatter.format(majorString(c.amount, isoDigits.get(c.currency)));
}

test('formatMoney matches Intl.NumberFormat code point for code point', async () => {
  const shopcore = await loadShopCore();
  for (const locale of kMarketLocales) {
    const loaded = shopcore.loadLocalePack(readPack(localeDir, locale));
    assert.deepEqual(loaded, { ok: true, value: locale });
  }
  const cases = buildCases();
  const unexplained = [];
  const seen = new Map(kKnownDifferences.map((d) => [d, 0]));
  let matched = 0;
  for (const c of cases) {
    const ours = shopcore.formatMoney(amountForJs(c.amount), c.currency, c.locale, c.options);
    assert.equal(ours.ok, true, `${JSON.stringify(c)}: ${JSON.stringify(ours)}`);
    const expected = intlFormat(c);
    if (ours.value === expected) {
      ++matched;
      continue;
    }
    const known = kKnownDifferences.find((d) => d.when(c));
    if (known && ours.value === known.expect(c)) {
      seen.set(known, seen.get(known) + 1);
    } else {
      unexplained.push(`${c.locale} ${c.currency} ${c.amount} ${JSON.stringify(c.options)}\n` +
                       `  ours: ${JSON.stringify(ours.value)} ${codePoints(ours.value)}\n` +
                       `  Intl: ${JSON.stringify(expected)} ${codePoints(expected)}`);
    }
  }
  const stale = [...seen].filter(([, count]) => count === 0).map(([d]) => d.reason);
  console.log(`intl-oracle: ${cases.length} cases, ${matched} identical, ` +
              `${cases.length - matched - unexplained.length} known differences, ${unexplained.length} unexplained`);
  assert.deepEqual(unexplained.slice(0, 40), [], `${unexplained.length} unexplained differences`);
  assert.deepEqual(stale, [], 'listed differences that no longer occur');
});
