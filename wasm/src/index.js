// createShopCore() for browsers (main thread and workers), webviews and
// bundlers. Picks the SIMD build where the runtime validates SIMD code and
// the baseline build otherwise; either can be overridden with `simd`.
import { wrapModule } from './api.js';
import { loadFailure, moduleArguments } from './options.js';

export { ShopCoreError } from './errors.js';

// The smallest module using a v128 instruction (from wasm-feature-detect).
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function supportsSimd() {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

export async function createShopCore(options = {}) {
  // Bytes or a URL from the caller are for one flavour; only pick SIMD
  // ourselves when we also choose the file.
  const callerChoosesWasm = Boolean(options.wasmBinary || options.wasmUrl || options.instantiateWasm);
  const simd = options.simd ?? (!callerChoosesWasm && supportsSimd());
  try {
    const glue = simd ? await import('../dist/shopcore-simd.mjs') : await import('../dist/shopcore.mjs');
    return wrapModule(await glue.default(moduleArguments(options)));
  } catch (error) {
    throw loadFailure(error, options);
  }
}

// createShopCore() in a Web Worker: the same methods, each async. workerUrl
// overrides where the worker script is (bundlers that do not follow
// `new URL(..., import.meta.url)`).
export async function createShopCoreWorker(options = {}) {
  const worker = new Worker(options.workerUrl ?? new URL('./worker.js', import.meta.url), { type: 'module' });
  const { connectWorker } = await import('./worker-client.js');
  return connectWorker({
    post: (message) => worker.postMessage(message),
    listen: (fn) => worker.addEventListener('message', (event) => fn(event.data)),
    terminate: () => worker.terminate(),
  }, options);
}
