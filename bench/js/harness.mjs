// The timing loop of the JavaScript rows, the same shape as the portable C++
// harness (bench/portable/ops.cc): a warm-up call, then `reps` samples, each
// the mean of enough calls to last `minMs`. `prepare` runs before every call
// untimed. Runs in Node and in Chromium (performance.now in both); in Node
// CPU time is recorded too (process.cpuUsage), since on a shared machine
// wall time mostly measures the other jobs. Chromium has no CPU clock.
const cpuNow = typeof process !== 'undefined' && process.cpuUsage
  ? () => { const u = process.cpuUsage(); return u.user + u.system; }
  : null;

export async function timeOp({ run, prepare = null, reps, minMs }) {
  const now = () => performance.now();
  if (prepare) await prepare();
  let start = now();
  const startCpu = cpuNow && cpuNow();
  await run();
  const first = (now() - start) * 1000;
  const firstCpu = cpuNow ? cpuNow() - startCpu : first;
  const calls = Math.max(1, Math.floor((minMs * 1000) / Math.max(firstCpu, 0.01)));
  const samples = [];
  const cpuSamples = [];
  for (let r = 0; r < reps; r++) {
    let total = 0;
    let cpu = 0;
    if (prepare) {
      for (let c = 0; c < calls; c++) {
        await prepare();
        const c0 = cpuNow && cpuNow();
        const t = now();
        await run();
        total += now() - t;
        if (cpuNow) cpu += cpuNow() - c0;
      }
    } else {
      const c0 = cpuNow && cpuNow();
      const t = now();
      for (let c = 0; c < calls; c++) await run();
      total = now() - t;
      if (cpuNow) cpu = cpuNow() - c0;
    }
    samples.push((total * 1000) / calls);
    if (cpuNow) cpuSamples.push(cpu / calls);
  }
  return { calls, samples_us: samples, ...(cpuNow ? { cpu_samples_us: cpuSamples } : {}), first_us: first };
}

// Runs the selected operations of `ops` ({name, items, setup, prepare, run, impl})
// and returns one row per operation; an operation that throws gives a row
// with its error instead of stopping the others.
export async function runOps(ops, { env, only, reps, minMs, log = () => {} }) {
  const rows = [];
  for (const op of ops) {
    if (only && !op.name.includes(only)) continue;
    log(`${env} ${op.impl} ${op.name}`);
    try {
      if (op.setup) await op.setup();
      const timed = await timeOp({ run: op.run, prepare: op.prepare, reps, minMs });
      rows.push({ name: op.name, env, impl: op.impl, items: op.items || 0, ...timed, ...(op.note ? { note: op.note() } : {}) });
    } catch (error) {
      rows.push({ name: op.name, env, impl: op.impl, error: String(error && error.stack ? error.stack : error) });
    } finally {
      if (op.teardown) await op.teardown();
    }
  }
  return rows;
}
