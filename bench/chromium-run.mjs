#!/usr/bin/env node
// The Chromium column of scripts/bench: serves bench/, the package and the
// data folder from 127.0.0.1, opens bench/page/ in Debian's headless
// Chromium (playwright-core, a fresh profile) and prints the page's rows as
// one JSON object on stdout.
//   node bench/chromium-run.mjs DATA_DIR PACKAGE_DIR SIZES REPS MIN_MS [ONLY]
// The page is served cross-origin isolated (COOP + COEP) so performance.now()
// has its fine resolution.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const [dataDir, packageDir, sizes, reps, minMs, only = ''] = process.argv.slice(2);
const roots = { '/bench/': benchDir, '/package/': packageDir, '/data/': dataDir };
const types = { '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.json': 'application/json', '.bin': 'application/octet-stream' };

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  const prefix = Object.keys(roots).find((p) => url.pathname.startsWith(p));
  const file = prefix && path.resolve(roots[prefix], `.${url.pathname.slice(prefix.length - 1)}`);
  if (!file || !file.startsWith(path.resolve(roots[prefix])) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': types[path.extname(file)] || 'application/octet-stream',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    'Cache-Control': 'no-store',
  });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-bench-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
    else process.stderr.write(`  chromium: ${message.text()}\n`);
  });
  const query = new URLSearchParams({ sizes, reps, minMs, only });
  await page.goto(`http://127.0.0.1:${port}/bench/page/index.html?${query}`);
  const handle = await page.waitForFunction(() => window.result, null, { timeout: 0, polling: 500 });
  const result = await handle.jsonValue();
  result.browserVersion = context.browser() ? context.browser().version() : null;
  result.errors = errors;
  process.stdout.write(JSON.stringify(result));
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  server.close();
}
