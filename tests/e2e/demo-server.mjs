// Starts `scripts/demo --port 0` for a browser test and stops it again.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../js/shopcore-cli.mjs';

// Resolves with {url, stop} once the demo prints its URL.
export function startDemo({ timeoutMs = 20 * 60_000 } = {}) {
  const child = spawn(path.join(ROOT, 'scripts', 'demo'), ['--port', '0'], {
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
