// The shopcore core for the reference server: the `shopcore` command compiled
// to wasm (build/wasm/wasm/dist/shopcore-cli.cjs), run in this process over
// an in-memory file system. The server verifies snapshots, makes deltas and
// re-prices orders with exactly the code the device runs, and never spawns a
// process per request.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function defaultDistDir(buildDir = process.env.SHOPCORE_BUILD || path.join(repoRoot, 'build')) {
  return process.env.SHOPCORE_WASM_DIST || path.join(buildDir, 'wasm', 'wasm', 'dist');
}

// Emscripten's Node glue registers process-wide uncaughtException and
// unhandledRejection handlers that rethrow (and print the whole glue source).
// A server hosting the module keeps its own error handling: they are removed.
async function withoutGlueHandlers(load) {
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = new Map(events.map((event) => [event, new Set(process.listeners(event))]));
  try {
    return await load();
  } finally {
    for (const event of events) {
      for (const listener of process.listeners(event)) {
        if (!before.get(event).has(listener)) process.removeListener(event, listener);
      }
    }
  }
}

// Returns {run(args, files) -> {exitCode, out, err, files}}: `files` maps
// names to Uint8Array inputs; what the command writes comes back in `files`.
export async function loadCore({ distDir = defaultDistDir() } = {}) {
  const script = path.join(distDir, 'shopcore-cli.cjs');
  if (!fs.existsSync(script)) {
    throw new Error(`the shopcore wasm command is not built (${script}); run scripts/build wasm`);
  }
  const require = createRequire(import.meta.url);
  const createModule = require(script);
  // Emscripten 3.1.6 would try fetch() on a file path under Node 20: hand it the bytes.
  const module = await withoutGlueHandlers(() => createModule({
    wasmBinary: fs.readFileSync(path.join(distDir, 'shopcore-cli.wasm')),
    print: () => {},
    printErr: () => {},
  }));
  const decoder = new TextDecoder();
  return {
    run(args, inputs = {}) {
      const files = new Map(Object.entries(inputs));
      const hooks = {
        readFile: (name) => (files.has(name) ? files.get(name) : null),
        writeFile: (name, view) => {
          files.set(name, new Uint8Array(view)); // copy: the view is into wasm memory
          return true;
        },
      };
      const result = module.runCli(args, hooks, '');
      return {
        exitCode: result.exitCode,
        out: decoder.decode(result.out),
        err: decoder.decode(result.err),
        files,
      };
    },
  };
}

// The package's Node module (the Engine the device runs), for what the
// command has no verb for: checking behaviour events exactly as the device's
// engine accepts them. Returns {checkEvents(events) -> null | {code, message, path}}.
export async function loadEventChecker({ distDir = defaultDistDir() } = {}) {
  const require = createRequire(import.meta.url);
  const createModule = require(path.join(distDir, 'shopcore-node.cjs'));
  const module = await withoutGlueHandlers(() => createModule({
    wasmBinary: fs.readFileSync(path.join(distDir, 'shopcore-node.wasm')),
    print: () => {},
    printErr: () => {},
  }));
  return {
    checkEvents(events) {
      // A scratch engine per batch: the events are checked by the core's own
      // reader, then forgotten (the server keeps the batch, not a profile).
      const engine = new module.Engine();
      try {
        for (let i = 0; i < events.length; i += 1) {
          const result = engine.track(JSON.stringify(events[i]));
          if (!result.ok) {
            const where = result.path.replace(/^(event)?\.?/, '');
            return { code: result.code, message: result.message, path: `events[${i}]${where ? `.${where}` : ''}` };
          }
        }
        return null;
      } finally {
        engine.delete();
      }
    },
  };
}

// "error: CODE at PATH: message" (what the command prints) as {code, path, message}.
export function parseCliError(text) {
  const line = text.trim().split('\n')[0] ?? '';
  const match = line.match(/^error: ([A-Z_]+)(?: at (.*?))?: (.*)$/);
  if (!match) return { code: 'INTERNAL', path: '', message: line || 'the core gave no answer' };
  return { code: match[1], path: match[2] ?? '', message: match[3] };
}
