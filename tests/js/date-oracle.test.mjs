// The oracle for delivery dates: the wasm module's formatDateRange against
// Node's own Intl.DateTimeFormat(locale, {month: "short", day: "numeric"
// [, weekday: "short"], timeZone: "UTC"}).formatRange (ICU 78.2, CLDR 48),
// code point for code point, for every market locale over ranges within a
// month, across months, across years, and of a single day; then for every
// other pack Intl resolves to the same tag with the Gregorian calendar.
//
// Where the engine legitimately differs, the difference is listed in
// kKnownDifferences with its reason and what we must print instead (checked
// against Intl with an explicit option); a listed difference that no longer
// occurs fails too.
//
//   node --no-experimental-fetch --test tests/js/
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { loadShopCore, localeDir, readPack } from './shopcore-module.mjs';

const kMarketLocales = [
  'zh-CN', 'zh-TW', 'zh-HK', 'en-US', 'en-GB', 'en-AU', 'en-SG', 'en-IN', 'de-DE', 'de-CH',
  'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pl-PL', 'ja-JP', 'ko-KR', 'id-ID', 'th-TH', 'vi-VN',
  'ms-MY', 'ar-SA', 'pt-BR', 'ru-RU', 'tr-TR',
];
const kStyles = {
  MMMd: { month: 'short', day: 'numeric' },
  MMMEd: { month: 'short', day: 'numeric', weekday: 'short' },
};
// [from, to]: single days (every weekday and month appears somewhere), same
// month, across months, across a year end, a leap day, two-digit days.
const kRanges = [
  ['2026-11-25', '2026-11-25'], ['2026-11-25', '2026-11-27'], ['2026-11-28', '2026-12-02'],
  ['2026-12-30', '2027-01-04'], ['2028-02-28', '2028-03-01'], ['2028-02-29', '2028-02-29'],
  ['2026-01-05', '2026-01-09'], ['2026-02-10', '2026-03-12'], ['2026-03-31', '2026-04-01'],
  ['2026-04-11', '2026-05-11'], ['2026-05-01', '2026-06-30'], ['2026-06-07', '2026-07-08'],
  ['2026-07-19', '2026-08-19'], ['2026-08-31', '2026-09-01'], ['2026-09-09', '2026-10-10'],
  ['2026-10-01', '2026-10-08'], ['2025-12-31', '2026-01-01'], ['2026-01-01', '2026-12-31'],
  ['2026-11-01', '2027-11-01'],
];

function utc(date) {
  return new Date(`${date}T00:00:00Z`);
}

function intlRange(locale, style, from, to, extra = {}) {
  const format = new Intl.DateTimeFormat(locale, { ...kStyles[style], timeZone: 'UTC', ...extra });
  return format.formatRange(utc(from), utc(to));
}

const kKnownDifferences = [
  {
    reason: 'Intl defaults th-TH to the Buddhist calendar: years 2569 = 2026 + 543, and the Buddhist ' +
            'calendar\'s own interval patterns ("d – d MMM", spaced, where Gregorian has "d–d MMM"). The ' +
            'engine formats Gregorian dates only (the packs carry ca-gregorian); ours must equal Intl with ' +
            'calendar "gregory".',
    when: (c) => c.locale === 'th-TH',
    expect: (c) => intlRange(c.locale, c.style, c.from, c.to, { calendar: 'gregory' }),
  },
];

// Beyond the markets: every generated pack whose tag Intl resolves to itself
// with the Gregorian calendar (others fall back to another locale's data in
// Node's ICU, or default to another calendar), except these.
const kExcludedTags = {
  dz: 'the single-date pattern "སྤྱི་LLL ཚེ་d" uses the stand-alone month L, which no interval skeleton has; ' +
      'we print it around intervalFormatFallback (as ICU does for ru\'s "ccc"), while ICU 78 prints ' +
      '"༡༡ ༢༨ – 12 ༢", numeric months with a Latin "12" among Tibetan digits, which is no CLDR pattern',
  'dz-BT': 'as dz',
};

const shopcore = await loadShopCore();
for (const locale of kMarketLocales) {
  const loaded = shopcore.loadLocalePack(readPack(localeDir, locale));
  assert.equal(loaded.ok, true, `${locale}: ${JSON.stringify(loaded)}`);
}

test('formatDateRange equals Intl.DateTimeFormat formatRange on every market locale', () => {
  const used = new Set();
  const failures = [];
  let compared = 0;
  for (const locale of kMarketLocales) {
    for (const style of Object.keys(kStyles)) {
      for (const [from, to] of kRanges) {
        const c = { locale, style, from, to };
        const ours = shopcore.formatDateRange(from, to, locale, style);
        if (!ours.ok) {
          failures.push(`${locale} ${style} ${from}..${to}: ${ours.code} ${ours.message}`);
          continue;
        }
        compared++;
        let expected = intlRange(locale, style, from, to);
        if (ours.value !== expected) {
          const known = kKnownDifferences.find((d) => d.when(c));
          if (known) {
            used.add(known);
            expected = known.expect(c);
          }
        }
        if (ours.value !== expected) failures.push(`${locale} ${style} ${from}..${to}: ours ${JSON.stringify(ours.value)} Intl ${JSON.stringify(expected)}`);
      }
    }
  }
  assert.deepEqual(failures, [], `${failures.length} of ${compared} differ`);
  for (const d of kKnownDifferences) assert.ok(used.has(d), `known difference no longer occurs: ${d.reason}`);
  assert.equal(compared, kMarketLocales.length * Object.keys(kStyles).length * kRanges.length);
});

test('formatDateRange equals Intl on every other Gregorian locale Intl knows', () => {
  const index = JSON.parse(fs.readFileSync(path.join(localeDir, 'index.json'), 'utf8'));
  const failures = [];
  const differing = new Set();
  let compared = 0;
  let withoutDates = 0;
  for (const tag of index.locales) {
    if (kMarketLocales.includes(tag)) continue;
    let resolved;
    try {
      resolved = new Intl.DateTimeFormat(tag).resolvedOptions();
    } catch {
      continue;
    }
    if (resolved.locale !== tag || resolved.calendar !== 'gregory') continue;
    const loaded = shopcore.loadLocalePack(readPack(localeDir, tag));
    assert.equal(loaded.ok, true, tag);
    for (const style of Object.keys(kStyles)) {
      for (const [from, to] of kRanges) {
        const ours = shopcore.formatDateRange(from, to, tag, style);
        if (!ours.ok) {
          // Packs whose patterns need ICU's field-width adjustment carry no dates (locale-dates.mjs).
          assert.equal(ours.code, 'BAD_LOCALE_PACK', `${tag}: ${ours.message}`);
          withoutDates++;
          continue;
        }
        compared++;
        if (ours.value !== intlRange(tag, style, from, to)) {
          differing.add(tag);
          if (!kExcludedTags[tag]) failures.push(`${tag} ${style} ${from}..${to}: ours ${JSON.stringify(ours.value)} Intl ${JSON.stringify(intlRange(tag, style, from, to))}`);
        }
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.deepEqual([...differing].sort(), Object.keys(kExcludedTags).sort());
  assert.ok(compared > 10000, `only ${compared} compared`);
  console.log(`date-oracle: ${compared} ranges identical or excluded, ${withoutDates} skipped (pack without dates)`);
});

test('formatDateRange reports bad arguments as values with a path', () => {
  const error = (r) => [r.ok, r.code, r.path];
  assert.deepEqual(error(shopcore.formatDateRange('2026-11-27', '2026-11-25', 'en-US', 'MMMd')), [false, 'INVALID_ARGUMENT', 'to']);
  assert.deepEqual(error(shopcore.formatDateRange('2026-02-30', '2026-03-01', 'en-US', 'MMMd')), [false, 'INVALID_ARGUMENT', 'from']);
  assert.deepEqual(error(shopcore.formatDateRange('2026-11-25', 20261127, 'en-US', 'MMMd')), [false, 'INVALID_ARGUMENT', 'to']);
  assert.deepEqual(error(shopcore.formatDateRange('2026-11-25', '2026-11-27', 'xx-YY', 'MMMd')), [false, 'UNKNOWN_LOCALE', 'locale']);
  assert.deepEqual(error(shopcore.formatDateRange('2026-11-25', '2026-11-27', 'en-US', 'yMMMMd')), [false, 'INVALID_ARGUMENT', 'style']);
  assert.deepEqual(shopcore.formatDateRange('2026-11-25', '2026-11-27', 'zh-CN', 'MMMd'), { ok: true, value: '11/25 – 11/27' });
});
