// What the memory tests (wasm-heap, soak) share: the raw Node module with
// the package's own JS over it, the fixture snapshots and a delta between
// them, and a probe of how much of the wasm heap is in use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadShopCore, repoRoot } from './shopcore-module.mjs';
import { runShopcore } from './shopcore-cli.mjs';

// The package's wrapper (wasm/src) over the Node flavour of the module, so
// the test also sees the module itself (HEAPU8, _malloc, _free).
export async function loadEngineCore(moduleArguments = {}) {
  const module = await loadShopCore(moduleArguments);
  const { wrapModule } = await import(new URL('../../wasm/src/api.js', import.meta.url));
  return { module, core: wrapModule(module) };
}

function shopcore(args) {
  // The wasm command: it is what scripts/test builds for these suites anyway.
  const result = runShopcore(args, { wasm: true });
  if (result.status !== 0) throw new Error(`shopcore ${args.join(' ')}: ${result.stderr}`);
  return result;
}

// Snapshot A (the fixture catalog), snapshot B (another id, a price changed,
// an item and its bargain gone) and the delta A -> B, made by the shopcore command.
export function fixtureSnapshots() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-heap-'));
  try {
    const text = fs.readFileSync(path.join(repoRoot, 'tests/unit/snapshot/fixtures/small-catalog.json'), 'utf8');
    const catalog = JSON.parse(text);
    const next = structuredClone(catalog);
    next.snapshot_id = 'small-2026-11-22';
    next.items = next.items.filter((item) => item.id !== 'item-2');
    delete next.bargains;  // its campaign was on item-2
    next.items[0].skus[0].price.DE.amount = 2799;
    const files = { a: path.join(work, 'a.bin'), b: path.join(work, 'b.bin'), d: path.join(work, 'd.bin') };
    fs.writeFileSync(path.join(work, 'a.json'), text);
    fs.writeFileSync(path.join(work, 'b.json'), JSON.stringify(next));
    shopcore(['snapshot', 'build', path.join(work, 'a.json'), '-o', files.a]);
    shopcore(['snapshot', 'build', path.join(work, 'b.json'), '-o', files.b]);
    shopcore(['snapshot', 'delta', files.a, files.b, '-o', files.d]);
    const read = (file) => new Uint8Array(fs.readFileSync(file));
    return { a: read(files.a), b: read(files.b), delta: read(files.d), ids: [catalog.snapshot_id, next.snapshot_id] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

// Bytes of wasm memory in use: the memory's size minus what malloc can still
// hand out before the memory has to grow. Measured by allocating 64 KiB
// blocks until the memory grows, then freeing them all, so it is exact to
// one block (and the probe leaves the heap larger and otherwise as it was).
// It counts what a leak costs and what fragmentation costs alike.
const BLOCK = 64 * 1024;
export function heapInUse(module) {
  const size = module.HEAPU8.buffer.byteLength;
  const blocks = [];
  while (module.HEAPU8.buffer.byteLength === size) {
    const block = module._malloc(BLOCK);
    if (block === 0) throw new Error('malloc failed before the memory grew');
    blocks.push(block);
  }
  // The last block did not fit: it made the memory grow.
  const free = (blocks.length - 1) * BLOCK;
  for (const block of blocks) module._free(block);
  return size - free;
}
export const HEAP_PROBE_RESOLUTION = BLOCK;
