// What a poller hands on and hears back: one message in, one verdict out. The poller knows
// nothing of what takes it (ingest, in the pollers role), so sources stay below ingest.
import type { MessageOrigin } from '../contracts';

export interface QueueMessage {
  origin: MessageOrigin;
  body: Buffer;
  /** The body parsed as JSON (undefined if it is not JSON), at most once per message. */
  json?: () => unknown;
  /** From where the source config says; undefined when that place was empty. */
  eventType: string | undefined;
  /** From the configured place, else the message's own identity (SQS id, topic/partition/offset). */
  idempotencyKey: string;
  /** W3C trace context (traceparent, tracestate) from the message's attributes or headers. */
  traceContext?: Record<string, string>;
}

/** accepted/duplicate: acknowledge. poison: dead-letter it; it will never be accepted. */
export type IntakeOutcome = { kind: 'accepted' | 'duplicate'; eventId: string } | { kind: 'poison'; reason: string };

/** Takes one message; throws only for trouble that may pass (Temporal unreachable): the poller retries those. */
export type Intake = (message: QueueMessage) => Promise<IntakeOutcome>;
