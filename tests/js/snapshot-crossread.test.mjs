// The snapshot is a contract with other readers: a JavaScript reader made by
// `flatc --ts` from schemas/catalog.fbs, on the npm flatbuffers@2.0.7 runtime,
// must find the same ids and prices in the bytes `shopcore snapshot build`
// wrote as the C++ reader does (`shopcore snapshot dump`, native and wasm).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const shopcore = path.join(root, 'scripts/shopcore');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'snapshot-crossread-'));

// flatc's TypeScript imports have no extensions; esbuild bundles them with
// the flatbuffers runtime into one module Node can import.
async function loadReader() {
  execFileSync('flatc', ['--ts', '-o', path.join(work, 'ts'), path.join(root, 'schemas/catalog.fbs')]);
  const entry = path.join(work, 'entry.ts');
  fs.writeFileSync(entry, [
    "export * as flatbuffers from 'flatbuffers';",
    "export { Catalog } from './ts/shopcore/schema/catalog';",
  ].join('\n'));
  const bundle = path.join(work, 'reader.mjs');
  await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', outfile: bundle,
    nodePaths: [path.join(root, 'node_modules')], logLevel: 'silent' });
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/flatbuffers/package.json'), 'utf8')).version;
  assert.equal(version, '2.0.7');
  return import(pathToFileURL(bundle).href);
}

function listFromJs({ flatbuffers, Catalog }, bytes) {
  const bb = new flatbuffers.ByteBuffer(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  assert.ok(Catalog.bufferHasIdentifier(new flatbuffers.ByteBuffer(bytes.subarray(4))), 'SCAT after the size prefix');
  const catalog = Catalog.getSizePrefixedRootAsCatalog(bb);
  const rows = [];
  for (let i = 0; i < catalog.itemsLength(); i++) {
    const item = catalog.items(i);
    for (let s = 0; s < item.skusLength(); s++) {
      const sku = item.skus(s);
      // Schema 2: prices are columns; a market is an index into catalog.markets.
      assert.equal(sku.priceLength(), 0, 'no per-price tables in a snapshot');
      assert.equal(sku.priceAmountsLength(), sku.priceMarketsLength());
      for (let p = 0; p < sku.priceMarketsLength(); p++) {
        const market = catalog.markets(sku.priceMarkets(p)).id();
        rows.push(`${item.id()} ${sku.id()} ${market} ${sku.priceAmounts(p)}`);  // priceAmounts() is a bigint
      }
    }
  }
  // Neighbours: CSR rows of item indexes.
  const offsets = catalog.neighbourOffsetsArray();
  if (offsets) {
    for (let i = 0; i + 1 < offsets.length; i++) {
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        rows.push(`${catalog.items(i).id()} -> ${catalog.items(catalog.neighbourItems(k)).id()} ${catalog.neighbourWeights(k)}`);
      }
    }
  }
  return { id: catalog.snapshotId(), version: catalog.schemaVersion(), rows };
}

// The C++ reader in both targets: the native dump and the wasm dump must be
// the same bytes before either is compared with the JavaScript reader.
function listFromCpp(file) {
  const native = execFileSync(shopcore, ['snapshot', 'dump', file], { maxBuffer: 1 << 30 });
  const wasm = execFileSync(shopcore, ['--wasm', 'snapshot', 'dump', file], { maxBuffer: 1 << 30 });
  assert.ok(native.equals(wasm), 'native and wasm dumps differ');
  const dumped = JSON.parse(native);
  const rows = [];
  for (const item of dumped.items ?? []) {
    for (const sku of item.skus ?? []) {
      for (const [market, price] of Object.entries(sku.price ?? {})) rows.push(`${item.id} ${sku.id} ${market} ${price.amount}`);
    }
  }
  // Weights are float32 in the buffer, written as their exact double value.
  for (const entry of dumped.neighbours ?? []) {
    entry.neighbours.forEach((n, k) => rows.push(`${entry.item} -> ${n} ${entry.weights[k]}`));
  }
  return { id: dumped.snapshot_id, version: dumped.schema_version, rows };
}

const reader = await loadReader();

test('the fixture catalog reads the same in JavaScript and C++', () => {
  const file = path.join(work, 'small.bin');
  execFileSync(shopcore, ['snapshot', 'build', path.join(root, 'tests/unit/snapshot/fixtures/small-catalog.json'), '-o', file]);
  const js = listFromJs(reader, fs.readFileSync(file));
  assert.deepEqual(js, listFromCpp(file));
  assert.deepEqual(js.rows, [
    'item-1 sku-1a DE 1999',
    'item-1 sku-1b DE 2999',
    'item-1 sku-1b US 3200',
    'item-2 sku-2a CN 29900',
    'item-2 sku-2a US 4500',
  ]);
});

test('the generated demo catalog reads the same in JavaScript and C++', () => {
  const json = path.join(work, 'demo.json');
  const file = path.join(work, 'demo.bin');
  execFileSync(path.join(root, 'scripts/gen-catalog'), ['--size', 'demo', '--seed', '7', '-o', json], { stdio: 'ignore' });
  execFileSync(shopcore, ['snapshot', 'build', json, '-o', file]);
  const js = listFromJs(reader, fs.readFileSync(file));
  const cpp = listFromCpp(file);
  assert.equal(js.id, 'demo-seed7-2026-11-21');
  assert.ok(js.rows.filter((r) => !r.includes(' -> ')).length > 20000, `${js.rows.length} prices`);
  assert.ok(js.rows.some((r) => r.includes(' -> ')), 'the demo catalog has neighbours');
  assert.deepEqual(js, cpp);
});

test.after(() => fs.rmSync(work, { recursive: true, force: true }));
