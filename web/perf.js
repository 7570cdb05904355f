// Every engine call the page makes goes through timed(): it measures the
// call with performance.now() and keeps the numbers the overlay shows.
// Calls to a method this build of the package does not have yet fail with
// MissingApi, which panels turn into a plain "not available" message.
import { fill, h } from './dom.js';

export class MissingApi extends Error {
  constructor(name) {
    super(`engine.${name}() is not in this build of the shopcore package yet`);
    this.name = 'MissingApi';
    this.api = name;
  }
}

const calls = [];          // the last calls, newest last
const totals = new Map();  // name -> {count, ms, max}
const listeners = new Set();

export function timed(target, name, ...args) {
  if (typeof target[name] !== 'function') throw new MissingApi(name);
  const start = performance.now();
  try {
    return target[name](...args);
  } finally {
    const ms = performance.now() - start;
    calls.push({ name, ms });
    if (calls.length > 12) calls.shift();
    const total = totals.get(name) ?? { count: 0, ms: 0, max: 0 };
    total.count += 1;
    total.ms += ms;
    total.max = Math.max(total.max, ms);
    totals.set(name, total);
    for (const listener of listeners) listener();
  }
}

export function has(target, name) { return typeof target[name] === 'function'; }

function formatMs(ms) { return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`; }

// The overlay: one row per engine method (calls, mean, max) and the last call.
export function mountPerfOverlay(container) {
  let scheduled = false;
  const render = () => {
    scheduled = false;
    if (container.hidden) return;
    const rows = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([name, t]) =>
      h('tr', { dataset: { call: name } },
        h('th', { scope: 'row' }, name),
        h('td', {}, String(t.count)),
        h('td', {}, formatMs(t.ms / t.count)),
        h('td', {}, formatMs(t.max))));
    const last = calls[calls.length - 1];
    fill(container,
      h('p', { class: 'perf__title' }, 'Engine calls (performance.now)'),
      h('table', { class: 'perf__table' },
        h('thead', {}, h('tr', {}, h('th', {}, 'call'), h('th', {}, 'n'), h('th', {}, 'mean'), h('th', {}, 'max'))),
        h('tbody', {}, rows)),
      last ? h('p', { class: 'perf__last' }, `last: ${last.name} ${formatMs(last.ms)}`) : null);
  };
  listeners.add(() => {
    if (!scheduled) { scheduled = true; requestAnimationFrame(render); }
  });
  return render;
}
