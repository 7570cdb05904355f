// The page side of createShopCoreWorker(): the same method names as
// createShopCore() and Engine, each returning a Promise, answered by a worker
// that owns the module (ranking and pricing never hold up a frame).
import { ShopCoreError } from './errors.js';
import { CART_FACTORIES, CORE_METHODS, ENGINE_METHODS } from './worker-host.js';

// port: {post(message), listen(fn), terminate()}.
export async function connectWorker(port, options) {
  const pending = new Map();
  let nextId = 1;
  let closed = false;
  port.listen((reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else {
      const error = new ShopCoreError(reply.code, reply.message, reply.path);
      if (reply.reason !== undefined) {
        error.reason = reply.reason;
        error.allowedQuantity = reply.allowedQuantity;
      }
      waiter.reject(error);
    }
  });
  const send = (target, method, args) => {
    if (closed) return Promise.reject(new ShopCoreError('DISPOSED', 'this shopcore worker was terminated', method));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.post({ id, target, method, args });
    });
  };

  // Only plain data crosses to a worker: a hook function cannot.
  if (options.instantiateWasm) {
    throw new ShopCoreError('INVALID_ARGUMENT', 'instantiateWasm cannot cross to a worker; pass wasmUrl or wasmBinary', 'instantiateWasm');
  }
  const { wasmUrl, wasmBinary, simd } = options;
  // A relative wasmUrl means relative to the page, not to the worker script.
  const base = typeof location !== 'undefined' ? location.href : undefined;
  const url = wasmUrl == null ? undefined : base ? new URL(String(wasmUrl), base).href : String(wasmUrl);
  await send('core', 'init', [{ wasmUrl: url, wasmBinary, simd }]);

  const core = {};
  for (const method of CORE_METHODS) core[method] = (...args) => send('core', method, args);
  core.createEngine = async () => {
    const handle = await send('core', 'createEngine', []);
    let disposed = false;
    const engine = {};
    for (const method of ENGINE_METHODS) {
      engine[method] = (...args) => (disposed
        ? Promise.reject(new ShopCoreError('DISPOSED', 'this Engine was disposed; create a new one with createEngine()', 'engine'))
        : send(handle, method, args));
    }
    for (const method of CART_FACTORIES) {
      engine[method] = async (...args) => {
        if (disposed) throw new ShopCoreError('DISPOSED', 'this Engine was disposed; create a new one with createEngine()', 'engine');
        return remoteCart((operation, cartArgs) => send(handle, 'cart', cartArgs), await send(handle, method, args));
      };
    }
    engine.dispose = async () => {
      if (disposed) return;
      disposed = true;
      await send(handle, 'dispose', []);
    };
    engine[Symbol.asyncDispose ?? Symbol.for('Symbol.asyncDispose')] = engine.dispose;
    return Object.freeze(engine);
  };
  core.terminate = () => {
    closed = true;
    for (const waiter of pending.values()) waiter.reject(new ShopCoreError('DISPOSED', 'this shopcore worker was terminated', ''));
    pending.clear();
    return port.terminate();
  };
  return Object.freeze(core);
}

// The page's face of a Cart living in the worker: the same methods, each a
// Promise; `lines` is the copy the last answer brought.
function remoteCart(send, descriptor) {
  const id = descriptor.cart;
  let lines = Object.freeze(descriptor.lines);
  let disposed = false;
  const run = async (operation, ...args) => {
    if (disposed) throw new ShopCoreError('DISPOSED', 'this Cart was disposed', 'cart');
    const answer = await send(operation, [id, operation, ...args]);
    lines = Object.freeze(answer.lines);
    return answer.value;
  };
  const cart = {
    id,
    market: descriptor.market,
    changes: descriptor.changes,
    get lines() { return lines; },
    get disposed() { return disposed; },
    add: (sku, quantity = 1) => run('add', sku, quantity),
    remove: (sku) => run('remove', sku),
    setQuantity: (sku, quantity) => run('setQuantity', sku, quantity),
    merge: (guest) => run('merge', guest && guest.id),
    save: () => run('save'),
    price: (options, display) => run('price', options, display),
    dispose: async () => {
      if (disposed) return;
      await run('dispose');
      disposed = true;
    },
  };
  cart[Symbol.asyncDispose ?? Symbol.for('Symbol.asyncDispose')] = cart.dispose;
  return Object.freeze(cart);
}
