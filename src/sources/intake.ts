// The queue-independent half of every poller: one message in, one callback started (or a
// verdict that it never can be). Pollers only fetch, extract and acknowledge.
import type { MessageOrigin } from '../contracts';
import type { TenantConfig } from '../config';
import { PayloadTooLargeError } from '../ingest/budget';
import type { Ingest } from '../ingest/ingest';
import { EVENT_TYPE, idempotencyKeySchema } from '../ingest/validation';
import { lazyJson, payloadFromBytes } from './http-source';

export interface QueueMessage {
  origin: MessageOrigin;
  body: Buffer;
  /** The body parsed as JSON (undefined if it is not JSON), at most once per message. */
  json?: () => unknown;
  /** From where the source config says; undefined when that place was empty. */
  eventType: string | undefined;
  /** From the configured place, else the message's own identity (SQS id, topic/partition/offset). */
  idempotencyKey: string;
}

/** accepted/duplicate: acknowledge. poison: dead-letter it; it will never be accepted. */
export type IntakeOutcome = { kind: 'accepted' | 'duplicate'; eventId: string } | { kind: 'poison'; reason: string };

export interface IntakeOptions {
  ingest: Ingest;
  tenant: TenantConfig;
  source: { id: string; contentType: string };
  maxBodyBytes: number;
}

/** Throws only for trouble that may pass (Temporal unreachable): the poller retries those. */
export function createIntake(options: IntakeOptions) {
  const { source } = options;
  const expectJson = /[/+]json\b/i.test(source.contentType);
  return async function intake(message: QueueMessage): Promise<IntakeOutcome> {
    const poison = (reason: string): IntakeOutcome => ({ kind: 'poison', reason });
    if (message.body.length > options.maxBodyBytes) {
      return poison(`body is ${message.body.length} bytes; server.maxBodyBytes allows ${options.maxBodyBytes}`);
    }
    if (expectJson && (message.json ?? lazyJson(message.body))() === undefined)
      return poison(`body is not valid JSON (the source's content type is ${source.contentType})`);
    if (!message.eventType || !EVENT_TYPE.test(message.eventType)) {
      return poison(message.eventType ? `invalid event type "${message.eventType.slice(0, 200)}"` : 'no event type found');
    }
    if (!idempotencyKeySchema.safeParse(message.idempotencyKey).success) {
      return poison('idempotency key must be 1–255 printable ASCII characters');
    }
    try {
      const result = await options.ingest({
        tenant: options.tenant,
        source: source.id,
        eventType: message.eventType,
        idempotencyKey: message.idempotencyKey,
        payload: payloadFromBytes(message.body, source.contentType),
        origin: message.origin,
      });
      return { kind: result.duplicate ? 'duplicate' : 'accepted', eventId: result.id };
    } catch (err) {
      if (err instanceof PayloadTooLargeError) return poison(err.message);
      throw err;
    }
  };
}

export type Intake = ReturnType<typeof createIntake>;
