#!/usr/bin/env node
// The Node column of scripts/bench: the package API (build/wasm/package,
// baseline flavour: the Node entry has no SIMD pick) and the plain-JS
// counterparts, in one process. Prints one JSON array of rows on stdout.
//   node --no-experimental-fetch bench/node-run.mjs DATA_DIR PACKAGE_DIR SIZES REPS MIN_MS [ONLY]
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runOps } from './js/harness.mjs';
import { measureMemory, packageOps, plainOps } from './js/package-ops.mjs';

const [dataDir, packageDir, sizeList, reps, minMs, only = ''] = process.argv.slice(2);
const sizes = sizeList.split(',');
const { createShopCore } = await import(pathToFileURL(path.join(packageDir, 'src', 'node.js')).href);

const cache = new Map();
const cached = (key, load) => { if (!cache.has(key)) cache.set(key, load()); return cache.get(key); };
const data = {
  snapshot: async (size) => cached(`snap-${size}`, () => new Uint8Array(fs.readFileSync(path.join(dataDir, `snap-${size}.bin`)))),
  delta: async (size) => cached(`delta-${size}`, () => new Uint8Array(fs.readFileSync(path.join(dataDir, `delta-${size}.bin`)))),
  // Not cached: 200 MB of text for 100k items is read when a row needs it.
  catalogText: async (size) => fs.readFileSync(path.join(dataDir, `catalog-${size}.json`), 'utf8'),
  localePack: async (tag) => new Uint8Array(fs.readFileSync(path.join(dataDir, 'locale', `${tag}.json`))),
  wasm: async () => cached('wasm', () => new Uint8Array(fs.readFileSync(path.join(packageDir, 'dist', 'shopcore-node.wasm')))),
};
const log = (line) => process.stderr.write(`  ${line}\n`);
const options = { env: 'node', only, reps: Number(reps), minMs: Number(minMs), log };
const flavour = { impl: 'api-wasm', options: {} };
const rows = [
  ...await runOps(packageOps({ createShopCore, flavour, data, sizes }), options),
  ...await runOps(plainOps({ data, sizes }), options),
];
if (!only || 'wasm_memory'.includes(only) || only.startsWith('wasm_memory')) {
  rows.push(...await measureMemory({ createShopCore, flavour, data, sizes, env: 'node' }));
}
process.stdout.write(JSON.stringify(rows));
