// createShopCore() for Node. Uses the CommonJS build (the ES module glue of
// Emscripten 3.1.6 cannot load itself under Node) and hands it the .wasm
// bytes, because its own loader would try fetch() on a file path in Node 20.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { wrapModule } from './api.js';
import { loadFailure, moduleArguments } from './options.js';
import { nodeSyncEnvironment } from './sync-node.js';

export { ShopCoreError } from './errors.js';

const require = createRequire(import.meta.url);

export function supportsSimd() {
  return false;  // Node gets the baseline build; its CPU time is not a phone's.
}

export async function createShopCore(options = {}) {
  try {
    const args = moduleArguments(options);
    if (!args.wasmBinary && !args.instantiateWasm) {
      // wasmUrl here is a path or a file: URL.
      const source = options.wasmUrl != null ? options.wasmUrl : new URL('../dist/shopcore-node.wasm', import.meta.url);
      const location = typeof source === 'string' && source.startsWith('file:') ? new URL(source) : source;
      args.wasmBinary = await readFile(location);
      delete args.locateFile;
    }
    const factory = require('../dist/shopcore-node.cjs');
    return wrapModule(await factory(args), nodeSyncEnvironment);
  } catch (error) {
    throw loadFailure(error, options);
  }
}

// createShopCore() in a worker_threads Worker: the same methods, each async.
export async function createShopCoreWorker(options = {}) {
  const { Worker } = await import('node:worker_threads');
  const { connectWorker } = await import('./worker-client.js');
  const worker = new Worker(new URL('./node-worker.js', import.meta.url));
  return connectWorker({
    post: (message) => worker.postMessage(message),
    listen: (fn) => worker.on('message', fn),
    terminate: () => worker.terminate(),
  }, options);
}
