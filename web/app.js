// The demo shop: loads the shopcore ES module, opens the demo snapshot in an
// Engine, and routes between the feed, item, cart and privacy views. Every
// number on the page comes from the engine; every string from the snapshot
// is set as text (dom.js), never parsed as HTML.
import { createShopCore, supportsSimd } from '/shopcore/src/index.js';
import { ShopCatalog } from './catalog.js';
import { fetchLocalePack, loadShopData } from './data.js';
import { fill, h } from './dom.js';
import { mountPerfOverlay, timed } from './perf.js';
import {
  cartLines, describe, regionName, restoreCarts, restoreProfile, saveMarket, savedMarket, shop, t,
} from './shop.js';
import { renderCart } from './view-cart.js';
import { renderHome } from './view-home.js';
import { leaveItem, renderItem } from './view-item.js';
import { renderPrivacy } from './view-privacy.js';

// The markets the switcher offers, in this order, when the snapshot has them.
const MARKET_ORDER = ['CN', 'US', 'GB', 'DE', 'FR', 'JP', 'AU', 'SG', 'BR', 'KR'];

function setStatus(kind, text) {
  document.documentElement.dataset.state = kind;
  const status = document.getElementById('status');
  status.textContent = text;
  status.hidden = kind === 'ready';
}

const loadedPacks = new Set();
async function ensureLocale(tag) {
  if (loadedPacks.has(tag)) return;
  const bytes = await fetchLocalePack(tag);
  if (!bytes) throw new Error(`no locale pack for ${tag}`);
  timed(shop.core, 'loadLocalePack', bytes);
  timed(shop.engine, 'loadLocalePack', bytes);
  loadedPacks.add(tag);
}

function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [pathPart, query = ''] = hash.split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { name: parts[0] ?? 'home', arg: parts[1] ?? null, params: new URLSearchParams(query) };
}

function render() {
  const view = document.getElementById('view');
  const { name, arg, params } = route();
  if (name !== 'item') leaveItem();
  document.documentElement.lang = shop.market.locale;
  for (const link of document.querySelectorAll('.tabbar a')) {
    link.setAttribute('aria-current', String(link.dataset.tab === (name === 'item' ? 'home' : name)));
  }
  document.querySelector('.tabbar [data-tab="home"] .tab__label').textContent = t('home');
  document.querySelector('.tabbar [data-tab="cart"] .tab__label').textContent = t('cart');
  document.querySelector('.tabbar [data-tab="privacy"] .tab__label').textContent = t('privacy');
  try {
    if (name === 'item' && arg) renderItem(view, arg, params);
    else if (name === 'cart') renderCart(view);
    else if (name === 'privacy') renderPrivacy(view);
    else renderHome(view);
  } catch (error) {
    fill(view, h('p', { class: 'notice notice--error' }, `This view failed: ${describe(error)}`));
    console.error(error);
  }
  view.dataset.view = name;
  shop.updateBadge();
}

function updateBadge() {
  const count = cartLines().reduce((sum, line) => sum + line.qty, 0);
  const badge = document.getElementById('cart-count');
  badge.textContent = String(count);
  badge.hidden = count === 0;
}

function marketSwitcher() {
  const select = document.getElementById('market');
  const markets = MARKET_ORDER.map((id) => shop.catalog.market(id)).filter(Boolean);
  select.replaceChildren(...markets.map((market) => h('option', { value: market.id },
    `${regionName(market.id)} · ${market.currency}`)));
  select.value = shop.market.id;
  select.addEventListener('change', async () => {
    const next = shop.catalog.market(select.value);
    if (!next) return;
    select.disabled = true;
    try {
      await ensureLocale(next.locale);
      shop.market = next;
      saveMarket(next.id);
      document.getElementById('market-badge').textContent = next.id;
      render();
    } catch (error) {
      setStatus('degraded', `Cannot switch to ${next.id}: ${describe(error)}`);
      select.value = shop.market.id;
    } finally {
      select.disabled = false;
    }
  });
}

function shopClock(createdAt) {
  const params = new URLSearchParams(location.search);
  const pinned = params.get('now');
  if (pinned && /^\d{1,16}$/.test(pinned)) {
    shop.fixedNow = Number(pinned);
    return 'pinned by ?now=';
  }
  // The demo catalog's campaigns run for days after its creation. Outside
  // that week the shop clock replays the catalog's first evening (before
  // its 20:00 UTC flash sale), ticking in real time from page load.
  const real = Date.now();
  const week = 7 * 86400000;
  if (real >= createdAt && real < createdAt + week) return 'real time';
  shop.clockOffset = createdAt + 19.5 * 3600000 - real;
  return 'replaying the catalog\'s first day';
}

async function main() {
  setStatus('loading', 'Loading the engine…');
  shop.updateBadge = updateBadge;
  shop.rerender = render;
  const started = performance.now();
  shop.core = await createShopCore();
  shop.engine = shop.core.createEngine();
  const { bytes, info } = await loadShopData(shop.engine);
  shop.catalog = new ShopCatalog(bytes);
  const clock = shopClock(shop.catalog.createdAt);
  const wanted = new URLSearchParams(location.search).get('market') ?? savedMarket();
  shop.market = shop.catalog.market(wanted) ?? shop.catalog.market('DE') ?? shop.catalog.markets[0];
  await ensureLocale(shop.market.locale);
  restoreProfile();
  restoreCarts();
  document.getElementById('market-badge').textContent = shop.market.id;
  marketSwitcher();

  const perf = document.getElementById('perf');
  const renderPerf = mountPerfOverlay(perf);
  document.getElementById('perf-toggle').addEventListener('click', (event) => {
    perf.hidden = !perf.hidden;
    event.currentTarget.setAttribute('aria-pressed', String(!perf.hidden));
    renderPerf();
  });

  window.addEventListener('hashchange', () => { render(); window.scrollTo(0, 0); });
  render();
  const versions = shop.core.version();
  document.getElementById('versions').textContent =
    `shopcore ${versions.shopcore} · ${supportsSimd() ? 'SIMD' : 'baseline'} build · snapshot ${info.snapshot_id} ` +
    `(${shop.catalog.itemCount} items, ${(bytes.length / 1024).toFixed(0)} KB) · clock ${clock} · ready in ${(performance.now() - started).toFixed(0)} ms`;
  setStatus('ready', '');
}

main().catch((error) => {
  console.error(error);
  setStatus('error', `The shop did not start: ${describe(error)}`);
});
