#!/usr/bin/env node
// scripts/bench: every benchmark in one run, natively (Google Benchmark), in
// wasm under Node (the C++ unit, baseline and SIMD, and the package API) and
// in wasm inside headless Chromium (the package API, baseline and SIMD), with
// the plain-JS alternatives in the same processes. Then:
//   - prints the tables;
//   - a full run (no --quick, no --only) rewrites bench/README.md's
//     performance section between its markers (the rest of the file stays);
//   - --check compares with the goals of issues 3, 4, 7, 9 and 11 and with
//     the committed report (a row more than 20% slower), one line per miss,
//     and exits 1 if anything was missed.
//   node bench/run.mjs [--quick] [--check] [--only NAME]
// Raw rows of every run: build/bench-results/<date>.json.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareData } from './data.mjs';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const build = process.env.SHOPCORE_BUILD || path.join(root, 'build');
const readmePath = path.join(benchDir, 'README.md');
const BEGIN = '<!-- scripts/bench: performance begin (generated; edit bench/run.mjs, not this) -->';
const END = '<!-- scripts/bench: performance end -->';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : '');
for (let i = 0; i < args.length; i++) {
  if (['--quick', '--check'].includes(args[i])) continue;
  if (args[i] === '--only' && i + 1 < args.length) { i++; continue; }
  process.stderr.write(`unknown argument '${args[i]}'\nusage: scripts/bench [--quick] [--check] [--only NAME]\n`);
  process.exit(2);
}
const quick = flag('--quick');
const only = option('--only');
const config = quick
  ? { sizes: ['2k', '100k'], reps: 3, minMs: 10, mode: 'quick' }
  : { sizes: ['1k', '2k', '10k', '100k'], reps: 5, minMs: 50, mode: 'full' };
const writeReadme = !quick && !only;
const log = (line) => process.stderr.write(`${line}\n`);

// ------------------------------------------------------------------ machine
function machine() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = (cpuinfo.match(/model name\s*:\s*(.*)/) || [, os.cpus()[0]?.model || 'unknown'])[1].trim();
  const run = (cmd, cmdArgs) => { try { return execFileSync(cmd, cmdArgs, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return ''; } };
  const dirty = run('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']) ? ' (with uncommitted changes)' : '';
  return {
    cpu: model,
    cores: os.cpus().length,
    memory_gb: (os.totalmem() / 2 ** 30).toFixed(1),
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    commit: run('git', ['-C', root, 'rev-parse', '--short', 'HEAD']) + dirty,
    node: process.version,
    gxx: run('g++', ['-dumpfullversion']),
    emcc: (run('emcc', ['--version']).match(/\d+\.\d+\.\d+/) || [''])[0],
    load_before: os.loadavg().map((x) => x.toFixed(1)).join(' '),
  };
}

// --------------------------------------------------------------- statistics
function stats(samples) {
  const s = samples.slice().sort((a, b) => a - b);
  const at = (q) => {
    const pos = (s.length - 1) * q;
    const lo = Math.floor(pos);
    return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
  };
  return { median: at(0.5), min: s[0], max: s[s.length - 1], q1: at(0.25), q3: at(0.75) };
}

// Wall-clock statistics, CPU-time statistics where the environment has a CPU
// clock (native, Node), and `us`: the figure ratios and goals use, CPU time
// when there is one (on a shared machine wall time mostly measures the
// other jobs), wall time in Chromium.
function summarize(row) {
  if (row.error || !row.samples_us) return row;
  const wall = stats(row.samples_us);
  const out = { ...row, median_us: wall.median, min_us: wall.min, max_us: wall.max, q1_us: wall.q1, q3_us: wall.q3 };
  if (row.cpu_samples_us && row.cpu_samples_us.length) {
    const cpu = stats(row.cpu_samples_us);
    Object.assign(out, { cpu_median_us: cpu.median, cpu_min_us: cpu.min, cpu_max_us: cpu.max, cpu_q1_us: cpu.q1, cpu_q3_us: cpu.q3 });
  }
  out.us = out.cpu_median_us ?? out.median_us;
  out.clock = out.cpu_median_us != null ? 'CPU' : 'wall';
  return out;
}

// ---------------------------------------------------------------- the runs
function runJson(label, cmd, cmdArgs, env = {}) {
  log(`== ${label}`);
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', maxBuffer: 256 << 20, env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout };
}

function googleBenchmark(binary, { env = {}, filter = '' } = {}) {
  const gbArgs = ['--benchmark_format=json', `--benchmark_repetitions=${config.reps}`,
    `--benchmark_min_time=${config.minMs / 1000}`];
  if (filter) gbArgs.push(`--benchmark_filter=${filter}`);
  const { status, stdout } = runJson(`native ${path.basename(binary)} (Google Benchmark)`, binary, gbArgs, env);
  // Google Benchmark 1.7 prints NaN for some counters, which JSON lacks.
  const report = JSON.parse((stdout || '{"benchmarks":[]}').replace(/\bNaN\b/g, 'null'));
  const byName = new Map();
  for (const b of report.benchmarks) {
    if (b.run_type !== 'iteration') continue;
    const name = (b.run_name || b.name).replace(/\/real_time$/, '');
    if (!byName.has(name)) byName.set(name, { name, env: 'native', impl: 'native', samples_us: [], cpu_samples_us: [], calls: b.iterations, items: b.items || 0 });
    const row = byName.get(name);
    if (b.error_occurred) row.error = b.error_message;
    const scale = { ns: 1e-3, us: 1, ms: 1e3, s: 1e6 }[b.time_unit];
    row.samples_us.push(b.real_time * scale);
    row.cpu_samples_us.push(b.cpu_time * scale);
  }
  if (status !== 0 && byName.size === 0) return [{ name: path.basename(binary), env: 'native', impl: 'native', error: `exit ${status}` }];
  return [...byName.values()].map((row) => (row.error ? { ...row, samples_us: undefined } : row));
}

function portable(target, script, dataDir) {
  const portableArgs = ['--no-experimental-fetch', script, dataDir, '--reps', String(config.reps), '--min-ms', String(config.minMs)];
  if (only) portableArgs.push('--only', only);
  const { stdout } = runJson(`${target}: the C++ operations compiled to wasm, under Node`, process.execPath, portableArgs);
  return stdout.split('\n').filter(Boolean).map((line) => {
    const row = JSON.parse(line);
    return { ...row, env: 'node', impl: row.target };
  });
}

function collect(dataDir, info) {
  const rows = [];
  const attempt = (label, fn) => {
    try {
      rows.push(...fn());
    } catch (error) {
      log(`${label} failed: ${error.message}`);
      rows.push({ name: label, env: 'run', impl: 'run', error: String(error.message) });
    }
  };
  const native = path.join(build, 'native', 'bench');
  attempt('native', () => googleBenchmark(path.join(native, 'bench_engine_ops'), {
    env: { SHOPCORE_BENCH_DATA: dataDir }, filter: only ? only.replace(/[^\w/]/g, '.') : '' }));
  if (!only || only.startsWith('micro')) {
    for (const micro of ['money', 'cart_pricing', 'reco', 'fulfilment']) {
      attempt(`micro ${micro}`, () => googleBenchmark(path.join(native, `bench_${micro}`))
        .map((row) => ({ ...row, name: `micro/${micro}/${row.name}` })));
    }
  }
  const wasmBench = path.join(build, 'wasm', 'bench');
  attempt('wasm', () => portable('wasm', path.join(wasmBench, 'benchp_ops.js'), dataDir));
  attempt('wasm-simd', () => portable('wasm-simd', path.join(wasmBench, 'benchp_ops_simd.js'), dataDir));
  const packageDir = path.join(build, 'wasm', 'package');
  const jsArgs = [dataDir, packageDir, config.sizes.join(','), String(config.reps), String(config.minMs), only];
  attempt('node', () => JSON.parse(runJson('Node: the package API and plain JS', process.execPath,
    ['--no-experimental-fetch', path.join(benchDir, 'node-run.mjs'), ...jsArgs]).stdout));
  attempt('chromium', () => {
    const result = JSON.parse(runJson('Chromium: the package API and plain JS', process.execPath,
      [path.join(benchDir, 'chromium-run.mjs'), ...jsArgs]).stdout);
    if (result.error) throw new Error(result.error);
    info.chromium = (result.userAgent.match(/Chrome\/([\d.]+)/) || [, ''])[1];
    info.crossOriginIsolated = result.crossOriginIsolated;
    if (result.errors.length) log(`chromium page errors: ${result.errors.join(' | ')}`);
    return result.rows;
  });
  return rows.map(summarize);
}

// ----------------------------------------------------------------- reading
const IMPLS = {
  'native/native': 'native C++ (Google Benchmark)',
  'node/wasm': 'wasm C++ unit, baseline',
  'node/wasm-simd': 'wasm C++ unit, SIMD',
  'node/api-wasm': 'package API, baseline',
  'chromium/api-wasm': 'package API, baseline',
  'chromium/api-wasm-simd': 'package API, SIMD',
  'node/json-parse': 'JSON.parse of the catalog',
  'chromium/json-parse': 'JSON.parse of the catalog',
  'node/plain-js': 'plain JS (item-item only)',
  'chromium/plain-js': 'plain JS (item-item only)',
  'node/intl': 'Intl.NumberFormat',
  'chromium/intl': 'Intl.NumberFormat',
};
const key = (row) => `${row.env}/${row.impl}`;
const find = (rows, name, env, impl) => rows.find((r) => r.name === name && r.env === env && r.impl === impl && r.us != null);

function time(us) {
  if (us == null) return '–';
  if (us >= 1e6) return `${(us / 1e6).toFixed(2)} s`;
  if (us >= 1e3) return `${(us / 1e3).toFixed(us >= 1e5 ? 0 : us >= 1e4 ? 1 : 2)} ms`;
  if (us >= 10) return `${us.toFixed(us >= 100 ? 0 : 1)} µs`;
  return `${us.toFixed(2)} µs`;
}
// On CPU time when both rows have it, else on wall time.
const ratio = (a, b) => {
  if (!a || !b) return '–';
  const [x, y] = a.cpu_median_us != null && b.cpu_median_us != null ? [a.cpu_median_us, b.cpu_median_us] : [a.median_us, b.median_us];
  return `${(x / y).toFixed(2)}×${a.clock !== b.clock ? ' (wall)' : ''}`;
};
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const OPERATIONS = [
  ['snapshot_open', 'Snapshot open + verify + index', 'Engine.openSnapshot(bytes) / Snapshot::Open: size cap, FlatBuffers verifier, id indexes. Baseline: JSON.parse of the catalog JSON the snapshot was built from, in the same process.'],
  ['delta_apply', 'Delta apply', 'Engine.applySnapshotDelta: apply a delta (1% of SKU prices, 1% of stock states changed) to the open snapshot, then verify and index the result. The base is reopened before each call, untimed.'],
  ['reco_model_open', 'Recommender model from the snapshot', 'reco::SnapshotModel::Open: what the first recommend after a snapshot swap pays once.'],
  ['recommend_top50', 'Recommend top 50', 'Home feed in DE, 200-event profile, filters (market, stock, purchased), caps 5 per category / 3 per brand, result as JSON. Plain JS: item-item scores from the same neighbour lists with the same filters and caps, and nothing else (no embedding, content, popularity, social, reasons): less work than the engine.'],
  ['track_event', 'Track one event', 'Engine.track of one view event (JSON in) on a profile holding 200 events.'],
  ['cart_price_50_lines_30_promotions', 'Price a 50-line cart with 30 promotions', 'bench/portable/cart_scenario.h: every phase (member price, limited-time, tiered and repeating thresholds, 满折, Nth item, buy-X-get-Y, bundles, points, shipping, points earned); the priced cart serialised as JSON.'],
  ['cart_best_coupon_set_of_20', 'Best coupon set of 20', 'The same cart, choosing the best set out of 20 coupons (subset search within phases).'],
  ['landed_cost_20_lines', 'Landed cost', '20 lines CN → FR under the IOSS regime of data/tax-rules.json: parse the request JSON, compute, serialise.'],
  ['format_10000_prices', 'Format 10,000 prices', '10,000 EUR amounts (0.01 to 1,000,000.00) in de-DE through formatMoney vs a cached Intl.NumberFormat.'],
  ['module_instantiate', 'Module instantiate', 'createShopCore({wasmBinary}) from bytes already in memory: compile, instantiate, runtime start (network excluded).'],
];

function operationTable(rows, op) {
  const mine = rows.filter((r) => r.name === op || r.name.startsWith(`${op}/`));
  if (mine.length === 0) return null;
  const sizeOf = (r) => (r.name.includes('/') ? r.name.split('/')[1] : '');
  const sizes = [...new Set(mine.map(sizeOf))];
  const lines = ['| size | where | implementation | CPU median | CPU spread (min–max) | wall median | wall spread (min–max) | wall IQR | per item | vs native |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const size of sizes) {
    const native = mine.find((r) => sizeOf(r) === size && key(r) === 'native/native' && r.us != null);
    for (const r of mine.filter((x) => sizeOf(x) === size)) {
      if (r.error) {
        lines.push(`| ${size || '–'} | ${r.env} | ${IMPLS[key(r)] || r.impl} | not measured: ${r.error.split('\n')[0].slice(0, 120)} | | | | | | |`);
        continue;
      }
      const items = r.items || (size ? { '1k': 1e3, '2k': 2e3, '10k': 1e4, '100k': 1e5, '1m': 1e6 }[size] : 0);
      const perItem = items && op !== 'track_event' ? `${((r.us * 1000) / items).toFixed(1)} ns` : '';
      const cpu = r.cpu_median_us != null ? [time(r.cpu_median_us), `${time(r.cpu_min_us)} – ${time(r.cpu_max_us)}`] : ['(no CPU clock)', ''];
      lines.push(`| ${size || '–'} | ${r.env} | ${IMPLS[key(r)] || r.impl} | ${cpu[0]} | ${cpu[1]} | ${time(r.median_us)} | ${time(r.min_us)} – ${time(r.max_us)} | ${time(r.q1_us)} – ${time(r.q3_us)} | ${perItem} | ${native && r !== native ? ratio(r, native) : ''} |`);
    }
  }
  const notes = mine.filter((r) => r.note).map((r) => `${r.env} ${IMPLS[key(r)] || r.impl}: ${r.note}`);
  // The first instantiation compiles; later ones of the same bytes hit V8's
  // module cache, so the first call is what a page load pays.
  if (op === 'module_instantiate') {
    for (const r of mine.filter((x) => x.first_us != null)) notes.push(`${r.env} ${IMPLS[key(r)] || r.impl}: first call (cold compile) ${time(r.first_us)} wall`);
  }
  // Ratios that matter, per size, measured in this run.
  const ratios = [];
  for (const size of sizes) {
    const n = (env, impl) => mine.find((r) => sizeOf(r) === size && r.env === env && r.impl === impl && r.us != null);
    const label = size ? ` (${size})` : '';
    const parts = [];
    const nat = n('native', 'native');
    if (nat && n('node', 'wasm')) parts.push(`wasm/native ${ratio(n('node', 'wasm'), nat)}`);
    if (nat && n('node', 'wasm-simd')) parts.push(`wasm SIMD/native ${ratio(n('node', 'wasm-simd'), nat)}`);
    if (n('node', 'wasm') && n('node', 'wasm-simd')) parts.push(`SIMD/baseline (Node) ${ratio(n('node', 'wasm-simd'), n('node', 'wasm'))}`);
    if (n('chromium', 'api-wasm') && n('chromium', 'api-wasm-simd')) parts.push(`SIMD/baseline (Chromium) ${ratio(n('chromium', 'api-wasm-simd'), n('chromium', 'api-wasm'))}`);
    if (nat && n('chromium', 'api-wasm-simd')) parts.push(`Chromium SIMD API/native ${ratio(n('chromium', 'api-wasm-simd'), nat)}`);
    for (const env of ['node', 'chromium']) {
      // The package API where it has the operation, else (Node) the C++ unit in wasm.
      const engine = env === 'chromium' ? n(env, 'api-wasm-simd') : n(env, 'api-wasm') || n(env, 'wasm-simd');
      for (const alt of ['json-parse', 'plain-js', 'intl']) {
        const other = n(env, alt);
        if (engine && other) parts.push(`${env}: ${IMPLS[`${env}/${alt}`]} / engine ${ratio(other, engine)}`);
      }
    }
    if (parts.length) ratios.push(`- ratios${label}: ${parts.join('; ')}`);
  }
  return [...lines, '', ...ratios, ...notes.map((n) => `- ${n}`)].join('\n');
}

function scalingTable(rows) {
  const sizes = ['1k', '2k', '10k', '100k', '1m'];
  const lines = ['| operation | where | ' + sizes.map((s) => `${s} (per item)`).join(' | ') + ' |', `|---|---|${sizes.map(() => '---').join('|')}|`];
  for (const op of ['snapshot_open', 'delta_apply', 'reco_model_open', 'recommend_top50']) {
    for (const [env, impl] of [['native', 'native'], ['node', 'wasm-simd'], ['chromium', 'api-wasm-simd']]) {
      const cells = sizes.map((size) => {
        const r = find(rows, `${op}/${size}`, env, impl);
        const items = { '1k': 1e3, '2k': 2e3, '10k': 1e4, '100k': 1e5, '1m': 1e6 }[size];
        return r ? `${time(r.us)} (${((r.us * 1000) / items).toFixed(0)} ns)` : '–';
      });
      if (cells.some((c) => c !== '–')) lines.push(`| ${op} | ${env} ${IMPLS[`${env}/${impl}`]} | ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

function memoryTable(rows) {
  const mem = rows.filter((r) => r.name.startsWith('wasm_memory/'));
  if (mem.length === 0) return null;
  const lines = ['| size | where | flavour | snapshot | linear memory at start | after open | after recommend | goal ≤ 1.5× snapshot + 8 MB |', '|---|---|---|---|---|---|---|---|'];
  for (const r of mem) {
    if (r.error) { lines.push(`| ${r.name.split('/')[1]} | ${r.env} | ${r.impl} | not measured: ${r.error.slice(0, 100)} | | | | |`); continue; }
    const high = Math.max(r.memory_after_open, r.memory_after_recommend || 0);
    const goal = 1.5 * r.snapshot_bytes + 8 * 2 ** 20;
    lines.push(`| ${r.name.split('/')[1]} | ${r.env} | ${IMPLS[key(r)] || r.impl} | ${mb(r.snapshot_bytes)} | ${mb(r.memory_at_start)} | ${mb(r.memory_after_open)} | ${r.memory_after_recommend ? mb(r.memory_after_recommend) : 'no engine.recommend yet'} | ${mb(goal)}: ${high <= goal ? 'met' : `missed by ${mb(high - goal)}`} |`);
  }
  return lines.join('\n');
}

function microTable(rows) {
  const micro = rows.filter((r) => r.name.startsWith('micro/'));
  if (micro.length === 0) return null;
  const lines = ['| program | benchmark | CPU median | CPU spread (min–max) | wall median |', '|---|---|---|---|---|'];
  for (const r of micro) {
    const [, program, ...rest] = r.name.split('/');
    lines.push(`| bench_${program} | ${rest.join('/')} | ${r.error ? `error: ${r.error}` : time(r.cpu_median_us)} | ${r.error ? '' : `${time(r.cpu_min_us)} – ${time(r.cpu_max_us)}`} | ${r.error ? '' : time(r.median_us)} |`);
  }
  return lines.join('\n');
}

// ------------------------------------------------------------------- goals
// [label, measured row (first present), limit, how to read]
function goals(rows) {
  const pick = (name, candidates) => {
    for (const [env, impl] of candidates) {
      const r = find(rows, name, env, impl);
      if (r) return { r, where: `${env} ${IMPLS[`${env}/${impl}`]} (${r.clock} time)` };
    }
    return null;
  };
  const wasmFirst = [['chromium', 'api-wasm-simd'], ['node', 'wasm-simd'], ['node', 'api-wasm'], ['node', 'wasm']];
  const results = [];
  const below = (label, name, candidates, limitUs, issue) => {
    const m = pick(name, candidates);
    if (!m) return results.push({ label, issue, status: 'not measured' });
    const ok = m.r.us < limitUs;
    results.push({ label, issue, where: m.where, measured: time(m.r.us), goal: `< ${time(limitUs)}`, ok,
      by: ok ? '' : `${(m.r.us / limitUs).toFixed(2)}× the limit` });
  };
  below('recommend top 50 over 100k items in Chromium', 'recommend_top50/100k', wasmFirst, 5000, 7);
  below('price a 50-line cart with 30 promotions, wasm', 'cart_price_50_lines_30_promotions', wasmFirst, 200, 4);
  below('best coupon set of 20, wasm', 'cart_best_coupon_set_of_20', wasmFirst, 1000, 4);
  below('track one event, wasm', 'track_event/2k', wasmFirst, 50, 7);
  {
    // The cold first instantiation (wall time): later ones reuse V8's cache.
    const m = pick('module_instantiate', [['chromium', 'api-wasm-simd'], ['chromium', 'api-wasm'], ['node', 'api-wasm']]);
    if (!m) results.push({ label: 'module instantiate in Chromium', issue: 11, status: 'not measured' });
    else {
      const ok = m.r.first_us < 50000;
      results.push({ label: 'module instantiate in Chromium (first, cold)', issue: 11, where: m.where.replace(/\(.*\)/, '(wall time)'),
        measured: time(m.r.first_us), goal: '< 50 ms', ok, by: ok ? '' : `${(m.r.first_us / 50000).toFixed(2)}× the limit` });
    }
  }
  const ratioGoal = (label, a, b, limit, issue, atLeast, fallback = null) => {
    let x = pick(a[0], a[1]);
    let y = pick(b[0], b[1]);
    if ((!x || !y) && fallback) {
      x = pick(fallback[0][0], fallback[0][1]);
      y = pick(fallback[1][0], fallback[1][1]);
    }
    if (!x || !y) return results.push({ label, issue, status: 'not measured' });
    const value = x.r.clock === y.r.clock ? x.r.us / y.r.us : x.r.median_us / y.r.median_us;
    const ok = atLeast ? 1 / value >= limit : value <= limit;
    results.push({ label, issue, where: `${x.where} vs ${y.where}`, measured: atLeast ? `${(1 / value).toFixed(1)}×` : `${value.toFixed(2)}×`,
      goal: atLeast ? `≥ ${limit}×` : `≤ ${limit}×`, ok, by: ok ? '' : atLeast ? `${(limit * value).toFixed(2)}× short` : `${(value / limit).toFixed(2)}× over` });
  };
  ratioGoal('snapshot open (100k) vs JSON.parse, Node', ['snapshot_open/100k', [['node', 'api-wasm']]], ['snapshot_open/100k', [['node', 'json-parse']]], 20, 3, true);
  ratioGoal('snapshot open (100k) vs JSON.parse, Chromium', ['snapshot_open/100k', [['chromium', 'api-wasm-simd']]], ['snapshot_open/100k', [['chromium', 'json-parse']]], 20, 11, true);
  ratioGoal('snapshot open (100k), wasm/native', ['snapshot_open/100k', [['node', 'wasm']]], ['snapshot_open/100k', [['native', 'native']]], 1.5, 3, false);
  ratioGoal('recommend (100k), wasm SIMD/native', ['recommend_top50/100k', [['node', 'wasm-simd']]], ['recommend_top50/100k', [['native', 'native']]], 1.5, 7, false);
  ratioGoal('recommend (100k), engine vs plain JS in Chromium', ['recommend_top50/100k', [['chromium', 'api-wasm-simd']]], ['recommend_top50/100k', [['chromium', 'plain-js']]], 3, 7, true,
    [['recommend_top50/100k', [['node', 'wasm-simd']]], ['recommend_top50/100k', [['node', 'plain-js']]]]);
  for (const r of rows.filter((x) => x.name.startsWith('wasm_memory/') && !x.error && x.env === 'chromium' && x.impl === 'api-wasm-simd')) {
    const high = Math.max(r.memory_after_open, r.memory_after_recommend || 0);
    const limit = 1.5 * r.snapshot_bytes + 8 * 2 ** 20;
    results.push({ label: `wasm memory high-water, ${r.name.split('/')[1]} snapshot`, issue: 11, where: 'chromium package API, SIMD',
      measured: mb(high), goal: `≤ ${mb(limit)}`, ok: high <= limit, by: high <= limit ? '' : `${mb(high - limit)} over` });
  }
  return results;
}

// Rows of the committed report (its data block), for the regression check.
function committedRows() {
  try {
    const text = execFileSync('git', ['-C', root, 'show', 'HEAD:bench/README.md'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = text.match(/<!-- bench-data (.*?) -->/s);
    return match ? JSON.parse(match[1]) : null;
  } catch {
    return null;
  }
}

function regressions(rows, committed) {
  if (!committed) return [];
  const out = [];
  for (const r of rows) {
    if (r.us == null) continue;
    const before = committed[`${r.name} ${key(r)}`];
    if (before && r.us > before * 1.2) {
      out.push(`REGRESSED: ${r.name} (${r.env} ${IMPLS[key(r)] || r.impl}, ${r.clock} time): ${time(r.us)}, committed report ${time(before)} (+${((r.us / before - 1) * 100).toFixed(0)}%)`);
    }
  }
  return out;
}

// ------------------------------------------------------------------ report
function report(rows, info, goalResults) {
  const load = `${info.load_before} before, ${info.load_after} after (1, 5, 15 min)`;
  const busy = Number(info.load_before.split(' ')[0]) > info.cores || Number(info.load_after.split(' ')[0]) > info.cores;
  const out = [
    '## Performance',
    '',
    `Generated by \`scripts/bench\` (${info.mode} run: ${config.reps} repetitions per row, each the mean of enough calls to last ${config.minMs} ms of CPU; median, min–max and interquartile range over the repetitions). Times are CPU time where the environment has a CPU clock (native: the thread's; Node: the process's, which includes V8's background threads) and wall time in Chromium. Ratios compare rows of this one run, on CPU time when both rows have it; goals use the same figure.`,
    '',
    `- Machine: ${info.cpu}, ${info.cores} cores, ${info.memory_gb} GB; load average ${load}.`,
    `- Date ${info.date}, commit ${info.commit}; Node ${info.node}, Chromium ${info.chromium || '?'} (headless, ${info.crossOriginIsolated ? 'cross-origin isolated: fine timers' : 'coarse timers'}), g++ ${info.gxx}, emcc ${info.emcc}.`,
    busy ? `- **Busy machine**: other jobs shared the ${info.cores} cores during this run (load above the core count). Absolute times are inflated and noisy; ratios within the run are the better guide.` : '- The machine was not overloaded during this run.',
    '- Where: `native` is Google Benchmark (real time); `node` runs the wasm C++ unit (bench/portable/ops.cc, emcc -O2 over the -O3 core) and the npm package (build/wasm/package, Node entry: baseline flavour); `chromium` runs the package in headless Debian Chromium from a page under bench/page/, both flavours. Inputs: `scripts/gen-catalog` catalogs (16-dimension factors, ~10 neighbours per item) built into snapshots, in build/bench-data/.',
    '- 1M items is not run: its catalog JSON would be ~2.2 GB, beyond V8\'s string limit for the JSON.parse baseline, and the generator and snapshot build would take most of the run.',
    '',
    '### Goals',
    '',
    '| goal (issue) | where | measured | goal | status |',
    '|---|---|---|---|---|',
    ...goalResults.map((g) => `| ${g.label} (#${g.issue}) | ${g.where || ''} | ${g.measured || ''} | ${g.goal || ''} | ${g.status || (g.ok ? 'met' : `**missed**: ${g.by}`)} |`),
    '',
  ];
  for (const [op, title, what] of OPERATIONS) {
    const table = operationTable(rows, op);
    if (!table) continue;
    out.push(`### ${title}`, '', what, '', table, '');
  }
  const memory = memoryTable(rows);
  if (memory) out.push('### wasm memory high-water per snapshot size', '', 'Linear memory of a fresh module (memory never shrinks, so its size is the high-water mark), through the `instantiateWasm` option.', '', memory, '');
  out.push('### Scaling (cost per item should stay flat or fall)', '', scalingTable(rows), '');
  const micro = microTable(rows);
  if (micro) out.push('### Native microbenchmarks with in-run baselines', '', 'bench/native/*.cc (synthetic data; each program has its own baseline row).', '', micro, '');
  const data = {};
  for (const r of rows) if (r.us != null) data[`${r.name} ${key(r)}`] = Number(r.us.toFixed(3));
  out.push(`<!-- bench-data ${JSON.stringify(data)} -->`);
  return out.join('\n');
}

function writeSection(section) {
  const text = fs.readFileSync(readmePath, 'utf8');
  const block = `${BEGIN}\n${section}\n${END}`;
  let next;
  if (text.includes(BEGIN) && text.includes(END)) {
    next = text.slice(0, text.indexOf(BEGIN)) + block + text.slice(text.indexOf(END) + END.length);
  } else {
    const at = text.indexOf('## Evaluation');
    next = at >= 0 ? `${text.slice(0, at)}${block}\n\n${text.slice(at)}` : `${text.trimEnd()}\n\n${block}\n`;
  }
  fs.writeFileSync(readmePath, next);
}

// -------------------------------------------------------------------- main
const info = { ...machine(), mode: config.mode };
log(`scripts/bench: ${config.mode} run, sizes ${config.sizes.join(', ')}${only ? `, only '${only}'` : ''}; load average ${info.load_before}`);
const dataDir = prepareData({ root, build, sizes: config.sizes, log: (line) => log(`data: ${line}`) });
const rows = collect(dataDir, info);
info.load_after = os.loadavg().map((x) => x.toFixed(1)).join(' ');
const goalResults = goals(rows);
const section = report(rows, info, goalResults);
const resultsDir = path.join(build, 'bench-results');
fs.mkdirSync(resultsDir, { recursive: true });
fs.writeFileSync(path.join(resultsDir, `${info.date.replace(/[: ]/g, '-')}.json`), JSON.stringify({ info, config, rows }, null, 1));
process.stdout.write(`${section.replace(/<!-- bench-data .* -->/, '')}\n`);
if (writeReadme) {
  writeSection(section);
  log(`wrote the performance section of ${path.relative(root, readmePath)}`);
} else {
  log('bench/README.md unchanged (only a full run without --only rewrites it)');
}
if (flag('--check')) {
  const misses = goalResults.filter((g) => g.ok === false)
    .map((g) => `MISSED: ${g.label} (issue ${g.issue}): ${g.measured} in ${g.where}, goal ${g.goal} (${g.by})`);
  // A package without an API yet (engine.recommend before branch `api`) is
  // not measured rather than failed.
  const absent = (r) => /is not in this build/.test(r.error);
  const unmeasured = [
    ...goalResults.filter((g) => g.status === 'not measured').map((g) => `NOT MEASURED: ${g.label} (issue ${g.issue})`),
    ...rows.filter((r) => r.error && absent(r)).map((r) => `NOT MEASURED: ${r.name} (${r.env} ${r.impl}): ${r.error.split('\n')[0]}`),
  ];
  const regressed = regressions(rows, committedRows());
  const failed = rows.filter((r) => r.error && !absent(r)).map((r) => `FAILED: ${r.name} (${r.env} ${r.impl}): ${r.error.split('\n')[0]}`);
  for (const line of [...misses, ...regressed, ...failed, ...unmeasured]) process.stdout.write(`${line}\n`);
  const bad = misses.length + regressed.length + failed.length;
  process.stdout.write(bad ? `check: ${bad} problem(s)\n` : 'check: every measured goal met, nothing regressed by more than 20%\n');
  process.exit(bad ? 1 : 0);
}
