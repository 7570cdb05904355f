#!/usr/bin/env node
// Issue 3, Performance: open + verify + index the 100k-item snapshot, natively
// and in wasm under Node, against JSON.parse of the same catalog's JSON in
// this Node process. Printed as ratios of one run.
//   node bench/snapshot-open.mjs [--size bench|demo] [--runs N]
// Inputs are generated (scripts/gen-catalog, shopcore snapshot build) into
// build/bench-data/ when missing; both builds must exist (scripts/build).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = process.env.SHOPCORE_BUILD || path.join(root, 'build');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const size = option('--size', 'bench');
const runs = Number(option('--runs', '5'));

const dataDir = path.join(build, 'bench-data');
fs.mkdirSync(dataDir, { recursive: true });
const catalog = path.join(dataDir, `${size}.json`);
const snapshot = path.join(dataDir, `${size}.bin`);
if (!fs.existsSync(catalog)) {
  execFileSync(path.join(root, 'scripts/gen-catalog'), ['--size', size, '-o', catalog], { stdio: 'inherit' });
}
if (!fs.existsSync(snapshot) || fs.statSync(snapshot).mtimeMs < fs.statSync(catalog).mtimeMs) {
  execFileSync(path.join(root, 'scripts/shopcore'), ['snapshot', 'build', catalog, '-o', snapshot], { stdio: 'ignore' });
}

const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

// JSON.parse of the same catalog, in this process; the text is read first.
const text = fs.readFileSync(catalog, 'utf8');
const parseTimes = [];
let parsed = null;
const rssBefore = process.memoryUsage().rss;
for (let i = 0; i < Math.max(3, Math.min(runs, 5)); i++) {
  parsed = null;
  const start = process.hrtime.bigint();
  parsed = JSON.parse(text);
  parseTimes.push(Number(process.hrtime.bigint() - start) / 1e6);
}
const rssParsed = process.memoryUsage().rss;
const itemCount = parsed.items.length;
parsed = null;

const native = JSON.parse(execFileSync(path.join(build, 'native/bench/benchp_snapshot_open'), [snapshot, String(runs)]));
const wasm = JSON.parse(execFileSync(process.execPath,
  ['--no-experimental-fetch', path.join(build, 'wasm/bench/benchp_snapshot_open.js'), snapshot, String(runs)]));

const jsonMs = median(parseTimes);
const rows = [
  ['JSON.parse (Node)', jsonMs, `${mb(fs.statSync(catalog).size)} of JSON`, `rss +${mb(rssParsed - rssBefore)}`],
  // Memory an opened snapshot adds to a process that already holds the
  // file's bytes: the buffer it owns plus its indexes (zero-copy: no parse tree).
  ['open native', native.median_ms, `${mb(native.bytes)} snapshot`,
    `rss +${mb(native.resident_with_snapshot - native.resident_before_open)} = ` +
    `${((native.resident_with_snapshot - native.resident_before_open) / native.bytes).toFixed(2)}x buffer`],
  ['open wasm', wasm.median_ms, `${mb(wasm.bytes)} snapshot`,
    `linear memory +${mb(wasm.resident_with_snapshot - wasm.resident_before_open)} = ` +
    `${((wasm.resident_with_snapshot - wasm.resident_before_open) / wasm.bytes).toFixed(2)}x buffer`],
];
console.log(`snapshot open + verify + index, ${itemCount} items / ${native.skus} SKUs, median of ${runs} runs (${new Date().toISOString().slice(0, 10)})`);
for (const [name, ms, what, memory] of rows) {
  console.log(`  ${name.padEnd(18)} ${ms.toFixed(1).padStart(9)} ms   ${(jsonMs / ms).toFixed(1).padStart(6)}x vs JSON.parse   ${what}; ${memory}`);
}
console.log(`  wasm / native: ${(wasm.median_ms / native.median_ms).toFixed(2)}x (goal <= 1.5x); open vs JSON.parse: native ${(jsonMs / native.median_ms).toFixed(1)}x, wasm ${(jsonMs / wasm.median_ms).toFixed(1)}x (goal >= 20x)`);
