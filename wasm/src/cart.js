// A shopper's cart: lines held by the engine under a handle (the engine
// checks every operation against the SKU rules of its current snapshot);
// this object keeps the last lines it was told, so reading `lines` costs no
// call into wasm.
import { ShopCoreError } from './errors.js';

const disposeSymbol = Symbol.dispose ?? Symbol.for('Symbol.dispose');

// A refused operation (stock, minimum, maximum, per-user limit, ...): a
// ShopCoreError whose `reason` names the rule and `allowedQuantity` says
// what the rule would accept ("only 3 left").
export function refusalError(refused) {
  const error = new ShopCoreError(refused.code, refused.message, refused.path);
  error.reason = refused.reason;
  error.allowedQuantity = refused.allowed_quantity;
  return error;
}

function freezeLines(lines) {
  return Object.freeze(lines.map((line) => Object.freeze(line)));
}

function freezeChanges(changes) {
  return Object.freeze(changes.map((change) => Object.freeze({
    sku: change.sku,
    quantityBefore: change.quantity_before,
    quantityAfter: change.quantity_after,
    reason: change.reason,
  })));
}

export class Cart {
  #call;
  #id;
  #lines;

  // call(name, ...args): the engine's native method, answer parsed; throws
  // DISPOSED once the engine is gone.
  constructor(call, answer) {
    this.#call = call;
    this.#id = answer.cart;
    this.market = answer.market;
    this.#lines = freezeLines(answer.lines);
    /** What restoring changed (dropped, clamped, merged lines); [] for a new cart. */
    this.changes = freezeChanges(answer.changes || []);
  }

  #cart() {
    if (this.#id === null) throw new ShopCoreError('DISPOSED', 'this Cart was disposed', 'cart');
    return this.#id;
  }

  #apply(answer) {
    if (answer.refused) throw refusalError(answer.refused);
    this.#lines = freezeLines(answer.lines);
    return this.#lines;
  }

  /** The engine's handle of this cart (what crosses to a worker). */
  get id() { return this.#cart(); }
  /** [{sku, quantity}] in the order SKUs were first added. */
  get lines() { this.#cart(); return this.#lines; }
  get disposed() { return this.#id === null; }

  add(sku, quantity = 1) { return this.#apply(this.#call('cartAdd', this.#cart(), sku, quantity)); }
  setQuantity(sku, quantity) { return this.#apply(this.#call('cartSetQuantity', this.#cart(), sku, quantity)); }
  remove(sku) { return this.#apply(this.#call('cartRemove', this.#cart(), sku)); }

  /** Merges a guest cart into this one; returns what the SKU rules changed. */
  merge(guest) {
    // Handles are per engine: another engine's cart id could name one of ours.
    if (!(guest instanceof Cart) || guest.#call !== this.#call) {
      throw new ShopCoreError('INVALID_ARGUMENT', 'must be a Cart of the same engine', 'guest');
    }
    const answer = this.#call('cartMerge', this.#cart(), guest.id);
    this.#apply(answer);
    return freezeChanges(answer.changes);
  }

  /** The versioned JSON state, for localStorage; engine.restoreCart(text) reads it. */
  save() { return this.#call('cartSave', this.#cart()); }

  /**
   * The cart priced with the engine's current snapshot: options are
   * engine.price's request without `lines` (market defaults to the cart's),
   * plus `locale` for display strings.
   */
  price(options = {}, display = {}) {
    if (options === null || typeof options !== 'object') {
      throw new ShopCoreError('INVALID_ARGUMENT', 'must be an object', 'options');
    }
    const { locale, ...request } = options;
    return this.#call('cartPrice', this.#cart(), request, (display && display.locale) ?? locale);
  }

  /** Frees the cart in the engine. Idempotent. */
  dispose() {
    if (this.#id === null) return;
    const id = this.#id;
    this.#id = null;
    try { this.#call('closeCart', id); } catch (error) {
      if (!(error instanceof ShopCoreError && error.code === 'DISPOSED')) throw error;
    }
  }

  [disposeSymbol]() { this.dispose(); }
}
