// engine.sync() against the reference server (web/sync-server.mjs) running
// in this process on 127.0.0.1: first load, 304, deltas, damaged downloads,
// a server restart mid-download, withdrawn snapshots, the offline cache,
// behaviour uploads, orders re-priced by the server, and the server's limits
// and errors. Snapshots and orders are made by the same core (the wasm
// `shopcore` command, in process).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import { ByteBuffer } from 'flatbuffers';
import { ROOT } from './shopcore-cli.mjs';
import { loadCore } from '../../web/sync/core.mjs';
import { createSyncApi, startSyncServer } from '../../web/sync-server.mjs';

const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');
const shopcore = await import(pathToFileURL(path.join(PACKAGE, 'src', 'node.js')).href);
const { snapshotHash } = await import(pathToFileURL(path.join(PACKAGE, 'src', 'sync.js')).href);
const core = await loadCore({ distDir: path.join(BUILD, 'wasm', 'wasm', 'dist') });
const shop = await shopcore.createShopCore();

const CATALOG = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/unit/snapshot/fixtures/small-catalog.json'), 'utf8'));
const FAST = { attempts: 3, baseDelayMs: 5, maxDelayMs: 40 };

function ok(result, what) {
  assert.equal(result.exitCode, 0, `${what}: ${result.err}`);
  return result;
}

// Version n of the fixture catalog: its id and the price of sku-1a in DE change.
function snapshotVersion(n) {
  const catalog = structuredClone(CATALOG);
  catalog.snapshot_id = `small-v${n}`;
  const sku = catalog.items.flatMap((item) => item.skus).find((s) => s.id === 'sku-1a');
  sku.price.DE.amount += n;
  const built = ok(core.run(['snapshot', 'build', 'c.json', '-o', 's.bin'], { 'c.json': new TextEncoder().encode(JSON.stringify(catalog)) }), 'build');
  return built.files.get('s.bin');
}
const V1 = snapshotVersion(1);
const V2 = snapshotVersion(2);
const V3 = snapshotVersion(3);

const REQUEST = { market: 'DE', now: 1763726400000, lines: [{ sku: 'sku-1a', qty: 2 }] };
function buildOrder(snapshot, request = REQUEST) {
  const built = ok(core.run(['order', 'build', 's.bin', 'r.json', '-o', 'o.bin'],
    { 's.bin': snapshot, 'r.json': new TextEncoder().encode(JSON.stringify(request)) }), 'order build');
  return built.files.get('o.bin');
}

// Order.client_totals (field 11) -> OrderTotals.payable (field 4), rewritten
// in place the way a client that edits the bytes would.
function withPayable(order, payable) {
  const bytes = new Uint8Array(order);
  const bb = new ByteBuffer(bytes);
  const root = bb.readInt32(0);
  const totalsAt = bb.__offset(root, 4 + 2 * 11);
  const totals = bb.__indirect(root + totalsAt);
  const payableAt = bb.__offset(totals, 4 + 2 * 4);
  assert.ok(totalsAt && payableAt, 'the order carries client totals');
  const old = new DataView(bytes.buffer, bytes.byteOffset).getBigInt64(totals + payableAt, true);
  new DataView(bytes.buffer, bytes.byteOffset).setBigInt64(totals + payableAt, BigInt(payable), true);
  return { bytes, old };
}

function tempDir(name) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `sync-${name}-`));
}

// A raw request to the server, for what the client never sends.
function raw(url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
const jsonOf = (answer) => JSON.parse(answer.body.toString('utf8'));

let api;
let server;
const engines = [];
function engine() {
  const made = shop.createEngine();
  engines.push(made);
  return made;
}

before(async () => {
  api = await createSyncApi({ distDir: path.join(BUILD, 'wasm', 'wasm', 'dist'), testMode: true });
  await api.publish('DE', V1);
  server = await startSyncServer({ api });
});
after(async () => {
  for (const made of engines) made.dispose();
  await server.close();
});

describe('snapshot sync', () => {
  const cacheDir = tempDir('cache');
  let device;
  const events = [];

  test('first load: the full snapshot, verified, live, and kept in the cache directory', async () => {
    device = engine();
    const client = device.syncClient(server.url, { market: 'DE', cacheDir, retry: FAST });
    client.addEventListener('snapshot', (event) => events.push(event.detail));
    const result = await device.sync(server.url, { market: 'DE', cacheDir, retry: FAST });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.outcome, 'updated');
    assert.equal(result.source, 'full');
    assert.equal(result.snapshotId, 'small-v1');
    assert.equal(result.previousId, null);
    assert.equal(result.hash, snapshotHash(V1));
    assert.equal(device.snapshotInfo().snapshot_id, 'small-v1');
    assert.deepEqual(events.map((e) => [e.source, e.snapshotId]), [['full', 'small-v1']]);
    const files = fs.readdirSync(cacheDir).sort();
    assert.equal(files.length, 2, files.join(' '));
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(cacheDir, files.find((f) => f.endsWith('.bin'))))), V1);
  });

  test('the same snapshot again is a 304: nothing downloaded, nothing swapped', async () => {
    const result = await device.sync(server.url, { market: 'DE' });
    assert.deepEqual(result, { ok: true, outcome: 'current', snapshotId: 'small-v1', hash: snapshotHash(V1), attempts: 1 });
    assert.equal(events.length, 1);
    const answer = await raw(`${server.url}snapshot/DE`, { headers: { 'if-none-match': `W/"${snapshotHash(V1)}"` } });
    assert.equal(answer.status, 304);
    assert.equal(answer.headers.etag, `"${snapshotHash(V1)}"`);
    assert.equal(answer.body.length, 0);
  });

  test('after a publish the client gets a delta from its snapshot; the result is byte-identical to the new snapshot', async () => {
    await api.publish('DE', V2);
    const delta = await raw(`${server.url}snapshot/DE?base=small-v1`);
    assert.equal(delta.headers['x-shopcore-kind'], 'delta');
    assert.ok(delta.body.length < V2.length, `${delta.body.length} < ${V2.length}`);
    const result = await device.sync(server.url, { market: 'DE' });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.source, 'delta');
    assert.equal(result.snapshotId, 'small-v2');
    assert.equal(result.previousId, 'small-v1');
    assert.equal(result.bytesReceived, delta.body.length);
    assert.deepEqual(device.snapshotBytes(), V2);
    assert.deepEqual(events.map((e) => e.snapshotId), ['small-v1', 'small-v2']);
    const bin = fs.readdirSync(cacheDir).find((f) => f.endsWith('.bin'));
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(cacheDir, bin))), V2, 'the cache holds the snapshot the delta made');
  });

  test('an unknown base gets the full snapshot; br and gzip bodies decode to the same bytes', async () => {
    const full = await raw(`${server.url}snapshot/DE?base=nobody`, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(full.headers['x-shopcore-kind'], 'full');
    assert.equal(full.headers['content-type'], 'application/x-shopcore-snapshot');
    assert.equal(full.headers['x-shopcore-snapshot-id'], 'small-v2');
    assert.deepEqual(new Uint8Array(full.body), V2);
    const br = await raw(`${server.url}snapshot/DE`, { headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(br.headers.vary, 'accept-encoding');
    assert.ok(br.body.length < V2.length);
    assert.deepEqual(new Uint8Array(zlib.brotliDecompressSync(br.body)), V2);
    const gz = await raw(`${server.url}snapshot/DE`, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(new Uint8Array(zlib.gunzipSync(gz.body)), V2);
    const none = await raw(`${server.url}snapshot/DE`, { headers: { 'accept-encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(none.headers['content-encoding'], undefined);
  });
});

describe('damaged downloads keep the old snapshot serving', () => {
  async function deviceOnV1() {
    const device = engine();
    device.openSnapshot(V1);
    return device;
  }

  // A damaged delta makes the client ask for the full snapshot at once (one
  // more damaged answer); a cut connection is retried as it is.
  for (const [kind, code, answers] of [
    ['corrupt', 'CORRUPT_DOWNLOAD', FAST.attempts + 1],
    ['truncate', 'NETWORK_ERROR', FAST.attempts],
    // A body cut short with a Content-Length that agrees: the hash check sees it first.
    ['short', 'CORRUPT_DOWNLOAD', FAST.attempts + 1],
  ]) {
    test(`${kind}: refused after every retry, reported as ${code}, v1 still serving`, async () => {
      const device = await deviceOnV1();
      const failures = [];
      const client = device.syncClient(server.url, { market: 'DE', cache: false, retry: FAST });
      client.addEventListener('failure', (event) => failures.push(event.detail));
      api.injectFault({ kind, times: answers });
      const result = await client.sync();
      assert.equal(result.ok, false);
      assert.equal(result.code, code, result.message);
      assert.equal(result.serving, 'small-v1');
      assert.equal(result.attempts, FAST.attempts);
      assert.deepEqual(failures, [result]);
      assert.equal(device.snapshotInfo().snapshot_id, 'small-v1');
      assert.deepEqual(device.snapshotBytes(), V1);
      // The server is fine again: the next sync gets the delta.
      const healed = await client.sync();
      assert.equal(healed.ok, true, healed.message);
      assert.equal(healed.snapshotId, 'small-v2');
    });
  }

  test('a 503 with Retry-After is retried after the pause, then succeeds', async () => {
    const device = await deviceOnV1();
    api.injectFault({ kind: 'status', status: 503, retryAfter: 0 });
    const result = await device.sync(server.url, { market: 'DE', cache: false, retry: FAST });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.attempts, 2);
  });

  test('a 4xx other than 410 is not retried: the request itself is wrong', async () => {
    const device = await deviceOnV1();
    api.injectFault({ kind: 'status', status: 404 });
    const result = await device.sync(server.url, { market: 'DE', cache: false, retry: FAST });
    assert.deepEqual(result, { ok: false, code: 'HTTP_ERROR', message: '404 BAD_REQUEST: injected 404', serving: 'small-v1', status: 404, attempts: 1 });
  });

  test('the client names its base and its ETag, and a snapshot already serving is not replaced by the offline copy', async () => {
    const { nodeTransport } = await import(pathToFileURL(path.join(PACKAGE, 'src', 'sync-node.js')).href);
    const sent = [];
    const inner = nodeTransport();
    const transport = (request) => { sent.push(request); return inner(request); };
    const device = await deviceOnV1();
    const result = await device.sync(server.url, { market: 'DE', cache: false, retry: FAST, transport });
    assert.equal(result.source, 'delta');
    assert.equal(sent.length, 1);
    assert.equal(sent[0].url, `${server.url}snapshot/DE?base=small-v1`);
    assert.deepEqual(sent[0].headers, { 'if-none-match': `"${snapshotHash(V1)}"` });
    const cacheDir = tempDir('no-downgrade');
    await engine().sync(server.url, { market: 'DE', cacheDir, retry: FAST });
    const other = await deviceOnV1();
    const kept = await other.syncClient(server.url, { market: 'DE', cacheDir }).openCached();
    assert.deepEqual(kept, { ok: true, outcome: 'current', snapshotId: 'small-v1', hash: snapshotHash(V1) });
    assert.equal(other.snapshotInfo().snapshot_id, 'small-v1');
  });

  test('a Retry-After longer than the backoff cap ends the sync and says when to come back', async () => {
    const device = await deviceOnV1();
    api.injectFault({ kind: 'status', status: 429, retryAfter: 120 });
    const result = await device.sync(server.url, { market: 'DE', cache: false, retry: FAST });
    assert.equal(result.ok, false);
    assert.equal(result.status, 429);
    assert.equal(result.retryAfterMs, 120_000);
    assert.equal(result.serving, 'small-v1');
  });

  test('the server restarts mid-download: the client retries with backoff and gets the snapshot', async () => {
    const first = await startSyncServer({ api });
    const device = engine();
    api.injectFault({ kind: 'stall' });
    const before = api.requests;
    const syncing = device.sync(first.url, { market: 'DE', cache: false, timeoutMs: 10_000, retry: { attempts: 6, baseDelayMs: 20, maxDelayMs: 200 } });
    while (api.requests === before) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 20)); // half the body is on the wire
    await first.close();
    const second = await startSyncServer({ api, port: first.port });
    try {
      const result = await syncing;
      assert.equal(result.ok, true, result.message);
      assert.equal(result.source, 'full');
      assert.equal(result.snapshotId, 'small-v2');
      assert.ok(result.attempts >= 2, `attempts ${result.attempts}`);
      assert.deepEqual(device.snapshotBytes(), V2);
    } finally {
      await second.close();
    }
  });

  test('a withdrawn snapshot: the server answers 410, the client drops its cached copy and takes the current one in full', async () => {
    const cacheDir = tempDir('withdrawn');
    const device = engine();
    assert.equal((await device.sync(server.url, { market: 'DE', cacheDir, retry: FAST })).snapshotId, 'small-v2');
    await api.publish('DE', V3);
    assert.equal(api.withdraw('DE', 'small-v2'), true);
    const answer = await raw(`${server.url}snapshot/DE?base=small-v2`);
    assert.equal(answer.status, 410);
    assert.equal(jsonOf(answer).error.code, 'SNAPSHOT_WITHDRAWN');
    const result = await device.sync(server.url, { market: 'DE', cacheDir });
    assert.equal(result.ok, true, result.message);
    assert.equal(result.source, 'full');
    assert.equal(result.snapshotId, 'small-v3');
    const bin = fs.readdirSync(cacheDir).find((f) => f.endsWith('.bin'));
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(cacheDir, bin))), V3);
  });
});

describe('offline start from the cache directory', () => {
  test('with the server unreachable the cached snapshot serves, and the failure is reported', async () => {
    const cacheDir = tempDir('offline');
    const online = engine();
    const shortLived = await startSyncServer({ api });
    const deadUrl = shortLived.url;
    assert.equal((await online.sync(deadUrl, { market: 'DE', cacheDir, retry: FAST })).ok, true);
    const live = online.snapshotInfo().snapshot_id;
    await shortLived.close();
    const offline = engine();
    const seen = [];
    const client = offline.syncClient(deadUrl, { market: 'DE', cacheDir, retry: FAST });
    client.addEventListener('snapshot', (event) => seen.push(['snapshot', event.detail.source, event.detail.snapshotId]));
    client.addEventListener('failure', (event) => seen.push(['failure', event.detail.code]));
    const result = await client.sync();
    assert.equal(result.ok, false);
    assert.equal(result.code, 'NETWORK_ERROR');
    assert.equal(result.serving, live);
    assert.deepEqual(seen, [['snapshot', 'cache', live], ['failure', 'NETWORK_ERROR']]);
    assert.equal(offline.snapshotInfo().snapshot_id, live);
  });

  test('a cached copy that no longer matches its hash or verifies is discarded, not trusted', async () => {
    const cacheDir = tempDir('damaged');
    const online = engine();
    assert.equal((await online.sync(server.url, { market: 'DE', cacheDir, retry: FAST })).ok, true);
    const bin = path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith('.bin')));
    const bytes = fs.readFileSync(bin);
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(bin, bytes);

    const device = engine();
    const client = device.syncClient(server.url, { market: 'DE', cacheDir, retry: { attempts: 1 } });
    const opened = await client.openCached();
    assert.equal(opened.ok, false);
    assert.equal(opened.code, 'CORRUPT_CACHE');
    assert.equal(opened.serving, null);
    assert.deepEqual(fs.readdirSync(cacheDir), [], 'both files removed');
    assert.throws(() => device.snapshotInfo(), { code: 'NOT_FOUND' });

    // Bytes that match their recorded hash but are not a snapshot the engine opens.
    const junk = new TextEncoder().encode('not a snapshot at all');
    fs.writeFileSync(bin, junk);
    fs.writeFileSync(bin.replace(/\.bin$/, '.json'), JSON.stringify({ snapshot_id: 'x', hash: snapshotHash(junk) }));
    const refused = await client.openCached();
    assert.equal(refused.code, 'BAD_SNAPSHOT', refused.message);
    assert.deepEqual(fs.readdirSync(cacheDir), []);
  });
});

describe('orders are re-priced by the server', () => {
  test('an honest order agrees; a tampered total is caught and named', async () => {
    const device = engine();
    assert.equal((await device.sync(server.url, { market: 'DE', cache: false, retry: FAST })).ok, true);
    const client = device.syncClient(server.url, { market: 'DE', cache: false, retry: FAST });
    const order = buildOrder(device.snapshotBytes());
    const agreed = await client.submitOrder(order);
    assert.deepEqual(agreed, { ok: true, snapshotId: 'small-v3', differences: [] });

    const { bytes, old } = withPayable(order, 100);
    const caught = await client.submitOrder(bytes);
    assert.equal(caught.ok, false);
    assert.equal(caught.code, 'ORDER_DIFFERS');
    const major = (minor) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
    assert.deepEqual(caught.differences, [{ field: 'totals.payable', client: '1.00', server: major(old) }]);
  });

  test('an order priced on an older snapshot differs by its snapshot id', async () => {
    const client = engine().syncClient(server.url, { market: 'DE', cache: false, retry: FAST });
    const stale = await client.submitOrder(buildOrder(V1));
    assert.equal(stale.code, 'ORDER_DIFFERS');
    assert.deepEqual(stale.differences.find((d) => d.field === 'snapshot_id'), { field: 'snapshot_id', client: 'small-v1', server: 'small-v3' });
  });

  test('bytes that are not an order are a 400 with the core\'s error', async () => {
    const answer = await raw(`${server.url}orders/DE`, { method: 'POST', headers: { 'content-type': 'application/x-shopcore-order' }, body: Buffer.from('nonsense bytes here') });
    assert.equal(answer.status, 400);
    assert.deepEqual(jsonOf(answer).error, { code: 'BAD_REQUEST', message: 'not an order (identifier SORD)', path: 'body:order' });
  });
});

describe('behaviour batches, only with consent', () => {
  test('no consent: nothing is sent; with consent the batch is accepted once and acknowledged', async () => {
    const device = engine();
    device.openSnapshot(V3);
    const client = device.syncClient(server.url, { market: 'DE', cache: false, retry: FAST });
    device.track({ type: 'view', time_ms: 1000, item: 'item-1' });
    const before = api.requests;
    const refused = await client.uploadEvents({ consentVersion: 'v1' });
    assert.equal(refused.code, 'CONSENT_REQUIRED');
    assert.equal(api.requests, before, 'no request without consent');

    device.setConsent(true);
    device.track({ type: 'click', time_ms: 2000, item: 'item-2' });
    const sent = await client.uploadEvents({ consentVersion: 'v1' });
    assert.equal(sent.ok, true, sent.message);
    assert.equal(sent.accepted, 2);
    const stored = api.inbox.batches('DE');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].consent_version, 'v1');
    assert.equal(stored[0].snapshot_id, 'small-v3');
    assert.deepEqual(stored[0].events.map((e) => e.type), ['view', 'click']);
    assert.deepEqual(device.uploadBatch().events, [], 'acknowledged');
    const again = await client.uploadEvents({ consentVersion: 'v1' });
    assert.deepEqual(again, { ok: true, accepted: 0, throughSeq: sent.throughSeq, sent: false });
  });

  test('malformed batches are refused with the field that is wrong', async () => {
    const post = (body, type = 'application/json') => raw(`${server.url}events/DE`,
      { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const good = { schema_version: 1, snapshot_id: 's', consent_version: 'v1', batch_id: 'b-1', shopper: 'x', through_seq: 1, events: [{ seq: 1, type: 'view', time_ms: 5, item: 'a' }] };
    const cases = [
      ['{"oops"', 400, 'BAD_REQUEST', 'body'],
      [{ ...good, colour: 1 }, 400, 'BAD_REQUEST', 'colour'],
      [{ ...good, consent_version: undefined }, 403, 'CONSENT_REQUIRED', 'consent_version'],
      [{ ...good, events: [{ type: 'teleport', time_ms: 5, item: 'a' }] }, 400, 'BAD_REQUEST', 'events[0].type'],
      [{ ...good, events: [good.events[0], { type: 'view', time_ms: 5 }] }, 400, 'BAD_REQUEST', 'events[1].item'],
      [{ ...good, through_seq: -1 }, 400, 'BAD_REQUEST', 'through_seq'],
    ];
    for (const [body, status, code, where] of cases) {
      const answer = await post(body);
      assert.equal(answer.status, status, answer.body.toString());
      assert.deepEqual([jsonOf(answer).error.code, jsonOf(answer).error.path], [code, where], answer.body.toString());
    }
    const wrongType = await post(good, 'text/plain');
    assert.equal(wrongType.status, 415);
    assert.equal(jsonOf(wrongType).error.code, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('server limits and errors', () => {
  test('bodies over the limit are refused with 413, by Content-Length or while streaming', async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 1);
    const declared = await raw(`${server.url}orders/DE`, { method: 'POST', headers: { 'content-type': 'application/x-shopcore-order' }, body: big });
    assert.equal(declared.status, 413);
    assert.deepEqual(jsonOf(declared).error, { code: 'PAYLOAD_TOO_LARGE', message: 'the body is larger than 65536 bytes', path: 'body' });
    const streamed = await new Promise((resolve, reject) => {
      const request = http.request(`${server.url}events/DE`, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks) }));
      });
      request.on('error', reject);
      for (let i = 0; i < 40; i += 1) request.write(Buffer.alloc(8 * 1024, 32));
      request.end();
    });
    assert.equal(streamed.status, 413);
    assert.equal(jsonOf(streamed).error.code, 'PAYLOAD_TOO_LARGE');
  });

  test('unknown markets, bad market names, methods and routes answer JSON errors', async () => {
    const cases = [
      [`${server.url}snapshot/FR`, 'GET', 404, 'NOT_FOUND', 'market'],
      [`${server.url}snapshot/${encodeURIComponent('../etc')}`, 'GET', 400, 'BAD_REQUEST', 'market'],
      [`${server.url}snapshot/DE`, 'DELETE', 405, 'METHOD_NOT_ALLOWED', 'method'],
      [`${server.url}nothing/DE`, 'GET', 404, 'NOT_FOUND', 'path'],
    ];
    for (const [url, method, status, code, where] of cases) {
      const answer = await raw(url, { method });
      assert.equal(answer.status, status, `${method} ${url}`);
      assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
      assert.deepEqual([jsonOf(answer).error.code, jsonOf(answer).error.path], [code, where]);
    }
  });

  test('publishing something that is not a snapshot changes nothing', async () => {
    const before = api.store.current('DE').id;
    const answer = await raw(`${server.url}admin/publish/DE`, { method: 'POST', headers: { 'content-type': 'application/x-shopcore-snapshot' }, body: Buffer.from(V3.subarray(0, 100)) });
    assert.equal(answer.status, 400);
    assert.equal(jsonOf(answer).error.code, 'BAD_SNAPSHOT');
    assert.equal(api.store.current('DE').id, before);
  });

  test('without test mode there are no admin routes', async () => {
    const plain = await startSyncServer({ distDir: path.join(BUILD, 'wasm', 'wasm', 'dist') });
    try {
      assert.equal(plain.server.address().address, '127.0.0.1');
      const answer = await raw(`${plain.url}admin/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind":"corrupt"}' });
      assert.equal(answer.status, 404);
    } finally {
      await plain.close();
    }
  });
});

describe('background refresh in a worker', () => {
  test('the worker syncs on its own timer and tells the page when a new snapshot is live', async () => {
    const worker = await shopcore.createShopCoreWorker();
    const remote = await worker.createEngine();
    try {
      const live = [];
      let wake = () => {};
      remote.addEventListener('snapshot', (event) => { live.push([event.detail.source, event.detail.snapshotId]); wake(); });
      const next = () => new Promise((resolve) => { wake = resolve; });
      const first = next();
      await remote.startSync(server.url, { market: 'DE', cache: false, retry: FAST }, { intervalMs: 20 });
      await first;
      assert.deepEqual(live, [['full', 'small-v3']]);
      const second = next();
      await api.publish('DE', snapshotVersion(4));
      await second;
      assert.deepEqual(live, [['full', 'small-v3'], ['delta', 'small-v4']]);
      assert.equal((await remote.snapshotInfo()).snapshot_id, 'small-v4');
      await remote.stopSync(server.url, { market: 'DE', cache: false, retry: FAST });
    } finally {
      await remote.dispose();
      await worker.terminate();
    }
  });
});
