// The snapshots the reference server publishes, per market: the current one,
// the deltas to it from the last few versions, and each body precompressed
// (gzip and brotli) once at publish time instead of on every request.
//
// Every snapshot is verified by the core before it is published; a delta is
// made by the core (`snapshot delta`) and kept only when it is smaller than
// the full snapshot, since a client that can take a delta can always take
// the full one instead.
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { parseCliError } from './core.mjs';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

// Market keys appear in URLs and cache keys: a short, plain token.
export const MARKET_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

async function encodings(bytes) {
  const [gz, br] = await Promise.all([
    gzip(bytes, { level: 9 }),
    brotli(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  ]);
  // An encoding that does not shrink the body is not worth the client's CPU.
  const out = { identity: bytes };
  if (gz.length < bytes.length) out.gzip = new Uint8Array(gz);
  if (br.length < bytes.length) out.br = new Uint8Array(br);
  return out;
}

export class PublishError extends Error {
  constructor({ code, message, path }) {
    super(message);
    this.code = code;
    this.path = path;
  }
}

export class SnapshotStore {
  #core;
  #keep;
  #markets = new Map(); // market -> {current, history: [{id, hash, bytes}], deltas: Map(baseId -> body), withdrawn: Set}

  // keepVersions: how many earlier versions a delta is offered from.
  constructor(core, { keepVersions = 4 } = {}) {
    this.#core = core;
    this.#keep = keepVersions;
  }

  markets() { return [...this.#markets.keys()].sort(); }

  // {id, hash, etag, full: {identity, gzip?, br?}} or undefined.
  current(market) { return this.#markets.get(market)?.current; }

  // The delta body from base snapshot id to the current snapshot, if kept.
  delta(market, baseId) { return this.#markets.get(market)?.deltas.get(baseId); }

  isWithdrawn(market, snapshotId) { return this.#markets.get(market)?.withdrawn.has(snapshotId) ?? false; }

  // Verifies bytes with the core and makes them the market's current
  // snapshot. Returns the core's description; throws PublishError (nothing
  // changes) when the bytes are not a snapshot the core opens.
  async publish(market, bytes) {
    if (!MARKET_PATTERN.test(market)) {
      throw new PublishError({ code: 'INVALID_ARGUMENT', message: 'a market is 1 to 32 letters, digits, - or _', path: 'market' });
    }
    const data = new Uint8Array(bytes);
    const verified = this.#core.run(['snapshot', 'verify', 'new.bin'], { 'new.bin': data });
    if (verified.exitCode !== 0) throw new PublishError(parseCliError(verified.err));
    const info = JSON.parse(verified.out);
    if (info.snapshot_id === undefined || info.hash === undefined) {
      throw new PublishError({ code: 'BAD_SNAPSHOT', message: 'a delta cannot be published; publish the full snapshot', path: 'bytes' });
    }
    const entry = this.#markets.get(market) ?? { current: undefined, history: [], deltas: new Map(), withdrawn: new Set() };
    if (entry.current && entry.current.hash === info.hash) return info;

    const history = entry.current ? [entry.current, ...entry.history].slice(0, this.#keep) : [];
    const deltas = new Map();
    for (const base of history) {
      if (base.id === info.snapshot_id) continue; // the same id with other bytes: only a full snapshot is safe
      const made = this.#core.run(['snapshot', 'delta', 'old.bin', 'new.bin', '-o', 'delta.bin'],
        { 'old.bin': base.full.identity, 'new.bin': data });
      if (made.exitCode !== 0) continue; // e.g. another schema version: clients of that base get the full snapshot
      const delta = made.files.get('delta.bin');
      if (delta.length < data.length) deltas.set(base.id, { hash: base.hash, body: await encodings(delta) });
    }
    entry.current = {
      id: info.snapshot_id,
      hash: info.hash,
      etag: `"${info.hash}"`,
      createdAt: info.created_at,
      full: await encodings(data),
    };
    entry.history = history;
    entry.deltas = deltas;
    entry.withdrawn.delete(info.snapshot_id);
    this.#markets.set(market, entry);
    return info;
  }

  // A recalled snapshot (a pricing mistake): clients that name it as their
  // base are told to drop it (410) and take the current one in full.
  withdraw(market, snapshotId) {
    const entry = this.#markets.get(market);
    // The current snapshot is replaced by publishing, not withdrawn.
    if (!entry || entry.current.id === snapshotId) return false;
    entry.withdrawn.add(snapshotId);
    entry.deltas.delete(snapshotId);
    return true;
  }
}
