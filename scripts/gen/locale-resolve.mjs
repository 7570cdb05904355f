// Locale resolution the way ICU does it, over the CLDR JSON file keys.
//
// The cldr-json "full" files are already resolved along CLDR inheritance
// (en-GB/numbers.json holds everything en-001 and en would give it), so a
// pack only has to pick the right file key for a tag:
//   1. a tag that is a file key is used as is ("en-GB", "ar-SA");
//   2. otherwise, if likelySubtags gives the tag's region a script that is
//      not the language's default script, the script is inserted
//      ("zh-TW" -> "zh-Hant-TW"; "en-US" stays "en-US" because Latn is en's
//      default), as ICU's zh_TW -> zh_Hant_TW alias does;
//   3. then parentLocales, else truncation, until a file key is found
//      ("zh-Hant-TW" -> "zh-Hant", "de-DE" -> "de", "xx" -> "root"/"und").

export function parseTag(tag) {
  const parts = tag.split('-');
  const out = { language: parts[0], script: null, region: null, rest: [] };
  let i = 1;
  if (i < parts.length && /^[A-Za-z]{4}$/.test(parts[i])) out.script = parts[i++];
  if (i < parts.length && /^([A-Za-z]{2}|[0-9]{3})$/.test(parts[i])) out.region = parts[i++];
  out.rest = parts.slice(i);
  return out;
}

export class LocaleResolver {
  constructor({ fileKeys, likelySubtags, parentLocales }) {
    this.keys = new Set(fileKeys);
    this.likely = likelySubtags;
    this.parents = parentLocales;
  }

  // The likely script of a language alone ("zh" -> "Hans"), or null.
  defaultScript(language) {
    const full = this.likely[language];
    return full ? parseTag(full).script : null;
  }

  // Step 2: insert the script likelySubtags implies, when it is not the default.
  withLikelyScript(tag) {
    const parsed = parseTag(tag);
    if (parsed.script || !parsed.region) return tag;
    const likely = this.likely[`${parsed.language}-${parsed.region}`];
    if (!likely) return tag;
    const script = parseTag(likely).script;
    if (!script || script === this.defaultScript(parsed.language)) return tag;
    return [parsed.language, script, parsed.region, ...parsed.rest].join('-');
  }

  parent(tag) {
    if (this.parents[tag]) return this.parents[tag];
    const dash = tag.lastIndexOf('-');
    return dash < 0 ? 'root' : tag.slice(0, dash);
  }

  // The chain of tags ICU would try, ending at the first file key.
  chain(tag) {
    const chain = [tag];
    let current = this.keys.has(tag) ? tag : this.withLikelyScript(tag);
    if (current !== tag) chain.push(current);
    for (let guard = 0; guard < 16; ++guard) {
      if (this.keys.has(current)) return { key: current, chain };
      if (current === 'root') break;
      current = this.parent(current);
      if (current === 'root' && this.keys.has('und')) current = 'und';
      chain.push(current);
    }
    throw new Error(`locale ${tag}: no CLDR file key found along ${chain.join(' -> ')}`);
  }
}
