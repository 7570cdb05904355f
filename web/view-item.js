// The item page: variants, the engine's price for one unit (promotions
// applied) against the shelf and compare-at prices, a flash-sale countdown,
// group-buy (拼团) and bargain (砍价) panels driven by the engine's social
// module, a share link, and similar items from engine.recommend().
import { fill, h } from './dom.js';
import { productCard, recommend } from './view-home.js';
import {
  call, cartLines, describe, errorNotice, hasApi, locale, missingNotice, money, moneyElement, now, regionName,
  saveCarts, shop, t, tile, titleOf, track, variantLabel,
} from './shop.js';
import { majorToMinor } from './view-cart.js';

const FRIENDS = ['lin', 'wang', 'zhao', 'chen', 'liu', 'yang', 'huang', 'zhou', 'wu', 'xu', 'sun', 'ma', 'zhu', 'hu',
  'guo', 'he', 'gao', 'lu', 'zheng', 'luo', 'liang', 'song', 'tang', 'han', 'feng', 'deng', 'cao', 'peng', 'zeng', 'xiao'];

// Per page visit: the selected SKU, group and bargain sessions.
const page = { itemId: null, skuId: null, group: null, bargain: null, ticker: null, sharedBy: null };

function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function panel(title, className, ...children) {
  return h('section', { class: `panel ${className}` }, h('h2', { class: 'panel__title' }, title), ...children);
}

// ---------------------------------------------------------------- price
function priceBlock(item, sku) {
  const market = shop.market;
  const shelf = sku.prices.get(market.id);
  if (!shelf) return h('p', { class: 'notice' }, `Not sold in ${regionName(market.id)}.`);
  let paid = null;
  let engineNote = null;
  if (hasApi('price')) {
    try {
      const answer = call('price', { market: market.id, now: now(), lines: [{ sku: sku.id, qty: 1 }], choose_best_coupons: false },
        { locale: locale() });
      const line = answer.lines[0];
      paid = BigInt(majorToMinor(line.payable, answer.currency));
    } catch (error) {
      engineNote = h('p', { class: 'notice notice--error' }, describe(error));
    }
  } else {
    engineNote = missingNotice('price', 'Promotion price');
  }
  const was = shelf.compareAt ? BigInt(shelf.compareAt) : null;
  const list = BigInt(shelf.amount);
  const now_ = paid ?? list;
  const reference = was && was > list ? was : list;
  const saving = reference - now_;
  return h('div', { class: 'buybox__price' },
    moneyElement(now_, market.currency, 'price price--big', 'p'),
    saving > 0n ? h('p', { class: 'price-line' },
      moneyElement(reference, market.currency, 'price price--was'),
      h('span', { class: 'saving' }, `${t('save')} ${money(saving, market.currency)} (${(saving * 100n) / reference}%)`)) : null,
    h('p', { class: 'tax-note' }, market.taxDisplay === 'inclusive' ? t('taxIncl') : t('taxExcl')),
    engineNote);
}

// ---------------------------------------------------------------- flash sale
function flashPanel(sku) {
  const sale = shop.catalog.flashSaleFor(sku.id, shop.market.id, now());
  if (!sale) return null;
  const countdown = h('span', { class: 'countdown', id: 'flash-countdown' });
  const label = h('span', { class: 'flash__label' });
  const tick = () => {
    const at = now();
    const live = at >= sale.startsAt;
    label.textContent = live ? 'ends in' : 'starts in';
    countdown.textContent = formatDuration((live ? sale.endsAt : sale.startsAt) - at);
  };
  tick();
  page.tickers.push(tick);
  return h('section', { class: 'flash', dataset: { promotion: sale.promotion } },
    h('p', { class: 'flash__head' }, h('strong', {}, '秒杀 Flash sale'), ' ', label, ' ', countdown),
    h('p', { class: 'flash__body' }, moneyElement(sale.price, sale.currency, 'price'),
      ` · ${sale.quota} units · 1 per shopper`));
}

// ---------------------------------------------------------------- group buy (拼团)
function campaignJson(g) {
  const campaign = {
    id: g.id, sku: g.sku, currency: g.currency, group_price_minor: g.groupPrice, group_size: g.groupSize,
    open_duration_ms: g.openDurationMs, per_user_limit: g.perUserLimit, new_users_only: g.newUsersOnly, markets: g.markets,
  };
  if (g.leaderPrice !== '0') campaign.leader_price_minor = g.leaderPrice;
  return campaign;
}

function groupPanel(item) {
  const campaigns = shop.catalog.groupBuysFor(item.id, shop.market.id, now());
  if (!campaigns.length) {
    return panel('拼团 Group buy', 'panel--group',
      h('p', { class: 'muted' }, shop.market.id === 'CN' ? 'This item has no group-buy campaign running now.'
        : `No group-buy campaign for this item in ${regionName(shop.market.id)}. The demo catalog runs group buys in China: switch to CN.`));
  }
  const g = campaigns[0];
  const campaign = campaignJson(g);
  const shopper = { user_id: shop.shopperId, market: shop.market.id };
  const body = h('div', { class: 'group' });
  const render = () => {
    const rows = [h('p', { class: 'group__offer' },
      moneyElement(g.groupPrice, g.currency, 'price price--big'), ` with ${g.groupSize} people`,
      g.leaderPrice !== '0' ? h('span', { class: 'chip' }, `Leader pays ${money(g.leaderPrice, g.currency)}`) : null)];
    try {
      if (!page.group) {
        const check = call('group', 'check-open', { campaign, shopper });
        rows.push(h('p', { class: 'muted' }, check.allowed ? `Open a group as leader and pay ${money(check.price_minor, g.currency)}.`
          : `You cannot open a group: ${check.refusals.join(', ')}.`));
        if (check.allowed) {
          rows.push(h('button', { type: 'button', class: 'button', id: 'group-open', onclick: () => {
            try {
              page.group = call('group', 'open', { campaign, shopper, group_id: `g-${shop.shopperId}-${g.id}`, paid_minor: check.price_minor, now_ms: now() }).group;
            } catch (error) {
              body.append(errorNotice(error));
              return;
            }
            render();
          } }, 'Open a group'));
        }
      } else {
        const view = call('group', 'view', { campaign, group: page.group, shopper, now_ms: now() });
        const paid = view.paid_members;
        rows.push(h('div', { class: 'seats', 'aria-label': `${paid} of ${view.group_size} seats taken` },
          Array.from({ length: view.group_size }, (_, i) => h('span', { class: `seat${i < paid ? ' seat--taken' : ''}` },
            i < page.group.members.length ? (page.group.members[i].user_id === shop.shopperId ? 'you' : page.group.members[i].user_id.slice(0, 2)) : ''))));
        rows.push(h('p', { class: 'group__status', dataset: { status: view.status } },
          view.status === 'open' ? `${view.seats_left} seat${view.seats_left === 1 ? '' : 's'} left · ${formatDuration(view.time_left_ms)} left`
            : view.status === 'success' ? 'Group complete: the order ships at the group price.'
              : `Group ${view.status}.`));
        if (view.status === 'open' && view.seats_left > 0) {
          rows.push(h('button', { type: 'button', class: 'button button--ghost', id: 'group-friend', onclick: () => {
            const friend = FRIENDS.find((f) => !page.group.members.some((m) => m.user_id === f));
            try {
              const at = now();
              let group = call('group', 'join', { campaign, group: page.group, shopper: { user_id: friend, market: shop.market.id }, now_ms: at }).group;
              group = call('group', 'pay', { campaign, group, user_id: friend, paid_minor: g.groupPrice, now_ms: at }).group;
              page.group = group;
            } catch (error) {
              body.append(errorNotice(error));
              return;
            }
            render();
          } }, 'Simulate a friend joining'));
        }
      }
    } catch (error) {
      rows.push(errorNotice(error));
    }
    fill(body, ...rows);
  };
  render();
  return panel('拼团 Group buy', 'panel--group', body);
}

// ---------------------------------------------------------------- bargain (砍价)
// A seed for the bargain's cut schedule: from the shopper and campaign, so
// the same shopper sees the same cuts (FNV-1a, as decimal digits).
function seedOf(text) {
  let hash = 0xcbf29ce484222325n;
  for (const char of text) hash = ((hash ^ BigInt(char.codePointAt(0))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString();
}

function bargainPanel(item) {
  const campaigns = shop.catalog.bargainsFor(item.id, shop.market.id, now());
  if (!campaigns.length) {
    return panel('砍价 Bargain', 'panel--bargain',
      h('p', { class: 'muted' }, shop.market.id === 'CN' ? 'This item has no bargain campaign running now.'
        : `No bargain campaign for this item in ${regionName(shop.market.id)}. The demo catalog runs bargains in China: switch to CN.`));
  }
  const b = campaigns[0];
  const request = () => ({
    campaign: { id: b.id, currency: b.currency, start_minor: b.startPrice, floor_minor: b.floorPrice, helpers: b.helpers, time_limit_ms: b.durationMs },
    seed: { state: seedOf(`${shop.shopperId}/${b.id}`), stream: '54' },
    session: { started_at_ms: page.bargain.startedAt, helpers_done: page.bargain.helpers },
    now_ms: now(),
  });
  const body = h('div', { class: 'bargain' });
  const render = () => {
    const rows = [];
    if (!page.bargain) {
      rows.push(h('p', {}, 'Start at ', moneyElement(b.startPrice, b.currency, 'price'), ', ask friends to help cut it down to ',
        moneyElement(b.floorPrice, b.currency, 'price'), ` (${b.helpers} helps).`));
      rows.push(h('button', { type: 'button', class: 'button', id: 'bargain-start', onclick: () => {
        page.bargain = { startedAt: now(), helpers: 0 };
        render();
      } }, 'Start bargaining'));
    } else {
      try {
        const progress = call('bargain', 'progress', request());
        const permille = Number(progress.progress_permille);
        rows.push(h('p', { class: 'bargain__price' }, moneyElement(progress.price_minor, b.currency, 'price price--big', 'span'),
          h('span', { class: 'muted' }, ` floor ${money(progress.floor_minor, b.currency)}`)));
        rows.push(h('div', { class: 'meter', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '1000', 'aria-valuenow': String(permille) },
          h('span', { class: 'meter__fill', style: `width:${permille / 10}%` })));
        rows.push(h('p', { class: 'muted', dataset: { status: progress.status } },
          progress.status === 'in_progress'
            ? `${progress.helpers_done} of ${progress.helpers_total} friends helped · ${money(progress.left_to_floor_minor, b.currency)} to the floor · next help cuts ${money(progress.next_cut_minor, b.currency)}`
            : `${progress.status.replace(/_/g, ' ')} · ${progress.helpers_done} friends helped`));
        if (progress.status === 'in_progress') {
          rows.push(h('button', { type: 'button', class: 'button button--ghost', id: 'bargain-help', onclick: () => {
            page.bargain.helpers += 1;
            render();
          } }, `${FRIENDS[page.bargain.helpers % FRIENDS.length]} helps`));
        }
      } catch (error) {
        rows.push(errorNotice(error));
      }
    }
    fill(body, ...rows);
  };
  render();
  return panel('砍价 Bargain', 'panel--bargain', body);
}

// Both panels when a campaign runs; one line saying so when neither does.
function socialPanels(item) {
  const at = now();
  const groups = shop.catalog.groupBuysFor(item.id, shop.market.id, at).length;
  const bargains = shop.catalog.bargainsFor(item.id, shop.market.id, at).length;
  if (groups || bargains) return [groupPanel(item), bargainPanel(item)];
  return [h('p', { class: 'notice', id: 'social-none' }, shop.market.id === 'CN'
    ? '拼团 Group buy · 砍价 Bargain: no campaign runs for this item now.'
    : `拼团 Group buy · 砍价 Bargain: none for this item in ${regionName(shop.market.id)}; the demo catalog runs them in China (switch to CN).`)];
}

// ---------------------------------------------------------------- share
function sharePanel(item) {
  let link = '';
  let note = null;
  try {
    const answer = call('shareEncode', { kind: 'item', item_id: item.id, inviter_id: shop.shopperId, market: shop.market.id });
    link = `${location.origin}/#/item/${encodeURIComponent(item.id)}?share=${encodeURIComponent(answer.token)}`;
  } catch (error) {
    note = errorNotice(error);
  }
  const input = h('input', { class: 'share__link', id: 'share-link', readonly: true, value: link, 'aria-label': 'Share link' });
  return panel(t('share'), 'panel--share',
    page.sharedBy ? h('p', { class: 'chip chip--info' }, `Shared with you by ${page.sharedBy}`) : null,
    note ?? h('div', { class: 'share' }, input,
      h('button', { type: 'button', class: 'button button--ghost', onclick: async (event) => {
        input.select();
        try { await navigator.clipboard.writeText(link); event.target.textContent = 'Copied'; } catch { event.target.textContent = 'Select and copy'; }
      } }, 'Copy')));
}

// ---------------------------------------------------------------- landed cost
function landedPanel(item, sku) {
  if (!item.origin || item.origin === shop.market.id) return null;
  const title = `Import from ${regionName(item.origin)}`;
  if (!hasApi('landedCost')) return panel(title, 'panel--landed', missingNotice('landedCost', 'Duties and import tax'));
  const shelf = sku.prices.get(shop.market.id);
  try {
    const answer = call('landedCost', { market: shop.market.id, origin: item.origin, currency: shop.market.currency, now: now(),
      lines: [{ id: sku.id, amount_minor: shelf.amount, quantity: 1 }] }, { locale: locale() });
    return panel(title, 'panel--landed', h('pre', { class: 'json' }, JSON.stringify(answer, null, 1)));
  } catch (error) {
    return panel(title, 'panel--landed', errorNotice(error));
  }
}

// ---------------------------------------------------------------- similar
function similarPanel(item) {
  let content;
  try {
    const answer = recommend({ context: 'similar_item', anchors: [item.id], page_size: 6 });
    content = h('ul', { class: 'rail', id: 'similar' }, answer.items.map((entry) => productCard(entry.id, entry.reason)));
  } catch (error) {
    content = errorNotice(error, 'Similar items');
  }
  return panel(t('similar'), 'panel--similar', content);
}

// ---------------------------------------------------------------- page
export function leaveItem() {
  for (const id of page.timers ?? []) clearInterval(id);
  page.timers = [];
}

export function renderItem(root, itemId, params) {
  leaveItem();
  const item = shop.catalog.item(itemId);
  if (!item) {
    fill(root, h('p', { class: 'notice notice--error' }, `No item ${itemId} in this snapshot.`));
    return;
  }
  if (page.itemId !== itemId) {
    Object.assign(page, { itemId, skuId: null, group: null, bargain: null, sharedBy: null });
    track('view', itemId);
  }
  const token = params.get('share');
  if (token && !page.sharedBy) {
    try {
      const shared = call('shareDecode', token);
      if (shared.item_id === itemId) page.sharedBy = shared.inviter_id;
    } catch (error) {
      page.sharedBy = `an invalid link (${error.code ?? 'error'})`;
    }
  }
  const market = shop.market;
  const sellableSkus = item.skus.filter((s) => s.prices.has(market.id));
  const sku = sellableSkus.find((s) => s.id === page.skuId) ?? sellableSkus.find((s) => s.stock !== 'out_of_stock') ?? sellableSkus[0] ?? item.skus[0];
  page.skuId = sku.id;
  page.tickers = [];
  const { text, locale: titleLocale } = titleOf(item);
  const sellable = item.sellable.has(market.id) && sku.prices.has(market.id);
  const stockNote = { out_of_stock: t('outOfStock'), low_stock: t('lowStock'), preorder: t('preorder') }[sku.stock];

  const variants = h('div', { class: 'variants', role: 'radiogroup', 'aria-label': 'Variant' },
    item.skus.map((s, index) => h('button', {
      type: 'button', role: 'radio', class: 'variant', 'aria-checked': String(s.id === sku.id), dataset: { sku: s.id },
      disabled: !s.prices.has(market.id), onclick: () => { page.skuId = s.id; shop.rerender(); },
    }, variantLabel(s), item.skus.slice(0, index).some((o) => variantLabel(o) === variantLabel(s)) ? ` (${index + 1})` : '', s.stock === 'out_of_stock' ? h('span', { class: 'variant__note' }, ` · ${t('outOfStock')}`) : null)));

  const add = h('button', {
    type: 'button', class: 'button button--primary', id: 'add-to-cart', disabled: !sellable || sku.stock === 'out_of_stock',
    onclick: () => {
      const lines = cartLines();
      const line = lines.find((l) => l.sku === sku.id);
      if (line) line.qty += 1; else lines.push({ sku: sku.id, qty: 1 });
      saveCarts();
      track('add_to_cart', item.id);
      add.textContent = `${t('added')} ✓`;
      shop.updateBadge();
    },
  }, sellable ? t('addToCart') : `Not sold in ${regionName(market.id)}`);

  fill(root, 
    h('a', { class: 'backlink', href: '#/' }, `← ${t('back')}`),
    h('article', { class: 'product', dataset: { item: item.id, sku: sku.id } },
      tile(item, 'large'),
      h('div', { class: 'product__info' },
        h('p', { class: 'product__brand' }, item.brand,
          item.origin && item.origin !== market.id ? h('span', { class: 'chip chip--border' }, `${t('crossBorder')} ${regionName(item.origin)}`) : null),
        h('h1', { class: 'product__title', lang: titleLocale, id: 'item-title' }, text),
        priceBlock(item, sku),
        stockNote ? h('p', { class: `stock stock--${sku.stock}` }, stockNote) : null,
        variants,
        flashPanel(sku),
        h('div', { class: 'buybar' }, add))),
    ...socialPanels(item),
    landedPanel(item, sku),
    sharePanel(item),
    similarPanel(item));
  if (page.tickers.length) {
    const id = setInterval(() => page.tickers.forEach((tick) => tick()), 1000);
    page.timers = [id];
  }
}
