// The createShopCore() options every environment shares, mapped onto the
// Emscripten module arguments they stand for.
import { ShopCoreError } from './errors.js';

export function moduleArguments(options) {
  const given = ['wasmUrl', 'wasmBinary', 'instantiateWasm'].filter((name) => options[name] != null);
  if (given.length > 1) {
    throw new ShopCoreError('INVALID_ARGUMENT', `pass one of wasmUrl, wasmBinary, instantiateWasm (got ${given.join(', ')})`, given[1]);
  }
  const args = {};
  if (options.wasmBinary != null) {
    const bytes = options.wasmBinary;
    if (!(bytes instanceof Uint8Array || bytes instanceof ArrayBuffer)) {
      throw new ShopCoreError('INVALID_ARGUMENT', 'must be a Uint8Array or an ArrayBuffer', 'wasmBinary');
    }
    args.wasmBinary = bytes;
  }
  if (options.wasmUrl != null) {
    const url = String(options.wasmUrl);
    args.locateFile = (file, prefix) => (file.endsWith('.wasm') ? url : prefix + file);
  }
  if (options.instantiateWasm != null) {
    if (typeof options.instantiateWasm !== 'function') {
      throw new ShopCoreError('INVALID_ARGUMENT', 'must be a function (imports, receiveInstance) => exports', 'instantiateWasm');
    }
    // Emscripten's own hook contract: call receiveInstance(instance, module)
    // when instantiated, return {} (exports arrive asynchronously).
    args.instantiateWasm = options.instantiateWasm;
  }
  // Without a hook, Emscripten prints to the console; keep that quiet.
  args.print = options.print ?? (() => {});
  args.printErr = options.printErr ?? (() => {});
  return args;
}

export function loadFailure(error, options) {
  if (error instanceof ShopCoreError) return error;
  const where = options.wasmUrl != null ? String(options.wasmUrl)
    : ['wasmBinary', 'instantiateWasm'].find((name) => options[name] != null) ?? 'wasm';
  const failure = new ShopCoreError('IO_ERROR', `cannot load the shopcore module: ${error && error.message ? error.message : error}`, where);
  failure.cause = error;
  return failure;
}
