// `npm pack` of build/wasm/package installs into an empty project and works
// there: a Node script through the "node" export, an esbuild bundle of the
// same installed package in Chromium, and the worker wrapper in Chromium.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './shopcore-cli.mjs';

const BUILD = process.env.SHOPCORE_BUILD || path.join(ROOT, 'build');
const PACKAGE = path.join(BUILD, 'wasm', 'package');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-pack-'));
const app = path.join(work, 'app');
let server;
let baseUrl;

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.bin': 'application/octet-stream' };

before(() => {
  const tarball = execFileSync('npm', ['pack', PACKAGE, '--pack-destination', work, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // A local tarball without dependencies: no registry is involved.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--silent', path.join(work, tarball)], { cwd: app, encoding: 'utf8' });
  execFileSync(path.join(ROOT, 'scripts', 'shopcore'),
    ['snapshot', 'build', path.join(ROOT, 'tests/unit/snapshot/fixtures/small-catalog.json'), '-o', path.join(app, 'snapshot.bin')]);
  server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();  // the browser asks for it; not the package's business
      return;
    }
    const file = path.join(app, pathname);
    if (!file.startsWith(app) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    baseUrl = `http://127.0.0.1:${server.address().port}/`;
    resolve();
  }));
});

after(() => {
  server?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

test('the tarball holds exactly the files package.json lists', () => {
  const installed = path.join(app, 'node_modules', 'shopcore');
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'shopcore');
  for (const file of ['index.d.ts', 'README.md', 'src/index.js', 'src/node.js', 'src/engine.js', 'src/worker.js', 'dist/shopcore.wasm', 'dist/shopcore-node.wasm']) {
    assert.ok(fs.existsSync(path.join(installed, file)), file);
  }
  assert.ok(!fs.existsSync(path.join(installed, 'dist', 'shopcore-cli.cjs')), 'the CLI build is not part of the package');
});

test('a Node script in the installing project uses the package by name', () => {
  fs.writeFileSync(path.join(app, 'main.mjs'), `
    import { readFileSync } from 'node:fs';
    import { createShopCore, ShopCoreError } from 'shopcore';
    const core = await createShopCore();
    const engine = core.createEngine();
    const info = engine.openSnapshot(readFileSync(new URL('./snapshot.bin', import.meta.url)));
    let code = '';
    try { engine.openSnapshot(new Uint8Array([1, 2])); } catch (error) { code = error instanceof ShopCoreError && error.code; }
    engine.dispose();
    console.log(JSON.stringify({ id: info.snapshot_id, major: core.toMajor(1234, 'EUR'), code }));
  `);
  const out = JSON.parse(execFileSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' }));
  assert.deepEqual(out, { id: 'small-2026-11-21', major: '12.34', code: 'BAD_SNAPSHOT' });
});

const execFileAsync = promisify(execFile);

// The page runs in Chromium, driven from a child process (package-chromium.mjs);
// the server stays in this one, so the wait must be asynchronous.
async function inChromium(url, check) {
  const { stdout } = await execFileAsync(process.execPath, [path.join(ROOT, 'tests', 'js', 'package-chromium.mjs'), url],
    { encoding: 'utf8', timeout: 120_000 });
  const { result, errors } = JSON.parse(stdout);
  assert.deepEqual(errors, []);
  check(result);
}

test('an esbuild bundle of the installed package runs in Chromium', async () => {
  fs.writeFileSync(path.join(app, 'bundle-entry.js'), `
    import { createShopCore } from 'shopcore';
    const core = await createShopCore({ wasmUrl: '/node_modules/shopcore/dist/shopcore.wasm' });
    const bytes = new Uint8Array(await (await fetch('/snapshot.bin')).arrayBuffer());
    const engine = core.createEngine();
    const info = engine.openSnapshot(bytes);
    let code = '';
    try { engine.shareDecode('nope'); } catch (error) { code = error.code; }
    engine.dispose();
    try { engine.snapshotInfo(); } catch (error) { code += '/' + error.code; }
    window.result = { id: info.snapshot_id, major: core.toMajor(1234, 'EUR'), code };
  `);
  const esbuild = path.join(ROOT, 'node_modules', '.bin', 'esbuild');
  execFileSync(esbuild, ['bundle-entry.js', '--bundle', '--format=esm', '--platform=browser', '--outfile=bundle.js', '--log-level=warning'], { cwd: app });
  fs.writeFileSync(path.join(app, 'bundle.html'), '<!doctype html><script type="module" src="/bundle.js"></script>');
  await inChromium(`${baseUrl}bundle.html`, (result) =>
    assert.deepEqual(result, { id: 'small-2026-11-21', major: '12.34', code: 'BAD_TOKEN/DISPOSED' }));
});

test('createShopCoreWorker runs the engine in a Web Worker in Chromium', async () => {
  fs.writeFileSync(path.join(app, 'worker.html'), `<!doctype html><script type="module">
    import { createShopCoreWorker } from '/node_modules/shopcore/src/index.js';
    const worker = await createShopCoreWorker();
    const bytes = new Uint8Array(await (await fetch('/snapshot.bin')).arrayBuffer());
    const engine = await worker.createEngine();
    const info = await engine.openSnapshot(bytes);
    const events = (await engine.track({ type: 'view', time_ms: 1, item: 'kettle' })).events;
    let code = '';
    try { await engine.openSnapshot(new Uint8Array([1])); } catch (error) { code = error.name + ':' + error.code; }
    const still = (await engine.snapshotInfo()).snapshot_id;
    await engine.dispose();
    try { await engine.snapshotInfo(); } catch (error) { code += '/' + error.code; }
    worker.terminate();
    window.result = { id: info.snapshot_id, events, code, still };
  </script>`);
  await inChromium(`${baseUrl}worker.html`, (result) =>
    assert.deepEqual(result, { id: 'small-2026-11-21', events: 1, code: 'ShopCoreError:BAD_SNAPSHOT/DISPOSED', still: 'small-2026-11-21' }));
});
