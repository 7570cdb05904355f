// Behaviour batches a device uploads with the shopper's consent: the JSON
// form of `BehaviourBatch` (schemas/events.fbs) around what
// engine.uploadBatch() returns. The envelope is checked here; each event is
// checked by the core's own event reader (core.mjs, loadEventChecker).
import { HttpError } from './http.mjs';

export const MAX_EVENTS_PER_BATCH = 500;

const ENVELOPE_KEYS = ['schema_version', 'snapshot_id', 'consent_version', 'batch_id', 'shopper', 'through_seq', 'events'];
const TOKEN = /^[A-Za-z0-9._:-]{1,128}$/;

function bad(message, path) {
  return new HttpError(400, 'BAD_REQUEST', message, path);
}

// Returns the batch; throws HttpError 400 naming the first bad field.
export function parseBatch(body, checkEvents) {
  let batch;
  try {
    batch = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw bad(`not JSON: ${error.message}`, 'body');
  }
  if (batch === null || typeof batch !== 'object' || Array.isArray(batch)) throw bad('must be an object', 'body');
  for (const key of Object.keys(batch)) {
    if (!ENVELOPE_KEYS.includes(key)) throw bad(`unknown field of BehaviourBatch`, key);
  }
  if (batch.schema_version !== 1) throw bad('must be 1', 'schema_version');
  // Consent is the shopper's, recorded with the text version they agreed
  // to: a batch without it is refused, never stored "for later".
  if (typeof batch.consent_version !== 'string' || batch.consent_version.length === 0) {
    throw new HttpError(403, 'CONSENT_REQUIRED', 'a batch names the consent version the shopper agreed to', 'consent_version');
  }
  for (const key of ['batch_id', 'snapshot_id']) {
    if (typeof batch[key] !== 'string' || !TOKEN.test(batch[key])) throw bad('must be 1 to 128 of A-Z a-z 0-9 . _ : -', key);
  }
  if (typeof batch.shopper !== 'string' || batch.shopper.length > 128) throw bad('must be a string of at most 128 characters', 'shopper');
  if (!Number.isSafeInteger(batch.through_seq) || batch.through_seq < 0) throw bad('must be a non-negative integer', 'through_seq');
  if (!Array.isArray(batch.events)) throw bad('must be an array', 'events');
  if (batch.events.length > MAX_EVENTS_PER_BATCH) throw bad(`at most ${MAX_EVENTS_PER_BATCH} events per batch`, 'events');
  const failure = checkEvents(batch.events);
  if (failure) throw new HttpError(400, failure.code, failure.message, failure.path);
  return batch;
}

// The batches received, kept in memory per market (a reference server: a
// real one would queue them for the model builder). batch_id makes an upload
// idempotent: a retry after a lost answer is acknowledged, not stored twice.
export class EventInbox {
  #batches = new Map(); // `${market}/${batch_id}` -> batch
  #limit;

  constructor({ maxBatches = 10_000 } = {}) { this.#limit = maxBatches; }

  add(market, batch) {
    const key = `${market}/${batch.batch_id}`;
    if (this.#batches.has(key)) return { duplicate: true };
    if (this.#batches.size >= this.#limit) {
      throw new HttpError(503, 'UNAVAILABLE', 'the event inbox is full; retry later', 'events', { 'retry-after': '60' });
    }
    this.#batches.set(key, { market, ...batch });
    return { duplicate: false };
  }

  batches(market) { return [...this.#batches.values()].filter((batch) => batch.market === market); }
}
