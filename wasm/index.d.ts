// Types of the `shopcore` package, written by hand (Emscripten 3.1.6 emits none).

/**
 * An amount of minor units (cents, yen, fils). A number must be a safe
 * integer (Number.isSafeInteger); larger amounts go as a string of digits
 * ("-92233720368547758") or a bigint. Anything else throws INEXACT_NUMBER or
 * INVALID_ARGUMENT.
 */
export type AmountInput = number | string | bigint;

/** An amount the engine returns: a number when it is a safe integer, a string of digits otherwise. */
export type Amount = number | string;

/** How an exact result is rounded to minor units. "half-up" rounds ties away from zero. */
export type RoundingMode = 'half-even' | 'half-up' | 'half-down' | 'up' | 'down' | 'ceiling' | 'floor';

/** Stable error code names; new ones are only ever added. */
export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'OVERFLOW'
  | 'UNKNOWN_CURRENCY'
  | 'UNKNOWN_LOCALE'
  | 'BAD_LOCALE_PACK'
  | 'INEXACT_NUMBER'
  | 'BAD_JSON'
  | 'BAD_REQUEST'
  | 'IO_ERROR'
  | 'USAGE'
  | 'BAD_SNAPSHOT'
  | 'UNSUPPORTED_VERSION'
  | 'WRONG_DELTA_BASE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED'
  | 'INVALID_TRANSITION'
  | 'BAD_TOKEN'
  | 'CONSENT_REQUIRED'
  | 'INTERNAL'
  /** JS only: a method called on an Engine (or worker) after dispose()/terminate(). */
  | 'DISPOSED';

/** Every failure of the package. The engine's state is unchanged after one. */
export class ShopCoreError extends Error {
  constructor(code: ErrorCode, message: string, path?: string);
  readonly name: 'ShopCoreError';
  /** Stable, for code: "UNKNOWN_CURRENCY". */
  readonly code: ErrorCode;
  /** Where: an argument or field, "amount", "weights[2]"; may be "". */
  readonly path: string;
  /** Cart refusals only: the rule that refused ("ABOVE_STOCK", "PURCHASE_LIMIT", ...). */
  readonly reason?: CartRefusalReason;
  /** Cart refusals only: the most (for BELOW_MINIMUM the least) the rule accepts for the line; 0 when none. */
  readonly allowedQuantity?: number;
}

export interface CreateShopCoreOptions {
  /**
   * Where the .wasm file is (browser: any URL; Node: a path or file: URL).
   * Default: next to the package's glue (dist/shopcore.wasm, dist/shopcore-simd.wasm).
   */
  wasmUrl?: string | URL;
  /** The .wasm bytes, already fetched or read. */
  wasmBinary?: Uint8Array | ArrayBuffer;
  /**
   * Emscripten's instantiation hook, for runtimes with their own WebAssembly
   * object (a WeChat mini-program passes WXWebAssembly this way): instantiate
   * with `imports`, call `receiveInstance(instance)`, return `{}`.
   */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receiveInstance: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object;
  /**
   * Browser entry only: load the SIMD build. Default: when you give none of
   * wasmUrl/wasmBinary/instantiateWasm, SIMD if the runtime supports it;
   * otherwise the baseline build (say `simd: true` if your bytes are the SIMD ones).
   */
  simd?: boolean;
  /** Where the module's own stdout/stderr go; silent by default. */
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

export interface Versions {
  /** "0.1.0" */
  shopcore: string;
  /** The ISO 4217 list and CLDR release the currency table was generated from. */
  currencyData: string;
}

export interface CurrencyInfo {
  /** "EUR" */
  code: string;
  /** ISO 4217 numeric code: 978 */
  numeric: number;
  /** ISO English name: "Euro" */
  name: string;
  /** Minor-unit digits amounts are stored in (ISO 4217): JPY 0, EUR 2, KWD 3, CLF 4. */
  isoDigits: number;
  /** Digits CLDR shows (IDR 0 although ISO has 2). */
  displayDigits: number;
  /** Digits for cash payments (CLDR cashDigits). */
  cashDigits: number;
  /** Cash rounding increment in units of 10^-cashDigits (CHF 5 = 0.05); 0 = none. */
  cashIncrement: number;
}

export interface Conversion {
  /** The converted amount in minor units of `currency`. */
  amountMinor: Amount;
  currency: string;
  /** The same amount as an exact major-unit string: "1624", "12.34". */
  amount: string;
  /** The rounding mode that was applied. */
  rounding: RoundingMode;
}

export type CurrencyDisplay = 'symbol' | 'narrow' | 'code' | 'name';

export interface FormatOptions {
  /** "symbol" (default: "€"), "narrow" ("$" for AUD), "code" ("EUR"), "name" ("euros"). */
  display?: CurrencyDisplay;
  /** (€1.00) style negatives where the locale has an accounting pattern. */
  accounting?: boolean;
  /** Rounding when CLDR shows fewer digits than ISO stores; default "half-up" (Intl's halfExpand). */
  rounding?: RoundingMode;
  /** Apply CLDR cash digits and cash rounding (CHF 0.05). */
  cash?: boolean;
}

export interface ShopCore {
  version(): Versions;
  /**
   * Splits amount by weights so the parts add up exactly: largest remainder,
   * ties to the earlier index, zero weights get zero.
   * allocate(299, [4300, 1400, 2300]) -> [161, 52, 86]
   */
  allocate(amount: AmountInput, weights: AmountInput[]): Amount[];
  /**
   * Converts amount minor units of `from` into `to` at `rate` (a decimal
   * string: units of `to` per one unit of `from`), rounded once with
   * `rounding` (default "half-even").
   * convert(1000, "EUR", "JPY", "162.35", "half-up").amountMinor -> 1624
   */
  convert(amount: AmountInput, from: string, to: string, rate: string, rounding?: RoundingMode): Conversion;
  /** parseMajor("12.34", "EUR") -> 1234; more decimals than the currency has is INVALID_ARGUMENT. */
  parseMajor(text: string, currency: string): Amount;
  /** toMajor(1234, "EUR") -> "12.34"; toMajor(1250, "KWD") -> "1.250". */
  toMajor(amount: AmountInput, currency: string): string;
  currencyInfo(code: string): CurrencyInfo;
  /** Every known ISO 4217 code, sorted. */
  currencies(): string[];
  /**
   * Registers a locale pack (the bytes of build/<target>/locale/<tag>.json,
   * e.g. fetched) and returns its tag ("de-CH"); replaces a pack with the same
   * tag. Lookups fall back by subtags: "de-DE" is served by a loaded "de".
   */
  loadLocalePack(bytes: Uint8Array | ArrayBuffer | string): string;
  /**
   * formatMoney(123456, "EUR", "de-DE") -> "1.234,56 €" (with U+00A0).
   * The locale's pack must be loaded first (UNKNOWN_LOCALE otherwise).
   */
  formatMoney(amount: AmountInput, currency: string, locale: string, options?: FormatOptions): string;
  /** A new Engine: its own snapshot, locale packs and shopper profile. dispose() it when done. */
  createEngine(): Engine;
}

/**
 * A JSON value of a request or an answer. Amounts (`*_minor`) go in as safe
 * integers, digit strings or bigint and come back as digit strings; instants
 * (`*_ms`) are epoch milliseconds. Shapes: wasm/README.md and
 * core/include/shopcore/social/codec.h, core/include/shopcore/reco/json.h.
 */
export type JsonValue = null | boolean | number | string | bigint | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonObject = { [key: string]: JsonValue | undefined };

/** Snapshot::Describe(): id, schema version, bytes, content hash, collection counts. */
export interface SnapshotInfo {
  snapshot_id: string;
  [key: string]: JsonValue | undefined;
}

/** engine.planDelivery's request: what the cart holds; prices, weights and boxes come from the snapshot. */
export interface DeliveryRequest {
  market: string;
  now_ms: number;
  locale?: string;
  items: { sku: string; quantity: number }[];
  /** The shopper's method per parcel: warehouse id -> method id. */
  chosen_methods?: { [warehouse: string]: string };
}

export interface DeliveryParcel {
  warehouse: string;
  warehouse_kind: 'domestic' | 'overseas' | 'bonded' | 'direct_mail';
  origin: string;
  cross_border: boolean;
  method: string;
  service: 'express' | 'standard' | 'economy';
  lines: { sku: string; quantity: number; value_minor: number }[];
  actual_grams: number;
  volumetric_grams: number;
  chargeable_grams: number;
  consignment_value_minor: number;
  free_shipping: boolean;
  shipping_minor: number;
  cutoff: { today: boolean; minutes_left: number; order_day: string };
  ship_date: string;
  earliest: string;
  latest: string;
  promise?: string;
}

export interface DeliveryPlan {
  shipping_minor: number;
  parcel_count: number;
  earliest: string;
  latest: string;
  promise?: string;
  parcels: DeliveryParcel[];
}

/** Distinct plans cheapest first, and the index of the pick per objective. */
export interface DeliveryOptions {
  market: string;
  currency: string;
  picks: { cheapest: number; fastest: number; fewest_parcels: number };
  plans: DeliveryPlan[];
}

export type GroupOperation =
  | 'check-open' | 'check-join' | 'view' | 'open' | 'join' | 'pay' | 'cancel' | 'refund' | 'refund-done' | 'expire' | 'withdraw';
export type BargainOperation = 'schedule' | 'validate' | 'progress';
export type ReferralOperation = 'commission' | 'share-to-earn';

/** A shopper behaviour event: {type: "view", time_ms, item}, {type: "purchase", time_ms, item, amount_minor}, ... */
export interface ProfileEvent {
  type: string;
  time_ms: number;
  item?: string;
  creator?: string;
  friend_id?: string;
  query?: string;
  dwell_ms?: number;
  amount_minor?: AmountInput;
}

export interface UploadBatch {
  shopper_id: string;
  through_seq: number;
  events: JsonObject[];
}

// --- commerce: price, carts, recommendations, landed cost -------------------

/** A cart to price (core/include/shopcore/cart/price_json.h). Unknown keys are refused. */
export interface PriceRequest {
  market: string;
  /** Epoch ms: flash sales and coupon validity are judged at this instant. */
  now: number;
  lines: { sku: string; qty: number }[];
  member_tier?: string;
  /** The shopper's coupons (snapshot ids). */
  wallet?: { id: string; state: 'unused' | 'used' }[];
  /** Default true: the coupon set that saves most. */
  choose_best_coupons?: boolean;
  /** An explicit coupon choice instead (then choose_best_coupons must not be true). */
  coupons?: string[];
  points_balance?: number;
  points_to_use?: number;
  /** A market shipping rule id (default: the first by id). */
  shipping?: string;
  /** Collect at a pickup point: no postage (not with `shipping`). */
  pickup_point?: string;
  activity?: { kind: 'group' | 'bargain' | 'flash'; id?: string; leader?: boolean; price?: AmountInput };
  /** Units already bought per SKU, against per-user limits. */
  purchased?: { [sku: string]: number };
}

/** price()'s answer: lines, per-unit buckets, adjustments, totals, coupons with reasons, nudges, hash, tax, display. */
export interface PricedCart {
  market: string;
  tax: JsonObject;
  /** With options.locale: payable, grand total and nudges formatted in that locale. */
  display?: { payable: string; grand_total?: string; nudges?: JsonValue[]; [key: string]: JsonValue | undefined };
  [key: string]: JsonValue | undefined;
}

export type CartRefusalReason =
  | 'UNKNOWN_SKU' | 'INVALID_QUANTITY' | 'NOT_IN_CART' | 'OUT_OF_STOCK' | 'ABOVE_STOCK' | 'BELOW_MINIMUM'
  | 'ABOVE_MAXIMUM' | 'PURCHASE_LIMIT' | 'FLASH_QUOTA' | 'TOO_MANY_LINES';

export interface CartOptions {
  /** The market whose SKU rules the cart's operations check (default: the snapshot's first market). */
  market?: string;
  /** Units this shopper already bought per SKU, taken off per-user purchase limits. */
  purchased?: { [sku: string]: number };
}

export interface CartLine {
  readonly sku: string;
  readonly quantity: number;
}

/** What merging or restoring changed on one SKU (quantityAfter 0: dropped). */
export interface CartChange {
  readonly sku: string;
  readonly quantityBefore: number;
  readonly quantityAfter: number;
  /** The rule that forced the change; 'NONE' for duplicate lines merged on restore. */
  readonly reason: CartRefusalReason | 'NONE';
}

/** Cart.price() options: PriceRequest without lines (market defaults to the cart's), plus locale. */
export type CartPriceOptions = Partial<Omit<PriceRequest, 'lines'>> & { locale?: string };

/**
 * A shopper's cart, held by its engine (engine.createCart / restoreCart).
 * A refused operation throws ShopCoreError with `reason` and
 * `allowedQuantity` and changes nothing. dispose() frees it; carts also go
 * with their engine.
 */
export interface Cart extends Disposable {
  /** The engine's handle of this cart. */
  readonly id: number;
  readonly market: string;
  /** In the order SKUs were first added. */
  readonly lines: readonly CartLine[];
  /** restoreCart only: what was repaired against the current snapshot; [] otherwise. */
  readonly changes: readonly CartChange[];
  /** Adds `quantity` (default 1) units; answers the lines. */
  add(sku: string, quantity?: number): readonly CartLine[];
  setQuantity(sku: string, quantity: number): readonly CartLine[];
  remove(sku: string): readonly CartLine[];
  /** Merges a guest cart of the same engine into this one; answers what the SKU rules changed. */
  merge(guest: Cart): readonly CartChange[];
  /** The versioned JSON state, for localStorage; engine.restoreCart(text) reads it. */
  save(): string;
  /** Priced with the engine's current snapshot. */
  price(options?: CartPriceOptions, display?: { locale?: string }): PricedCart;
  dispose(): void;
  readonly disposed: boolean;
}

export type RecommendContext = 'home_feed' | 'similar_item' | 'bought_together' | 'post_purchase';
export type ReasonKind =
  | 'because_you_interacted' | 'matches_your_taste' | 'like_what_you_browse' | 'popular_in_market' | 'friends'
  | 'from_creator_you_follow' | 'bought_together' | 'catalog' | 'similar_to';

/** One page to rank (core/include/shopcore/reco/json.h). */
export interface RecommendRequest {
  context: RecommendContext;
  market: string;
  now_ms: number;
  page_size?: number;
  page?: number;
  anchors?: string[];
  allow?: string[];
  deny?: string[];
  diversity?: { mode: 'none' | 'caps' | 'mmr'; max_per_category?: number; max_per_brand?: number; mmr_lambda?: number };
  boosts?: { item: string; campaign: string; bonus: number }[];
  max_boosted_percent?: number;
  explain?: boolean;
}

export interface RecommendedItem {
  id: string;
  /** Fixed 6 decimals: "0.731250". */
  score: string;
  reason: { kind: ReasonKind; [key: string]: JsonValue | undefined };
  [key: string]: JsonValue | undefined;
}

export interface Recommendation {
  context: RecommendContext;
  market: string;
  page: number;
  page_size: number;
  candidates: number;
  has_more: boolean;
  experiments: { experiment: string; variant: string }[];
  items: RecommendedItem[];
}

/** rank(): the same page as recommend(), as compact arrays (index i is the i-th item). */
export interface Ranking {
  items: string[];
  /** score_micros / 1e6: `scores[i].toFixed(6)` is recommend()'s score string. */
  scores: Float64Array;
  /** Codes into reasonNames. */
  reasons: Uint8Array;
  reasonNames: readonly ReasonKind[];
  candidates: number;
  hasMore: boolean;
}

/** A landed-cost request (core/include/shopcore/tax/tax_json.h). */
export interface LandedCostRequest {
  market: string;
  origin: string;
  currency: string;
  /** Picks the labels ("TTC", "税込"). */
  locale?: string;
  channel?: 'courier' | 'postal';
  seller_ioss?: boolean;
  prices_include_tax?: boolean;
  shipping_minor?: AmountInput;
  insurance_minor?: AmountInput;
  shipping_category?: string;
  annual_quota_remaining_minor?: AmountInput;
  fx?: { from: string; to: string; rate: string }[];
  /** Epoch ms or "YYYY-MM-DD". */
  now: number | string;
  lines: { id: string; amount_minor: AmountInput; quantity?: number; tax_category?: string; hs_code?: string;
    duty_rate?: string; excise_rate?: string }[];
}

/** landedCost()'s answer: amounts as exact major-unit strings; `display` with options.locale. */
export interface LandedCost {
  market: string;
  currency: string;
  cross_border: boolean;
  total: string;
  due_at_checkout: string;
  due_on_delivery: string;
  display?: {
    total: string;
    due_at_checkout: string;
    due_on_delivery: string;
    components: { kind: string; amount: string; collection: 'included' | 'estimated' }[];
    lines: { id: string; total: string; tax: string; duty: string }[];
  };
  [key: string]: JsonValue | undefined;
}

/**
 * One shopper session's engine. Owns wasm memory: call dispose() (or declare
 * it with `using`); any call after dispose throws ShopCoreError DISPOSED.
 * Every failing call throws ShopCoreError and leaves the engine unchanged.
 */
export interface Engine extends Disposable {
  /** Verifies and swaps in snapshot bytes; a rejected snapshot leaves the old one serving. */
  openSnapshot(bytes: Uint8Array | ArrayBuffer): SnapshotInfo;
  /** Applies a delta made from the current snapshot (WRONG_DELTA_BASE otherwise). */
  applySnapshotDelta(delta: Uint8Array | ArrayBuffer): SnapshotInfo;
  /** NOT_FOUND before a snapshot is open. */
  snapshotInfo(): SnapshotInfo;
  /** Registers a locale pack for this engine's display strings; returns its tag. */
  loadLocalePack(bytes: Uint8Array | ArrayBuffer): string;

  /** Group-buy (拼团) session operations; transitions answer {group: {...}}. */
  group(op: GroupOperation, request: JsonObject): JsonObject;
  /** Bargain (砍价) schedule, validation and progress. */
  bargain(op: BargainOperation, request: JsonObject): JsonObject;
  /** Referral (分销) commission; with options.locale, share-to-earn amounts carry `display`. */
  referral(op: ReferralOperation, request: JsonObject, options?: { locale?: string }): JsonObject;
  /**
   * The next pickup slot of a community pickup point. With a loaded
   * locale's tag, `display` holds the cutoff day and the pickup day as the
   * shopper reads them ("Mon, Nov 23", "11月23日周一").
   */
  pickup(request: JsonObject, options?: { locale?: string }): JsonObject;
  /** A signed-or-not share token and link for an item, group or bargain. */
  shareEncode(request: JsonObject): { token: string; [key: string]: JsonValue | undefined };
  /** BAD_TOKEN for malformed, truncated or tampered tokens. */
  shareDecode(token: string): JsonObject;

  /** Records one event; answers how many events are stored. */
  track(event: ProfileEvent): { events: number };
  /** The persisted profile (versioned JSON text) for localStorage. */
  saveProfile(): string;
  /** Replaces the profile by a saved one; on error the current one stays. */
  restoreProfile(saved: string): void;
  /** Everything stored about the shopper, for the shopper to read. */
  exportProfile(): JsonObject;
  /** Forgets everything about the shopper, consent included. */
  eraseProfile(): void;
  /** Consent to upload behaviour batches (off by default). */
  setConsent(consent: boolean): void;
  /** CONSENT_REQUIRED without consent. */
  uploadBatch(maxEvents?: number): UploadBatch;
  acknowledgeUpload(seq: number): void;

  /**
   * Delivery plans of a cart from the open snapshot's warehouses, shipping
   * methods, calendars and SKUs (issue 13). NOT_FOUND before a snapshot is
   * open or for an unknown market or SKU; OUT_OF_STOCK, UNDELIVERABLE; with
   * `locale` (a loaded pack) every plan and parcel carries `promise`.
   */
  planDelivery(request: DeliveryRequest): DeliveryOptions;
  // --- commerce: price, carts, recommendations, landed cost ---------------
  /** The cart priced from the current snapshot: `shopcore price` as an object; display strings with options.locale (a loaded pack). */
  price(request: PriceRequest, options?: { locale?: string }): PricedCart;
  /** A new empty cart checked against the current snapshot's SKU rules. */
  createCart(options?: CartOptions): Cart;
  /** A cart from Cart.save()'s text: stale lines repaired (see Cart.changes); BAD_JSON / BAD_REQUEST / UNSUPPORTED_VERSION otherwise. */
  restoreCart(state: string, options?: CartOptions): Cart;
  /** One page for this engine's profile: `shopcore recommend` as an object. */
  recommend(request: RecommendRequest): Recommendation;
  /** The same page as typed arrays, for hot paths. */
  rank(request: RecommendRequest): Ranking;
  /** Duties, import tax and landed cost with the snapshot's tax rules: `shopcore landed-cost`; `display` with options.locale. */
  landedCost(request: LandedCostRequest, options?: { locale?: string }): LandedCost;

  /** Frees the wasm memory; idempotent. */
  dispose(): void;
  readonly disposed: boolean;
}

/** Every function returning R becomes one returning Promise<R>. */
type Async<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export type WorkerEngine = Async<Omit<Engine, 'dispose' | 'disposed' | typeof Symbol.dispose | 'createCart' | 'restoreCart'>> &
  AsyncDisposable & {
    dispose(): Promise<void>;
    /** The cart stays in the worker; the page holds its handle. */
    createCart(options?: CartOptions): Promise<WorkerCart>;
    restoreCart(state: string, options?: CartOptions): Promise<WorkerCart>;
  };

/** A Cart living in the worker: the same methods, async; `lines` is what the last answer brought. */
export type WorkerCart = Async<Omit<Cart, 'id' | 'market' | 'lines' | 'changes' | 'disposed' | 'merge' | 'dispose' | typeof Symbol.dispose>> &
  AsyncDisposable & {
    readonly id: number;
    readonly market: string;
    readonly lines: readonly CartLine[];
    readonly changes: readonly CartChange[];
    readonly disposed: boolean;
    merge(guest: WorkerCart): Promise<readonly CartChange[]>;
    dispose(): Promise<void>;
  };

/** The API of createShopCore() run in a worker: the same names, each async. */
export type ShopCoreWorker = Async<Omit<ShopCore, 'createEngine'>> & {
  createEngine(): Promise<WorkerEngine>;
  /** Stops the worker; pending and later calls reject with DISPOSED. */
  terminate(): Promise<number> | void;
};

export interface CreateShopCoreWorkerOptions extends Omit<CreateShopCoreOptions, 'instantiateWasm' | 'print' | 'printErr'> {
  /** Browser: where worker.js is, for bundlers that do not follow new URL(..., import.meta.url). */
  workerUrl?: string | URL;
}

/** Runs the module in a Web Worker (browser) or a worker_threads Worker (Node). */
export function createShopCoreWorker(options?: CreateShopCoreWorkerOptions): Promise<ShopCoreWorker>;

/** Loads the module (SIMD or baseline) and returns the API. */
export function createShopCore(options?: CreateShopCoreOptions): Promise<ShopCore>;

/** Whether this runtime can run the SIMD build. */
export function supportsSimd(): boolean;
