// The operations timed through the public package API (createShopCore,
// Engine), and their plain-JavaScript counterparts, for Node and Chromium.
// Every input arrives through `data` (async getters), so the same code runs
// on files in Node and on fetched bytes in the page:
//   data.snapshot(size), data.delta(size): Uint8Array
//   data.catalogText(size): the catalog JSON the snapshot was built from
//   data.localePack(tag): Uint8Array
//   data.wasm(impl): Uint8Array of the module flavour's .wasm
import { BENCH_NOW_MS, buildPlainModel, plainProfile, plainTop50 } from './plain-reco.mjs';

// bench/portable/workloads.h FormatAmount: 10,000 amounts, every digit count.
const amounts = Array.from({ length: 10000 }, (_, i) => Number((BigInt(i) * 7919n * 7919n) % 100000000n) + 1);

// The Memory object of an instance: exported, or imported (names are minified).
function findMemory(instance, imports) {
  for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) return value;
  for (const module of Object.values(imports)) {
    for (const value of Object.values(module)) if (value instanceof WebAssembly.Memory) return value;
  }
  return null;
}

// createShopCore with our own instantiateWasm hook (the public option for
// WeChat's WXWebAssembly), which is how we get to see the linear memory.
async function instantiate(createShopCore, flavour, data) {
  const bytes = await data.wasm(flavour.impl);
  let memory = null;
  const core = await createShopCore({
    ...flavour.options,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(bytes, imports).then(({ instance, module }) => {
        memory = findMemory(instance, imports);
        receive(instance, module);
      });
      return {};
    },
  });
  return { core, memory: () => (memory ? memory.buffer.byteLength : 0) };
}

function trackRequests(model, engine) {
  for (const event of plainProfile(model)) {
    engine.track({ type: event.type, time_ms: event.time, item: model.ids[event.item] });
  }
}

// bench/portable/workloads.h kMaxDeltaItems: deltas cost ~0.3 ms per item.
const DELTA_SIZES = ['1k', '2k'];

const top50Request = {
  context: 'home_feed', market: 'DE', now_ms: BENCH_NOW_MS, page_size: 50,
  diversity: { mode: 'caps', max_per_category: 5, max_per_brand: 3 },
};

// Operations of one module flavour: impl "api-wasm" (baseline) or "api-wasm-simd".
export function packageOps({ createShopCore, flavour, data, sizes }) {
  const ops = [];
  const impl = flavour.impl;
  let session = null;  // {core, engine, memory}
  const open = async () => {
    if (session) return session;
    const { core, memory } = await instantiate(createShopCore, flavour, data);
    session = { core, engine: core.createEngine(), memory };
    return session;
  };
  const close = () => {
    if (session) session.engine.dispose();
    session = null;
  };

  // Compile + instantiate + runtime start from bytes already in memory
  // (network excluded): what a page pays before its first call.
  ops.push({
    name: 'module_instantiate', impl,
    setup: async () => { await data.wasm(impl); },
    run: async () => { await createShopCore({ ...flavour.options, wasmBinary: await data.wasm(impl) }); },
  });

  for (const size of sizes) {
    let bytes, delta;
    // A fresh engine per call (untimed): opening a second 100k snapshot while
    // one is open needs both in the module's 256 MB at once, and the module
    // aborts (see bench/README.md).
    ops.push({
      name: `snapshot_open/${size}`, impl, items: 0,
      setup: async () => { bytes = await data.snapshot(size); await open(); },
      prepare: () => { session.engine.dispose(); session.engine = session.core.createEngine(); },
      run: () => { session.engine.openSnapshot(bytes); },
      teardown: close,
    });
    if (!DELTA_SIZES.includes(size)) continue;
    ops.push({
      name: `delta_apply/${size}`, impl,
      setup: async () => { bytes = await data.snapshot(size); delta = await data.delta(size); await open(); },
      prepare: () => { session.engine.openSnapshot(bytes); },
      run: () => { session.engine.applySnapshotDelta(delta); },
      teardown: close,
    });
  }

  // The recommend rows need engine.recommend (branch `api`); without it the
  // rows say so instead of timing something else.
  for (const size of sizes) {
    ops.push({
      name: `recommend_top50/${size}`, impl,
      setup: async () => {
        const { engine } = await open();
        if (typeof engine.recommend !== 'function') throw new Error('engine.recommend is not in this build of the package');
        engine.openSnapshot(await data.snapshot(size));
        trackRequests(buildPlainModel(JSON.parse(await data.catalogText(size)), 'DE'), engine);
      },
      run: () => {
        const result = session.engine.recommend(top50Request);
        if (!result || !result.items || result.items.length !== 50) throw new Error('recommend did not return 50 items');
      },
      teardown: close,
    });
  }

  let time = BENCH_NOW_MS;
  let item = null;
  ops.push({
    name: 'track_event/2k', impl,
    setup: async () => {
      const { engine } = await open();
      engine.openSnapshot(await data.snapshot('2k'));
      const model = buildPlainModel(JSON.parse(await data.catalogText('2k')), 'DE');
      trackRequests(model, engine);
      item = model.ids[42];
    },
    run: () => { session.engine.track({ type: 'view', time_ms: ++time, item }); },
    teardown: close,
  });

  let agreement = '';
  ops.push({
    name: 'format_10000_prices', impl,
    setup: async () => {
      const { core } = await open();
      core.loadLocalePack(await data.localePack('de-DE'));
      const intl = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
      const same = amounts.filter((amount) => core.formatMoney(amount, 'EUR', 'de-DE') === intl.format(amount / 100)).length;
      agreement = `${same} of ${amounts.length} strings identical to this runtime's Intl.NumberFormat('de-DE', EUR)`;
    },
    note: () => agreement,
    run: () => {
      let length = 0;
      for (const amount of amounts) length += session.core.formatMoney(amount, 'EUR', 'de-DE').length;
      if (length === 0) throw new Error('nothing formatted');
    },
    teardown: close,
  });
  return ops;
}

// Plain JavaScript doing the same work: JSON.parse of the catalog the
// snapshot was built from, Intl.NumberFormat, and the ranking of plain-reco.mjs.
export function plainOps({ data, sizes }) {
  const ops = [];
  for (const size of sizes) {
    let text;
    ops.push({
      name: `snapshot_open/${size}`, impl: 'json-parse',
      setup: async () => { text = await data.catalogText(size); },
      run: () => { if (!JSON.parse(text).items) throw new Error('no items'); },
      teardown: () => { text = null; },
    });
  }
  for (const size of sizes) {
    let model, events;
    ops.push({
      name: `recommend_top50/${size}`, impl: 'plain-js',
      setup: async () => {
        model = buildPlainModel(JSON.parse(await data.catalogText(size)), 'DE');
        events = plainProfile(model);
      },
      run: () => { if (plainTop50(model, events).length !== 50) throw new Error('fewer than 50 items'); },
      teardown: () => { model = null; },
    });
  }
  // A cached formatter, as a careful page would keep one.
  let format;
  ops.push({
    name: 'format_10000_prices', impl: 'intl',
    setup: () => { format = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }); },
    run: () => {
      let length = 0;
      for (const amount of amounts) length += format.format(amount / 100).length;
      if (length === 0) throw new Error('nothing formatted');
    },
  });
  return ops;
}

// Linear memory per snapshot size, each in a fresh module (wasm memory never
// shrinks, so its size after the calls is the high-water mark).
export async function measureMemory({ createShopCore, flavour, data, sizes, env }) {
  const rows = [];
  for (const size of sizes) {
    try {
      const bytes = await data.snapshot(size);
      const { core, memory } = await instantiate(createShopCore, flavour, data);
      const engine = core.createEngine();
      const before = memory();
      engine.openSnapshot(bytes);
      const opened = memory();
      let recommended = null;
      if (typeof engine.recommend === 'function') {
        engine.recommend(top50Request);
        recommended = memory();
      }
      engine.dispose();
      rows.push({ name: `wasm_memory/${size}`, env, impl: flavour.impl, snapshot_bytes: bytes.byteLength,
        memory_at_start: before, memory_after_open: opened, memory_after_recommend: recommended });
    } catch (error) {
      rows.push({ name: `wasm_memory/${size}`, env, impl: flavour.impl, error: String(error) });
    }
  }
  return rows;
}
