// The inputs of scripts/bench, generated once into build/bench-data/ (never
// committed) and reused while the generator and the CLI are unchanged:
//   catalog-<size>.json   scripts/gen-catalog (2k is the demo size, 100k the bench size)
//   snap-<size>.bin       shopcore snapshot build (native CLI)
//   delta-<size>.bin      (up to 2k items) shopcore snapshot delta from snap-<size>.bin to a
//                         next snapshot with 1% of SKU prices changed and 1%
//                         of SKU stock states flipped (what a nightly delta carries)
//   tax-rules.json        data/tax-rules.json
//   locale/de-DE.json     the locale pack the formatting rows use
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const SIZES = { '1k': 1000, '2k': 2000, '10k': 10000, '100k': 100000, '1m': 1000000 };

function fresh(output, inputs) {
  if (!fs.existsSync(output)) return false;
  const built = fs.statSync(output).mtimeMs;
  return inputs.every((input) => fs.statSync(input).mtimeMs <= built);
}

// A catalog one day later: prices of every 100th SKU up 3%, stock of every
// 100th SKU (offset by 50) flipped between InStock and OutOfStock.
function nextCatalog(catalog) {
  let n = 0;
  for (const item of catalog.items) {
    for (const sku of item.skus) {
      if (n % 100 === 0) {
        for (const price of Object.values(sku.price)) price.amount = Math.round(price.amount * 1.03);
      } else if (n % 100 === 50) {
        sku.stock = sku.stock === 'OutOfStock' ? 'InStock' : 'OutOfStock';
      }
      n += 1;
    }
  }
  catalog.snapshot_id = `${catalog.snapshot_id}-next`;
  catalog.created_at += 86400000;
  return catalog;
}

export function prepareData({ root, build, sizes, log = () => {} }) {
  const dir = path.join(build, 'bench-data');
  fs.mkdirSync(path.join(dir, 'locale'), { recursive: true });
  const cli = path.join(build, 'native', 'cli', 'shopcore');
  const generator = path.join(root, 'scripts', 'gen-catalog');
  const shopcore = (...args) => execFileSync(cli, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const size of sizes) {
    const catalog = path.join(dir, `catalog-${size}.json`);
    const snapshot = path.join(dir, `snap-${size}.bin`);
    const delta = path.join(dir, `delta-${size}.bin`);
    if (!fresh(catalog, [generator])) {
      log(`generating the ${size} catalog`);
      execFileSync(generator, ['--size', size === '2k' ? 'demo' : String(SIZES[size]), '-o', catalog],
        { stdio: ['ignore', 'ignore', 'inherit'] });
    }
    if (!fresh(snapshot, [catalog, cli])) {
      log(`building snap-${size}.bin`);
      shopcore('snapshot', 'build', catalog, '-o', snapshot);
    }
    if (SIZES[size] <= 2000 && !fresh(delta, [snapshot])) {  // the delta rows stop at 2k (workloads.h)
      log(`building delta-${size}.bin`);
      const nextJson = path.join(dir, `catalog-${size}-next.json`);
      const nextSnapshot = path.join(dir, `snap-${size}-next.bin`);
      fs.writeFileSync(nextJson, JSON.stringify(nextCatalog(JSON.parse(fs.readFileSync(catalog, 'utf8')))));
      shopcore('snapshot', 'build', nextJson, '-o', nextSnapshot);
      shopcore('snapshot', 'delta', snapshot, nextSnapshot, '-o', delta);
      fs.rmSync(nextJson);
      fs.rmSync(nextSnapshot);
    }
  }
  fs.copyFileSync(path.join(root, 'data', 'tax-rules.json'), path.join(dir, 'tax-rules.json'));
  fs.copyFileSync(path.join(build, 'native', 'locale', 'de-DE.json'), path.join(dir, 'locale', 'de-DE.json'));
  return dir;
}
