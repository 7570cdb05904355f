// Running `scripts/shopcore` (native) and `scripts/shopcore --wasm` from
// tests: bytes in, bytes out, nothing decoded on the way.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'shopcore');

export function runShopcore(args, { wasm = false } = {}) {
  const result = spawnSync(SCRIPT, wasm ? ['--wasm', ...args] : args, {
    cwd: ROOT,
    env: process.env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status, signal: result.signal };
}
