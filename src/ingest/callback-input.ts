// What ingest starts a callback with: its input (routed by the tenant's destinations and their
// filters), its memo, and the event as filters see it.
import { CURRENT_REVISION, type CallbackInput, type CallbackMemo } from '../contracts';
import { routeEvent } from '../config';
import { lazyFilterSubject, payloadJson, type FilterSubject } from '../delivery/filter';
import { eventIdFor } from './ids';
import type { IngestRequest } from './ingest';

export function callbackInput(
  req: IngestRequest & { eventType: string },
  subject: FilterSubject,
  receivedAt: string,
  recordDelivered?: boolean,
): CallbackInput {
  return {
    eventId: req.eventId ?? eventIdFor(req.tenant.id, req.source, req.idempotencyKey),
    tenantId: req.tenant.id,
    eventType: req.eventType,
    source: req.source,
    ...(req.idempotencyKey !== undefined ? { idempotencyKey: req.idempotencyKey } : {}),
    receivedAt,
    payload: req.payload,
    destinations: req.destinations ?? routeEvent(req.tenant, subject),
    ...(req.metadata !== undefined ? { metadata: req.metadata } : {}),
    ...(req.origin ? { origin: req.origin } : {}),
    ...(req.priority && req.priority !== 'normal' ? { priority: req.priority } : {}),
    ...(req.deliverAt !== undefined ? { deliverAt: new Date(Date.parse(req.deliverAt)).toISOString() } : {}),
    ...(req.ttlMs !== undefined ? { ttlMs: req.ttlMs } : {}),
    revision: CURRENT_REVISION,
    ...(recordDelivered ? { recordDelivered: true as const } : {}),
  };
}

/** The event as destination filters see it; its payload is parsed only if a filter looks into it. */
export function filterSubjectOf(req: IngestRequest & { eventType: string }): FilterSubject {
  const fields = { type: req.eventType, source: req.source, ...(req.metadata ? { metadata: req.metadata } : {}) };
  return lazyFilterSubject(fields, () => ('data' in req ? req.data : payloadJson(req.payload)));
}

export function memoOf(input: CallbackInput): CallbackMemo {
  const { eventType, source, receivedAt, idempotencyKey, origin } = input;
  return {
    destinations: input.destinations.map((p) => p.destinationId),
    eventType,
    source,
    receivedAt,
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(origin ? { origin } : {}),
  };
}
