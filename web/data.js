// Where the shop's data comes from. Today: the demo snapshot and its locale
// packs, served at /data/ by web/server.mjs (built by scripts/demo-data).
// Later the shop loads snapshots through engine.sync; this is the one
// function to change when that lands.
import { timed } from './perf.js';

export async function loadShopData(engine) {
  const response = await fetch('/data/snapshot.bin');
  if (!response.ok) throw new Error(`/data/snapshot.bin: HTTP ${response.status} (run scripts/demo-data)`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const info = timed(engine, 'openSnapshot', bytes);
  return { bytes, info };
}

// A locale pack by tag, falling back by subtags as the engine's registry
// does ("de-DE" is served by "de"). Resolves to null when there is none.
export async function fetchLocalePack(tag) {
  const parts = tag.split('-');
  for (let n = parts.length; n > 0; n -= 1) {
    const response = await fetch(`/data/locale/${parts.slice(0, n).join('-')}.json`);
    if (response.ok) return new Uint8Array(await response.arrayBuffer());
  }
  return null;
}
