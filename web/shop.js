// The shop's session state and the small helpers every view uses: the
// engine (its calls timed), the catalog reader, the market, the clock, the
// cart lines, money formatting and the text of the page's own chrome.
import { h } from './dom.js';
import { has, MissingApi, timed } from './perf.js';
import { pickText } from './catalog.js';

export const shop = {
  core: null,        // createShopCore(): formatting
  engine: null,      // createEngine(): snapshot, profile, pricing, reco, social
  catalog: null,     // ShopCatalog over the same snapshot bytes
  market: null,      // the market object of catalog.markets
  fixedNow: null,    // ?now=EPOCH_MS pins the clock (tests, screenshots)
  clockOffset: 0,    // shop clock = Date.now() + clockOffset
  shopperId: 'demo-shopper',
  carts: {},         // market id -> [{sku, qty}]
  usePoints: false,
  pointsBalance: 5000,
  fulfilment: 'delivery', // "delivery" or a pickup point id
  rerender: () => {},
};

const STORAGE = { market: 'shopcore.demo.market', profile: 'shopcore.demo.profile', carts: 'shopcore.demo.carts' };

// Time is an argument of every engine call: this is the one place it is read.
export function now() {
  return shop.fixedNow ?? Date.now() + shop.clockOffset;
}

export function call(name, ...args) { return timed(shop.engine, name, ...args); }
export function hasApi(name) { return has(shop.engine, name); }

// ---------------------------------------------------------------- text of the page itself
const STRINGS = {
  en: { home: 'Home', cart: 'Cart', privacy: 'Privacy', forYou: 'For you', addToCart: 'Add to cart', added: 'Added',
    similar: 'Similar items', total: 'Total', taxIncl: 'tax included', taxExcl: 'plus tax', empty: 'Your cart is empty',
    checkout: 'Checkout', save: 'Save', share: 'Share', back: 'Back', outOfStock: 'Out of stock', lowStock: 'Only a few left',
    preorder: 'Pre-order', crossBorder: 'Ships from', delivery: 'Delivery', coupons: 'Coupons', perf: 'Perf' },
  zh: { home: '首页', cart: '购物车', privacy: '隐私', forYou: '为你推荐', addToCart: '加入购物车', added: '已加入',
    similar: '相似商品', total: '合计', taxIncl: '含税', taxExcl: '不含税', empty: '购物车是空的', checkout: '结算',
    save: '省', share: '分享', back: '返回', outOfStock: '缺货', lowStock: '库存紧张', preorder: '预售',
    crossBorder: '发货地', delivery: '配送', coupons: '优惠券', perf: '性能' },
  de: { home: 'Start', cart: 'Warenkorb', privacy: 'Datenschutz', forYou: 'Für dich', addToCart: 'In den Warenkorb',
    added: 'Hinzugefügt', similar: 'Ähnliche Artikel', total: 'Gesamt', taxIncl: 'inkl. MwSt.', taxExcl: 'zzgl. MwSt.',
    empty: 'Dein Warenkorb ist leer', checkout: 'Zur Kasse', save: 'Du sparst', share: 'Teilen', back: 'Zurück',
    outOfStock: 'Ausverkauft', lowStock: 'Nur noch wenige', preorder: 'Vorbestellung', crossBorder: 'Versand aus',
    delivery: 'Lieferung', coupons: 'Gutscheine', perf: 'Perf' },
  fr: { home: 'Accueil', cart: 'Panier', privacy: 'Confidentialité', forYou: 'Pour vous', addToCart: 'Ajouter au panier',
    added: 'Ajouté', similar: 'Articles similaires', total: 'Total', taxIncl: 'TTC', taxExcl: 'HT', empty: 'Votre panier est vide',
    checkout: 'Commander', save: 'Économisez', share: 'Partager', back: 'Retour', outOfStock: 'Épuisé',
    lowStock: 'Plus que quelques-uns', preorder: 'Précommande', crossBorder: 'Expédié depuis', delivery: 'Livraison',
    coupons: 'Coupons', perf: 'Perf' },
  ja: { home: 'ホーム', cart: 'カート', privacy: 'プライバシー', forYou: 'おすすめ', addToCart: 'カートに入れる', added: '追加しました',
    similar: '似た商品', total: '合計', taxIncl: '税込', taxExcl: '税抜', empty: 'カートは空です', checkout: '購入手続き',
    save: 'お得', share: 'シェア', back: '戻る', outOfStock: '在庫切れ', lowStock: '残りわずか', preorder: '予約',
    crossBorder: '発送元', delivery: '配送', coupons: 'クーポン', perf: '性能' },
  pt: { home: 'Início', cart: 'Carrinho', privacy: 'Privacidade', forYou: 'Para você', addToCart: 'Adicionar ao carrinho',
    added: 'Adicionado', similar: 'Itens parecidos', total: 'Total', taxIncl: 'impostos incluídos', taxExcl: 'mais impostos',
    empty: 'Seu carrinho está vazio', checkout: 'Finalizar', save: 'Economize', share: 'Compartilhar', back: 'Voltar',
    outOfStock: 'Esgotado', lowStock: 'Últimas unidades', preorder: 'Pré-venda', crossBorder: 'Enviado de',
    delivery: 'Entrega', coupons: 'Cupons', perf: 'Perf' },
};

export function t(key) {
  const language = (shop.market?.locale ?? 'en').split('-')[0];
  return (STRINGS[language] ?? STRINGS.en)[key] ?? STRINGS.en[key] ?? key;
}

export function locale() { return shop.market.locale; }

export function regionName(code) {
  try {
    return new Intl.DisplayNames([locale(), 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// ---------------------------------------------------------------- money and items
// Formatted by the engine from the market's CLDR pack. An amount the pack
// cannot format shows its error code rather than a guess.
export function money(amountMinor, currency = shop.market.currency) {
  try {
    return timed(shop.core, 'formatMoney', String(amountMinor), currency, locale());
  } catch (error) {
    return `${error.code ?? 'ERROR'} ${amountMinor} ${currency}`;
  }
}

// A price element that carries what a test (or a screen reader) needs.
export function moneyElement(amountMinor, currency, className, tag = 'span') {
  return h(tag, { class: className, lang: locale(), dataset: { amountMinor: String(amountMinor), currency, locale: locale() } },
    money(amountMinor, currency));
}

export function titleOf(item) {
  return pickText(item.titles, locale());
}

export function itemTitle(itemId) {
  const item = shop.catalog.item(itemId);
  return item ? titleOf(item).text : itemId;
}

export function variantLabel(sku) {
  const values = Object.values(sku.variant);
  return values.length ? values.join(' · ') : sku.id;
}

// A stable colour for a category, so tiles read as a product family.
const HUES = { Beauty: 340, Food: 28, Home: 200, Fashion: 280, Electronics: 220, Baby: 160, Health: 120 };
export function hueOf(item) { return HUES[item.categoryPath[0]] ?? 250; }

export function tile(item, size = 'small') {
  const hue = hueOf(item);
  const initials = item.brand.split(/\s+/).map((word) => word[0] ?? '').join('').slice(0, 2).toUpperCase();
  return h('div', { class: `tile tile--${size}`, style: `--hue:${hue}`, 'aria-hidden': 'true' },
    h('span', { class: 'tile__mark' }, initials),
    h('span', { class: 'tile__category' }, item.categoryPath[item.categoryPath.length - 1] ?? ''));
}

// ---------------------------------------------------------------- cart lines and persistence
export function cartLines() {
  const id = shop.market.id;
  if (!shop.carts[id]) shop.carts[id] = [];
  return shop.carts[id];
}

export function saveCarts() {
  try { localStorage.setItem(STORAGE.carts, JSON.stringify(shop.carts)); } catch { /* private mode: the cart lives for this page */ }
}

export function restoreCarts() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE.carts) ?? '{}');
    if (saved && typeof saved === 'object') {
      for (const [market, lines] of Object.entries(saved)) {
        if (!Array.isArray(lines)) continue;
        shop.carts[market] = lines.filter((line) => line && typeof line.sku === 'string' && Number.isSafeInteger(line.qty) && line.qty > 0);
      }
    }
  } catch { /* a damaged saved cart starts empty */ }
}

export function saveProfile() {
  try { localStorage.setItem(STORAGE.profile, call('saveProfile')); } catch { /* keeps working without storage */ }
}

export function restoreProfile() {
  let saved = null;
  try { saved = localStorage.getItem(STORAGE.profile); } catch { return; }
  if (!saved) return;
  try {
    call('restoreProfile', saved);
  } catch {
    // A stale or damaged profile is replaced by a fresh one; the shop keeps working.
  }
}

export function savedMarket() {
  try { return localStorage.getItem(STORAGE.market); } catch { return null; }
}

export function saveMarket(id) {
  try { localStorage.setItem(STORAGE.market, id); } catch { /* session only */ }
}

export function forgetDevice() {
  try {
    localStorage.removeItem(STORAGE.profile);
    localStorage.removeItem(STORAGE.carts);
  } catch { /* nothing stored */ }
  shop.carts = {};
}

// One behaviour event, kept on the device.
export function track(type, item) {
  try {
    call('track', { type, time_ms: now(), item });
    saveProfile();
  } catch (error) {
    console.warn('track failed', error);
  }
}

// ---------------------------------------------------------------- notices
export function describe(error) {
  if (error instanceof MissingApi) return error.message;
  return error && error.code ? `${error.code}${error.path ? ` at ${error.path}` : ''}: ${error.message}` : String(error?.message ?? error);
}

// The honest panel for a feature whose engine call is not in this build.
export function missingNotice(api, what) {
  return h('p', { class: 'notice notice--missing', dataset: { missingApi: api } },
    h('strong', {}, `${what}: not available yet. `),
    `This build of the shopcore package has no engine.${api}(); nothing is shown instead of made-up numbers.`);
}

export function errorNotice(error, what = 'This panel') {
  if (error instanceof MissingApi) return missingNotice(error.api, what);
  return h('p', { class: 'notice notice--error' }, describe(error));
}
