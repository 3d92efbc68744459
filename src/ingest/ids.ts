import { createHash, randomBytes } from 'node:crypto';
import { invalidRequest } from '../base/api-error';

/**
 * The event ID, which is also the callback workflow ID. With a key it is a hash of
 * (tenant, source, key): the same key always maps to the same workflow, which is the dedupe.
 * Without a key every callback gets a fresh random ID.
 */
export function eventIdFor(tenantId: string, source: string, key: string | undefined): string {
  if (key === undefined) return `evt_${randomHex()}`;
  const digest = createHash('sha256').update(`${tenantId}\n${source}\n${key}`).digest('hex');
  return `evt_${digest.slice(0, 26)}`;
}

const RANDOM_ID_BYTES = 13;
const IDS_PER_FILL = 256;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * 13 random bytes as hex, cut from a pool the CSPRNG fills 256 ids at a time: one randomBytes()
 * call per id cost the accept path more than the rest of building the callback's input (the
 * reason node:crypto's randomUUID() keeps a cache too). Each byte is still handed out once only.
 */
function randomHex(): string {
  if (used + RANDOM_ID_BYTES > pool.length) {
    pool = randomBytes(RANDOM_ID_BYTES * IDS_PER_FILL);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + RANDOM_ID_BYTES);
  used += RANDOM_ID_BYTES;
  return hex;
}

/** The shape eventIdFor produces; anything else (a child's ID, say) is not an event. */
export const EVENT_ID = /^evt_[0-9a-f]{26}$/;

/** A body id and an Idempotency-Key header name the same key: either, or both equal (400 otherwise). */
export function requestKey(bodyId: string | undefined, headerKey: string | undefined): string | undefined {
  if (bodyId !== undefined && headerKey !== undefined && headerKey !== bodyId)
    throw invalidRequest('Idempotency-Key and the body id differ', [
      { path: 'id', message: 'send one of them, or the same value in both' },
    ]);
  return bodyId ?? headerKey;
}
