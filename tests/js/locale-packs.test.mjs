// The locale pack generator over every CLDR locale: it must finish without
// error (it stops on any CLDR construct it does not implement), every pack
// must parse in the engine, and every pack must format every display.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';

import { loadShopCore, readPack, repoRoot } from './shopcore-module.mjs';

const numbersMain = path.join(repoRoot, 'node_modules/cldr-numbers-full/main');

function generate(out, extra = []) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'scripts/gen/locale-packs.mjs'),
    '--cldr', path.join(repoRoot, 'node_modules'), '--out', out, ...extra], { encoding: 'utf8' });
}

test('the generator covers every CLDR locale and each pack parses and formats in the engine', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-packs-'));
  try {
    const run = generate(out);
    assert.equal(run.status, 0, run.stderr);
    const index = JSON.parse(fs.readFileSync(path.join(out, 'index.json'), 'utf8'));
    assert.equal(index.cldr, '48.2.0');
    const cldrLocales = fs.readdirSync(numbersMain);
    for (const key of cldrLocales) assert.ok(index.locales.includes(key), `no pack for CLDR locale ${key}`);
    for (const tag of ['zh-CN', 'zh-TW', 'zh-HK', 'en-US', 'de-DE', 'ja-JP', 'pt-BR', 'ms-MY']) {
      assert.ok(index.locales.includes(tag), `no pack for ${tag}`);
    }

    const shopcore = await loadShopCore();
    for (const tag of index.locales) {
      const loaded = shopcore.loadLocalePack(readPack(out, tag));
      assert.deepEqual(loaded, { ok: true, value: tag }, tag);
      for (const display of ['symbol', 'narrow', 'code', 'name']) {
        for (const accounting of [false, true]) {
          const formatted = shopcore.formatMoney('-123456789', 'EUR', tag, { display, accounting });
          assert.equal(formatted.ok, true, `${tag} ${display}: ${JSON.stringify(formatted)}`);
          assert.ok(formatted.value.length > 0);
        }
      }
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the generator resolves tags that are not CLDR file keys the way ICU does', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-packs-'));
  try {
    const run = generate(out, ['--only', 'zh-TW,zh-HK,zh-CN,en-GB,en-US,de-DE,pt-AO,xx-YY']);
    assert.equal(run.status, 0, run.stderr);
    const pack = (tag) => JSON.parse(fs.readFileSync(path.join(out, `${tag}.json`), 'utf8'));
    assert.equal(pack('zh-TW').resolution, 'zh-TW > zh-Hant-TW > zh-Hant');
    assert.equal(pack('zh-HK').source, 'zh-Hant-HK');
    assert.equal(pack('zh-CN').source, 'zh');
    assert.equal(pack('en-GB').source, 'en-GB');
    assert.equal(pack('en-US').resolution, 'en-US > en');
    assert.equal(pack('de-DE').source, 'de');
    assert.equal(pack('xx-YY').resolution, 'xx-YY > xx > und');
    // Plural rules go by truncation of the tag, not by parentLocales (ICU):
    // pt-AO takes its data from pt-PT but its plural rules from pt.
    assert.equal(pack('pt-AO').source, 'pt-AO');
    assert.equal(pack('pt-AO').plurals.one, 'i = 0..1');
    assert.equal(pack('zh-TW').cldr, '48.2.0');
    // Every currency the engine accepts (the ISO 4217 table) has its names in a pack.
    const iso = fs.readFileSync(path.join(repoRoot, 'data/iso4217.csv'), 'utf8').split('\n')
      .filter((line) => line && !line.startsWith('#') && !line.startsWith('code,')).map((line) => line.split(',')[0]);
    assert.ok(iso.length > 150);
    for (const code of iso) assert.ok(pack('en-US').currencies[code], `en-US pack lacks ${code}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});

test('the generator refuses arguments it does not understand', () => {
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/gen/locale-packs.mjs'), '--cldr'], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /usage: locale-packs.mjs/);
});
