// A tenant's destinations, managed at runtime. Every answer but the secret route's leaves the
// signing secret out and shows other credentials as "[redacted]".
import { Router } from 'express';
import { deliveryPlan } from '../config';
import { cancelDeliveriesTo } from '../management/cancel-deleted';
import {
  createDestination,
  deleteDestination,
  destinationView,
  entryOf,
  listDestinations,
  patchDestination,
  rotateSecret,
  secretsView,
} from '../management/destinations';
import { outcomeError } from './accept';
import { requireTenant, tenantOf } from './auth';
import { jsonBody, requireJson } from './bodies';
import type { ReceiverContext } from './context';
import { page, parseBody, parseQuery, requireDatabase, storesOf } from './management-context';
import { destinationListQuerySchema, rotateRequestSchema } from './management-schemas';

export function destinationsRouter(ctx: ReceiverContext): Router {
  const router = Router();
  const json = jsonBody(ctx.config.server.maxBodyBytes, ctx.logger);
  const auth = [requireDatabase(ctx), requireTenant(ctx)];
  const deps = () => ({ config: ctx.config, registry: ctx.registry, stores: storesOf(ctx) });
  const id = (req: { params: Record<string, unknown> }) => String(req.params.id);

  router.post('/v1/destinations', ...auth, requireJson, ...json, async (req, res) => {
    const tenant = tenantOf(res);
    const entry = await createDestination(deps(), tenant, req.body);
    ctx.logger.info({ tenant: tenant.id, destination: entry.config.id, type: entry.config.type }, 'destination created');
    res.status(201).json(destinationView(entry));
  });

  router.get('/v1/destinations', ...auth, (req, res) => {
    const { type, event, ...query } = parseQuery(destinationListQuerySchema, req);
    const entries = listDestinations(tenantOf(res), { type, event }).map((e) => ({ id: e.config.id, entry: e }));
    const { items, nextCursor } = page(entries, query);
    res.json({ destinations: items.map((i) => destinationView(i.entry)), ...(nextCursor ? { nextCursor } : {}) });
  });

  router.get('/v1/destinations/:id', ...auth, (req, res) => void res.json(destinationView(entryOf(tenantOf(res), id(req)))));

  router.patch('/v1/destinations/:id', ...auth, requireJson, ...json, async (req, res) => {
    const tenant = tenantOf(res);
    const entry = await patchDestination(deps(), tenant, id(req), req.body);
    ctx.logger.info({ tenant: tenant.id, destination: entry.config.id }, 'destination updated');
    res.json(destinationView(entry));
  });

  router.delete('/v1/destinations/:id', ...auth, async (req, res) => {
    const tenant = tenantOf(res);
    await deleteDestination(deps(), tenant, id(req));
    ctx.logger.info({ tenant: tenant.id, destination: id(req) }, 'destination deleted');
    res.status(204).end();
    // After the answer: the sweep may take a while, and deliveries learn it at their next attempt anyway.
    cancelDeliveriesTo(ctx.clientFor(tenant), id(req), ctx.logger).catch((err: unknown) =>
      ctx.logger.warn({ err, tenant: tenant.id, destination: id(req) }, 'cancelling deliveries to a deleted destination failed'),
    );
  });

  router.get('/v1/destinations/:id/secret', ...auth, (req, res) => {
    res.json(secretsView(entryOf(tenantOf(res), id(req)), ctx.now()));
  });

  router.post('/v1/destinations/:id/secret/rotate', ...auth, ...json, async (req, res) => {
    const tenant = tenantOf(res);
    const request = parseBody(rotateRequestSchema, req.body, 'rotation');
    const result = await rotateSecret(deps(), tenant, id(req), request);
    ctx.logger.info({ tenant: tenant.id, destination: id(req), overlapMs: request.overlap }, 'destination secret rotated');
    res.json(result);
  });

  router.post('/v1/destinations/:id/test', ...auth, async (req, res) => {
    const tenant = tenantOf(res);
    const entry = entryOf(tenant, id(req));
    const outcome = await ctx.ingest({
      tenant,
      source: 'api',
      eventType: 'barrage.test',
      payload: {
        contentType: 'application/json',
        body: JSON.stringify({
          message: 'a test event from Barrage',
          destination: entry.config.id,
          sentAt: new Date(ctx.now()).toISOString(),
        }),
        encoding: 'utf8',
      },
      destinations: [deliveryPlan(entry.config, tenant)],
    });
    const error = outcomeError(outcome);
    if (error) throw error;
    const event = (outcome as Extract<typeof outcome, { event: unknown }>).event;
    res.status(202).json({ id: event.id, destination: entry.config.id });
  });

  return router;
}
