// Data that crosses the workflow boundary. Plain JSON only: it is stored in Temporal histories,
// so it must never carry secrets, URLs resolved from secrets, or anything large beyond the body.

export interface Payload {
  contentType: string;
  /** utf8 text as received, or base64 when the bytes are not valid UTF-8. */
  body: string;
  encoding: 'utf8' | 'base64';
}

export interface RetrySpec {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
  /** 0..1: each wait is scaled by a factor drawn from [1 - jitter, 1 + jitter]. */
  jitter: number;
  /** No attempt starts later than this after the first one. */
  horizonMs?: number;
}

export interface DeliveryPlan {
  destinationId: string;
  retry: RetrySpec;
  timeoutMs: number;
  /** The destination that receives the event if this delivery fails for good. */
  deadLetter?: Omit<DeliveryPlan, 'deadLetter'>;
}

/** Where a queue-borne callback came from: its lineage, kept with the callback and searchable. */
export type MessageOrigin =
  | { type: 'sqs'; queueUrl: string; messageId: string }
  | { type: 'kafka'; topic: string; partition: number; offset: string };

export interface EventMeta {
  eventId: string;
  tenantId: string;
  eventType: string;
  source: string;
  idempotencyKey?: string;
  receivedAt: string;
  /** Set for callbacks read from SQS or Kafka. */
  origin?: MessageOrigin;
}

export interface CallbackInput extends EventMeta {
  payload: Payload;
  destinations: DeliveryPlan[];
  /**
   * Read, never written now: callbacks started by the release that carried the "~" scheme in the
   * input (before patched('tilde-child-ids')) have `"current"` here and no patch marker; they must
   * replay with the IDs they started.
   */
  idScheme?: 'current';
  /**
   * The workflow behaviour this callback was started for, kept in its input (deterministic on
   * replay) instead of a patch marker, whose search-attribute upsert adds two history events to
   * every callback. 2: "~" child IDs; children start abandoned and the callback closes once their
   * starts are confirmed, not when they finish; a delivery writes no "delivered" status. Absent:
   * the releases before, which replay through their patch markers.
   */
  revision?: typeof CURRENT_REVISION;
  /** temporal.recordDeliveredStatus: revision-2 deliveries write "delivered" after all. */
  recordDelivered?: true;
}

/** The event a callback carries, without its payload, routing and workflow-behaviour fields. */
export function eventMetaOf(input: CallbackInput): EventMeta {
  const {
    payload: _payload,
    destinations: _destinations,
    idScheme: _idScheme,
    revision: _revision,
    recordDelivered: _record,
    ...event
  } = input;
  return event;
}

/** What new callbacks and deliveries are started with (CallbackInput.revision). */
export const CURRENT_REVISION = 2;

export interface DeliveryInput {
  event: EventMeta;
  payload: Payload;
  plan: DeliveryPlan;
  /** Attempts of earlier runs (a manual retry starts a new run and keeps the numbering). */
  previousAttempts?: AttemptRecord[];
  /** Set on dead-letter deliveries: the delivery whose failure this reports. */
  deadLetterOf?: string;
  /** Read, never written now: see CallbackInput.idScheme. */
  idScheme?: 'current';
  /** See CallbackInput.revision: 2 also means "~" dead-letter IDs and no "delivered" upsert. */
  revision?: typeof CURRENT_REVISION;
  /** See CallbackInput.recordDelivered. */
  recordDelivered?: true;
}

/**
 * What one attempt came to; the API's schemas and docs list these same values. "cancelled": no
 * request was made because the destination was deleted; the delivery ends cancelled.
 */
export const ATTEMPT_OUTCOMES = ['delivered', 'retryable', 'permanent', 'cancelled'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** One record per attempt, shared by the log line, the history and the API. */
export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: AttemptOutcome;
  statusCode?: number;
  error?: string;
  retryAfterMs?: number;
  responseExcerpt?: string;
}

export interface AttemptRequest {
  event: EventMeta;
  payload: Payload;
  destinationId: string;
  attempt: number;
  timeoutMs: number;
}

/** A delivery's status: the API's value and the BarrageStatus search attribute's. */
export const DELIVERY_STATUSES = ['pending', 'delivering', 'retrying', 'delivered', 'failed', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryState {
  destinationId: string;
  status: DeliveryStatus;
  attempts: AttemptRecord[];
  nextAttemptAt?: string;
  deadLetteredTo?: string;
  /** Why a cancelled delivery was cancelled, when Barrage knows ("destination deleted"). */
  cancelReason?: string;
}

export interface CallbackSummary {
  eventId: string;
  status: 'delivered' | 'failed' | 'cancelled';
  destinations: { destinationId: string; status: DeliveryStatus; attempts: number }[];
}

/** The callback's memo: readable without a worker, so status and duplicate answers need no query. */
export interface CallbackMemo {
  destinations: string[];
  eventType: string;
  source: string;
  idempotencyKey?: string;
  receivedAt: string;
  origin?: MessageOrigin;
}

/** What a delivery reports to its worker when it ends (a Temporal sink: no command, not replayed). */
export interface DeliveryFinished {
  tenant: string;
  destination: string;
  status: 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  /** When the callback was accepted: "accepted → delivered" latency. */
  receivedAt: string;
  /** This delivery carried another one's dead letter (`destination` is the dead-letter target). */
  deadLetter?: boolean;
}
