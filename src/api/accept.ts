// The one mapping from an ingest outcome to the HTTP answer, for the accepting routes.
import type { TenantConfig } from '../config';
import type { EventPriority } from '../contracts';
import type { IngestOutcome, IngestRequest, InvalidField } from '../ingest/ingest';
import { requestKey } from '../ingest/ids';
import { eventLinks, type ReceiverContext } from './context';
import { ApiError } from '../base/api-error';
import type { Reply } from './route';

/** An event as POST /v1/events (alone or in a batch) takes it, as ingest takes it. */
export function apiEvent(
  tenant: TenantConfig,
  event: {
    type: string;
    id?: string;
    data: unknown;
    metadata?: Record<string, string>;
    priority?: EventPriority;
    deliverAt?: string;
    ttl?: number;
  },
  headerKey: string | undefined,
): IngestRequest {
  return {
    tenant,
    source: 'api',
    eventType: event.type,
    idempotencyKey: requestKey(event.id, headerKey),
    ...(event.id !== undefined ? { eventId: event.id } : {}),
    payload: { contentType: 'application/json', body: JSON.stringify(event.data), encoding: 'utf8' },
    data: event.data,
    ...(event.metadata !== undefined ? { metadata: event.metadata } : {}),
    ...(event.priority ? { priority: event.priority } : {}),
    ...(event.deliverAt !== undefined ? { deliverAt: event.deliverAt } : {}),
    ...(event.ttl !== undefined ? { ttlMs: event.ttl } : {}),
  };
}

export type Hints = Partial<Record<InvalidField, string>>;

const INVALID_SUMMARY: Record<InvalidField, string> = {
  eventType: 'no valid event type in the callback',
  idempotencyKey: 'invalid idempotency key',
  deliverAt: 'deliverAt out of range',
};

/** The error an outcome that is not an accept stands for. `hints` say where the route looked. */
export function outcomeError(outcome: IngestOutcome, hints: Hints = {}): ApiError | undefined {
  switch (outcome.kind) {
    case 'accepted':
    case 'duplicate':
      return undefined;
    case 'invalid': {
      const summary = INVALID_SUMMARY[outcome.field];
      const message = hints[outcome.field] ?? outcome.message;
      return new ApiError(outcome.httpStatus, 'invalid_request', summary, [{ path: outcome.field, message }]);
    }
    case 'conflict':
      return new ApiError(outcome.httpStatus, 'conflict', outcome.message, [{ path: 'id', message: 'choose another event id' }]);
    case 'too_large':
      return new ApiError(outcome.httpStatus, 'payload_too_large', outcome.message);
    case 'rejected':
      return new ApiError(outcome.httpStatus, outcome.code, outcome.message, outcome.details);
    case 'unavailable':
      return new ApiError(outcome.httpStatus, 'temporal_unavailable', outcome.message, undefined, outcome.cause);
  }
}

/** The body of an accept or a duplicate: the event, with its links. */
export function acceptedBody(ctx: ReceiverContext, tenant: TenantConfig, outcome: Extract<IngestOutcome, { event: unknown }>) {
  return { ...outcome.event, links: eventLinks(ctx, tenant, outcome.event.id) };
}

export function answerIngest(
  ctx: ReceiverContext,
  request: { tenant: TenantConfig; outcome: IngestOutcome; hints?: Hints },
): Reply {
  const { outcome, tenant } = request;
  const error = outcomeError(outcome, request.hints);
  if (error) throw error;
  const accepted = outcome as Extract<IngestOutcome, { event: unknown }>;
  return { status: accepted.httpStatus, body: acceptedBody(ctx, tenant, accepted) };
}
