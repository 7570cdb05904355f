// A plain-JavaScript top-50 ranking from the same neighbour lists, written
// for the comparison the way a front-end developer would: typed arrays for
// the neighbour lists (built once from the catalog JSON, untimed), a Float64Array
// of scores per call, the same 200-event profile, the same filters (sellable
// in the market, in stock, not already purchased, not denied) and the same
// caps (5 per category, 3 per brand), ties by id; a page short of 50 is
// filled from the market's popular items.
//
// It does LESS than the engine: item-item scores only (plus the popularity
// fill). The engine also folds
// the shopper into the factor space and scores every item by embedding,
// content affinity, popularity and social signals, blends them and explains
// each result. So "engine vs plain JS" understates the engine's advantage
// per unit of work; the report says so.

// The home context's event weights and half-life come from the catalog.
const TYPES = ['view', 'view', 'view', 'click', 'add_to_cart', 'like', 'purchase', 'share'];
export const BENCH_NOW_MS = 1795600800000;  // bench/portable/workloads.h kBenchNowMs

export function buildPlainModel(catalog, market) {
  const items = catalog.items;
  const n = items.length;
  const index = new Map(items.map((item, i) => [item.id, i]));
  const categories = new Map();
  const brands = new Map();
  const category = new Uint32Array(n);
  const brand = new Uint32Array(n);
  const eligible = new Uint8Array(n);
  items.forEach((item, i) => {
    const path = item.category_path.join('/');
    if (!categories.has(path)) categories.set(path, categories.size);
    if (!brands.has(item.brand)) brands.set(item.brand, brands.size);
    category[i] = categories.get(path);
    brand[i] = brands.get(item.brand);
    const sellable = !item.sellable_markets || item.sellable_markets.length === 0 || item.sellable_markets.includes(market);
    const priced = item.skus.some((sku) => sku.price && sku.price[market]);
    const inStock = item.skus.some((sku) => (sku.stock || 'InStock') !== 'OutOfStock');
    eligible[i] = sellable && priced && inStock ? 1 : 0;
  });
  let total = 0;
  for (const row of catalog.neighbours) total += row.neighbours.length;
  const offsets = new Uint32Array(n + 1);
  const neighbours = new Uint32Array(total);
  const weights = new Float32Array(total);
  const rows = new Array(n);
  for (const row of catalog.neighbours) rows[index.get(row.item)] = row;
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    const row = rows[i];
    if (!row) continue;
    for (let k = 0; k < row.neighbours.length; k++) {
      neighbours[at] = index.get(row.neighbours[k]);
      weights[at] = row.weights[k];
      at++;
    }
  }
  offsets[n] = at;
  const home = catalog.blend_contexts.find((c) => c.id === 'home');
  const popular = (catalog.popularity.find((p) => p.market === market) || { items: [] }).items.map((id) => index.get(id));
  return {
    n, ids: items.map((item) => item.id), category, brand, eligible, offsets, neighbours, weights, popular: Uint32Array.from(popular),
    halfLifeMs: home.half_life_ms, eventWeights: home.event_weights,
  };
}

// The 200 events of bench/portable/workloads.h FillProfile (same LCG, same
// draws), as item indexes.
export function plainProfile(model) {
  let state = 11n;
  const mask = (1n << 64n) - 1n;
  const next = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) & mask;
    return Number(state >> 33n);
  };
  const events = [];
  for (let e = 0; e < 200; e++) {
    const type = TYPES[next() % 8];
    const item = next() % model.n;
    const time = BENCH_NOW_MS - (next() % (30 * 86400)) * 1000;
    events.push({ type, item, time });
  }
  return events;
}

export function plainTop50(model, events, { now = BENCH_NOW_MS, pageSize = 50, perCategory = 5, perBrand = 3 } = {}) {
  const scores = new Float64Array(model.n);
  const purchased = new Set();
  for (const event of events) {
    if (event.type === 'purchase') purchased.add(event.item);
    const weight = (model.eventWeights[event.type] || 0) * 2 ** (-(now - event.time) / model.halfLifeMs);
    for (let k = model.offsets[event.item], end = model.offsets[event.item + 1]; k < end; k++) {
      scores[model.neighbours[k]] += weight * model.weights[k];
    }
  }
  const candidates = [];
  for (let i = 0; i < model.n; i++) {
    if (scores[i] > 0 && model.eligible[i] && !purchased.has(i)) candidates.push(i);
  }
  candidates.sort((a, b) => scores[b] - scores[a] || (model.ids[a] < model.ids[b] ? -1 : 1));
  const perCategoryCount = new Map();
  const perBrandCount = new Map();
  const page = [];
  const taken = new Set();
  const take = (i, capped) => {
    if (taken.has(i)) return;
    const c = perCategoryCount.get(model.category[i]) || 0;
    const b = perBrandCount.get(model.brand[i]) || 0;
    if (capped && (c >= perCategory || b >= perBrand)) return;
    perCategoryCount.set(model.category[i], c + 1);
    perBrandCount.set(model.brand[i], b + 1);
    taken.add(i);
    page.push({ item: model.ids[i], score: scores[i] });
  };
  for (let k = 0; k < candidates.length && page.length < pageSize; k++) take(candidates[k], true);
  // Too few scored items pass the caps (a small catalogue, a short history):
  // fill from the market's popular items, as the engine's cold-start does.
  for (let k = 0; k < model.popular.length && page.length < pageSize; k++) {
    const i = model.popular[k];
    if (model.eligible[i] && !purchased.has(i)) take(i, true);
  }
  for (let i = 0; i < model.n && page.length < pageSize; i++) {
    if (model.eligible[i] && !purchased.has(i)) take(i, false);
  }
  return page;
}
