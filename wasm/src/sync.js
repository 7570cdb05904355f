// Keeping an Engine's snapshot in step with the server (schemas/README.md,
// "Sync protocol"): a delta or a full snapshot, checked, swapped in whole;
// an offline copy of the last good one; retries with backoff and jitter;
// behaviour batches (with consent) and orders posted to the server.
//
// Nothing here throws for a network or server failure: every operation
// answers a SyncResult ({ok:true, ...} or {ok:false, code, message, ...})
// and the engine keeps serving the snapshot it had. Events 'snapshot' (a new
// snapshot is live) and 'failure' are dispatched on the SyncClient.
//
// No Node module is imported here (bundlers for browsers take this file as
// is): Node's transport and directory cache come from sync-node.js through
// the `environment` the Node entry point passes to every Engine.
import { ShopCoreError } from './errors.js';

export const SNAPSHOT_TYPE = 'application/x-shopcore-snapshot';
export const ORDER_TYPE = 'application/x-shopcore-order';

// Statuses worth the same request again after a pause; every other error
// status is final for this sync (the request itself is wrong).
export const RETRY_STATUSES = Object.freeze([408, 425, 429, 500, 502, 503, 504]);

const DEFAULT_RETRY = Object.freeze({ attempts: 4, baseDelayMs: 500, maxDelayMs: 15_000 });

// The snapshot's content hash as 16 hex digits, exactly as the core's
// Fnv1a64 (core/src/snapshot/snapshot.cc) computes it; the server sends it as
// the ETag. Note the core's offset basis is 1469598103934665603
// (0x14650fb0739d0383), not FNV's published 14695981039346656037: what
// matters here is agreeing with the core byte for byte. Two 32-bit halves;
// the prime is 2^40 + 0x1b3.
export function snapshotHash(bytes) {
  let hi = 0x14650fb0;
  let lo = 0x739d0383;
  for (let i = 0; i < bytes.length; i += 1) {
    lo ^= bytes[i];
    const low = (lo >>> 0) * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(low / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

// 'SCAT' (a snapshot) or 'SDLT' (a delta): both are size-prefixed, so the
// identifier is at bytes 8-11.
function identifierOf(bytes) {
  return bytes.length >= 12 ? String.fromCharCode(bytes[8], bytes[9], bytes[10], bytes[11]) : '';
}

export class TransportError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code; // NETWORK_ERROR, TIMEOUT, ABORTED
  }
}

// The transport over fetch (browsers, workers, webviews, Node with fetch).
// Transport contract: ({url, method, headers, body, timeoutMs, signal}) ->
// {status, header(name), body: Uint8Array}; throws TransportError.
export function fetchTransport(fetchImpl = globalThis.fetch) {
  return async ({ url, method = 'GET', headers = {}, body, timeoutMs, signal }) => {
    if (typeof fetchImpl !== 'function') throw new TransportError('NETWORK_ERROR', 'no fetch() in this environment; pass options.fetch');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener('abort', onAbort);
    try {
      // cache: 'no-store': this code does its own conditional requests; a
      // browser cache answering for the server would hide 304s and deltas.
      const response = await fetchImpl(url, { method, headers, body, signal: controller.signal, cache: 'no-store' });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, header: (name) => response.headers.get(name), body: bytes };
    } catch (error) {
      if (timedOut) throw new TransportError('TIMEOUT', `no complete answer within ${timeoutMs} ms`);
      if (signal?.aborted) throw new TransportError('ABORTED', 'aborted');
      throw new TransportError('NETWORK_ERROR', error && error.message ? error.message : String(error));
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  };
}

// The offline copy in Cache Storage (browsers and workers on https or
// localhost), keyed by the snapshot URL of the market.
export class CacheStorageCache {
  constructor(name = 'shopcore-snapshots') { this.name = name; }

  static available() { return typeof caches !== 'undefined' && typeof caches.open === 'function'; }

  async load(key) {
    const cache = await caches.open(this.name);
    const response = await cache.match(key);
    if (!response) return null;
    return {
      bytes: new Uint8Array(await response.arrayBuffer()),
      hash: response.headers.get('x-shopcore-hash') ?? '',
      snapshotId: response.headers.get('x-shopcore-snapshot-id') ?? '',
    };
  }

  async save(key, { bytes, hash, snapshotId }) {
    const cache = await caches.open(this.name);
    await cache.put(key, new Response(bytes, {
      headers: { 'content-type': SNAPSHOT_TYPE, 'x-shopcore-hash': hash, 'x-shopcore-snapshot-id': snapshotId },
    }));
  }

  async remove(key) {
    const cache = await caches.open(this.name);
    await cache.delete(key);
  }
}

export class SyncEvent extends Event {
  constructor(type, detail) {
    super(type);
    this.detail = detail;
  }
}

function errorMessage(error) {
  return error && error.message ? error.message : String(error);
}

// The {error:{code, message}} body of a server error, or the status line.
function serverError(response) {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(response.body));
    if (parsed && parsed.error && typeof parsed.error.code === 'string') return parsed.error;
  } catch { /* not JSON */ }
  return { code: 'HTTP_ERROR', message: `HTTP ${response.status}`, path: '' };
}

function retryAfterMs(response) {
  const value = response.header('retry-after');
  if (value == null) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export class SyncClient extends EventTarget {
  #engine;
  #base;
  #market;
  #transport;
  #cache;
  #retry;
  #timeoutMs;
  #random;
  #signal;
  #running = null;
  #loop = null;

  // engine: an Engine (engine.js). url: the API root ("https://shop.example/api/").
  constructor(engine, url, options = {}, environment = {}) {
    super();
    if (typeof options.market !== 'string' || !/^[A-Za-z0-9_-]{1,32}$/.test(options.market)) {
      throw new ShopCoreError('INVALID_ARGUMENT', 'a market is 1 to 32 letters, digits, - or _', 'options.market');
    }
    let base;
    try {
      base = new URL(String(url), typeof location !== 'undefined' ? location.href : undefined);
    } catch {
      throw new ShopCoreError('INVALID_ARGUMENT', `not a URL: ${url}`, 'url');
    }
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.#engine = engine;
    this.#base = base;
    this.#market = options.market;
    this.#transport = options.transport
      ?? (options.fetch ? fetchTransport(options.fetch) : environment.transport ?? fetchTransport());
    this.#cache = options.cache === false ? null
      : options.cache ?? environment.cache?.(options)
        ?? (CacheStorageCache.available() ? new CacheStorageCache() : null);
    this.#retry = { ...DEFAULT_RETRY, ...(options.retry ?? {}) };
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#random = options.random ?? Math.random;
    this.#signal = options.signal;
  }

  get market() { return this.#market; }
  get snapshotUrl() { return new URL(`snapshot/${encodeURIComponent(this.#market)}`, this.#base).href; }
  get background() { return this.#loop !== null; }

  #serving() {
    try {
      return this.#engine.snapshotInfo();
    } catch {
      return null;
    }
  }

  #fail(code, message, extra = {}) {
    const serving = this.#serving();
    const result = { ok: false, code, message, serving: serving ? serving.snapshot_id : null, ...extra };
    this.dispatchEvent(new SyncEvent('failure', result));
    return result;
  }

  #live(source, info, previous, extra = {}) {
    const result = {
      ok: true,
      outcome: 'updated',
      source,
      snapshotId: info.snapshot_id,
      previousId: previous ? previous.snapshot_id : null,
      hash: info.hash,
      ...extra,
    };
    this.dispatchEvent(new SyncEvent('snapshot', result));
    return result;
  }

  // Opens the offline copy when the engine has no snapshot yet (a start
  // without network). A copy whose hash or verification fails is deleted.
  // With a snapshot already serving it changes nothing: the copy is never
  // newer than what this client made live.
  async openCached() {
    const previous = this.#serving();
    if (previous) return { ok: true, outcome: 'current', snapshotId: previous.snapshot_id, hash: previous.hash };
    if (!this.#cache) return { ok: false, code: 'NO_CACHE', message: 'no offline cache is configured', serving: null };
    let entry;
    try {
      entry = await this.#cache.load(this.snapshotUrl);
    } catch (error) {
      return this.#fail('CACHE_ERROR', `the offline cache could not be read: ${errorMessage(error)}`, { source: 'cache' });
    }
    if (!entry) return { ok: false, code: 'NO_CACHE', message: 'nothing cached for this market yet', serving: null };
    const discard = async (code, message) => {
      try { await this.#cache.remove(this.snapshotUrl); } catch { /* the next save replaces it anyway */ }
      return this.#fail(code, `${message}; the cached snapshot was discarded`, { source: 'cache' });
    };
    if (snapshotHash(entry.bytes) !== entry.hash) return discard('CORRUPT_CACHE', 'the cached snapshot does not match its hash');
    let info;
    try {
      info = this.#engine.openSnapshot(entry.bytes);
    } catch (error) {
      return discard(error.code ?? 'BAD_SNAPSHOT', `the cached snapshot no longer opens: ${errorMessage(error)}`);
    }
    return this.#live('cache', info, previous);
  }

  async #save(info, bytes) {
    if (!this.#cache) return undefined;
    try {
      await this.#cache.save(this.snapshotUrl, { bytes: bytes ?? this.#engine.snapshotBytes(), hash: info.hash, snapshotId: info.snapshot_id });
      return undefined;
    } catch (error) {
      return `the offline cache could not be written: ${errorMessage(error)}`;
    }
  }

  async #sleep(ms) {
    if (ms <= 0) return;
    await new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const signal = this.#signal;
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done);
    });
  }

  // Exponential backoff with "equal jitter": half the delay fixed, half
  // random, so clients that failed together do not come back together.
  #delay(attempt, hintMs) {
    const cap = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
    const jittered = cap / 2 + this.#random() * (cap / 2);
    return Math.max(jittered, hintMs ?? 0);
  }

  // One GET; answers {ok} | {retry, code, message, hintMs} | {full, code, message} | {final, code, message, status}.
  async #attempt(previous, wantFull) {
    const headers = {};
    const url = new URL(this.snapshotUrl);
    if (previous && !wantFull) {
      url.searchParams.set('base', previous.snapshot_id);
      headers['if-none-match'] = `"${previous.hash}"`;
    }
    let response;
    try {
      response = await this.#transport({ url: url.href, headers, timeoutMs: this.#timeoutMs, signal: this.#signal });
    } catch (error) {
      const code = error instanceof TransportError ? error.code : 'NETWORK_ERROR';
      return code === 'ABORTED' ? { final: true, code, message: errorMessage(error) } : { retry: true, code, message: errorMessage(error) };
    }
    if (response.status === 304 && previous) return { ok: true, outcome: 'current', snapshotId: previous.snapshot_id, hash: previous.hash };
    if (response.status === 410) {
      // The server recalled what we hold: it must not come back from the cache.
      try { await this.#cache?.remove(this.snapshotUrl); } catch { /* best effort */ }
      const error = serverError(response);
      return { full: true, code: 'SNAPSHOT_WITHDRAWN', message: error.message, status: 410 };
    }
    if (response.status !== 200) {
      const error = serverError(response);
      const message = `${response.status} ${error.code}: ${error.message}`;
      if (RETRY_STATUSES.includes(response.status)) {
        return { retry: true, code: 'HTTP_ERROR', message, status: response.status, hintMs: retryAfterMs(response) };
      }
      return { final: true, code: 'HTTP_ERROR', message, status: response.status };
    }
    const bytes = response.body;
    const etag = (response.header('etag') ?? '').replace(/^W\//, '').replace(/"/g, '');
    const kind = identifierOf(bytes);
    if (kind === 'SDLT' && previous && !wantFull) {
      let info;
      try {
        info = this.#engine.applySnapshotDelta(bytes);
      } catch (error) {
        // Not a delta from what we hold (or damaged): the full snapshot is
        // always a correct answer, so ask for it at once.
        return { full: true, code: error.code ?? 'BAD_SNAPSHOT', message: errorMessage(error) };
      }
      return { ok: true, outcome: 'updated', source: 'delta', info, bytesReceived: bytes.length, cacheError: await this.#save(info) };
    }
    // A full snapshot must be the one the server named: a byte flipped in
    // transit can still pass the structural verifier.
    if (etag && snapshotHash(bytes) !== etag) {
      return { retry: true, code: 'CORRUPT_DOWNLOAD', message: `the snapshot received (${bytes.length} bytes) does not match the server's hash ${etag}` };
    }
    let info;
    try {
      info = this.#engine.openSnapshot(bytes);
    } catch (error) {
      return { retry: true, code: error.code ?? 'BAD_SNAPSHOT', message: `the snapshot received (${bytes.length} bytes) was refused: ${errorMessage(error)}` };
    }
    return { ok: true, outcome: 'updated', source: 'full', info, bytesReceived: bytes.length, cacheError: await this.#save(info, bytes) };
  }

  /** One sync (concurrent calls share it): the offline copy first when nothing is open, then the network. */
  sync() {
    if (!this.#running) this.#running = this.#syncOnce().finally(() => { this.#running = null; });
    return this.#running;
  }

  async #syncOnce() {
    if (this.#engine.disposed) return { ok: false, code: 'DISPOSED', message: 'the engine was disposed', serving: null };
    if (!this.#serving() && this.#cache) await this.openCached();
    let wantFull = false;
    let last;
    let attempt = 0;
    while (attempt < this.#retry.attempts) {
      if (this.#engine.disposed) return { ok: false, code: 'DISPOSED', message: 'the engine was disposed', serving: null, attempts: attempt };
      attempt += 1;
      const previous = this.#serving();
      const outcome = await this.#attempt(previous, wantFull);
      if (outcome.ok) {
        const extra = { attempts: attempt, ...(outcome.cacheError ? { cacheError: outcome.cacheError } : {}) };
        if (outcome.outcome === 'current') return { ok: true, outcome: 'current', snapshotId: outcome.snapshotId, hash: outcome.hash, attempts: attempt };
        return this.#live(outcome.source, outcome.info, previous, { bytesReceived: outcome.bytesReceived, ...extra });
      }
      last = outcome;
      if (outcome.final || this.#signal?.aborted) break;
      if (outcome.full && !wantFull) {
        wantFull = true;
        attempt -= 1; // asking again in full is not a retry of a failure
        continue;
      }
      if (attempt >= this.#retry.attempts) break;
      const wait = this.#delay(attempt, outcome.hintMs);
      if (outcome.hintMs !== undefined && outcome.hintMs > this.#retry.maxDelayMs) {
        return this.#fail(outcome.code, outcome.message, { status: outcome.status, attempts: attempt, retryAfterMs: outcome.hintMs });
      }
      await this.#sleep(wait);
    }
    return this.#fail(last.code, last.message, { ...(last.status ? { status: last.status } : {}), attempts: attempt });
  }

  /**
   * Keeps syncing every intervalMs until stop(): the first sync at once.
   * Failures wait for the next round; 'snapshot' fires when one goes live.
   */
  start({ intervalMs = 5 * 60_000 } = {}) {
    if (this.#loop) return;
    const loop = { stopped: false, timer: null, wake: null };
    this.#loop = loop;
    const round = async () => {
      if (loop.stopped) return;
      await this.sync();
      if (loop.stopped) return;
      loop.timer = setTimeout(round, intervalMs);
    };
    round();
  }

  stop() {
    if (!this.#loop) return;
    this.#loop.stopped = true;
    clearTimeout(this.#loop.timer);
    this.#loop = null;
  }

  // A POST with the retry policy of sync(); answers the transport response
  // or a failed SyncResult.
  async #post(path, contentType, body) {
    let last;
    for (let attempt = 1; attempt <= this.#retry.attempts; attempt += 1) {
      try {
        const response = await this.#transport({
          url: new URL(`${path}/${encodeURIComponent(this.#market)}`, this.#base).href,
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
          timeoutMs: this.#timeoutMs,
          signal: this.#signal,
        });
        if (!RETRY_STATUSES.includes(response.status)) return { response, attempts: attempt };
        const error = serverError(response);
        last = { code: 'HTTP_ERROR', message: `${response.status} ${error.code}: ${error.message}`, status: response.status, hintMs: retryAfterMs(response) };
      } catch (error) {
        last = { code: error instanceof TransportError ? error.code : 'NETWORK_ERROR', message: errorMessage(error) };
        if (last.code === 'ABORTED') break;
      }
      if (attempt < this.#retry.attempts) await this.#sleep(this.#delay(attempt, last.hintMs));
    }
    return { failed: { ok: false, code: last.code, message: last.message, ...(last.status ? { status: last.status } : {}) } };
  }

  /**
   * Uploads the shopper's pending behaviour events, only with consent
   * (CONSENT_REQUIRED otherwise, and nothing is sent). On success the engine
   * marks them uploaded. batchId defaults to shopper + cursor, so a retry
   * after a lost answer is the same batch to the server.
   */
  async uploadEvents({ consentVersion, maxEvents = 500, batchId } = {}) {
    let batch;
    try {
      batch = this.#engine.uploadBatch(maxEvents);
    } catch (error) {
      return { ok: false, code: error.code ?? 'INTERNAL', message: errorMessage(error) };
    }
    if (typeof consentVersion !== 'string' || consentVersion === '') {
      return { ok: false, code: 'CONSENT_REQUIRED', message: 'pass the consent text version the shopper agreed to (consentVersion)' };
    }
    if (batch.events.length === 0) return { ok: true, accepted: 0, throughSeq: batch.through_seq, sent: false };
    const serving = this.#serving();
    const envelope = {
      schema_version: 1,
      snapshot_id: serving ? serving.snapshot_id : 'none',
      consent_version: consentVersion,
      batch_id: batchId ?? `${batch.shopper || 'anonymous'}-${batch.through_seq}`.replace(/[^A-Za-z0-9._:-]/g, '_').slice(0, 128),
      shopper: batch.shopper,
      through_seq: batch.through_seq,
      events: batch.events,
    };
    const posted = await this.#post('events', 'application/json', JSON.stringify(envelope));
    if (posted.failed) return posted.failed;
    const { response } = posted;
    if (response.status !== 200) {
      const error = serverError(response);
      return { ok: false, code: error.code, message: error.message, path: error.path, status: response.status };
    }
    this.#engine.acknowledgeUpload(batch.through_seq);
    const answer = JSON.parse(new TextDecoder().decode(response.body));
    return { ok: true, accepted: answer.accepted, duplicate: answer.duplicate, throughSeq: batch.through_seq, sent: true };
  }

  /**
   * Sends order bytes (`order.fbs`, from `shopcore order build` or the
   * server-side core) for re-pricing. {ok:true} when the server agrees to
   * the cent; {ok:false, code:'ORDER_DIFFERS', differences} when it does not.
   */
  async submitOrder(orderBytes) {
    if (!(orderBytes instanceof Uint8Array)) {
      return { ok: false, code: 'INVALID_ARGUMENT', message: 'order bytes must be a Uint8Array', path: 'order' };
    }
    const posted = await this.#post('orders', ORDER_TYPE, orderBytes);
    if (posted.failed) return posted.failed;
    const { response } = posted;
    if (response.status === 200 || response.status === 409) {
      const answer = JSON.parse(new TextDecoder().decode(response.body));
      return response.status === 200
        ? { ok: true, snapshotId: answer.snapshot_id, differences: [] }
        : { ok: false, code: 'ORDER_DIFFERS', message: 'the server prices this order differently', snapshotId: answer.snapshot_id, differences: answer.differences };
    }
    const error = serverError(response);
    return { ok: false, code: error.code, message: error.message, path: error.path, status: response.status };
  }
}
