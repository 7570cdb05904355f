#!/usr/bin/env node
// `shopcore` through the wasm build: node wasm/cli.cjs ARGS prints exactly
// what the native binary prints for ARGS, with the same exit code.
'use strict';
const fs = require('fs');
const path = require('path');

const distDir = process.env.SHOPCORE_WASM_DIST || path.join(__dirname, '..', 'build', 'wasm', 'wasm', 'dist');
const localeDir = process.env.SHOPCORE_LOCALE_DIR || path.join(__dirname, '..', 'build', 'wasm', 'locale');

async function main() {
  const createModule = require(path.join(distDir, 'shopcore-cli.cjs'));
  // Emscripten 3.1.6 tries fetch() on a file path under Node 20: hand it the bytes.
  const module = await createModule({ wasmBinary: fs.readFileSync(path.join(distDir, 'shopcore-cli.wasm')) });
  const hooks = {
    readFile(file) {
      try {
        return fs.readFileSync(file);
      } catch {
        return null;
      }
    },
    writeFile(file, bytes) {
      const temp = `${file}.tmp`;
      try {
        fs.writeFileSync(temp, bytes);
        fs.renameSync(temp, file);
        return true;
      } catch {
        try { fs.unlinkSync(temp); } catch {}
        return false;
      }
    },
  };
  const result = module.runCli(process.argv.slice(2), hooks, localeDir);
  fs.writeSync(1, result.out);
  fs.writeSync(2, result.err);
  process.exitCode = result.exitCode;
}

main().catch((error) => {
  process.stderr.write(`error: INTERNAL: ${error && error.message ? error.message : error}\n`);
  process.exitCode = 70;
});
