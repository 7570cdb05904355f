// Runs bench/js/package-ops.mjs in the page, over the package as a page
// loads it (/package/src/index.js: the ES module flavours, SIMD and
// baseline), with inputs fetched from /data/. Sets window.result to the
// rows (or {error}).
import { createShopCore } from '/package/src/index.js';
import { runOps } from '/bench/js/harness.mjs';
import { measureMemory, packageOps, plainOps } from '/bench/js/package-ops.mjs';

const params = new URLSearchParams(location.search);
const sizes = params.get('sizes').split(',');
const only = params.get('only') || '';
const logElement = document.getElementById('log');
const log = (line) => { logElement.textContent += `\n${line}`; console.log(line); };

const cache = new Map();
const fetchBytes = async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const cached = (key, load) => { if (!cache.has(key)) cache.set(key, load()); return cache.get(key); };
const data = {
  snapshot: (size) => cached(`snap-${size}`, () => fetchBytes(`/data/snap-${size}.bin`)),
  delta: (size) => cached(`delta-${size}`, () => fetchBytes(`/data/delta-${size}.bin`)),
  catalogText: async (size) => (await fetch(`/data/catalog-${size}.json`)).text(),
  localePack: (tag) => cached(`locale-${tag}`, () => fetchBytes(`/data/locale/${tag}.json`)),
  wasm: (impl) => cached(impl, () => fetchBytes(impl === 'api-wasm-simd' ? '/package/dist/shopcore-simd.wasm' : '/package/dist/shopcore.wasm')),
};

try {
  const options = { env: 'chromium', only, reps: Number(params.get('reps')), minMs: Number(params.get('minMs')), log };
  const flavours = [{ impl: 'api-wasm', options: { simd: false } }, { impl: 'api-wasm-simd', options: { simd: true } }];
  const rows = [];
  for (const flavour of flavours) rows.push(...await runOps(packageOps({ createShopCore, flavour, data, sizes }), options));
  rows.push(...await runOps(plainOps({ data, sizes }), options));
  if (!only || only.startsWith('wasm_memory')) {
    for (const flavour of flavours) rows.push(...await measureMemory({ createShopCore, flavour, data, sizes, env: 'chromium' }));
  }
  window.result = { rows, userAgent: navigator.userAgent, crossOriginIsolated: self.crossOriginIsolated };
} catch (error) {
  window.result = { error: String(error && error.stack ? error.stack : error) };
}
