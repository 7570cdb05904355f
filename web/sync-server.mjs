// The reference sync server: snapshots and deltas per market, behaviour
// batches, and orders re-priced by the same core the device runs. The
// protocol is schemas/README.md, "Sync protocol". Node's http module only.
//
//   import { createSyncApi, startSyncServer } from './sync-server.mjs';
//   const api = await createSyncApi();          // web/server.mjs mounts api.handle at /api/
//   await api.publish('DE', snapshotBytes);     // verified by the core, deltas made, compressed
//   const server = await startSyncServer({ api });   // or on its own, on 127.0.0.1
//
// testMode adds /api/admin/* (publish over HTTP, inject faults) for tests;
// it is off unless asked for, and the admin routes answer 404 without it.
import { createServer } from 'node:http';
import { loadCore, loadEventChecker, parseCliError } from './sync/core.mjs';
import { EventInbox, parseBatch } from './sync/events.mjs';
import { HttpError, pickEncoding, readBody, sendError, sendJson } from './sync/http.mjs';
import { MARKET_PATTERN, PublishError, SnapshotStore } from './sync/store.mjs';

export const SNAPSHOT_TYPE = 'application/x-shopcore-snapshot';
export const DELTA_TYPE = 'application/x-shopcore-delta';
export const ORDER_TYPE = 'application/x-shopcore-order';

export const DEFAULT_LIMITS = Object.freeze({
  eventBytes: 256 * 1024, // 500 events of a few hundred bytes each
  orderBytes: 64 * 1024, // an order of 200 lines with its request is ~30 KB
  publishBytes: 256 * 1024 * 1024,
});

function marketOf(segment) {
  let market;
  try {
    market = decodeURIComponent(segment ?? '');
  } catch {
    market = '';
  }
  if (!MARKET_PATTERN.test(market)) {
    throw new HttpError(400, 'BAD_REQUEST', 'a market is 1 to 32 letters, digits, - or _', 'market');
  }
  return market;
}

function etagMatches(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

function allow(request, methods) {
  if (!methods.includes(request.method)) {
    throw new HttpError(405, 'METHOD_NOT_ALLOWED', `use ${methods.join(' or ')}`, 'method', { allow: methods.join(', ') });
  }
}

// A misbehaving next response, for tests of the client's recovery:
//   truncate  full Content-Length, half the body, then the connection drops
//   short     the first half with a Content-Length that says so (a cut the
//             transport cannot see; the snapshot's size prefix must)
//   corrupt   every byte there, one flipped in the middle
//   stall     half the body, then nothing until the server goes away
//   status    an error status (503 with Retry-After, 500, 410...)
function sendFaulty(response, fault, headers, body) {
  if (fault.kind === 'status') {
    const status = fault.status ?? 503;
    const extra = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
    const code = status === 410 ? 'SNAPSHOT_WITHDRAWN' : status >= 500 || status === 429 ? 'UNAVAILABLE' : 'BAD_REQUEST';
    throw new HttpError(status, code, `injected ${status}`, 'snapshot', extra);
  }
  const half = body.subarray(0, body.length >> 1);
  if (fault.kind === 'short') {
    response.writeHead(200, { ...headers, 'content-length': half.length });
    response.end(half);
  } else if (fault.kind === 'corrupt') {
    const copy = Buffer.from(body);
    copy[copy.length >> 1] ^= 0x5a;
    response.writeHead(200, headers);
    response.end(copy);
  } else if (fault.kind === 'truncate' || fault.kind === 'stall') {
    response.writeHead(200, headers);
    response.write(half);
    if (fault.kind === 'truncate') setTimeout(() => response.destroy(), 10);
  } else {
    throw new HttpError(400, 'BAD_REQUEST', `unknown fault '${fault.kind}'`, 'kind');
  }
}

export async function createSyncApi({ distDir, testMode = false, limits = {}, keepVersions } = {}) {
  const core = await loadCore(distDir ? { distDir } : {});
  const events = await loadEventChecker(distDir ? { distDir } : {});
  const store = new SnapshotStore(core, { keepVersions });
  const inbox = new EventInbox();
  const bounds = { ...DEFAULT_LIMITS, ...limits };
  const faults = [];
  let requests = 0;

  async function snapshot(request, response, market, url) {
    allow(request, ['GET', 'HEAD']);
    const current = store.current(market);
    if (!current) throw new HttpError(404, 'NOT_FOUND', `no snapshot is published for market ${market}`, 'market');
    const base = url.searchParams.get('base');
    if (base !== null && store.isWithdrawn(market, base)) {
      throw new HttpError(410, 'SNAPSHOT_WITHDRAWN',
        `snapshot ${base} was withdrawn; drop it and fetch ${current.id} in full`, 'base');
    }
    const identity = { etag: current.etag, 'x-shopcore-snapshot-id': current.id, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    const fault = faults.length ? faults.shift() : null;
    if (!fault && etagMatches(request.headers['if-none-match'], current.etag)) {
      response.writeHead(304, identity);
      response.end();
      return;
    }
    const delta = base !== null && base !== current.id ? store.delta(market, base) : undefined;
    const bodies = delta ? delta.body : current.full;
    // Faults act on the raw bytes, so a test knows exactly what arrives.
    const encoding = fault ? 'identity' : pickEncoding(request.headers['accept-encoding'], bodies);
    const body = bodies[encoding];
    const headers = {
      ...identity,
      'content-type': delta ? DELTA_TYPE : SNAPSHOT_TYPE,
      'content-length': body.length,
      'x-shopcore-kind': delta ? 'delta' : 'full',
      'x-content-type-options': 'nosniff',
    };
    if (delta) headers['x-shopcore-base'] = base;
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (fault) return sendFaulty(response, fault, headers, Buffer.from(body));
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  async function order(request, response, market) {
    allow(request, ['POST']);
    const body = await readBody(request, response, { limit: bounds.orderBytes, types: [ORDER_TYPE] });
    const current = store.current(market);
    if (!current) throw new HttpError(404, 'NOT_FOUND', `no snapshot is published for market ${market}`, 'market');
    const verified = core.run(['order', 'verify', 'snapshot.bin', 'order.bin'],
      { 'snapshot.bin': current.full.identity, 'order.bin': new Uint8Array(body) });
    if (verified.err) {
      const error = parseCliError(verified.err);
      // The command names its input file ("order.bin:lines[0]"); over HTTP the input is the body.
      throw new HttpError(400, error.code, error.message, error.path.replace(/^order\.bin/, 'body'));
    }
    const answer = JSON.parse(verified.out);
    // 409: the client's cart is not what the server charges; it re-syncs,
    // re-prices and shows the shopper the new total before retrying.
    sendJson(response, answer.ok ? 200 : 409, { ...answer, snapshot_id: current.id },
      { 'x-shopcore-snapshot-id': current.id });
  }

  async function behaviour(request, response, market) {
    allow(request, ['POST']);
    const body = await readBody(request, response, { limit: bounds.eventBytes, types: ['application/json'] });
    if (!store.current(market)) throw new HttpError(404, 'NOT_FOUND', `no snapshot is published for market ${market}`, 'market');
    const batch = parseBatch(body, events.checkEvents);
    const { duplicate } = inbox.add(market, batch);
    sendJson(response, 200, { ok: true, batch_id: batch.batch_id, accepted: duplicate ? 0 : batch.events.length, duplicate, through_seq: batch.through_seq });
  }

  async function admin(request, response, parts) {
    if (!testMode) throw new HttpError(404, 'NOT_FOUND', 'no such route', 'path');
    allow(request, ['POST']);
    if (parts[0] === 'publish' && parts.length === 2) {
      const market = marketOf(parts[1]);
      const body = await readBody(request, response, { limit: bounds.publishBytes, types: [SNAPSHOT_TYPE] });
      return sendJson(response, 200, await publish(market, body));
    }
    if (parts[0] === 'fault' && parts.length === 1) {
      const body = await readBody(request, response, { limit: 4096, types: ['application/json'] });
      let fault;
      try {
        fault = JSON.parse(body.toString('utf8'));
      } catch {
        throw new HttpError(400, 'BAD_REQUEST', 'not JSON', 'body');
      }
      injectFault(fault);
      return sendJson(response, 200, { ok: true, pending: faults.length });
    }
    throw new HttpError(404, 'NOT_FOUND', 'no such admin route', 'path');
  }

  async function publish(market, bytes) {
    try {
      return await store.publish(market, bytes);
    } catch (error) {
      if (error instanceof PublishError) throw new HttpError(400, error.code, error.message, error.path);
      throw error;
    }
  }

  function injectFault(fault) {
    if (fault === null || typeof fault !== 'object' || typeof fault.kind !== 'string') {
      throw new HttpError(400, 'BAD_REQUEST', 'a fault is {"kind": "truncate"|"short"|"corrupt"|"stall"|"status", "times": N}', 'kind');
    }
    const times = fault.times ?? 1;
    for (let i = 0; i < times; i += 1) faults.push(fault);
  }

  // Answers every /api/ request; any other path is not ours (404).
  async function handle(request, response) {
    requests += 1;
    try {
      const url = new URL(request.url, 'http://127.0.0.1');
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] !== 'api') throw new HttpError(404, 'NOT_FOUND', 'no such route', 'path');
      const [, route, ...rest] = parts;
      if (route === 'snapshot' && rest.length === 1) return await snapshot(request, response, marketOf(rest[0]), url);
      if (route === 'orders' && rest.length === 1) return await order(request, response, marketOf(rest[0]));
      if (route === 'events' && rest.length === 1) return await behaviour(request, response, marketOf(rest[0]));
      if (route === 'admin') return await admin(request, response, rest);
      throw new HttpError(404, 'NOT_FOUND', `no route ${url.pathname}`, 'path');
    } catch (error) {
      sendError(response, error);
    }
  }

  return {
    handle,
    store,
    inbox,
    /** Verifies and publishes snapshot bytes for a market (deltas from the kept versions). */
    publish: async (market, bytes) => {
      try {
        return await store.publish(market, bytes);
      } catch (error) {
        if (error instanceof PublishError) throw Object.assign(new Error(`${error.code}: ${error.message}`), error);
        throw error;
      }
    },
    withdraw: (market, snapshotId) => store.withdraw(market, snapshotId),
    injectFault,
    get requests() { return requests; },
  };
}

// The API on its own HTTP server (127.0.0.1 by default). Resolves
// {url, api, server, close()} once listening; port 0 takes a free port.
export async function startSyncServer({ api, port = 0, host = '127.0.0.1', ...options } = {}) {
  const handler = api ?? await createSyncApi(options);
  const server = createServer((request, response) => { handler.handle(request, response); });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return {
    url: `http://${host}:${address.port}/api/`,
    port: address.port,
    api: handler,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

// Publishes every DIR/<MARKET>.bin (what `shopcore snapshot build` wrote)
// under its market; returns the markets published.
export async function publishDirectory(api, dir) {
  const { readdir, readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const published = [];
  for (const name of (await readdir(dir)).sort()) {
    const match = name.match(/^([A-Za-z0-9_-]{1,32})\.bin$/);
    if (!match) continue;
    await api.publish(match[1], await readFile(path.join(dir, name)));
    published.push(match[1]);
  }
  return published;
}

// What /api/ answers when the core could not be loaded (the wasm build is
// missing): 503 with the reason, so the static demo still serves.
export function unavailableApi(reason) {
  const message = `the sync API is unavailable: ${reason && reason.message ? reason.message : reason}`;
  return {
    handle: (request, response) => sendError(response, new HttpError(503, 'UNAVAILABLE', message, 'api')),
    publish: () => Promise.reject(new Error(message)),
  };
}
