// The page side of createShopCoreWorker(): the same method names as
// createShopCore() and Engine, each returning a Promise, answered by a worker
// that owns the module (ranking and pricing never hold up a frame).
import { ShopCoreError } from './errors.js';
import { CORE_METHODS, ENGINE_METHODS, SYNC_METHODS } from './worker-host.js';

// port: {post(message), listen(fn), terminate()}.
export async function connectWorker(port, options) {
  const pending = new Map();
  let nextId = 1;
  let closed = false;
  const eventTargets = new Map(); // engine handle -> EventTarget of its sync events
  port.listen((reply) => {
    if (reply.event !== undefined) {
      const events = eventTargets.get(reply.engine);
      if (events) {
        const event = new Event(reply.event);
        event.detail = reply.detail;
        events.dispatchEvent(event);
      }
      return;
    }
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(new ShopCoreError(reply.code, reply.message, reply.path));
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
    for (const method of SYNC_METHODS) {
      engine[method] = (...args) => (disposed
        ? Promise.reject(new ShopCoreError('DISPOSED', 'this Engine was disposed; create a new one with createEngine()', 'engine'))
        : send(handle, method, args));
    }
    const events = new EventTarget();
    eventTargets.set(handle, events);
    engine.addEventListener = (type, listener, opts) => events.addEventListener(type, listener, opts);
    engine.removeEventListener = (type, listener, opts) => events.removeEventListener(type, listener, opts);
    engine.dispose = async () => {
      if (disposed) return;
      disposed = true;
      eventTargets.delete(handle);
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
