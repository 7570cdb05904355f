#!/usr/bin/env node
// Generates one locale pack per locale from the CLDR JSON on npm, for the
// engine to load at run time (core/include/shopcore/money/locale_pack.h).
//
//   node scripts/gen/locale-packs.mjs --cldr node_modules --out build/native/locale
//
// Writes <tag>.json for every locale of cldr-numbers-full/main plus the BCP47
// tags people use that are not file keys (zh-TW, en-US, de-DE...), each fully
// resolved so the C++ side needs no inheritance, and index.json (the tags and
// the CLDR version). Anything in the data this generator does not understand
// (a currencySpacing rule, an algorithmic default numbering system, a pattern
// character) stops it with an error instead of producing a wrong pack.
import fs from 'node:fs';
import path from 'node:path';

import { LocaleResolver, parseTag } from './locale-resolve.mjs';
import { buildPack, currenciesInUse } from './locale-pack-build.mjs';

// Tags the storefronts use that are not CLDR file keys; each resolves through
// LocaleResolver (zh-TW -> zh-Hant-TW -> zh-Hant). Likely "language-REGION"
// tags of every language are added on top of these (see extraTags).
const kMarketTags = [
  'zh-CN', 'zh-TW', 'zh-HK', 'en-US', 'en-GB', 'en-AU', 'en-SG', 'en-IN', 'de-DE', 'de-CH',
  'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'pl-PL', 'ja-JP', 'ko-KR', 'id-ID', 'th-TH', 'vi-VN',
  'ms-MY', 'ar-SA', 'pt-BR', 'ru-RU', 'tr-TR',
];

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || i + 1 >= argv.length) throw new Error(`usage: locale-packs.mjs --cldr DIR --out DIR [--only TAG,...]`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.cldr || !args.out) throw new Error('usage: locale-packs.mjs --cldr DIR --out DIR [--only TAG,...]');
  return args;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// For each language-only file key, the "language-REGION" tag of its likely
// region ("fr" -> "fr-FR"), and for each "language-Script-REGION" key whose
// script is the one likelySubtags implies, the short form ("zh-Hant-HK" ->
// "zh-HK"). Together with kMarketTags this covers the tags browsers send.
function extraTags(resolver, fileKeys) {
  const tags = new Set(kMarketTags);
  for (const key of fileKeys) {
    const parsed = parseTag(key);
    if (!parsed.script && !parsed.region && parsed.rest.length === 0) {
      const likely = resolver.likely[key];
      if (likely) {
        const region = parseTag(likely).region;
        if (region) tags.add(`${key}-${region}`);
      }
    }
    if (parsed.script && parsed.region && parsed.rest.length === 0) {
      const short = `${parsed.language}-${parsed.region}`;
      if (resolver.withLikelyScript(short) === key) tags.add(short);
    }
  }
  return [...tags].filter((tag) => !fileKeys.includes(tag));
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const cldrCore = path.join(args.cldr, 'cldr-core');
  const numbersDir = path.join(args.cldr, 'cldr-numbers-full', 'main');
  const version = readJson(path.join(args.cldr, 'cldr-numbers-full', 'package.json')).version;
  const coreVersion = readJson(path.join(cldrCore, 'package.json')).version;
  if (version !== coreVersion) throw new Error(`cldr-core ${coreVersion} and cldr-numbers-full ${version} differ`);

  const supplemental = (name) => readJson(path.join(cldrCore, 'supplemental', `${name}.json`)).supplemental;
  const resolver = new LocaleResolver({
    fileKeys: fs.readdirSync(numbersDir),
    likelySubtags: supplemental('likelySubtags').likelySubtags,
    parentLocales: supplemental('parentLocales').parentLocales.parentLocale,
  });
  const cldr = {
    version,
    dir: args.cldr,  // cldr-dates-full is read from here (locale-dates.mjs)
    numberingSystems: supplemental('numberingSystems').numberingSystems,
    plurals: supplemental('plurals')['plurals-type-cardinal'],
    currenciesInUse: currenciesInUse(supplemental('currencyData').currencyData),
    resolver,
    numbers: (key) => readJson(path.join(numbersDir, key, 'numbers.json')).main[key].numbers,
    currencies: (key) => readJson(path.join(numbersDir, key, 'currencies.json')).main[key].numbers.currencies,
  };

  const fileKeys = [...resolver.keys].sort();
  let tags = [...fileKeys, ...extraTags(resolver, fileKeys)].sort();
  if (args.only) tags = args.only.split(',');

  fs.mkdirSync(args.out, { recursive: true });
  let rawBytes = 0;
  for (const tag of tags) {
    const pack = buildPack(tag, cldr);
    const text = JSON.stringify(pack);
    rawBytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(args.out, `${tag}.json`), text);
  }
  // index.json last: CMake uses it as the stamp that all packs are written.
  fs.writeFileSync(path.join(args.out, 'index.json'), JSON.stringify({ cldr: version, locales: tags }));
  console.log(`locale-packs: ${tags.length} packs, ${rawBytes} bytes, CLDR ${version} -> ${args.out}`);
}

try {
  main();
} catch (error) {
  console.error(`locale-packs: ${error.message}`);
  process.exit(1);
}
