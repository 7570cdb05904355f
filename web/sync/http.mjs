// HTTP plumbing of the reference server: JSON errors, bounded request
// bodies, content-encoding negotiation. Node's http module only.

// Every error answer has one shape: {"error": {code, message, path}}, the
// engine's Error across HTTP, so a client reports it the way it reports a
// ShopCoreError.
export class HttpError extends Error {
  constructor(status, code, message, path = '', headers = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
    this.headers = headers;
  }
}

export function sendJson(response, status, value, headers = {}) {
  const body = Buffer.from(`${JSON.stringify(value)}\n`);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  response.end(body);
}

export function sendError(response, error) {
  const { status, code, message, path, headers } = error instanceof HttpError
    ? error
    : new HttpError(500, 'INTERNAL', `internal error: ${error && error.message ? error.message : error}`);
  if (response.headersSent) {
    response.destroy();
    return;
  }
  sendJson(response, status, { error: { code, message, path } }, headers);
}

// The body as one Buffer, refused past `limit` bytes: by Content-Length
// before reading anything, or as soon as a chunked body grows past it.
// The connection is closed after a refusal so the rest is never read.
export function readBody(request, response, { limit, types }) {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (!types.includes(type)) {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE',
      `content-type must be ${types.join(' or ')} (got '${type || 'none'}')`, 'content-type'));
  }
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') {
    return Promise.reject(new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE',
      'request bodies are not compressed (they are small); send them without content-encoding', 'content-encoding'));
  }
  const tooLarge = () => new HttpError(413, 'PAYLOAD_TOO_LARGE', `the body is larger than ${limit} bytes`, 'body',
    { connection: 'close' });
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    response.shouldKeepAlive = false;
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let done = false;
    request.on('data', (chunk) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        response.shouldKeepAlive = false;
        request.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, size));
    });
    request.on('error', (error) => {
      if (done) return;
      done = true;
      reject(new HttpError(400, 'BAD_REQUEST', `the body could not be read: ${error.message}`, 'body'));
    });
  });
}

// The best encoding both sides have: br, then gzip, else identity. q=0
// excludes one; "*" stands for any not named.
export function pickEncoding(acceptEncoding, available) {
  const accepted = new Map();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const quality = (name) => (accepted.has(name) ? accepted.get(name) : accepted.get('*') ?? 0);
  for (const name of ['br', 'gzip']) {
    if (available[name] && quality(name) > 0) return name;
  }
  return 'identity';
}
