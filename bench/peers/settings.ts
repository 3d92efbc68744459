// What both reference dispatchers share: their settings file, the event id, and the one HTTP
// delivery (Standard Webhooks headers, signed with Barrage's own signer so the sink sees no
// difference between the systems it is compared with).
import { createHash, randomBytes } from 'node:crypto';
import { Agent, request } from 'undici';
import { signatureHeader } from '../../src/delivery/signature';

export interface PeerDestination {
  id: string;
  url: string;
  events: string[];
  secret: string;
}

export interface PeerSettings {
  kind: 'pgboss' | 'bullmq';
  /** postgres://... or redis://127.0.0.1:port */
  storeUrl: string;
  /** The api's port on 127.0.0.1 (0 = any free). */
  port: number;
  /** Bearer key the api requires, like Barrage. */
  apiKey: string;
  destinations: PeerDestination[];
  retry: { initialSeconds: number; coefficient: 2; maxAttempts: number };
  /** Per delivery request. */
  timeoutMs: number;
  /** Deliveries in flight per worker process. */
  concurrency: number;
}

/** One queued delivery: the event as the api accepted it, for one destination. */
export interface PeerEvent {
  id: string;
  /** The `{type,data}` JSON, exactly the bytes that are signed and sent. */
  body: string;
}

/** One job: one event for one destination, as both queues store it. */
export interface JobData {
  eventId: string;
  destinationId: string;
  body: string;
}

export interface PeerWorker {
  close(): Promise<void>;
}

/** What the api hands its store; 'duplicate' when the event id was seen before. */
export type Enqueue = (eventId: string, body: string, destinationIds: string[]) => Promise<'new' | 'duplicate'>;

/**
 * The same Idempotency-Key always names the same event (so a retried POST is recognised as a
 * duplicate by either store); without one, every POST is a new event.
 */
export function eventIdFor(idempotencyKey: string | undefined): string {
  if (idempotencyKey) return `evt_${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 26)}`;
  return `evt_${randomBytes(13).toString('hex')}`;
}

// One keep-alive pool per worker process: deliveries to the same sink reuse connections, as any
// production HTTP client would.
const agent = new Agent({ keepAliveTimeout: 30_000, connections: 256 });

/** POSTs the event to one destination; throws on a network error, a timeout or a non-2xx answer, so the queue retries. */
export async function deliver(dest: PeerDestination, event: PeerEvent, timeoutMs: number): Promise<number> {
  const timestampSeconds = Math.floor(Date.now() / 1000);
  const res = await request(dest.url, {
    method: 'POST',
    dispatcher: agent,
    body: event.body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': event.id,
      'webhook-timestamp': String(timestampSeconds),
      'webhook-signature': signatureHeader([dest.secret], { id: event.id, timestampSeconds, body: event.body }),
    },
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Read the answer to the end so the connection goes back to the pool.
  await res.body.dump();
  if (res.statusCode < 200 || res.statusCode >= 300) {
    throw new Error(`${dest.id} answered ${res.statusCode}`);
  }
  return res.statusCode;
}

export function log(message: string, fields: Record<string, unknown> = {}): void {
  console.log(`${message} ${JSON.stringify(fields)}`);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
