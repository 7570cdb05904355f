// The home feed: a page of engine.recommend() for this shopper in this
// market, each card with the engine's reason. Tapping a card records a view
// on the device, so coming back shows a reordered feed.
import { fill, h } from './dom.js';
import { MissingApi } from './perf.js';
import { call, errorNotice, itemTitle, missingNotice, moneyElement, now, regionName, shop, t, tile, titleOf } from './shop.js';

const FEED_SIZE = 20;

const EVENT_VERBS = {
  view: 'viewed', click: 'opened', dwell: 'looked at', add_to_cart: 'added', purchase: 'bought', share: 'shared',
  like: 'liked', search: 'searched for',
};

// The engine's reason, in words. The item a reason names is looked up in the
// catalog and shown as text.
export function reasonText(reason) {
  switch (reason.kind) {
    case 'because_you_interacted': return `Because you ${EVENT_VERBS[reason.event] ?? 'viewed'} ${itemTitle(reason.item)}`;
    case 'similar_to': return `Similar to ${itemTitle(reason.item)}`;
    case 'matches_your_taste': return `Matches your taste: like ${itemTitle(reason.item)}`;
    case 'like_what_you_browse': return `More ${reason.value} (${reason.attribute}), as you browse`;
    case 'popular_in_market': return `${reason.trending ? 'Trending' : 'Popular'} in ${regionName(reason.market)}`;
    case 'friends': return `${reason.friends.length} friend${reason.friends.length === 1 ? '' : 's'} ${reason.event === 'friend_bought' ? 'bought' : 'shared'} this`;
    case 'from_creator_you_follow': return `From ${reason.creator}, whom you follow`;
    case 'bought_together': return `Often bought with ${itemTitle(reason.item)}`;
    default: return 'From the catalog';
  }
}

export function recommend(request) {
  return call('recommend', { market: shop.market.id, now_ms: now(), ...request });
}

// A product card: tile, title, shelf price in the market (the engine
// formats it), compare-at price struck through, the reason.
export function productCard(itemId, reason, { onOpen } = {}) {
  const item = shop.catalog.item(itemId);
  if (!item) return null;
  const { text, locale: titleLocale } = titleOf(item);
  const sku = item.skus.find((s) => s.prices.has(shop.market.id)) ?? item.skus[0];
  const price = sku?.prices.get(shop.market.id);
  const href = `#/item/${encodeURIComponent(item.id)}`;
  return h('li', { class: 'card', dataset: { item: item.id } },
    h('a', { class: 'card__link', href, onclick: onOpen },
      tile(item),
      h('div', { class: 'card__body' },
        h('p', { class: 'card__title', lang: titleLocale }, text),
        price
          ? h('p', { class: 'card__price' },
            moneyElement(price.amount, shop.market.currency, 'price'),
            price.compareAt ? moneyElement(price.compareAt, shop.market.currency, 'price price--was') : null)
          : h('p', { class: 'card__price card__price--none' }, 'not priced here'),
        reason ? h('p', { class: `reason reason--${reason.kind}`, dataset: { reason: reason.kind } }, reasonText(reason)) : null)));
}

export function renderHome(root) {
  const market = shop.market;
  const header = h('section', { class: 'hero' },
    h('p', { class: 'hero__eyebrow' }, `${regionName(market.id)} · ${market.currency} · ${market.locale}`),
    h('h1', { class: 'hero__title' }, t('forYou')),
    h('p', { class: 'hero__text' }, 'Ranked on this device by the engine from what you tap. Nothing leaves the page.'),
    h('p', { class: 'hero__clock' }, `Shop time ${new Intl.DateTimeFormat(market.locale, { timeZone: market.timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(now())}`));
  let feed;
  try {
    const answer = recommend({ context: 'home_feed', page_size: FEED_SIZE, diversity: { mode: 'caps', max_per_category: 4 } });
    const cards = answer.items.map((entry) => productCard(entry.id, entry.reason)).filter(Boolean);
    feed = cards.length
      ? h('ul', { class: 'feed', id: 'feed', dataset: { candidates: String(answer.candidates) } }, cards)
      : h('p', { class: 'notice' }, `Nothing to recommend in ${regionName(market.id)}.`);
  } catch (error) {
    feed = h('div', { class: 'feed-missing' },
      error instanceof MissingApi ? missingNotice('recommend', 'Personalized feed') : errorNotice(error),
      error instanceof MissingApi ? h('p', { class: 'notice' },
        `Without engine.recommend() the page cannot rank; here are ${market.id}'s items in catalog order, without reasons.`) : null,
      h('ul', { class: 'feed', id: 'feed', dataset: { unranked: 'true' } },
        shop.catalog.sellableIn(market.id).slice(0, FEED_SIZE).map((id) => productCard(id, null))));
  }
  fill(root, header, feed);
}
