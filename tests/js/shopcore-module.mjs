// Loads the Node flavour of the wasm package and the locale packs the build
// generated, for the node:test suites in this folder.
//   SHOPCORE_BUILD: the build root (default <repo>/build); the module is
//   $SHOPCORE_BUILD/wasm/wasm/dist/shopcore-node.cjs and the packs are in
//   $SHOPCORE_BUILD/wasm/locale.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const buildRoot = process.env.SHOPCORE_BUILD || path.join(repoRoot, 'build');
export const localeDir = path.join(buildRoot, 'wasm', 'locale');

// moduleArguments: more Emscripten module arguments (print, printErr).
export async function loadShopCore(moduleArguments = {}) {
  const dist = path.join(buildRoot, 'wasm', 'wasm', 'dist');
  const require = createRequire(import.meta.url);
  const createShopCoreModule = require(path.join(dist, 'shopcore-node.cjs'));
  return createShopCoreModule({ ...moduleArguments, wasmBinary: fs.readFileSync(path.join(dist, 'shopcore-node.wasm')) });
}

export function readPack(dir, tag) {
  return new Uint8Array(fs.readFileSync(path.join(dir, `${tag}.json`)));
}
