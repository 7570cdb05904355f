// engine.sync() in Chromium against web/server.mjs (its /api/ routes, test
// mode): the first load takes the full snapshot, a publish arrives as a
// delta, a Web Worker refreshes in the background and tells the page, and
// with the server stopped a reload still shows the shop from the offline
// copy in Cache Storage. The page and the package come from disk
// through Playwright's router (as from a CDN or a service worker), so only
// the API goes away with the server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT } from '../js/shopcore-cli.mjs';
import { loadCore } from '../../web/sync/core.mjs';
import { BUILD, SCREENSHOTS, openBrowser } from './browser.mjs';

const PACKAGE = path.join(BUILD, 'wasm', 'package');
const core = await loadCore({ distDir: path.join(BUILD, 'wasm', 'wasm', 'dist') });

function snapshotVersion(n) {
  const catalog = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/unit/snapshot/fixtures/small-catalog.json'), 'utf8'));
  catalog.snapshot_id = `e2e-v${n}`;
  catalog.items.flatMap((item) => item.skus).find((sku) => sku.id === 'sku-1a').price.DE.amount += n;
  const built = core.run(['snapshot', 'build', 'c.json', '-o', 's.bin'], { 'c.json': new TextEncoder().encode(JSON.stringify(catalog)) });
  assert.equal(built.exitCode, 0, built.err);
  return built.files.get('s.bin');
}

// node web/server.mjs --port 0 --snapshots DIR, test mode on.
function startServer(snapshots) {
  const child = spawn(process.execPath, [path.join(ROOT, 'web', 'server.mjs'), '--port', '0', '--build', BUILD, '--snapshots', snapshots], {
    env: { ...process.env, SHOPCORE_SYNC_TEST: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  process.once('exit', () => child.kill());
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = output.match(/^shopcore demo: (http:\/\/127\.0\.0\.1:\d+)\/$/m);
      if (match) {
        resolve({
          origin: match[1],
          stop: () => new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.once('exit', (code) => reject(new Error(`web/server.mjs exited (${code}):\n${output}`)));
  });
}

function post(url, type, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': type } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

// Everything but /api/ from disk: the page, and the package as built.
async function serveShellFromDisk(context, origin) {
  await context.route(`${origin}/**`, async (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname.startsWith('/api/')) return route.continue();
    const file = pathname === '/sync.html' ? path.join(ROOT, 'tests', 'e2e', 'sync-page.html')
      : pathname.startsWith('/shopcore/') ? path.join(PACKAGE, pathname.slice('/shopcore/'.length)) : null;
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return route.fulfill({ status: 404, body: 'not found' });
    }
    return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file) });
  });
}

const snapshots = fs.mkdtempSync(path.join(os.tmpdir(), 'sync-e2e-'));
const V1 = snapshotVersion(1);
const V2 = snapshotVersion(2);
const V3 = snapshotVersion(3);
fs.writeFileSync(path.join(snapshots, 'DE.bin'), V1);

let server;
let browser;
let page;
before(async () => {
  server = await startServer(snapshots);
  browser = await openBrowser('mobile');
  await serveShellFromDisk(browser.context, server.origin);
  page = await browser.context.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(snapshots, { recursive: true, force: true });
});

async function load() {
  await page.goto(`${server.origin}/sync.html`);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', null, { timeout: 30_000 });
}

test('first load: the full snapshot from the server is live and shown', async () => {
  await load();
  const first = await page.evaluate(() => window.firstSync);
  assert.equal(first.ok, true, first.message);
  assert.equal(first.source, 'full');
  assert.equal(await page.textContent('#snapshot'), 'e2e-v1');
  assert.equal(await page.textContent('#items'), '2');
  const cached = await page.evaluate(async () => (await caches.open('shopcore-snapshots')).keys().then((keys) => keys.map((k) => new URL(k.url).pathname)));
  assert.deepEqual(cached, ['/api/snapshot/DE']);
});

test('after the server publishes, the page takes a delta', async () => {
  const published = await post(`${server.origin}/api/admin/publish/DE`, 'application/x-shopcore-snapshot', V2);
  assert.equal(published.status, 200, published.body);
  const result = await page.evaluate(() => window.syncNow());
  assert.equal(result.ok, true, result.message);
  assert.equal(result.source, 'delta');
  assert.ok(result.bytesReceived < V2.length, `${result.bytesReceived} < ${V2.length}`);
  assert.equal(await page.textContent('#snapshot'), 'e2e-v2');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-online.png') });
});

test('a worker refreshes in the background and tells the page when a new snapshot is live', async () => {
  const started = await page.evaluate(async () => {
    const { createShopCoreWorker } = await import('/shopcore/src/index.js');
    const worker = await createShopCoreWorker({ simd: false });
    const remote = await worker.createEngine();
    window.backgroundLive = [];
    remote.addEventListener('snapshot', (event) => window.backgroundLive.push([event.detail.source, event.detail.snapshotId]));
    await remote.startSync('/api/', { market: 'DE', cache: false }, { intervalMs: 100 });
    window.backgroundWorker = { worker, remote };
    return true;
  });
  assert.equal(started, true);
  await page.waitForFunction(() => window.backgroundLive.length === 1, null, { timeout: 10_000 });
  const published = await post(`${server.origin}/api/admin/publish/DE`, 'application/x-shopcore-snapshot', V3);
  assert.equal(published.status, 200, published.body);
  await page.waitForFunction(() => window.backgroundLive.length === 2, null, { timeout: 10_000 });
  assert.deepEqual(await page.evaluate(() => window.backgroundLive), [['full', 'e2e-v2'], ['delta', 'e2e-v3']]);
  await page.evaluate(async () => {
    await window.backgroundWorker.remote.stopSync('/api/', { market: 'DE', cache: false });
    await window.backgroundWorker.remote.dispose();
    window.backgroundWorker.worker.terminate();
  });
  // The page's own engine takes the new snapshot too (its offline copy with it).
  assert.equal((await page.evaluate(() => window.syncNow())).snapshotId, 'e2e-v3');
});

test('with the server stopped, a reload still shows the shop from the offline copy', async () => {
  await server.stop();
  await load();
  assert.equal(await page.textContent('#snapshot'), 'e2e-v3');
  assert.deepEqual(await page.evaluate(() => window.syncLog()), [['snapshot', 'cache', 'e2e-v3'], ['failure', 'NETWORK_ERROR']]);
  const first = await page.evaluate(() => window.firstSync);
  assert.equal(first.ok, false);
  assert.equal(first.serving, 'e2e-v3');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'sync-offline.png') });
});
