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

/**
 * A one-off delivery's own address (POST /v1/deliveries), in place of a registered destination:
 * `{ url, headers, timeout }` sealed under security.encryptionKey (AES-256-GCM), since whoever
 * reads the namespace's histories reads workflow inputs. Bound to tenant, event and delivery id
 * (sealedTargetBinding), so a copy in another event's input does not open.
 */
export interface SealedTarget {
  sealed: string;
}

/** The delivery ids of a one-off's target and its inline dead letter; no destination may take them. */
export const ONE_OFF_TARGET_ID = 'to';
export const ONE_OFF_DEAD_LETTER_ID = 'deadLetter';
/** The source one-off deliveries are recorded under (BarrageSource). */
export const ONE_OFF_SOURCE = 'deliveries';

export const sealedTargetBinding = (tenantId: string, eventId: string, destinationId: string) =>
  `target:${tenantId}/${eventId}/${destinationId}`;

export interface DeliveryPlan {
  destinationId: string;
  /** A one-off delivery: where to send it, instead of the registered destination of that id. */
  target?: SealedTarget;
  retry: RetrySpec;
  timeoutMs: number;
  /** The destination that receives the event if this delivery fails for good. */
  deadLetter?: Omit<DeliveryPlan, 'deadLetter'>;
  /** The destination's `ttl`: past it the delivery ends "expired" (see deliveryExpiresAt). */
  ttlMs?: number;
  /** The destination's rate limit: its attempts run on the rate-limited task queue. */
  rateLimit?: { perSecond: number };
}

/**
 * The activity task queue of rate-limited destinations, beside the main one. Temporal limits each
 * fairness key on it (a key per destination) to the queue's per-key rate times the key's weight,
 * so a destination's weight is its perSecond. Tasks without a key would be limited too, which is
 * why unlimited destinations stay on the main queue.
 */
export const rateLimitedTaskQueue = (taskQueue: string) => `${taskQueue}-rate-limited`;

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
  /** Temporal task priority of the callback, its deliveries and their attempts; absent: normal. */
  priority?: Exclude<EventPriority, 'normal'>;
  /** Scheduled delivery: no attempt before this time (RFC 3339). */
  deliverAt?: string;
  /** The event's own `ttl`: see deliveryExpiresAt. */
  ttlMs?: number;
}

export const EVENT_PRIORITIES = ['high', 'normal', 'low'] as const;
export type EventPriority = (typeof EVENT_PRIORITIES)[number];

/** Temporal's priority keys: 1 is first; 3 is the server's default, so "normal" sets nothing. */
export const PRIORITY_KEYS: Record<EventPriority, number> = { high: 1, normal: 3, low: 5 };
/**
 * An event's priority as Temporal task priority, for the callback, its deliveries and their
 * attempts: under a backlog, matching hands out lower keys first. Nothing for "normal", so the
 * commands of events without a priority stay as they were.
 */
export function temporalPriority(priority: EventPriority | undefined): { priority?: { priorityKey: number } } {
  return priority && priority !== 'normal' ? { priority: { priorityKey: PRIORITY_KEYS[priority] } } : {};
}

/**
 * When a delivery stops trying (epoch ms), or undefined: the shorter of the event's and the
 * destination's ttl, counted from the scheduled time or else from acceptance. A dead letter keeps
 * only its own destination's ttl: the event's was for the deliveries it asked for.
 */
export function deliveryExpiresAt(input: Pick<DeliveryInput, 'event' | 'plan' | 'deadLetterOf'>): number | undefined {
  const ttls = [input.deadLetterOf === undefined ? input.event.ttlMs : undefined, input.plan.ttlMs].filter(
    (t): t is number => t !== undefined,
  );
  if (ttls.length === 0) return undefined;
  return Date.parse(input.event.deliverAt ?? input.event.receivedAt) + Math.min(...ttls);
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
   * starts are confirmed, not when they finish; a delivery writes no "delivered" status. 3: also
   * attempts that may be held (a paused destination or an open circuit) as activity retries, with
   * no bound on the activity's runs in the retry policy (the activity bounds lost runs itself).
   * Absent: the releases before, which replay through their patch markers.
   */
  revision?: Revision;
  /** temporal.recordDeliveredStatus: revision-2 deliveries write "delivered" after all. */
  recordDelivered?: true;
  /** The sender's string map (POST /v1/events "metadata"): routing read it; kept for the record, not passed to deliveries. */
  metadata?: Record<string, string>;
}

/** The event a callback carries, without its payload, routing and workflow-behaviour fields. */
export function eventMetaOf(input: CallbackInput): EventMeta {
  const {
    payload: _payload,
    destinations: _destinations,
    idScheme: _idScheme,
    revision: _revision,
    recordDelivered: _record,
    metadata: _metadata,
    ...event
  } = input;
  return event;
}

/** What new callbacks and deliveries are started with (CallbackInput.revision). */
export const CURRENT_REVISION = 3;
export type Revision = 2 | 3;

/** Whether a callback or delivery input has at least this revision's behaviour. */
export const atRevision = (input: { revision?: Revision }, revision: Revision) => (input.revision ?? 0) >= revision;

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
  revision?: Revision;
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

/**
 * Runs of one attempt the activity may take for our own infrastructure's sake (worker crash,
 * activity timeout): about 4 minutes of backoff. Past that it is not bad luck but a fault, and
 * the delivery fails with the error in its last attempt record. Held runs do not count.
 */
export const ATTEMPT_ACTIVITY_MAX_RUNS = 10;

export interface AttemptRequest {
  event: EventMeta;
  payload: Payload;
  destinationId: string;
  attempt: number;
  timeoutMs: number;
  /**
   * Revision 3: the activity may hold this attempt (paused destination, open circuit) by failing
   * it as a retryable "held" error Temporal retries later; no attempt of the delivery is used.
   */
  mayHold?: true;
  /** A dead letter (revision 3): its target takes it even while disabled, as an operator's sink. */
  deadLetter?: true;
  /** A one-off delivery's sealed address (the plan's `target`). */
  target?: SealedTarget;
}

/** A delivery's status: the API's value and the BarrageStatus search attribute's. */
export const DELIVERY_STATUSES = [
  'pending',
  'delivering',
  'retrying',
  'delivered',
  'failed',
  'cancelled',
  'scheduled',
  'expired',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryState {
  destinationId: string;
  status: DeliveryStatus;
  attempts: AttemptRecord[];
  nextAttemptAt?: string;
  deadLetteredTo?: string;
  /** Why a cancelled delivery was cancelled, when Barrage knows ("destination deleted"). */
  cancelReason?: string;
  /** When an unfinished delivery stops trying (its ttl), RFC 3339. */
  expiresAt?: string;
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
  status: 'delivered' | 'failed' | 'cancelled' | 'expired';
  attempts: number;
  /** When the callback was accepted: "accepted → delivered" latency. */
  receivedAt: string;
  /** This delivery carried another one's dead letter (`destination` is the dead-letter target). */
  deadLetter?: boolean;
}
