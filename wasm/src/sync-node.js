// Node's side of sync.js: a transport over node:http(s) (Node 18 and 20 run
// without a global fetch under --no-experimental-fetch, and fetch hides a
// connection cut mid-body behind a generic error) and the offline cache as a
// directory.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { TransportError } from './sync.js';

const gunzip = promisify(zlib.gunzip);
const brotliDecompress = promisify(zlib.brotliDecompress);

// Snapshots are capped at 512 MiB by the engine; nothing larger is read.
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export function nodeTransport({ maxBytes = MAX_BODY_BYTES } = {}) {
  return ({ url, method = 'GET', headers = {}, body, timeoutMs, signal }) => new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new TransportError('NETWORK_ERROR', `unsupported protocol ${target.protocol}`));
      return;
    }
    let settled = false;
    const fail = (code, message) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      request.destroy();
      reject(new TransportError(code, message));
    };
    const timer = setTimeout(() => fail('TIMEOUT', `no complete answer within ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => fail('ABORTED', 'aborted');
    const request = client.request(target, {
      method,
      headers: { 'accept-encoding': 'br, gzip', ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) },
    }, (response) => {
      const chunks = [];
      let size = 0;
      response.on('data', (chunk) => {
        size += chunk.length;
        if (size > maxBytes) fail('NETWORK_ERROR', `the answer is larger than ${maxBytes} bytes`);
        else chunks.push(chunk);
      });
      response.on('aborted', () => fail('NETWORK_ERROR', 'the connection closed before the answer was complete'));
      response.on('error', (error) => fail('NETWORK_ERROR', error.message));
      response.on('end', async () => {
        if (settled) return;
        if (!response.complete) {
          fail('NETWORK_ERROR', 'the connection closed before the answer was complete');
          return;
        }
        let bytes = Buffer.concat(chunks, size);
        const encoding = (response.headers['content-encoding'] ?? 'identity').toLowerCase();
        try {
          if (encoding === 'gzip') bytes = await gunzip(bytes, { maxOutputLength: maxBytes });
          else if (encoding === 'br') bytes = await brotliDecompress(bytes, { maxOutputLength: maxBytes });
          else if (encoding !== 'identity') throw new Error(`unknown content-encoding ${encoding}`);
        } catch (error) {
          fail('NETWORK_ERROR', `the answer could not be decoded: ${error.message}`);
          return;
        }
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve({
          status: response.statusCode,
          header: (name) => {
            const value = response.headers[name.toLowerCase()];
            return value === undefined ? null : String(value);
          },
          body: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        });
      });
    });
    request.on('error', (error) => fail('NETWORK_ERROR', error.message));
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort);
    request.end(body);
  });
}

// The offline copy in a directory: <key>.bin and <key>.json per snapshot URL.
// Written to a temporary name and renamed, so a crash leaves the old copy
// or the new one, never half of one.
export class DirectoryCache {
  constructor(dir) { this.dir = dir; }

  #file(key, extension) {
    return path.join(this.dir, `${encodeURIComponent(key).replace(/%/g, '_')}${extension}`);
  }

  async load(key) {
    let meta;
    let bytes;
    try {
      meta = JSON.parse(await readFile(this.#file(key, '.json'), 'utf8'));
      bytes = await readFile(this.#file(key, '.bin'));
    } catch (error) {
      if (error.code === 'ENOENT') return null;
      throw error;
    }
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), hash: String(meta.hash ?? ''), snapshotId: String(meta.snapshot_id ?? '') };
  }

  async save(key, { bytes, hash, snapshotId }) {
    await mkdir(this.dir, { recursive: true });
    const bin = this.#file(key, '.bin');
    const json = this.#file(key, '.json');
    await writeFile(`${bin}.tmp`, bytes);
    await writeFile(`${json}.tmp`, `${JSON.stringify({ snapshot_id: snapshotId, hash })}\n`);
    // The hash lands last: a crash between the renames leaves a copy that
    // fails its hash check and is discarded, never a wrong one trusted.
    await rename(`${bin}.tmp`, bin);
    await rename(`${json}.tmp`, json);
  }

  async remove(key) {
    await rm(this.#file(key, '.bin'), { force: true });
    await rm(this.#file(key, '.json'), { force: true });
  }
}

// What node.js hands every Engine: the transport, and a directory cache
// when options.cacheDir names one (no directory is written otherwise).
export const nodeSyncEnvironment = Object.freeze({
  transport: nodeTransport(),
  cache: (options) => (options.cacheDir ? new DirectoryCache(options.cacheDir) : null),
});
