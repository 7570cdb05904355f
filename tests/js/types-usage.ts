// Compile-checked (tsc --noEmit, never run) use of the whole public surface
// of wasm/index.d.ts, the way an app would write it. A type that drifts from
// the package breaks this file.
import {
  createShopCore,
  createShopCoreWorker,
  supportsSimd,
  ShopCoreError,
  type Amount,
  type Engine,
  type ErrorCode,
  type ShopCore,
  type SnapshotInfo,
  type SyncClient,
  type SyncResult,
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
    const bytes: Uint8Array = engine.snapshotBytes();
    const synced: SyncResult = await engine.sync('https://shop.example/api/', { market: 'DE', retry: { attempts: 3 }, timeoutMs: 5000 });
    if (synced.ok && synced.outcome === 'updated') console.log(synced.source, synced.snapshotId, synced.previousId);
    if (!synced.ok) console.log(synced.code, synced.message, synced.serving);
    const client: SyncClient = engine.syncClient(new URL('https://shop.example/api/'), { market: 'DE', cache: false, fetch });
    client.addEventListener('snapshot', (event) => console.log(event.detail.ok));
    await client.openCached();
    client.start({ intervalMs: 60_000 });
    client.stop();
    const order = await client.submitOrder(bytes);
    if (!order.ok && order.code === 'ORDER_DIFFERS') console.log(order.differences.map((d) => d.field + d.client + d.server));
    const uploaded = await client.uploadEvents({ consentVersion: '2026-11' });
    if (uploaded.ok) console.log(uploaded.accepted, uploaded.throughSeq);
    const gone: boolean = engine.disposed;
    console.log(v, parts, converted, major, digits, codes, shown, id, count, gone);
  }

  const worker = await createShopCoreWorker({ wasmUrl: '/shopcore.wasm', workerUrl: '/worker.js' });
  const text: Promise<string> = worker.formatMoney(1, 'EUR', 'de', {});
  await using remote: WorkerEngine = await worker.createEngine();
  const info: SnapshotInfo = await remote.openSnapshot(snapshotBytes);
  const events: number = (await remote.track({ type: 'view', time_ms: 2, item: 'a' })).events;
  remote.addEventListener('snapshot', (event) => console.log(event.detail.ok));
  await remote.startSync('/api/', { market: 'DE' }, { intervalMs: 300_000 });
  const once: SyncResult = await remote.sync('/api/', { market: 'DE' });
  await remote.stopSync('/api/', { market: 'DE' });
  console.log(once.ok);
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
