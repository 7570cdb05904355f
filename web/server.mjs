#!/usr/bin/env node
// The demo's static file server: web/ at /, the built npm package at
// /shopcore/ and the generated locale packs at /locale/, on 127.0.0.1 only.
// No framework: a demo server that a test can start on a free port.
//
//   node web/server.mjs [--port N] [--build DIR]
//
// --port 0 takes any free port. The first line on stdout is always
// "shopcore demo: http://127.0.0.1:PORT/" with the real port.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyncApi, publishDirectory, unavailableApi } from './sync-server.mjs';

const webDir = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const options = { port: 8080, build: process.env.SHOPCORE_BUILD || path.join(webDir, '..', 'build') };
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i];
    const value = argv[i + 1];
    if (name === '--port' && /^\d+$/.test(value ?? '') && Number(value) <= 65535) {
      options.port = Number(value);
      i += 1;
    } else if (name === '--snapshots' && value) {
      options.snapshots = path.resolve(value);
      i += 1;
    } else if (name === '--build' && value) {
      options.build = path.resolve(value);
      i += 1;
    } else {
      process.stderr.write(`usage: server.mjs [--port 0..65535] [--build DIR] [--snapshots DIR] (bad argument '${name}')\n`);
      process.exit(2);
    }
  }
  return options;
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.d.ts': 'text/plain; charset=utf-8',
};

// URL prefix -> folder. Longest prefix first; "/" last.
function mounts(buildDir) {
  return [
    ['/shopcore/', path.join(buildDir, 'wasm', 'package')],
    ['/locale/', path.join(buildDir, 'wasm', 'locale')],
    ['/data/', path.join(buildDir, 'demo')],
    ['/', webDir],
  ];
}

// The file a request path names, or null when it is outside every mount.
function resolveFile(urlPath, table) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  for (const [prefix, dir] of table) {
    if (!decoded.startsWith(prefix)) continue;
    const relative = decoded.slice(prefix.length) || 'index.html';
    const file = path.resolve(dir, relative);
    // path.resolve collapses "..": anything that lands outside dir is refused.
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    return file;
  }
  return null;
}

function contentType(file) {
  if (file.endsWith('.d.ts')) return CONTENT_TYPES['.d.ts'];
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

function send(response, status, text) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}

async function handle(request, response, table) {
  if (request.url.startsWith('/api/')) return api.handle(request, response);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'method not allowed');
  }
  const { pathname } = new URL(request.url, 'http://127.0.0.1');
  let file = resolveFile(pathname, table);
  if (!file) return send(response, 404, 'not found');
  let info = await stat(file).catch(() => null);
  if (info && info.isDirectory()) {
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info || !info.isFile()) return send(response, 404, 'not found');
  response.writeHead(200, {
    'content-type': contentType(file),
    'content-length': info.size,
    // A demo is rebuilt often; never serve yesterday's module.
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (request.method === 'HEAD') return response.end();
  createReadStream(file).pipe(response);
}

const options = parseArgs(process.argv.slice(2));
const table = mounts(options.build);
// /api/: the sync protocol (web/sync-server.mjs) over DIR/<MARKET>.bin;
// SHOPCORE_SYNC_TEST=1 adds its test-only admin routes.
const api = await createSyncApi({ distDir: path.join(options.build, 'wasm', 'wasm', 'dist'), testMode: process.env.SHOPCORE_SYNC_TEST === '1' })
  .catch((error) => unavailableApi(error));
if (options.snapshots) await publishDirectory(api, options.snapshots);
const server = createServer((request, response) => {
  handle(request, response, table).catch((error) => {
    if (!response.headersSent) send(response, 500, `internal error: ${error.message}`);
    else response.destroy(error);
  });
});
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    process.stderr.write(`port ${options.port} on 127.0.0.1 is in use (is the demo already running? try --port 0)\n`);
  } else {
    process.stderr.write(`cannot serve: ${error.message}\n`);
  }
  process.exit(1);
});
server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`shopcore demo: http://127.0.0.1:${server.address().port}/\n`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}
