#!/usr/bin/env node
// The package's own JS as browsers download it: each wasm/src module
// minified on its own by esbuild (no bundling, so every file, export and
// import stays where package.json's exports map says it is), names kept
// (error.name, class names). The readable sources stay in wasm/src; the
// baseline budget of issue 9 (300 KB gzip) counts these bytes.
//   node scripts/gen/minify-package.mjs OUT_DIR FILE.js...
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';

const [outDir, ...files] = process.argv.slice(2);
if (!outDir || files.length === 0) {
  process.stderr.write('usage: minify-package.mjs OUT_DIR FILE.js...\n');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
for (const file of files) {
  const { code } = transformSync(fs.readFileSync(file, 'utf8'), {
    format: 'esm', minify: true, keepNames: true, target: 'es2022', legalComments: 'none', sourcefile: file,
  });
  fs.writeFileSync(path.join(outDir, path.basename(file)), code);
}
