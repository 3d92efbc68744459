// The one path every source uses to turn a callback into a workflow. It validates what every
// source shares (event type, key, Temporal's size budget) and answers with an outcome; routes and
// pollers only map it (202/200/400/413/503; acknowledge / poison / hold).
import { NamespaceNotFoundError, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { callbackWorkflow } from '../../workflows/callback';
import {
  callbackSearchAttributes,
  WORKFLOW,
  type CallbackInput,
  type CallbackMemo,
  temporalPriority,
  type DeliveryPlan,
  type EventPriority,
  type MessageOrigin,
  type Payload,
} from '../contracts';
import type { TenantConfig } from '../config';
import { callbackInput, filterSubjectOf, memoOf } from './callback-input';
import { catalogRejection, type CatalogRejection, type CatalogTenant } from '../event-types/check';
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { tracer } from '../telemetry/tracing';
import { context, propagation, ROOT_CONTEXT, SpanStatusCode } from '@opentelemetry/api';
import { GRPC, grpcCode, isTemporalUnavailable } from '../base/grpc';
import { payloadBudgetProblem } from './budget';
import { eventIdFor } from './ids';
import { EVENT_TYPE, idempotencyKeySchema } from '../base/validation';

export interface IngestRequest {
  /** With its event-type catalog when it has one (the registry's tenants do). */
  tenant: TenantConfig & CatalogTenant;
  /** "api" for POST /v1/events, the source id otherwise. */
  source: string;
  /** As the source found it; undefined when its place was empty. */
  eventType: string | undefined;
  idempotencyKey?: string;
  /** The client's own event id (POST /v1/events "id"): used as is, and it is the dedupe key. */
  eventId?: string;
  payload: Payload;
  /** The payload's JSON, when the caller has parsed it already (POST /v1/events "data"). */
  data?: unknown;
  /** The sender's string map (POST /v1/events "metadata"): filters may look at it. */
  metadata?: Record<string, string>;
  /** The queue message this callback was read from. */
  origin?: MessageOrigin;
  /** Where to deliver instead of the tenant's routes (a destination's test event). */
  destinations?: DeliveryPlan[];
  /** A queue message's W3C trace context: the callback continues that trace. */
  traceContext?: Record<string, string>;
  /** Steering (see EventMeta): task priority, scheduled time (RFC 3339), time to live. */
  priority?: EventPriority;
  deliverAt?: string;
  ttlMs?: number;
}

/** A source's configured priority and ttl, as an ingest request carries them. */
export function sourceSteering(source: { priority?: EventPriority; ttl?: number }): Pick<IngestRequest, 'priority' | 'ttlMs'> {
  return {
    ...(source.priority ? { priority: source.priority } : {}),
    ...(source.ttl !== undefined ? { ttlMs: source.ttl } : {}),
  };
}

export type InvalidField = 'eventType' | 'idempotencyKey' | 'deliverAt';

export interface IngestResult {
  id: string;
  type: string;
  duplicate: boolean;
  destinations: string[];
}

/** Every expected answer, with the HTTP status it maps to. Only bugs throw. */
export type IngestOutcome =
  | { kind: 'accepted'; httpStatus: 202; event: IngestResult }
  | { kind: 'duplicate'; httpStatus: 200; event: IngestResult }
  /** The id is the workflow ID of a delivery (or dead letter) of an event accepted before the "~" IDs. */
  | { kind: 'conflict'; httpStatus: 409; id: string; message: string }
  | { kind: 'invalid'; httpStatus: 400; field: InvalidField; message: string }
  | { kind: 'too_large'; httpStatus: 413; message: string }
  /** The tenant's event-type catalog refuses it (schema_mismatch, unknown_event_type). */
  | ({ kind: 'rejected'; httpStatus: 400 } & CatalogRejection)
  | { kind: 'unavailable'; httpStatus: 503; message: string; cause: unknown };

export interface IngestDeps {
  clientFor: (tenant: TenantConfig) => Client;
  taskQueue: string;
  logger: Logger;
  now?: () => number;
  /** How long a start may take before the caller is told to retry (default 10 s). */
  startDeadlineMs?: number;
  /** Counts every outcome and times every accept (GET /metrics). */
  metrics?: Metrics;
  /** temporal.recordDeliveredStatus */
  recordDelivered?: boolean;
  /** limits.maxScheduleAhead: how far ahead deliverAt may be (default 30 days). */
  maxScheduleAheadMs?: number;
}

export function createIngest(deps: IngestDeps) {
  const now = deps.now ?? Date.now;
  return async function ingest(req: IngestRequest): Promise<IngestOutcome> {
    const started = performance.now();
    const attributes = { 'barrage.tenant': req.tenant.id, 'barrage.source': req.source };
    // The callback's trace: continues the sender's (the HTTP server span is active) or starts here.
    // A queue message names its trace in attributes/headers; an HTTP request's is active already.
    const parent = req.traceContext ? propagation.extract(ROOT_CONTEXT, req.traceContext) : context.active();
    const outcome = await tracer().startActiveSpan('barrage.accept', { attributes }, parent, async (span) => {
      try {
        const result = await accept(deps, req, now);
        span.setAttributes({
          'barrage.result': result.kind,
          ...(req.eventType ? { 'barrage.event_type': req.eventType } : {}),
          ...('event' in result ? { 'barrage.event_id': result.event.id } : {}),
        });
        if (result.kind === 'unavailable') span.setStatus({ code: SpanStatusCode.ERROR, message: result.message });
        return result;
      } finally {
        span.end();
      }
    });
    const labels = { tenant: req.tenant.id, source: req.source };
    deps.metrics?.eventsReceived.inc({ ...labels, result: outcome.kind });
    deps.metrics?.acceptDuration.observe(labels, (performance.now() - started) / 1000);
    return outcome;
  };
}

async function accept(deps: IngestDeps, req: IngestRequest, now: () => number): Promise<IngestOutcome> {
  const invalid = validate(req) ?? scheduleProblem(req, now(), deps.maxScheduleAheadMs ?? DEFAULT_SCHEDULE_AHEAD_MS);
  if (invalid) return invalid;
  const typed = req as IngestRequest & { eventType: string };
  const subject = filterSubjectOf(typed);
  // Events sent to given destinations (test events, one-offs, Barrage's own) are not routed, so not the catalog's.
  const rejected = req.destinations ? undefined : catalogRejection(req.tenant, typed.eventType, () => subject.data);
  if (rejected) {
    // A retry of an event accepted before its type's schema changed is still a duplicate, not a 400.
    const before = await acceptedBefore(deps, typed);
    if (before) return before;
    deps.logger.info(
      { tenant: req.tenant.id, eventType: typed.eventType, source: req.source, code: rejected.code },
      'callback refused by the event-type catalog',
    );
    return { kind: 'rejected', httpStatus: 400, ...rejected };
  }
  const input = callbackInput(typed, subject, new Date(now()).toISOString(), deps.recordDelivered);
  const tooLarge = payloadBudgetProblem(input);
  if (tooLarge) return { kind: 'too_large', httpStatus: 413, message: tooLarge };
  const outcome = await start(deps, deps.clientFor(req.tenant), input);
  const fields = { tenant: req.tenant.id, eventId: input.eventId, eventType: input.eventType, source: req.source };
  if (outcome.kind === 'accepted')
    deps.logger.info({ ...fields, origin: req.origin, destinations: outcome.event.destinations }, 'callback accepted');
  if (outcome.kind === 'duplicate') deps.logger.info({ ...fields, origin: req.origin }, 'callback duplicate');
  if (outcome.kind === 'conflict') deps.logger.warn({ ...fields, origin: req.origin }, 'callback id taken by a legacy delivery');
  return outcome;
}

const invalid = (field: InvalidField, message: string): IngestOutcome => ({ kind: 'invalid', httpStatus: 400, field, message });

export const DEFAULT_SCHEDULE_AHEAD_MS = 30 * 86_400_000;

/** deliverAt must be a time to come, and not further off than limits.maxScheduleAhead. */
function scheduleProblem(req: IngestRequest, now: number, maxAheadMs: number): IngestOutcome | undefined {
  if (req.deliverAt === undefined) return undefined;
  const at = Date.parse(req.deliverAt);
  if (Number.isNaN(at)) return invalid('deliverAt', 'deliverAt must be an RFC 3339 date-time');
  if (at < now) return invalid('deliverAt', `deliverAt ${req.deliverAt} is in the past`);
  if (at - now > maxAheadMs)
    return invalid('deliverAt', `deliverAt is more than limits.maxScheduleAhead (${maxAheadMs / 1000} s) ahead`);
  return undefined;
}

function validate(req: IngestRequest): IngestOutcome | undefined {
  if (!req.eventType) return invalid('eventType', 'no event type found');
  if (!EVENT_TYPE.test(req.eventType)) return invalid('eventType', `invalid event type "${req.eventType.slice(0, 200)}"`);
  if (req.idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(req.idempotencyKey).success) {
    return invalid('idempotencyKey', 'idempotency key must be 1–255 printable ASCII characters');
  }
  return undefined;
}

async function start(deps: IngestDeps, client: Client, input: CallbackInput): Promise<IngestOutcome> {
  const memo = memoOf(input);
  const event: IngestResult = { id: input.eventId, type: input.eventType, duplicate: false, destinations: memo.destinations };
  try {
    await client.connection.withDeadline(Date.now() + (deps.startDeadlineMs ?? 10_000), () =>
      client.workflow.start<typeof callbackWorkflow>(WORKFLOW.callback, {
        workflowId: input.eventId,
        taskQueue: deps.taskQueue,
        args: [input],
        memo: { ...memo },
        // A key seen before (running or closed, within retention) is a duplicate, never a second run.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'FAIL',
        staticSummary: `${input.eventType} from ${input.source} → ${memo.destinations.length} destination(s)`,
        typedSearchAttributes: callbackSearchAttributes(input),
        ...temporalPriority(input.priority),
      }),
    );
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return existing(client, input, deps.startDeadlineMs ?? 10_000);
    // A start that timed out may still have been recorded: then it was accepted, and saying
    // "retry" would make a keyless sender deliver it twice.
    if (grpcCode(err) === GRPC.DEADLINE_EXCEEDED && (await wasRecorded(client, input.eventId))) {
      return { kind: 'accepted', httpStatus: 202, event };
    }
    // A namespace made outside Barrage (temporal.manageNamespaces: false) that is not there yet.
    if (err instanceof NamespaceNotFoundError) {
      return {
        kind: 'unavailable',
        httpStatus: 503,
        message: `namespace ${client.options.namespace} does not exist yet; nothing was accepted, retry later`,
        cause: err,
      };
    }
    if (isTemporalUnavailable(err)) {
      return {
        kind: 'unavailable',
        httpStatus: 503,
        message: 'Temporal is unreachable; nothing was accepted, retry later',
        cause: err,
      };
    }
    throw err;
  }
  return { kind: 'accepted', httpStatus: 202, event };
}

/** The callback a keyed request (body id or idempotency key) started before, answered as a duplicate. */
async function acceptedBefore(deps: IngestDeps, req: IngestRequest & { eventType: string }): Promise<IngestOutcome | undefined> {
  if (req.eventId === undefined && req.idempotencyKey === undefined) return undefined;
  const eventId = req.eventId ?? eventIdFor(req.tenant.id, req.source, req.idempotencyKey);
  const client = deps.clientFor(req.tenant);
  if (!(await wasRecorded(client, eventId))) return undefined;
  return existing(client, { eventId, eventType: req.eventType }, deps.startDeadlineMs ?? 10_000);
}

/** Recorded as this callback: a delivery that holds the ID (see existing()) means the start was not. */
async function wasRecorded(client: Client, eventId: string): Promise<boolean> {
  return client.connection
    .withDeadline(Date.now() + 3_000, () => client.workflow.getHandle(eventId).describe())
    .then((description) => description.type === WORKFLOW.callback)
    .catch(() => false);
}

/**
 * The workflow that already has this ID. A callback: the original, answered from its memo,
 * bounded like the start so a duplicate never waits longer. Anything else is a delivery (or
 * dead letter) named `<event>.<destination>` before the "~" IDs: that id cannot be an event until
 * the namespace's retention has removed it, and "duplicate" would lose the callback silently.
 */
async function existing(
  client: Client,
  input: Pick<CallbackInput, 'eventId' | 'eventType'>,
  deadlineMs: number,
): Promise<IngestOutcome> {
  const description = await client.connection.withDeadline(Date.now() + deadlineMs, () =>
    client.workflow.getHandle(input.eventId).describe(),
  );
  if (description.type !== WORKFLOW.callback) {
    const message = `event id "${input.eventId}" is taken by a delivery of an event accepted before this version (its ID was <event>.<destination>); send this event with another id`;
    return { kind: 'conflict', httpStatus: 409, id: input.eventId, message };
  }
  const memo = (description.memo ?? {}) as Partial<CallbackMemo>;
  const event = {
    id: input.eventId,
    type: memo.eventType ?? input.eventType,
    duplicate: true,
    destinations: memo.destinations ?? [],
  };
  return { kind: 'duplicate', httpStatus: 200, event };
}

export type Ingest = ReturnType<typeof createIngest>;
