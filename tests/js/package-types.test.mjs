// index.d.ts is hand-written: tsc --noEmit checks it against
// tests/js/types-usage.ts, which uses the whole public surface.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from './shopcore-cli.mjs';

test('tsc --noEmit accepts types-usage.ts against wasm/index.d.ts', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-types-'));
  const config = {
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
      lib: ['es2022', 'esnext.disposable', 'dom'], types: [], skipLibCheck: false,
      paths: { shopcore: [path.join(ROOT, 'wasm', 'index.d.ts')] },
    },
    files: [path.join(ROOT, 'tests', 'js', 'types-usage.ts')],
  };
  fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify(config));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(work, 'tsconfig.json')], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc found type errors:\n${error.stdout}${error.stderr}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

test('the type check can fail: a wrong use is reported', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shopcore-types-'));
  fs.writeFileSync(path.join(work, 'bad.ts'),
    "import { createShopCore } from 'shopcore';\nconst core = await createShopCore();\ncore.createEngine().track({ type: 'view' });\n");
  fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
      lib: ['es2022', 'esnext.disposable', 'dom'], types: [], paths: { shopcore: [path.join(ROOT, 'wasm', 'index.d.ts')] } },
    files: [path.join(work, 'bad.ts')],
  }));
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  assert.throws(() => execFileSync(process.execPath, [tsc, '-p', path.join(work, 'tsconfig.json')], { encoding: 'utf8' }),
    (error) => /time_ms/.test(error.stdout));
  fs.rmSync(work, { recursive: true, force: true });
});
