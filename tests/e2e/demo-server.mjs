// Starts `scripts/demo --port 0` for a browser test and stops it again.
// SHOPCORE_DEMO_SERVE_ONLY=1 skips scripts/demo's setup and full build (for
// iterating on the page when build/native and build/wasm/package are
// already built): it refreshes build/demo with scripts/demo-data and starts
// web/server.mjs directly.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../js/shopcore-cli.mjs';

// Resolves with {url, stop} once the demo prints its URL.
export function startDemo({ timeoutMs = 20 * 60_000 } = {}) {
  const serveOnly = process.env.SHOPCORE_DEMO_SERVE_ONLY === '1';
  const [command, args] = serveOnly
    ? ['bash', ['-c', 'scripts/demo-data && exec node web/server.mjs --port 0 --build "${SHOPCORE_BUILD:-build}"']]
    : [path.join(ROOT, 'scripts', 'demo'), ['--port', '0']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so stop() ends the build too if it is still running
  });
  let output = '';
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch {}
    }
  };
  process.once('exit', stop); // never leave a server behind when the test process ends
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`scripts/demo printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = output.match(/^shopcore demo: (http:\/\/127\.0\.0\.1:\d+\/)$/m);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop, output: () => output });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => { output += chunk; });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`scripts/demo exited (${code ?? signal}) before serving:\n${output}`));
    });
  });
}
