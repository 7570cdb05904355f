// The "dates" part of a locale pack: month and weekday names and the
// patterns of the date range styles the engine shows delivery promises in,
// resolved the way V8's Intl.DateTimeFormat picks them, so the engine
// (core/src/money/date_pack.cc, core/src/fulfilment/date_range_format.cc)
// needs no CLDR logic. Gregorian calendar only.
//
// How V8 (with ICU 78) formats {month: "short", day: "numeric"} and
// formatRange, which this reproduces per style (CLDR skeleton):
//  1. the single-date pattern is availableFormats[skeleton] ("MMMd" -> "M月d日" in zh);
//  2. formatRange builds its DateIntervalFormat from the skeleton *of that
//     pattern* ("M月d日" -> "Md"), not from the requested one, so zh shows
//     "11/25 – 11/27" from intervalFormats.Md, not "11月25日至27日" from MMMd;
//  3. the interval pattern for the greatest differing field (d, M) comes from
//     intervalFormats[that skeleton]; for y, from the same entry's "y", else
//     from intervalFormats["y" + skeleton].y (ICU's extended skeleton); a
//     missing one is intervalFormatFallback around the single-date pattern;
//  4. a range within one day is the single-date pattern (ECMA-402).
// Skeletons are compared after ICU's normalization (see shapeOf).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kStyles = ['MMMd', 'MMMEd'];
const kWeekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
// Pattern letters the engine formats (see ParseDatePattern in date_pack.cc).
const kSupported = { y: [1, 9], M: [1, 3], L: [1, 3], d: [1, 2], E: [1, 3], c: [3, 3] };
const kMessagesFile = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'delivery-messages.json');

let messages;
// The phrases of the first tag along the resolution chain that has some
// (zh-TW -> zh-Hant-TW -> zh-Hant), then of the file key's truncations
// (zh-Hant-HK -> zh-Hant); so zh-TW gets Traditional, not zh's Simplified.
function messagesFor(chain) {
  messages ??= JSON.parse(fs.readFileSync(kMessagesFile, 'utf8'));
  const found = chain.find((tag) => messages.languages[tag]);
  if (found) return messages.languages[found];
  for (let current = chain[chain.length - 1]; current.includes('-');) {
    current = current.slice(0, current.lastIndexOf('-'));
    if (messages.languages[current]) return messages.languages[current];
  }
  return messages.fallback;
}

// The fields of an LDML pattern outside quotes: [[letter, width], ...].
function fieldsOf(pattern) {
  const fields = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      fields.push([c, j - i]);
      i = j;
    } else {
      i++;
    }
  }
  return fields;
}

// A comparable form of a skeleton or pattern, normalized as ICU's
// DateIntervalFormat::normalizeSkeleton does before it looks up interval
// patterns: d and numeric M (M, MM) to one letter, E..EEE to one E; other
// widths kept. So en-ZA's "dd MMM" finds intervalFormats.MMMd ("d–d MMM")
// and prints "5–7 Nov" while a single day is "05 Nov", as ICU does.
function shapeOf(fields) {
  const normalized = ([c, n]) => ((c === 'd') || (c === 'M' && n < 3) || (c === 'E' && n <= 3) ? c : c.repeat(n));
  return fields.map(normalized).sort().join('');
}

function supported(pattern) {
  return fieldsOf(pattern).every(([c, n]) => kSupported[c] && n >= kSupported[c][0] && n <= kSupported[c][1]);
}

function lettersOf(fields) {
  return [...new Set(fields.map(([c]) => c))].sort().join('');
}

// "{0} – {1}" around a pattern, the literal parts quoted.
function fallbackInterval(fallback, pattern) {
  const quote = (text) => (text ? `'${text.replace(/'/g, "''")}'` : '');
  const [before, rest] = fallback.split('{0}');
  const [between, after] = rest.split('{1}');
  return quote(before) + pattern + quote(between) + pattern + quote(after);
}

function styleOf(gregorian, skeleton) {
  const available = gregorian.dateTimeFormats.availableFormats;
  const intervals = gregorian.dateTimeFormats.intervalFormats;
  const fallback = intervals.intervalFormatFallback;
  const single = available[skeleton];
  if (typeof single !== 'string' || typeof fallback !== 'string' || !fallback.includes('{0}') || !fallback.includes('{1}')) return null;
  const derived = fieldsOf(single);
  const keys = Object.keys(intervals).filter((key) => key !== 'intervalFormatFallback');
  const sameFields = keys.filter((key) => lettersOf(fieldsOf(key)) === lettersOf(derived));
  let style;
  if (sameFields.length === 0) {
    // ICU's best interval skeleton then has other fields (ru "ccc, d MMM":
    // c is not E): DateIntervalFormat finds no match and formats every
    // range as intervalFormatFallback around the single-date pattern, with
    // no year added.
    const both = fallbackInterval(fallback, single);
    style = { single, d: both, M: both, y: both };
  } else {
    // Widths other than E's would need ICU's adjustFieldWidth: not
    // implemented, so such a locale gets no dates rather than wrong ones.
    const key = sameFields.find((k) => shapeOf(fieldsOf(k)) === shapeOf(derived));
    if (!key) return null;
    const entry = intervals[key];
    const extended = keys.find((k) => shapeOf(fieldsOf(k)) === shapeOf([['y', 1], ...fieldsOf(key)]));
    style = {
      single,
      d: entry.d ?? fallbackInterval(fallback, single),
      M: entry.M ?? fallbackInterval(fallback, single),
      y: entry.y ?? (extended && intervals[extended].y) ?? fallbackInterval(fallback, single),
    };
  }
  return Object.values(style).every((p) => typeof p === 'string' && supported(p)) ? style : null;
}

// The pack's "dates", or null when the locale has no Gregorian data or uses
// a field the engine does not format (the pack then has no dates; the
// engine reports that instead of guessing).
export function buildDates(key, chain, cldrDir) {
  const file = path.join(cldrDir, 'cldr-dates-full', 'main', key, 'ca-gregorian.json');
  if (!fs.existsSync(file)) return null;
  const gregorian = JSON.parse(fs.readFileSync(file, 'utf8')).main[key].dates.calendars.gregorian;
  const months = (context) => Array.from({ length: 12 }, (_, i) => gregorian.months[context].abbreviated[String(i + 1)]);
  const weekdays = (context) => kWeekdayKeys.map((d) => gregorian.days[context].abbreviated[d]);
  const styles = {};
  for (const skeleton of kStyles) {
    const style = styleOf(gregorian, skeleton);
    if (!style) return null;
    styles[skeleton] = style;
  }
  const message = messagesFor(chain);
  return {
    months: months('format'),
    monthsStandalone: months('stand-alone'),
    weekdays: weekdays('format'),
    weekdaysStandalone: weekdays('stand-alone'),
    styles,
    messages: { arrives: message.arrives, arrivesStyle: message.style },
  };
}
