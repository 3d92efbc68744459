import { createHash, randomBytes } from 'node:crypto';

/**
 * The event ID, which is also the callback workflow ID. With a key it is a hash of
 * (tenant, source, key): the same key always maps to the same workflow, which is the dedupe.
 * Without a key every callback gets a fresh random ID.
 */
export function eventIdFor(tenantId: string, source: string, key: string | undefined): string {
  if (key === undefined) return `evt_${randomBytes(13).toString('hex')}`;
  const digest = createHash('sha256').update(`${tenantId}\n${source}\n${key}`).digest('hex');
  return `evt_${digest.slice(0, 26)}`;
}

/** The shape eventIdFor produces; anything else (a child's ID, say) is not an event. */
export const EVENT_ID = /^evt_[0-9a-f]{26}$/;
