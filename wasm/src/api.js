// The public object over a loaded Emscripten module. The C++ side returns
// {ok:true, value} or {ok:false, code, message, path}; here the latter
// becomes a thrown ShopCoreError and the former its value. Nothing else is
// decided here: rules live in core/.
import { Engine } from './engine.js';
import { ShopCoreError } from './errors.js';

function unwrap(result) {
  if (result.ok) return result.value;
  throw new ShopCoreError(result.code, result.message, result.path);
}

// BigInt amounts cross as decimal strings: exact, and no -sWASM_BIGINT.
function amountToWire(amount) {
  return typeof amount === 'bigint' ? amount.toString() : amount;
}

function bytesToWire(bytes, path) {
  if (bytes instanceof Uint8Array) return bytes;
  if (typeof bytes === 'string') return new TextEncoder().encode(bytes);
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new ShopCoreError('INVALID_ARGUMENT', 'must be a Uint8Array, an ArrayBuffer or a string', path);
}

// environment: platform parts for Engine.sync (sync-node.js in Node).
export function wrapModule(module, environment = {}) {
  // Functions bound by modules that are not in every build yet are looked up
  // at call time, so a missing one is a clear error, not "undefined is not a function".
  const call = (name, ...args) => {
    if (typeof module[name] !== 'function') {
      throw new ShopCoreError('INTERNAL', `this build of the shopcore module has no ${name}()`, name);
    }
    return unwrap(module[name](...args));
  };

  return Object.freeze({
    /** {shopcore, currencyData}: engine version and the data it was generated from. */
    version: () => call('version'),
    /** Splits amount by weights so the parts add up exactly (largest remainder). */
    allocate: (amount, weights) => {
      if (!Array.isArray(weights)) throw new ShopCoreError('INVALID_ARGUMENT', 'must be an array', 'weights');
      return call('allocate', amountToWire(amount), weights.map(amountToWire));
    },
    /** amount minor units of `from` at `rate` (decimal string, units of `to` per unit of `from`). */
    convert: (amount, from, to, rate, rounding) => call('convert', amountToWire(amount), from, to, rate, rounding),
    /** "12.34" in EUR -> 1234 minor units, exactly. */
    parseMajor: (text, currency) => call('parseMajor', text, currency),
    /** 1234 EUR -> "12.34". */
    toMajor: (amount, currency) => call('toMajor', amountToWire(amount), currency),
    currencyInfo: (code) => call('currencyInfo', code),
    currencies: () => call('currencies'),
    /** Registers a locale pack (the bytes of build/<target>/locale/<tag>.json); returns its tag. */
    loadLocalePack: (bytes) => call('loadLocalePack', bytesToWire(bytes, 'bytes')),
    /** The CLDR-correct display string of amount minor units in locale. */
    formatMoney: (amount, currency, locale, options = {}) =>
      call('formatMoney', amountToWire(amount), currency, locale, options),
    /** A new Engine (snapshot, locale packs, the shopper's profile). Call dispose() when done. */
    createEngine: () => new Engine(module, environment),
  });
}
