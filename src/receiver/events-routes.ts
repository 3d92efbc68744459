import { Router } from 'express';
import { cancelDeliveries } from '../events/cancel';
import { InvalidCursorError, listEvents } from '../events/list';
import { retryDeliveries } from '../events/retry';
import { KEY_RULE } from '../ingest/validation';
import { readEventStatus } from '../events/status';
import { answerIngest, apiEvent } from './accept';
import { requireTenant, tenantOf } from './auth';
import { jsonBody, requireJson } from './bodies';
import { eventLinks, type ReceiverContext } from './context';
import { ApiError, notFound } from './errors';
import { eventRequestSchema, issueDetails, listQuerySchema, retryRequestSchema } from './schemas';

export function eventsRouter(ctx: ReceiverContext): Router {
  const router = Router();
  const json = jsonBody(ctx.config.server.maxBodyBytes, ctx.logger);
  // Authentication runs before the body is read: an unknown caller learns nothing else.
  const auth = requireTenant(ctx);

  router.post('/v1/events', auth, requireJson, ...json, async (req, res) => {
    const tenant = tenantOf(res);
    const event = eventRequestSchema.safeParse(req.body);
    if (!event.success)
      throw new ApiError(400, 'invalid_request', 'the event does not match the schema', issueDetails(event.error));
    const outcome = await ctx.ingest(apiEvent(tenant, event.data, req.get('idempotency-key')));
    answerIngest(ctx, res, { tenant, outcome, hints: { idempotencyKey: `Idempotency-Key (or id): ${KEY_RULE}` } });
  });

  router.get('/v1/events', auth, async (req, res) => {
    const tenant = tenantOf(res);
    const query = listQuerySchema.safeParse(req.query);
    if (!query.success) throw new ApiError(400, 'invalid_request', 'invalid list query', issueDetails(query.error));
    const { since, until, ...filter } = query.data;
    const page = await listEvents(ctx.clientFor(tenant), {
      ...filter,
      ...(since ? { since: new Date(since) } : {}),
      ...(until ? { until: new Date(until) } : {}),
    }).catch((err: unknown) => {
      if (err instanceof InvalidCursorError) {
        throw new ApiError(400, 'invalid_request', 'cursor is not valid', [
          { path: 'cursor', message: 'pass the nextCursor of a previous page of this list' },
        ]);
      }
      throw err;
    });
    res.json({ ...page, events: page.events.map((e) => ({ ...e, links: eventLinks(ctx, tenant, e.id) })) });
  });

  router.get('/v1/events/:id', auth, async (req, res) => {
    const tenant = tenantOf(res);
    const status = await readEventStatus(ctx.clientFor(tenant), String(req.params.id));
    if (!status) throw notFound('event');
    res.json({
      ...status,
      destinations: status.destinations.map((d) => ({
        destination: d.destinationId,
        status: d.status,
        attempts: d.attempts.length,
        lastAttempt: d.attempts[d.attempts.length - 1],
        nextAttemptAt: d.nextAttemptAt,
        deadLetteredTo: d.deadLetteredTo,
        cancelReason: d.cancelReason,
      })),
      links: eventLinks(ctx, tenant, status.id),
    });
  });

  router.get('/v1/events/:id/attempts', auth, async (req, res) => {
    const tenant = tenantOf(res);
    const status = await readEventStatus(ctx.clientFor(tenant), String(req.params.id));
    if (!status) throw notFound('event');
    const attempts = status.destinations.flatMap((d) => d.attempts.map((a) => ({ destination: d.destinationId, ...a })));
    res.json({ id: status.id, attempts });
  });

  router.post('/v1/events/:id/retry', auth, ...json, async (req, res) => {
    const tenant = tenantOf(res);
    const body = retryRequestSchema.safeParse(req.body ?? {});
    if (!body.success) throw new ApiError(400, 'invalid_request', 'invalid retry request', issueDetails(body.error));
    const client = ctx.clientFor(tenant);
    const status = await readEventStatus(client, String(req.params.id));
    if (!status) throw notFound('event');
    const known = status.destinations.map((d) => d.destinationId);
    if (body.data.destination && !known.includes(body.data.destination)) throw notFound('destination of this event');
    const destinations = body.data.destination ? [body.data.destination] : known;
    const result = await retryDeliveries(client, {
      tenant,
      eventId: status.id,
      destinations,
      taskQueue: ctx.config.temporal.taskQueue,
    });
    res.status(202).json({ id: status.id, ...result });
  });

  router.post('/v1/events/:id/cancel', auth, async (req, res) => {
    const tenant = tenantOf(res);
    const client = ctx.clientFor(tenant);
    const status = await readEventStatus(client, String(req.params.id));
    if (!status) throw notFound('event');
    const result = await cancelDeliveries(client, status);
    if (result.cancelled.length === 0) {
      throw new ApiError(409, 'conflict', 'every delivery of this event is already final', { final: result.final });
    }
    res.status(202).json({ id: status.id, ...result });
  });

  return router;
}
