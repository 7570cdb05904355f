// Compile-checked (tsc --noEmit, never run) use of the whole public surface
// of wasm/index.d.ts, the way an app would write it. A type that drifts from
// the package breaks this file.
import {
  createShopCore,
  createShopCoreWorker,
  supportsSimd,
  ShopCoreError,
  type Amount,
  type DeliveryOptions,
  type Cart,
  type CartChange,
  type CartLine,
  type Engine,
  type LandedCost,
  type PricedCart,
  type Ranking,
  type Recommendation,
  type ErrorCode,
  type ShopCore,
  type SnapshotInfo,
  type WorkerCart,
  type WorkerEngine,
} from 'shopcore';

async function main(snapshotBytes: Uint8Array, pack: Uint8Array): Promise<void> {
  const simd: boolean = supportsSimd();
  const core: ShopCore = await createShopCore({ wasmUrl: new URL('https://cdn.example/shopcore.wasm'), simd });
  await createShopCore({ wasmBinary: new ArrayBuffer(8) });
  await createShopCore({
    instantiateWasm: (imports, receiveInstance) => {
      WebAssembly.instantiate(new Uint8Array(8), imports).then((result) => receiveInstance(result.instance, result.module));
      return {};
    },
    print: (text: string) => console.log(text),
  });

  const v: string = core.version().shopcore + core.version().currencyData;
  const parts: Amount[] = core.allocate(299n, [4300, '1400', 2300]);
  const converted: Amount = core.convert(1000, 'EUR', 'JPY', '162.35', 'half-up').amountMinor;
  const minor: Amount = core.parseMajor('12.34', 'EUR');
  const major: string = core.toMajor(minor, 'EUR');
  const digits: number = core.currencyInfo('KWD').isoDigits;
  const codes: string[] = core.currencies();
  const tag: string = core.loadLocalePack(pack);
  const shown: string = core.formatMoney(123456, 'EUR', tag, { display: 'code', accounting: true, cash: false, rounding: 'half-even' });

  {
    using engine: Engine = core.createEngine();
    const info: SnapshotInfo = engine.openSnapshot(snapshotBytes);
    const id: string = info.snapshot_id;
    engine.applySnapshotDelta(new ArrayBuffer(0));
    engine.snapshotInfo();
    engine.loadLocalePack(pack);
    engine.group('check-open', { campaign: { id: 'c1' }, shopper: { user_id: 'u1', market: 'SG' } });
    engine.bargain('schedule', { campaign: { currency: 'CNY', start_minor: 10000n }, seed: { state: '7' } });
    engine.referral('share-to-earn', { currency: 'CNY', rules: [] }, { locale: 'zh-CN' });
    engine.pickup({ points: [], point_id: 'pp-1', now_ms: 0 });
    const token: string = engine.shareEncode({ kind: 'item', item_id: 'a', inviter_id: 'b', market: 'SG' }).token;
    engine.shareDecode(token);
    const count: number = engine.track({ type: 'purchase', time_ms: 1, item: 'kettle', amount_minor: '100' }).events;
    const saved: string = engine.saveProfile();
    engine.restoreProfile(saved);
    engine.exportProfile();
    engine.setConsent(true);
    const through: number = engine.uploadBatch(10).through_seq;
    engine.acknowledgeUpload(through);
    engine.eraseProfile();
    // issue 13: delivery plans from the snapshot
    const delivery: DeliveryOptions = engine.planDelivery({
      market: 'DE', now_ms: 1795600800000, locale: 'en-US', items: [{ sku: 'A', quantity: 2 }], chosen_methods: { 'de-berlin': 'de-dhl-express' },
    });
    const promise: string | undefined = delivery.plans[delivery.picks.fastest].parcels[0].promise;
    console.log(promise);

    // commerce: price, carts, recommendations, landed cost
    const priced: PricedCart = engine.price({ market: 'DE', now: 1763726400000, lines: [{ sku: 'sku-1a', qty: 2 }],
      wallet: [{ id: 'c1', state: 'unused' }], points_to_use: 500, purchased: { 'sku-1b': 1 } }, { locale: 'de-DE' });
    const payable: string | undefined = priced.display?.payable;
    {
      using cart: Cart = engine.createCart({ market: 'DE', purchased: { 'sku-1b': 1 } });
      const lines: readonly CartLine[] = cart.add('sku-1a', 2);
      cart.setQuantity('sku-1a', 3);
      cart.remove('sku-1a');
      const restored: Cart = engine.restoreCart(cart.save());
      const changes: readonly CartChange[] = restored.changes.concat(cart.merge(restored));
      const total: PricedCart = cart.price({ now: 1763726400000, coupons: ['c1'], choose_best_coupons: false, locale: 'de-DE' });
      try {
        cart.add('sku-1b', 9);
      } catch (error) {
        if (error instanceof ShopCoreError && error.reason === 'PURCHASE_LIMIT') console.log(error.allowedQuantity);
      }
      restored.dispose();
      console.log(lines[0]?.sku, lines[0]?.quantity, changes[0]?.quantityAfter, total.market, cart.id, cart.market, cart.disposed);
    }
    const page: Recommendation = engine.recommend({ context: 'home_feed', market: 'DE', now_ms: 1, page_size: 10,
      diversity: { mode: 'caps', max_per_brand: 2 } });
    const ranked: Ranking = engine.rank({ context: 'similar_item', market: 'DE', now_ms: 1, anchors: ['item-1'] });
    const why: string = ranked.reasonNames[ranked.reasons[0] ?? 0] ?? page.items[0]?.reason.kind ?? '';
    const score: number = ranked.scores[0] ?? 0;
    const cost: LandedCost = engine.landedCost({ market: 'FR', origin: 'CN', currency: 'EUR', now: '2026-07-01', seller_ioss: true,
      lines: [{ id: 'a', amount_minor: 2999, hs_code: '620610' }], shipping_minor: 500 }, { locale: 'fr-FR' });
    const due: string = cost.display?.due_at_checkout ?? cost.due_at_checkout;
    console.log(payable, page.has_more, ranked.items[0], why, score, due);

    const gone: boolean = engine.disposed;
    console.log(v, parts, converted, major, digits, codes, shown, id, count, gone);
  }

  const worker = await createShopCoreWorker({ wasmUrl: '/shopcore.wasm', workerUrl: '/worker.js' });
  const text: Promise<string> = worker.formatMoney(1, 'EUR', 'de', {});
  await using remote: WorkerEngine = await worker.createEngine();
  const info: SnapshotInfo = await remote.openSnapshot(snapshotBytes);
  const events: number = (await remote.track({ type: 'view', time_ms: 2, item: 'a' })).events;
  const remoteRank: Ranking = await remote.rank({ context: 'home_feed', market: 'DE', now_ms: 1 });
  const remoteCart: WorkerCart = await remote.createCart({ market: 'DE' });
  const remoteLines: readonly CartLine[] = await remoteCart.add('sku-1a');
  const guestCart: WorkerCart = await remote.restoreCart('{"version":1,"lines":[]}');
  await remoteCart.merge(guestCart);
  const remoteTotal: PricedCart = await remoteCart.price({ now: 1 });
  console.log(remoteRank.hasMore, remoteLines.length, remoteCart.lines, remoteTotal.market, await remoteCart.save());
  await remoteCart.dispose();
  await (await remote.landedCost({ market: 'DE', origin: 'DE', currency: 'EUR', now: 1, lines: [] })).total;
  await remote.dispose();
  await worker.terminate();
  console.log(await text, info, events);

  try {
    core.createEngine().snapshotInfo();
  } catch (error) {
    if (error instanceof ShopCoreError) {
      const code: ErrorCode = error.code;
      const where: string = error.path;
      console.log(code === 'DISPOSED' || code === 'NOT_FOUND', where, error.message);
    }
  }
}

void main;
