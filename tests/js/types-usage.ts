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
  type Engine,
  type ErrorCode,
  type ShopCore,
  type SnapshotInfo,
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
    const gone: boolean = engine.disposed;
    console.log(v, parts, converted, major, digits, codes, shown, id, count, gone);
  }

  const worker = await createShopCoreWorker({ wasmUrl: '/shopcore.wasm', workerUrl: '/worker.js' });
  const text: Promise<string> = worker.formatMoney(1, 'EUR', 'de', {});
  await using remote: WorkerEngine = await worker.createEngine();
  const info: SnapshotInfo = await remote.openSnapshot(snapshotBytes);
  const events: number = (await remote.track({ type: 'view', time_ms: 2, item: 'a' })).events;
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
