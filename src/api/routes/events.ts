// The events API: accept, list, read, attempts, retry, cancel.
import type { Client } from '@temporalio/client';
import { ApiError, invalidCursor, notFound } from '../../base/api-error';
import { cancelDeliveries } from '../../events/cancel';
import { InvalidCursorError, listEvents } from '../../events/list';
import { retryDeliveries } from '../../events/retry';
import { readEventStatus, type EventStatus } from '../../events/status';
import { KEY_RULE } from '../../base/validation';
import { answerIngest, apiEvent } from '../accept';
import { eventLinks } from '../context';
import { route } from '../route';
import { eventIdParams, idempotencyHeaderSchema, listQuerySchema } from '../schemas/events';

const unknownEvent = { description: 'unknown event (or another tenant’s)', codes: ['not_found' as const] };

export const eventRoutes = [
  route({
    method: 'post',
    path: '/v1/events',
    operationId: 'createEvent',
    summary: 'Accept an event and deliver it to every subscribed destination',
    auth: 'tenant',
    temporal: true,
    headers: idempotencyHeaderSchema,
    body: { kind: 'json', schema: 'EventRequest', required: true },
    answers: {
      202: { description: 'accepted (recorded by Temporal)', body: 'Accepted' },
      200: { description: 'duplicate of an accepted event', body: 'Accepted' },
      400: {
        description:
          'a bad Idempotency-Key, or one that differs from the body id; data that misses its event type’s schema (schema_mismatch, details by JSON pointer); a type not in the catalog with requireKnownEventTypes (unknown_event_type)',
        codes: ['invalid_request', 'schema_mismatch', 'unknown_event_type'],
      },
      409: { description: 'the id collides with a delivery of an event accepted before an upgrade', codes: ['conflict'] },
      413: { description: 'too large for Temporal with its number of destinations', codes: ['payload_too_large'] },
    },
    async handle({ ctx, tenant, body, header }) {
      const outcome = await ctx.ingest(apiEvent(tenant, body, header('idempotency-key')));
      return answerIngest(ctx, { tenant, outcome, hints: { idempotencyKey: `Idempotency-Key (or id): ${KEY_RULE}` } });
    },
  }),
  route({
    method: 'get',
    path: '/v1/events',
    operationId: 'listEvents',
    summary: "A page of the tenant's events, newest first (Temporal's visibility order)",
    auth: 'tenant',
    temporal: true,
    query: listQuerySchema,
    answers: {
      200: { description: 'a page', body: 'EventList' },
      400: { description: 'a cursor this API did not return', codes: ['invalid_request'] },
    },
    async handle({ ctx, tenant, query }) {
      const { since, until, ...filter } = query;
      const page = await listEvents(ctx.clientFor(tenant), {
        ...filter,
        ...(since ? { since: new Date(since) } : {}),
        ...(until ? { until: new Date(until) } : {}),
      }).catch((err: unknown) => {
        if (err instanceof InvalidCursorError) throw invalidCursor();
        throw err;
      });
      const events = page.events.map((e) => ({ ...e, links: eventLinks(ctx, tenant, e.id) }));
      return { status: 200, body: { ...page, events } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/events/{id}',
    operationId: 'getEvent',
    summary: 'Status of an event and each destination',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    answers: { 200: { description: 'status', body: 'EventStatus' }, 404: unknownEvent },
    async handle({ ctx, tenant, params }) {
      const status = await eventOr404(ctx.clientFor(tenant), params.id);
      return { status: 200, body: { ...eventView(status), links: eventLinks(ctx, tenant, status.id) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/events/{id}/attempts',
    operationId: 'listEventAttempts',
    summary: 'Every delivery attempt of an event',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    answers: { 200: { description: 'attempts', body: 'Attempts' }, 404: unknownEvent },
    async handle({ ctx, tenant, params }) {
      const status = await eventOr404(ctx.clientFor(tenant), params.id);
      const attempts = status.destinations.flatMap((d) => d.attempts.map((a) => ({ destination: d.destinationId, ...a })));
      return { status: 200, body: { id: status.id, attempts } };
    },
  }),
  route({
    method: 'post',
    path: '/v1/events/{id}/retry',
    operationId: 'retryEvent',
    summary: 'Deliver again: failed, cancelled and expired deliveries restart, a waiting or scheduled one attempts now',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    body: { kind: 'json', schema: 'RetryRequest', required: false, contentType: 'any' },
    answers: {
      202: { description: 'retries started', body: 'RetryResponse' },
      404: { description: 'unknown event, or a destination it was not routed to', codes: ['not_found'] },
    },
    async handle({ ctx, tenant, params, body }) {
      const client = ctx.clientFor(tenant);
      const status = await eventOr404(client, params.id);
      const known = status.destinations.map((d) => d.destinationId);
      if (body.destination && !known.includes(body.destination)) throw notFound('destination of this event');
      const destinations = body.destination ? [body.destination] : known;
      const { taskQueue, recordDeliveredStatus } = ctx.config.temporal;
      const options = { tenant, eventId: status.id, destinations, taskQueue, recordDelivered: recordDeliveredStatus };
      const result = await retryDeliveries(client, options);
      return { status: 202, body: { id: status.id, ...result } };
    },
  }),
  route({
    method: 'post',
    path: '/v1/events/{id}/cancel',
    operationId: 'cancelEvent',
    summary: 'Cancel every delivery of an event that is not final yet',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    answers: {
      202: { description: 'cancellation requested', body: 'CancelResponse' },
      404: unknownEvent,
      409: { description: 'every delivery is already final', codes: ['conflict'] },
    },
    async handle({ ctx, tenant, params }) {
      const client = ctx.clientFor(tenant);
      const status = await eventOr404(client, params.id);
      const result = await cancelDeliveries(client, status);
      if (result.cancelled.length === 0) {
        throw new ApiError(409, 'conflict', 'every delivery of this event is already final', { final: result.final });
      }
      return { status: 202, body: { id: status.id, ...result } };
    },
  }),
];

export async function eventOr404(client: Client, id: string): Promise<EventStatus> {
  const status = await readEventStatus(client, id);
  if (!status) throw notFound('event');
  return status;
}

function eventView(status: EventStatus) {
  return {
    ...status,
    destinations: status.destinations.map((d) => ({
      destination: d.destinationId,
      status: d.status,
      attempts: d.attempts.length,
      lastAttempt: d.attempts[d.attempts.length - 1],
      nextAttemptAt: d.nextAttemptAt,
      expiresAt: d.expiresAt,
      deadLetteredTo: d.deadLetteredTo,
      cancelReason: d.cancelReason,
      workflowId: d.workflowId,
      deadLetter: d.deadLetter,
    })),
  };
}
