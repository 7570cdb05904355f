// The JS face of the C++ Engine: one object per shopper session, owning wasm
// memory until dispose(). Requests go to C++ as JSON text and answers come
// back as JSON text parsed here: one string each way, no per-field objects
// built in C++.
import { Cart } from './cart.js';
import { ShopCoreError } from './errors.js';

// Objects nobody disposed: in development builds a FinalizationRegistry
// warns when one is collected while still owning wasm memory, and frees it.
const development = typeof process !== 'undefined' && process.env && process.env.NODE_ENV !== 'production';
const leaks = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ native, warn }) => {
    if (warn) {
      console.warn('shopcore: an Engine was garbage-collected without dispose(); its wasm memory was freed late. Call engine.dispose() (or use `using`).');
    }
    try { native.delete(); } catch { /* already gone with its module */ }
  })
  : null;

function unwrap(result) {
  if (result.ok) return result.value;
  throw new ShopCoreError(result.code, result.message, result.path);
}

// Money never crosses as a lossy number: BigInt becomes a decimal string, a
// number that is not a safe integer is refused before it reaches C++ (JSON
// text would silently carry its rounded value).
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function requestToJson(request, path = 'request') {
  if (request === null || typeof request !== 'object') {
    throw new ShopCoreError('INVALID_ARGUMENT', 'must be an object', path);
  }
  return JSON.stringify(request, function replacer(key, value) {
    // `now` is an instant like `*_ms` (the price request's name for it).
    // A safe bigint becomes a JSON integer (fields that take only integers
    // accept it); a larger one a digit string (fields that take strings).
    if (typeof value === 'bigint') {
      return value >= -MAX_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
    }
    if (typeof value === 'number' && !Number.isSafeInteger(value) && /(_minor|_ms)$|^now$/.test(key)) {
      throw new ShopCoreError('INEXACT_NUMBER',
        'amounts and times are integers within +/-(2^53 - 1); pass larger amounts as strings or BigInt', `${path}.${key}`);
    }
    return value;
  });
}

function bytesOf(bytes, path) {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new ShopCoreError('INVALID_ARGUMENT', 'must be a Uint8Array or an ArrayBuffer', path);
}

// Symbol.dispose where the runtime has it (Node >= 20, recent browsers), the
// registered symbol TypeScript's `using` falls back to elsewhere.
const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

export class Engine {
  #native;

  constructor(module) {
    if (typeof module.Engine !== 'function') {
      throw new ShopCoreError('INTERNAL', 'this build of the shopcore module has no Engine', 'Engine');
    }
    this.#native = new module.Engine();
    if (leaks) leaks.register(this, { native: this.#native, warn: development }, this);
  }

  #engine() {
    if (this.#native === null) {
      throw new ShopCoreError('DISPOSED', 'this Engine was disposed; create a new one with createEngine()', 'engine');
    }
    return this.#native;
  }

  #json(name, ...args) {
    return JSON.parse(unwrap(this.#engine()[name](...args)));
  }

  /** Frees the engine's wasm memory. Idempotent; any later call throws DISPOSED. */
  dispose() {
    if (this.#native === null) return;
    if (leaks) leaks.unregister(this);
    this.#native.delete();
    this.#native = null;
  }

  [disposeSymbol]() { this.dispose(); }

  get disposed() { return this.#native === null; }

  openSnapshot(bytes) { return this.#json('openSnapshot', bytesOf(bytes, 'bytes')); }
  applySnapshotDelta(delta) { return this.#json('applySnapshotDelta', bytesOf(delta, 'delta')); }
  snapshotInfo() { return this.#json('snapshotInfo'); }
  loadLocalePack(bytes) { return unwrap(this.#engine().loadLocalePack(bytesOf(bytes, 'bytes'))); }

  group(op, request) { return this.#json('group', op, requestToJson(request)); }
  bargain(op, request) { return this.#json('bargain', op, requestToJson(request)); }
  referral(op, request, options = {}) { return this.#json('referral', op, requestToJson(request), localeOf(options)); }
  pickup(request, options = {}) { return this.#json('pickup', requestToJson(request), localeOf(options)); }
  shareEncode(request) { return this.#json('shareEncode', requestToJson(request)); }
  shareDecode(token) { return this.#json('shareDecode', token); }

  track(event) { return this.#json('track', requestToJson(event, 'event')); }
  /** The persisted profile as a string, for localStorage. */
  saveProfile() { return unwrap(this.#engine().profileJson()); }
  restoreProfile(text) { unwrap(this.#engine().restoreProfile(text)); }
  exportProfile() { return this.#json('profileExport'); }
  eraseProfile() { unwrap(this.#engine().eraseProfile()); }
  setConsent(consent) { unwrap(this.#engine().setConsent(consent)); }
  uploadBatch(maxEvents = 500) { return this.#json('uploadBatch', maxEvents); }
  acknowledgeUpload(seq) { unwrap(this.#engine().acknowledgeUpload(seq)); }

  // Issue 13: delivery plans from the open snapshot.
  planDelivery(request) { return this.#json('planDelivery', requestToJson(request)); }
  // --- commerce: price, recommend, rank ----------------------------------
  /** The cart priced from the current snapshot (`shopcore price` as an object). */
  price(request, options = {}) { return this.#json('price', requestToJson(request), localeOf(options)); }
  /** One page for this engine's profile (`shopcore recommend` as an object). */
  recommend(request) { return this.#json('recommend', requestToJson(request)); }
  /** The same page as compact arrays: ids, scores (Float64Array), reason codes (Uint8Array). */
  rank(request) {
    const page = unwrap(this.#engine().rank(requestToJson(request)));
    if (this.#reasonNames === null) this.#reasonNames = Object.freeze(unwrap(this.#engine().reasonNames()));
    return {
      items: JSON.parse(page.ids),
      scores: page.scores,
      reasons: page.reasons,
      reasonNames: this.#reasonNames,
      candidates: page.candidates,
      hasMore: page.hasMore,
    };
  }
  #reasonNames = null;

  // --- carts ----------------------------------------------------------------
  /** A new empty cart; options: {market?, purchased?} (market: the snapshot's first by default). */
  createCart(options) {
    const text = options === undefined ? undefined : requestToJson(options, 'options');
    return new Cart(this.#cartCall, this.#json('createCart', text));
  }
  /** A cart from save()'s text, repaired against the current snapshot; `changes` lists the repairs. */
  restoreCart(state, options) {
    const text = options === undefined ? undefined : requestToJson(options, 'options');
    return new Cart(this.#cartCall, this.#json('restoreCart', state, text));
  }
  #cartCall = (name, id, ...args) => {
    const native = this.#engine();
    if (name === 'cartSave') return unwrap(native.cartSave(id));
    if (name === 'closeCart') return unwrap(native.closeCart(id));
    if (name === 'cartPrice') return JSON.parse(unwrap(native.cartPrice(id, requestToJson(args[0], 'options'), args[1])));
    return JSON.parse(unwrap(native[name](id, ...args)));
  };

  // --- tax and landed cost ------------------------------------------------
  /** Duties, import tax and landed cost with the snapshot's tax rules (`shopcore landed-cost`), plus `display` in options.locale. */
  landedCost(request, options = {}) { return this.#json('landedCost', requestToJson(request), localeOf(options)); }
}

function localeOf(options, path = 'options') {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object') throw new ShopCoreError('INVALID_ARGUMENT', 'must be an object', path);
  return options.locale;
}
