// The size budget of the package (issue 9): the baseline build a browser
// downloads (dist/shopcore.mjs + dist/shopcore.wasm + the loader in src/)
// must stay within 300 KB gzip and 2 MB raw (the WeChat mini-program package
// limit). Prints raw, gzip and brotli of every artefact for the report.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { ROOT } from './shopcore-cli.mjs';

const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');
export const BUDGET = { gzip: 300 * 1024, raw: 2 * 1024 * 1024 };

function sizes(file) {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('artefact sizes (raw / gzip / brotli) and the baseline budget', () => {
  const files = [
    ...fs.readdirSync(path.join(PACKAGE, 'dist')).map((name) => path.join('dist', name)),
    ...fs.readdirSync(path.join(PACKAGE, 'src')).map((name) => path.join('src', name)),
  ].sort();
  const table = files.map((file) => ({ file, ...sizes(path.join(PACKAGE, file)) }));
  for (const row of table) {
    console.log(`${row.file.padEnd(28)} raw ${kb(row.raw).padStart(10)}  gzip ${kb(row.gzip).padStart(9)}  brotli ${kb(row.brotli).padStart(9)}`);
  }
  // What a browser on the baseline path loads: the glue, the wasm and the
  // loader's own modules (the worker files and the Node entry are not loaded).
  const baseline = table.filter((row) => row.file === path.join('dist', 'shopcore.mjs') || row.file === path.join('dist', 'shopcore.wasm') ||
    (row.file.startsWith('src') && !/node|worker/.test(row.file)));
  const total = baseline.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  console.log(`baseline (wasm + JS)          raw ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(9)}  brotli ${kb(total.brotli).padStart(9)}`);
  assert.equal(baseline.filter((row) => row.file.startsWith('dist')).length, 2, 'the baseline build is missing');
  assert.ok(total.gzip <= BUDGET.gzip, `baseline is ${kb(total.gzip)} gzip, over the ${kb(BUDGET.gzip)} budget`);
  assert.ok(total.raw <= BUDGET.raw, `baseline is ${kb(total.raw)} raw, over the ${kb(BUDGET.raw)} budget`);
});
