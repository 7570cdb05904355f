// The worker side of createShopCoreWorker(): owns the module and the engines
// and answers {id, target, method, args} messages with {id, ok, value} or
// {id, ok:false, code, message, path}. `port` is {post(message), listen(fn)}.
import { ShopCoreError } from './errors.js';

export const CORE_METHODS = Object.freeze([
  'version', 'allocate', 'convert', 'parseMajor', 'toMajor', 'currencyInfo', 'currencies', 'loadLocalePack', 'formatMoney',
]);
export const ENGINE_METHODS = Object.freeze([
  'openSnapshot', 'applySnapshotDelta', 'snapshotInfo', 'loadLocalePack', 'group', 'bargain', 'referral', 'pickup',
  'shareEncode', 'shareDecode', 'track', 'saveProfile', 'restoreProfile', 'exportProfile', 'eraseProfile', 'setConsent',
  'uploadBatch', 'acknowledgeUpload',
  'planDelivery',
  // commerce
  'price', 'recommend', 'rank', 'landedCost',
]);
// Carts stay in the worker: createCart/restoreCart answer a plain
// descriptor {cart, market, lines, changes} and the page sends
// ('cart', [cartId, operation, ...args]) to its engine's handle; each answer
// is {value, lines} so the page's copy of the lines stays current.
export const CART_FACTORIES = Object.freeze(['createCart', 'restoreCart']);
export const CART_METHODS = Object.freeze(['add', 'remove', 'setQuantity', 'merge', 'save', 'price', 'dispose']);

function cartDescriptor(cart) {
  return { cart: cart.id, market: cart.market, lines: cart.lines, changes: cart.changes };
}

function cartOperation(carts, target, [cartId, operation, ...args]) {
  const cart = carts.get(`${target}/${cartId}`);
  if (cart === undefined) throw new ShopCoreError('DISPOSED', 'this Cart was disposed', 'cart');
  if (!CART_METHODS.includes(operation)) throw new ShopCoreError('INVALID_ARGUMENT', `no cart method ${operation}`, operation);
  if (operation === 'dispose') {
    cart.dispose();
    carts.delete(`${target}/${cartId}`);
    return { value: undefined, lines: [] };
  }
  if (operation === 'merge') {
    const guest = carts.get(`${target}/${args[0]}`);
    if (guest === undefined) throw new ShopCoreError('DISPOSED', 'the guest Cart was disposed', 'guest');
    return { value: cart.merge(guest), lines: cart.lines };
  }
  return { value: cart[operation](...args), lines: cart.lines };
}

export function serve(createShopCore, port) {
  let core = null;
  const engines = new Map();
  const carts = new Map();  // "engineHandle/cartId" -> Cart
  let nextEngine = 1;

  const handle = async ({ target, method, args }) => {
    if (method === 'init') {
      core = await createShopCore(args[0] || {});
      return undefined;
    }
    if (core === null) throw new ShopCoreError('INTERNAL', 'the worker has not loaded the module yet', method);
    if (target === 'core') {
      if (method === 'createEngine') {
        const handleId = nextEngine++;
        engines.set(handleId, core.createEngine());
        return handleId;
      }
      if (!CORE_METHODS.includes(method)) throw new ShopCoreError('INVALID_ARGUMENT', `no method ${method}`, method);
      return core[method](...args);
    }
    const engine = engines.get(target);
    if (engine === undefined) {
      throw new ShopCoreError('DISPOSED', 'this Engine was disposed; create a new one with createEngine()', 'engine');
    }
    if (method === 'dispose') {
      engine.dispose();
      engines.delete(target);
      for (const key of [...carts.keys()]) if (key.startsWith(`${target}/`)) carts.delete(key);
      return undefined;
    }
    if (CART_FACTORIES.includes(method)) {
      const cart = engine[method](...args);
      carts.set(`${target}/${cart.id}`, cart);
      return cartDescriptor(cart);
    }
    if (method === 'cart') return cartOperation(carts, target, args);
    if (!ENGINE_METHODS.includes(method)) throw new ShopCoreError('INVALID_ARGUMENT', `no method ${method}`, method);
    return engine[method](...args);
  };

  port.listen(async (message) => {
    try {
      port.post({ id: message.id, ok: true, value: await handle(message) });
    } catch (error) {
      const known = error instanceof ShopCoreError;
      port.post({
        id: message.id,
        ok: false,
        code: known ? error.code : 'INTERNAL',
        message: error && error.message ? error.message : String(error),
        path: known ? error.path : '',
        // A cart refusal's rule and the quantity it allows.
        ...(known && error.reason !== undefined ? { reason: error.reason, allowedQuantity: error.allowedQuantity } : {}),
      });
    }
  });
}
