// The cart: lines with quantities, priced by engine.price() with the best
// coupon set chosen by the engine (and why the others do not apply),
// promotions, 凑单 nudges, points, pickup or delivery, taxes with the
// cross-border lines marked, frequently-bought-together, delivery promise.
import { fill, h } from './dom.js';
import { productCard, recommend } from './view-home.js';
import {
  call, cartLines, describe, errorNotice, hasApi, itemTitle, locale, missingNotice, money, moneyElement, now, regionName,
  saveCarts, shop, t, tile, variantLabel,
} from './shop.js';
import { timed } from './perf.js';

// The engine answers amounts as exact major-unit strings ("12.34"); the
// package turns them back into minor units for formatting.
export function majorToMinor(major, currency) {
  return timed(shop.core, 'parseMajor', String(major), currency);
}

function fmt(major, currency) { return money(majorToMinor(major, currency), currency); }

const COUPON_REASONS = {
  NONE: 'applied',
  USED: 'already used',
  NOT_STARTED: 'not valid yet',
  EXPIRED: 'expired',
  WRONG_MARKET: 'not valid in this market',
  NO_ELIGIBLE_ITEMS: 'none of these items qualify',
  BELOW_THRESHOLD: 'minimum spend not reached',
  ACTIVITY_ORDER: 'not with an activity price (group, bargain, flash)',
  EXCLUDED_BY_PROMOTION: 'cannot combine with a promotion applied here',
  PHASE_DISABLED: 'coupons are off in this pricing policy',
  CLASS_CONFLICT: 'another coupon of the same class is used',
  NOT_BEST: 'the chosen set saves more',
  NOT_SELECTED: 'not selected',
};

// What the page asks the engine; also what the e2e test hands to `shopcore price`.
export function cartRequest() {
  const market = shop.market;
  const request = {
    market: market.id,
    now: now(),
    lines: cartLines().map((line) => ({ sku: line.sku, qty: line.qty })),
    wallet: shop.catalog.couponsFor(market.id, now()).map((id) => ({ id, state: 'unused' })),
    choose_best_coupons: true,
    points_balance: shop.pointsBalance,
    points_to_use: shop.usePoints ? undefined : 0,
  };
  if (shop.usePoints) delete request.points_to_use;
  if (shop.fulfilment !== 'delivery' && market.pickupPoints.some((p) => p.id === shop.fulfilment)) {
    request.pickup_point = shop.fulfilment;
  }
  return request;
}

function skuInfo(skuId) {
  const itemId = shop.catalog.itemOfSku(skuId);
  const item = itemId ? shop.catalog.item(itemId) : null;
  const sku = item?.skus.find((s) => s.id === skuId) ?? null;
  return { item, sku };
}

function changeQty(skuId, delta) {
  const lines = cartLines();
  const line = lines.find((l) => l.sku === skuId);
  if (!line) return;
  line.qty += delta;
  if (line.qty <= 0) lines.splice(lines.indexOf(line), 1);
  saveCarts();
  shop.updateBadge();
  shop.rerender();
}

function lineRow(line, priced, currency) {
  const { item, sku } = skuInfo(line.sku);
  const shelf = sku?.prices.get(shop.market.id);
  return h('li', { class: 'line', dataset: { sku: line.sku } },
    item ? tile(item) : null,
    h('div', { class: 'line__body' },
      h('a', { class: 'line__title', href: item ? `#/item/${encodeURIComponent(item.id)}` : '#/cart' }, item ? itemTitle(item.id) : line.sku),
      h('p', { class: 'muted' }, sku ? variantLabel(sku) : ''),
      h('div', { class: 'line__foot' },
        h('div', { class: 'stepper' },
          h('button', { type: 'button', 'aria-label': 'One less', class: 'stepper__button', onclick: () => changeQty(line.sku, -1) }, '−'),
          h('output', { class: 'stepper__value' }, String(line.qty)),
          h('button', { type: 'button', 'aria-label': 'One more', class: 'stepper__button', onclick: () => changeQty(line.sku, +1) }, '+')),
        priced
          ? h('span', { class: 'line__price' },
            priced.list_total !== priced.payable ? h('s', { class: 'price price--was' }, fmt(priced.list_total, currency)) : null,
            h('span', { class: 'price' }, fmt(priced.payable, currency)))
          : shelf ? h('span', { class: 'line__price' }, moneyElement(shelf.amount, shop.market.currency, 'price'), h('span', { class: 'muted' }, ' each')) : null)),
    priced && priced.adjustments.length
      ? h('ul', { class: 'adjustments' }, priced.adjustments.map((a) => h('li', {},
        `${sourceName(a.source)} `, h('span', { class: 'saving' }, `−${fmt(a.amount.replace(/^-/, ''), currency)}`))))
      : null);
}

function couponText(info) {
  if (info.kind === 'percent_off') return `${(Number(info.percentOff) * 100).toFixed(0)}% off`;
  if (info.kind === 'free_shipping') return 'free shipping';
  return `${money(info.amountOff, info.currency)} off${info.minSpend !== '0' ? ` over ${money(info.minSpend, info.currency)}` : ''}`;
}

// What an adjustment's source is called: a coupon's offer or a promotion's name.
function sourceName(id) {
  const coupon = shop.catalog.coupon(id);
  return coupon ? `Coupon: ${couponText(coupon)}` : shop.catalog.promotionName(id, locale());
}

function couponsPanel(answer) {
  const currency = answer.currency;
  const rows = answer.coupons.map((c) => {
    const info = shop.catalog.coupon(c.id);
    const what = info ? couponText(info) : c.id;
    const shortBy = c.reason === 'BELOW_THRESHOLD' && c.short_by !== '0' && c.short_by !== '0.00' ? ` (spend ${fmt(c.short_by, currency)} more)` : '';
    return h('li', { class: `coupon${c.applied ? ' coupon--applied' : ''}`, dataset: { coupon: c.id, reason: c.reason } },
      h('span', { class: 'coupon__what' }, what),
      c.applied ? h('span', { class: 'coupon__amount saving' }, `−${fmt(c.amount.replace(/^-/, ''), currency)}`)
        : h('span', { class: 'coupon__why' }, `${COUPON_REASONS[c.reason] ?? c.reason}${shortBy}`));
  });
  const applied = answer.coupons.filter((c) => c.applied).length;
  return h('section', { class: 'panel', id: 'coupons' },
    h('h2', { class: 'panel__title' }, t('coupons'),
      h('span', { class: 'panel__aside' }, `best set: ${applied} of ${answer.coupons.length}, chosen by the engine`)),
    rows.length ? h('ul', { class: 'coupons' }, rows) : h('p', { class: 'muted' }, 'No coupons in your wallet for this market.'));
}

function promotionsPanel(answer) {
  const currency = answer.currency;
  // Synthetic entries ("points-de:earn", "shipping:de-flat") are the
  // points and shipping phases, shown in the summary instead.
  const applied = answer.promotions.filter((p) => p.status === 'APPLIED' && !p.id.includes(':'));
  const nudges = answer.display?.nudges ?? [];
  if (!applied.length && !nudges.length) return null;
  return h('section', { class: 'panel', id: 'promotions' },
    h('h2', { class: 'panel__title' }, 'Promotions'),
    applied.length ? h('ul', { class: 'plain' }, applied.map((p) => h('li', {}, shop.catalog.promotionName(p.id, locale()), ' ',
      typeof p.amount === 'string' && p.amount ? h('span', { class: 'saving' }, `−${fmt(p.amount.replace(/^-/, ''), currency)}`) : null))) : null,
    nudges.map((n) => h('p', { class: 'nudge', dataset: { promotion: n.promotion } },
      h('strong', {}, '凑单 '), `Add ${n.amount_short} more for “${shop.catalog.promotionName(n.promotion, locale())}”`)));
}

function utcOffsetMinutes(timeZone, at) {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = part.match(/GMT([+-])(\d{2}):(\d{2})/);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  } catch {
    return 0;
  }
}

function fulfilmentPanel() {
  const market = shop.market;
  const options = [{ id: 'delivery', label: t('delivery'), note: 'to your address' }];
  for (const point of market.pickupPoints) {
    let note;
    try {
      const hhmm = `${String(Math.floor(point.cutoffMinute / 60)).padStart(2, '0')}:${String(point.cutoffMinute % 60).padStart(2, '0')}`;
      const slot = call('pickup', {
        points: [{ id: point.id, market: market.id, utc_offset_minutes: utcOffsetMinutes(market.timeZone, now()), cutoff: hhmm, pickup_after_days: point.offsetDays }],
        point_id: point.id, now_ms: now(),
      });
      note = `collect on ${slot.pickup_date}, order within ${Math.floor(slot.time_to_cutoff_ms / 3600000)} h ${Math.floor((slot.time_to_cutoff_ms % 3600000) / 60000)} min`;
    } catch (error) {
      note = describe(error);
    }
    const name = point.names.get(market.locale) ?? [...point.names.values()][0] ?? point.id;
    options.push({ id: point.id, label: name, note: `${point.address} · ${note}` });
  }
  let promise;
  if (!hasApi('planDelivery')) {
    promise = missingNotice('planDelivery', 'Delivery promise');
  } else {
    try {
      const answer = call('planDelivery', {
        market: market.id, currency: market.currency, now_ms: now(), locale: locale(),
        items: cartLines().map((l) => ({ sku: l.sku, quantity: l.qty, unit_price_minor: skuInfo(l.sku).sku?.prices.get(market.id)?.amount ?? '0' })),
      });
      const picks = Object.entries(answer.picks ?? {}).filter(([, index]) => answer.plans?.[index]);
      promise = h('ul', { class: 'plain', id: 'delivery-plans' }, picks.map(([pick, index]) => {
        const plan = answer.plans[index];
        return h('li', { dataset: { pick } }, h('span', {}, `${pick.replace(/_/g, ' ')}: ${plan.promise ?? `${plan.earliest} – ${plan.latest}`}`),
          h('span', { class: 'muted' }, `${plan.parcel_count} parcel${plan.parcel_count === 1 ? '' : 's'} · ${money(plan.shipping_minor, answer.currency)}`));
      }));
    } catch (error) {
      promise = errorNotice(error);
    }
  }
  return h('section', { class: 'panel', id: 'fulfilment' },
    h('h2', { class: 'panel__title' }, t('delivery')),
    options.length > 1 ? h('div', { class: 'choices', role: 'radiogroup' }, options.map((o) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'fulfilment', value: o.id, checked: shop.fulfilment === o.id || (o.id === 'delivery' && !options.some((x) => x.id === shop.fulfilment)),
        onchange: () => { shop.fulfilment = o.id; shop.rerender(); } }),
      h('span', { class: 'choice__text' }, h('span', {}, o.label), o.note ? h('span', { class: 'muted' }, o.note) : null)))) : null,
    promise);
}

function taxPanel(answer) {
  const tax = answer.tax;
  const currency = answer.currency;
  if (!tax || tax.status === 'NO_RULE') {
    return h('section', { class: 'panel', id: 'tax' }, h('h2', { class: 'panel__title' }, 'Tax'),
      h('p', { class: 'muted' }, tax?.message ?? `No tax rule in force for ${regionName(answer.market)} in this snapshot: prices have no tax line.`));
  }
  const crossBorder = tax.lines.filter((l) => l.cross_border);
  const rows = tax.lines.map((l) => h('tr', { dataset: { sku: l.sku } },
    h('th', { scope: 'row' }, itemTitle(shop.catalog.itemOfSku(l.sku) ?? l.sku), l.cross_border ? h('span', { class: 'chip chip--border' }, 'import') : null),
    h('td', {}, `${(Number(l.rate) * 100).toFixed(1).replace(/\.0$/, '')}%`),
    h('td', {}, fmt(l.tax, currency))));
  if (tax.shipping) rows.push(h('tr', {}, h('th', { scope: 'row' }, 'Shipping'), h('td', {}, `${(Number(tax.shipping.rate) * 100).toFixed(1).replace(/\.0$/, '')}%`), h('td', {}, fmt(tax.shipping.tax, currency))));
  return h('section', { class: 'panel', id: 'tax' },
    h('h2', { class: 'panel__title' }, tax.name || 'Tax', h('span', { class: 'panel__aside' }, tax.display === 'inclusive' ? t('taxIncl') : t('taxExcl'))),
    h('table', { class: 'taxes' }, h('tbody', {}, rows)),
    crossBorder.length ? h('div', { class: 'landed' },
      h('p', {}, h('strong', {}, 'Cross-border items. '),
        'Included above: the domestic rate on each line. Not included: import duty and import VAT under the destination\'s regime; the engine reports ',
        h('code', {}, 'import_rule_unavailable'), ' for them, so they are estimated at checkout, not here.'),
      hasApi('landedCost') ? null : missingNotice('landedCost', 'Landed-cost breakdown')) : null,
    h('p', { class: 'muted small' }, `${tax.rule} · ${tax.source} · verified ${tax.verified_on}`));
}

function fbtPanel() {
  const anchors = [...new Set(cartLines().map((l) => shop.catalog.itemOfSku(l.sku)).filter(Boolean))];
  try {
    const answer = recommend({ context: 'bought_together', anchors, page_size: 4 });
    if (!answer.items.length) return null;
    return h('section', { class: 'panel', id: 'fbt' }, h('h2', { class: 'panel__title' }, 'Frequently bought together'),
      h('ul', { class: 'rail' }, answer.items.map((e) => productCard(e.id, e.reason))));
  } catch (error) {
    return h('section', { class: 'panel', id: 'fbt' }, h('h2', { class: 'panel__title' }, 'Frequently bought together'), errorNotice(error, 'Frequently bought together'));
  }
}

export function renderCart(root) {
  const lines = cartLines();
  const market = shop.market;
  if (!lines.length) {
    fill(root, h('section', { class: 'empty' },
      h('h1', {}, t('cart')), h('p', { class: 'muted', id: 'cart-empty' }, t('empty')),
      h('a', { class: 'button button--primary', href: '#/' }, t('forYou'))));
    return;
  }
  const request = cartRequest();
  let answer = null;
  let problem = null;
  if (!hasApi('price')) {
    problem = missingNotice('price', 'Cart total, promotions and coupons');
  } else {
    try {
      answer = call('price', request, { locale: locale() });
    } catch (error) {
      problem = errorNotice(error);
    }
  }
  const pricedLines = new Map((answer?.lines ?? []).map((l) => [l.sku, l]));
  const currency = answer?.currency ?? market.currency;
  const summary = answer ? h('section', { class: 'summary', id: 'cart-summary', dataset: { request: JSON.stringify(request) } },
    h('dl', { class: 'totals' },
      h('dt', {}, 'Items'), h('dd', {}, fmt(answer.totals.list, currency)),
      answer.totals.discount !== '0' && !/^-?0(\.0+)?$/.test(answer.totals.discount)
        ? [h('dt', {}, 'Discounts'), h('dd', { class: 'saving' }, `−${fmt(answer.totals.discount.replace(/^-/, ''), currency)}`)] : null,
      h('dt', {}, 'Shipping'), h('dd', {},
        answer.totals.shipping !== answer.totals.shipping_fee ? h('s', { class: 'muted' }, fmt(answer.totals.shipping_fee, currency)) : null,
        ' ', /^0(\.0+)?$/.test(answer.totals.shipping) ? 'free' : fmt(answer.totals.shipping, currency)),
      answer.points.used ? [h('dt', {}, `Points (${answer.points.used})`), h('dd', {}, 'applied')] : null,
      answer.tax && answer.tax.tax ? [h('dt', {}, answer.tax.display === 'inclusive' ? `incl. ${answer.tax.name || 'tax'}` : `+ ${answer.tax.name || 'tax'}`),
        h('dd', {}, fmt(answer.tax.tax, currency))] : null),
    h('p', { class: 'total' }, h('span', {}, t('total')),
      h('output', { id: 'cart-total', lang: locale(), dataset: { amount: answer.tax?.grand_total ?? answer.totals.payable, currency } },
        answer.display?.grand_total ?? fmt(answer.tax?.grand_total ?? answer.totals.payable, currency))),
    answer.points.earned ? h('p', { class: 'muted small' }, `You earn ${answer.points.earned} points`) : null,
    h('label', { class: 'switch' },
      h('input', { type: 'checkbox', id: 'use-points', checked: shop.usePoints, onchange: (e) => { shop.usePoints = e.target.checked; shop.rerender(); } }),
      h('span', { class: 'switch__track', 'aria-hidden': 'true' }),
      h('span', {}, `Use points (balance ${shop.pointsBalance})`)),
    h('button', { type: 'button', class: 'button button--primary button--wide', disabled: true, title: 'The demo stops before payment' }, t('checkout')))
    : h('section', { class: 'summary', id: 'cart-summary', dataset: { request: JSON.stringify(request) } }, problem);
  fill(root, 
    h('h1', { class: 'page-title' }, t('cart'), h('span', { class: 'muted' }, ` · ${regionName(market.id)}`)),
    answer && problem ? problem : null,
    h('ul', { class: 'lines', id: 'cart-lines' }, lines.map((line) => lineRow(line, pricedLines.get(line.sku), currency))),
    answer ? promotionsPanel(answer) : null,
    answer ? couponsPanel(answer) : null,
    fulfilmentPanel(),
    answer ? taxPanel(answer) : null,
    summary,
    fbtPanel());
}
