// What the page shows about items (titles, variants, shelf prices, campaigns)
// read straight from the snapshot bytes the engine opened, with the
// FlatBuffers reader `flatc --ts` makes from schemas/catalog.fbs
// (scripts/demo-data bundles it as /data/catalog-reader.js). Read lazily:
// nothing is copied out of the buffer until a view asks for it. Prices,
// promotions, taxes and rankings are never computed here: the engine does.
import { Catalog as CatalogTable, flatbuffers } from '/data/catalog-reader.js';

const STOCK = ['in_stock', 'low_stock', 'out_of_stock', 'preorder', 'discontinued'];
const FLASH_SALE = 9; // PromotionKind.FlashSale

function localizedMap(length, get) {
  const map = new Map();
  for (let i = 0; i < length; i += 1) {
    const entry = get(i);
    map.set(entry.locale(), entry.text());
  }
  return map;
}

// The text for a locale: exact tag, then the same language, then English,
// then Chinese (every demo item has both), then whatever there is.
export function pickText(map, locale) {
  if (map.size === 0) return { text: '', locale: '' };
  if (map.has(locale)) return { text: map.get(locale), locale };
  const language = locale.split('-')[0];
  for (const [tag, text] of map) if (tag.split('-')[0] === language) return { text, locale: tag };
  for (const fallback of ['en-US', 'zh-CN']) if (map.has(fallback)) return { text: map.get(fallback), locale: fallback };
  const [tag, text] = map.entries().next().value;
  return { text, locale: tag };
}

function nameValues(length, get) {
  const out = {};
  for (let i = 0; i < length; i += 1) {
    const entry = get(i);
    out[entry.name()] = entry.value();
  }
  return out;
}

export class ShopCatalog {
  #root;
  #itemIndex = new Map();
  #skuToItem = new Map();
  #items = new Map();
  #marketIndex = new Map();

  constructor(bytes) {
    this.#root = CatalogTable.getSizePrefixedRootAsCatalog(new flatbuffers.ByteBuffer(bytes));
    for (let i = 0; i < this.#root.itemsLength(); i += 1) this.#itemIndex.set(this.#root.items(i).id(), i);
    for (let m = 0; m < this.#root.marketsLength(); m += 1) this.#marketIndex.set(this.#root.markets(m).id(), m);
    this.markets = [...this.#marketIndex.keys()].map((id) => this.#readMarket(this.#root.markets(this.#marketIndex.get(id))));
    this.createdAt = Number(this.#root.createdAt());
    this.snapshotId = this.#root.snapshotId();
  }

  get itemCount() { return this.#itemIndex.size; }
  get itemIds() { return [...this.#itemIndex.keys()]; }

  market(id) { return this.markets.find((market) => market.id === id) ?? null; }

  #readMarket(m) {
    const pickupPoints = [];
    for (let p = 0; p < m.pickupPointsLength(); p += 1) {
      const point = m.pickupPoints(p);
      pickupPoints.push({
        id: point.id(),
        names: localizedMap(point.nameLength(), (i) => point.name(i)),
        address: point.address() ?? '',
        cutoffMinute: point.cutoffMinute(),
        offsetDays: point.pickupOffsetDays(),
      });
    }
    const locales = [];
    for (let i = 0; i < m.localesLength(); i += 1) locales.push(m.locales(i));
    return {
      id: m.id(),
      currency: m.currency(),
      locale: m.locale(),
      locales,
      timeZone: m.timeZone(),
      taxDisplay: m.taxDisplay() === 1 ? 'exclusive' : 'inclusive',
      pickupPoints,
    };
  }

  // One item as plain data, cached; null for an unknown id.
  item(id) {
    if (this.#items.has(id)) return this.#items.get(id);
    const index = this.#itemIndex.get(id);
    if (index === undefined) return null;
    const raw = this.#root.items(index);
    const categoryPath = [];
    for (let i = 0; i < raw.categoryPathLength(); i += 1) categoryPath.push(raw.categoryPath(i));
    const tags = [];
    for (let i = 0; i < raw.tagsLength(); i += 1) tags.push(raw.tags(i));
    const sellable = new Set();
    for (let i = 0; i < raw.sellableMarketsLength(); i += 1) sellable.add(raw.sellableMarkets(i));
    const skus = [];
    for (let s = 0; s < raw.skusLength(); s += 1) {
      const sku = raw.skus(s);
      const prices = new Map();
      const hasCompare = sku.priceCompareAtLength() === sku.priceMarketsLength();
      for (let p = 0; p < sku.priceMarketsLength(); p += 1) {
        const market = this.#root.markets(sku.priceMarkets(p)).id();
        const compareAt = hasCompare ? sku.priceCompareAt(p) : 0n;
        // Shelf prices of the demo fit easily in a double; the engine gets them as strings anyway.
        prices.set(market, { amount: sku.priceAmounts(p).toString(), compareAt: compareAt > 0n ? compareAt.toString() : null });
      }
      skus.push({
        id: sku.id(),
        variant: nameValues(sku.variantLength(), (i) => sku.variant(i)),
        prices,
        stock: STOCK[sku.stock()] ?? 'in_stock',
        purchaseLimit: sku.purchaseLimit(),
        maxQuantity: sku.maxQuantity(),
      });
      this.#skuToItem.set(sku.id(), id);
    }
    const item = {
      id,
      titles: localizedMap(raw.titleLength(), (i) => raw.title(i)),
      descriptions: localizedMap(raw.descriptionLength(), (i) => raw.description(i)),
      brand: raw.brand() ?? '',
      categoryPath,
      tags,
      origin: raw.originCountry() ?? '',
      sellable,
      skus,
    };
    this.#items.set(id, item);
    return item;
  }

  itemOfSku(skuId) {
    if (!this.#skuToItem.has(skuId)) {
      // sku-000123-2 belongs to item-000123 in the generated catalog, but
      // look it up properly: scan once and remember.
      for (const id of this.#itemIndex.keys()) this.item(id);
    }
    return this.#skuToItem.get(skuId) ?? null;
  }

  // Items sellable in a market, in catalog (id) order.
  sellableIn(marketId) {
    const ids = [];
    for (let i = 0; i < this.#root.itemsLength(); i += 1) {
      const raw = this.#root.items(i);
      for (let m = 0; m < raw.sellableMarketsLength(); m += 1) {
        if (raw.sellableMarkets(m) === marketId) { ids.push(raw.id()); break; }
      }
    }
    return ids;
  }

  // The snapshot's own popularity list for a market (what the model
  // builder wrote), strongest first.
  popularIn(marketId) {
    for (let i = 0; i < this.#root.popularityLength(); i += 1) {
      const entry = this.#root.popularity(i);
      if (entry.market() !== marketId) continue;
      const ids = [];
      for (let k = 0; k < entry.itemsLength(); k += 1) ids.push(entry.items(k));
      return ids;
    }
    return [];
  }

  groupBuysFor(itemId, marketId, now) {
    const out = [];
    for (let i = 0; i < this.#root.groupBuysLength(); i += 1) {
      const g = this.#root.groupBuys(i);
      if (g.item() !== itemId || !this.#inMarkets(g, marketId)) continue;
      if (now < Number(g.startsAt()) || now >= Number(g.endsAt())) continue;
      const markets = [];
      for (let m = 0; m < g.marketsLength(); m += 1) markets.push(g.markets(m));
      out.push({
        id: g.id(), sku: g.sku(), currency: g.currency(), markets,
        groupPrice: g.groupPrice().toString(), leaderPrice: g.leaderPrice().toString(),
        groupSize: g.groupSize(), openDurationMs: Number(g.openDurationMs()), perUserLimit: g.perUserLimit(),
        newUsersOnly: g.newUsersOnly(), virtualFill: g.virtualFill(), virtualFillMinBp: g.virtualFillMinBp(),
      });
    }
    return out;
  }

  bargainsFor(itemId, marketId, now) {
    const out = [];
    for (let i = 0; i < this.#root.bargainsLength(); i += 1) {
      const b = this.#root.bargains(i);
      if (b.item() !== itemId || !this.#inMarkets(b, marketId)) continue;
      if (now < Number(b.startsAt()) || now >= Number(b.endsAt())) continue;
      out.push({
        id: b.id(), sku: b.sku(), currency: b.currency(), startPrice: b.startPrice().toString(),
        floorPrice: b.floorPrice().toString(), helpers: b.helperCount(), durationMs: Number(b.durationMs()),
      });
    }
    return out;
  }

  // Flash-sale windows (秒杀) of a SKU in a market: the current or next one.
  flashSaleFor(skuId, marketId, now) {
    let best = null;
    for (let i = 0; i < this.#root.promotionsLength(); i += 1) {
      const p = this.#root.promotions(i);
      if (p.kind() !== FLASH_SALE || !this.#inMarkets(p, marketId)) continue;
      for (let w = 0; w < p.windowsLength(); w += 1) {
        const window = p.windows(w);
        const endsAt = Number(window.endsAt());
        if (endsAt <= now) continue;
        for (let s = 0; s < window.skusLength(); s += 1) {
          const quota = window.skus(s);
          if (quota.sku() !== skuId) continue;
          const candidate = {
            promotion: p.id(), currency: p.currency(), startsAt: Number(window.startsAt()), endsAt,
            price: quota.price().toString(), quota: quota.quota(),
          };
          if (!best || candidate.startsAt < best.startsAt) best = candidate;
        }
      }
    }
    return best;
  }

  // The coupons a shopper of this market could hold now: the demo's wallet.
  couponsFor(marketId, now) {
    const out = [];
    for (let i = 0; i < this.#root.couponsLength(); i += 1) {
      const c = this.#root.coupons(i);
      if (!this.#inMarkets(c, marketId)) continue;
      if (now < Number(c.validFrom()) || now >= Number(c.validTo())) continue;
      out.push(c.id());
    }
    return out;
  }

  // Display names of promotions and coupons by id (they carry localized names).
  promotionName(id, locale) {
    for (let i = 0; i < this.#root.promotionsLength(); i += 1) {
      const p = this.#root.promotions(i);
      if (p.id() === id) return pickText(localizedMap(p.nameLength(), (k) => p.name(k)), locale).text || id;
    }
    return id;
  }

  coupon(id) {
    for (let i = 0; i < this.#root.couponsLength(); i += 1) {
      const c = this.#root.coupons(i);
      if (c.id() !== id) continue;
      return {
        id, kind: ['amount_off', 'percent_off', 'free_shipping', 'threshold'][c.kind()] ?? 'coupon', currency: c.currency(),
        amountOff: c.amountOff().toString(), percentOff: c.percentOff(), cap: c.cap().toString(), minSpend: c.minSpend().toString(),
        class: c.class_ ? c.class_() : '', validTo: Number(c.validTo()),
      };
    }
    return null;
  }

  #inMarkets(table, marketId) {
    for (let m = 0; m < table.marketsLength(); m += 1) if (table.markets(m) === marketId) return true;
    return false;
  }
}
