// Builds one locale pack (a plain object, written as compact JSON) from the
// resolved CLDR data of the file key a tag resolves to. The fields and their
// meaning are documented where the engine reads them: core/src/money/locale_pack_data.h.
//
// Only what ICU's currency formatting actually uses is kept. ICU 78 (and so
// Intl.NumberFormat) ignores the "standard-alphaNextToNumber" and
// "*-noCurrency" patterns (checked: agq USD code display gives "-1,00 USD"
// from "#,##0.00¤" plus currencySpacing, not "¤ #,##0.00"), so they are not
// carried.

import { buildDates } from './locale-dates.mjs';

// "dates" was added without a format bump: it is optional, and a pack
// without it still parses (the engine then cannot show dates for it).
const kPackFormat = 1;
// The one currencySpacing rule CLDR 48 uses. The engine implements exactly
// this: insert when the currency's adjacent character is neither a symbol
// (\p{S}) nor a separator (\p{Z}) and the number's adjacent character is a
// digit. Any other rule stops the generator.
const kCurrencyMatch = '[[:^S:]&[:^Z:]]';
const kSurroundingMatch = '[:digit:]';
const kPluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'];

function fail(tag, message) {
  throw new Error(`${tag}: ${message}`);
}

// CLDR's currencyMatch [[:^S:]&[:^Z:]] on one code point.
function currencyMatches(codePoint) {
  return !/[\p{S}\p{Z}]/u.test(String.fromCodePoint(codePoint));
}

// Bit 0: the first code point matches currencyMatch; bit 1: the last one does.
function spacingFlags(text) {
  const points = [...text].map((c) => c.codePointAt(0));
  if (points.length === 0) return 0;
  return (currencyMatches(points[0]) ? 1 : 0) | (currencyMatches(points[points.length - 1]) ? 2 : 0);
}

function digitsOf(tag, cldr, ns) {
  const system = cldr.numberingSystems[ns];
  if (!system) fail(tag, `numbering system ${ns} is not in numberingSystems.json`);
  if (system._type !== 'numeric') fail(tag, `default numbering system ${ns} is ${system._type}, not numeric`);
  const digits = [...system._digits];
  if (digits.length !== 10 || !digits.every((d) => /^\p{Nd}$/u.test(d))) {
    fail(tag, `numbering system ${ns} digits are not ten decimal digits`);
  }
  return system._digits;
}

const kSymbolFields = { decimal: 'decimal', group: 'group', minusSign: 'minus', plusSign: 'plus', currencyDecimal: 'currencyDecimal', currencyGroup: 'currencyGroup' };

function symbolsOf(tag, numbers, ns) {
  const own = numbers[`symbols-numberSystem-${ns}`] || {};
  const latn = numbers['symbols-numberSystem-latn'] || {};
  const out = {};
  for (const [cldrName, packName] of Object.entries(kSymbolFields)) {
    // ICU falls back to the latn symbols for a field the numbering system lacks.
    const value = own[cldrName] ?? latn[cldrName];
    if (value === undefined) {
      if (cldrName.startsWith('currency')) continue;  // optional: defaults to decimal/group
      fail(tag, `symbols-numberSystem-${ns}.${cldrName} is missing`);
    }
    out[packName] = value;
  }
  return out;
}

// ICU takes a pattern from the default numbering system and falls back to
// latn when that system has none (number_utils.cpp getPatternForStyle).
function patternOf(tag, numbers, ns, table, style) {
  const own = numbers[`${table}-numberSystem-${ns}`];
  if (own && typeof own[style] === 'string') return own[style];
  const latn = numbers[`${table}-numberSystem-latn`];
  if (latn && typeof latn[style] === 'string') return latn[style];
  fail(tag, `${table}.${style} is missing`);
}

function spacingOf(tag, numbers, ns) {
  const formats = numbers[`currencyFormats-numberSystem-${ns}`] || numbers['currencyFormats-numberSystem-latn'];
  const spacing = formats && formats.currencySpacing;
  if (!spacing) fail(tag, 'currencySpacing is missing');
  const out = {};
  for (const side of ['beforeCurrency', 'afterCurrency']) {
    const rule = spacing[side];
    if (!rule || rule.currencyMatch !== kCurrencyMatch || rule.surroundingMatch !== kSurroundingMatch ||
        typeof rule.insertBetween !== 'string') {
      fail(tag, `currencySpacing.${side} is ${JSON.stringify(rule)}; only currencyMatch ${kCurrencyMatch} ` +
                `with surroundingMatch ${kSurroundingMatch} is implemented`);
    }
    out[side === 'beforeCurrency' ? 'before' : 'after'] = rule.insertBetween;
  }
  return out;
}

// Plural rules are keyed by language mostly ("pt-PT" is one exception). ICU
// (PluralRules::forLocale) looks them up by plain truncation of the requested
// tag, not along parentLocales: pt-AO uses pt's rules although its data
// comes from pt-PT, hi-Latn uses hi's although its data comes from en-IN.
function pluralRulesOf(tag, cldr) {
  const candidates = [];
  for (let current = tag; current; current = current.includes('-') ? current.slice(0, current.lastIndexOf('-')) : '') {
    candidates.push(current);
  }
  const found = candidates.find((c) => cldr.plurals[c]);
  // A language CLDR has no rules for ("aa") gets ICU's default: everything is "other".
  const source = found ? cldr.plurals[found] : { 'pluralRule-count-other': '' };
  const rules = {};
  for (const [name, text] of Object.entries(source)) {
    const category = name.replace('pluralRule-count-', '');
    if (!kPluralCategories.includes(category)) fail(tag, `unknown plural category ${category}`);
    // The @integer/@decimal samples are documentation, not rule.
    rules[category] = text.split('@')[0].trim();
  }
  if (rules.other === undefined) fail(tag, 'plural rules lack "other"');
  return rules;
}

function unitPatternsOf(tag, numbers, ns, categories) {
  const own = numbers[`currencyFormats-numberSystem-${ns}`] || {};
  const latn = numbers['currencyFormats-numberSystem-latn'] || {};
  const pick = (c) => own[`unitPattern-count-${c}`] ?? latn[`unitPattern-count-${c}`];
  const other = pick('other');
  if (typeof other !== 'string' || !other.includes('{0}') || !other.includes('{1}')) fail(tag, `unitPattern-count-other is ${other}`);
  const out = { other };
  for (const c of categories) {
    const value = pick(c);
    if (value !== undefined && value !== other) out[c] = value;
  }
  return out;
}

// Per currency: symbol (omitted when it is the ISO code), narrow symbol
// (omitted when equal to the symbol), spacing flags of both, and the plural
// display names the locale's categories select (as ICU's ucurr_getPluralName:
// the category's name, else "other", else displayName, else the code).
function currenciesOf(tag, currencies, categories, inUse) {
  const out = {};
  for (const code of Object.keys(currencies).sort()) {
    if (!inUse.has(code)) continue;
    if (!/^[A-Z]{3}$/.test(code)) fail(tag, `currency code ${code}`);
    const data = currencies[code];
    const symbol = data.symbol ?? code;
    const narrow = data['symbol-alt-narrow'] ?? symbol;
    const entry = {};
    if (symbol !== code) entry.s = symbol;
    if (narrow !== symbol) entry.n = narrow;
    // 15 (every end matches, as for plain letters) is the default and omitted.
    const flags = spacingFlags(symbol) | (spacingFlags(narrow) << 2);
    if (flags !== 15) entry.x = flags;
    const other = data['displayName-count-other'] ?? data.displayName ?? code;
    const names = { other };
    for (const c of categories) {
      const name = data[`displayName-count-${c}`];
      if (name !== undefined && name !== other) names[c] = name;
    }
    entry.p = names;
    out[code] = entry;
  }
  return out;
}

// Currencies worth carrying: those some region has used since kInUseSince
// (from currencyData's region history), which covers every ISO 4217 code the
// engine accepts and drops the ~130 long-gone ones (ADP, AFA, ...) that no
// price is in; this roughly halves a pack. A currency without an entry is
// shown by its ISO code.
const kInUseSince = '2000-01-01';

export function currenciesInUse(currencyData) {
  const codes = new Set();
  for (const history of Object.values(currencyData.region)) {
    for (const entry of history) {
      for (const [code, info] of Object.entries(entry)) {
        if (!info._to || info._to >= kInUseSince) codes.add(code);
      }
    }
  }
  return codes;
}

export function buildPack(tag, cldr) {
  const { key, chain } = cldr.resolver.chain(tag);
  const numbers = cldr.numbers(key);
  const ns = numbers.defaultNumberingSystem;
  if (typeof ns !== 'string') fail(tag, 'defaultNumberingSystem is missing');
  const minimumGrouping = Number(numbers.minimumGroupingDigits);
  if (!Number.isInteger(minimumGrouping) || minimumGrouping < 1 || minimumGrouping > 4) {
    fail(tag, `minimumGroupingDigits ${numbers.minimumGroupingDigits}`);
  }
  const plural = pluralRulesOf(tag, cldr);
  const categories = Object.keys(plural).filter((c) => c !== 'other');
  const dates = buildDates(key, chain, cldr.dir);
  return {
    format: kPackFormat,
    cldr: cldr.version,
    locale: tag,
    source: key,  // the CLDR file key the data came from
    resolution: chain.join(' > '),
    numberingSystem: ns,
    digits: digitsOf(tag, cldr, ns),
    symbols: symbolsOf(tag, numbers, ns),
    minimumGroupingDigits: minimumGrouping,
    patterns: {
      currency: patternOf(tag, numbers, ns, 'currencyFormats', 'standard'),
      accounting: patternOf(tag, numbers, ns, 'currencyFormats', 'accounting'),
      decimal: patternOf(tag, numbers, ns, 'decimalFormats', 'standard'),
    },
    currencySpacing: spacingOf(tag, numbers, ns),
    plurals: plural,
    unitPatterns: unitPatternsOf(tag, numbers, ns, categories),
    currencies: currenciesOf(tag, cldr.currencies(key), categories, cldr.currenciesInUse),
    ...(dates ? { dates } : {}),
  };
}
