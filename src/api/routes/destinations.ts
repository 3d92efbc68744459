// A tenant's destinations, managed at runtime. Every answer but the secret route's leaves the
// signing secret out and shows other credentials as "[redacted]".
import { deliveryPlan } from '../../config';
import { cancelDeliveriesTo } from '../../management/cancel-deleted';
import {
  createDestination,
  deleteDestination,
  destinationView,
  entryOf,
  listDestinations,
  patchDestination,
  rotateSecret,
  secretsView,
} from '../../management/destinations';
import { outcomeError } from '../accept';
import { managementDeps, page, storesOf } from '../management-context';
import { databaseHealthStore } from '../../protection/health-store';
import { breakerView } from '../../management/destination-health';
import type { ReceiverContext } from '../context';
import { route } from '../route';
import { configDefined } from './answers';
import { destinationWithHealth } from './destination-controls';
import { destinationListQuerySchema, destinationParams } from '../schemas/management';
import { waitingFlag } from '../schemas/stats';
import { z } from 'zod';

const unknown = { description: 'unknown destination', codes: ['not_found' as const] };
const invalidDestination = {
  description: 'checked against its type’s config schema (every problem by path); destination_not_allowed for a private URL',
  codes: ['invalid_request' as const, 'destination_not_allowed' as const],
};

export const destinationRoutes = () => [
  route({
    method: 'post',
    path: '/v1/destinations',
    operationId: 'createDestination',
    summary: 'Create a destination; every receiver and worker uses it within a second',
    auth: 'tenant',
    database: true,
    body: { kind: 'json', schema: 'DestinationRequest', required: true, asSent: true },
    answers: {
      201: { description: 'created (no secret in the answer: GET …/secret)', body: 'Destination' },
      400: invalidDestination,
      409: {
        description: 'id taken (conflict, managed_by_config) or limits.maxDestinationsPerTenant reached (limit_reached)',
        codes: ['conflict', 'managed_by_config', 'limit_reached'],
      },
    },
    async handle({ ctx, tenant, body }) {
      const entry = await createDestination(managementDeps(ctx), tenant, body);
      ctx.logger.info({ tenant: tenant.id, destination: entry.config.id, type: entry.config.type }, 'destination created');
      return { status: 201, body: destinationView(entry, tenant.eventTypes) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/destinations',
    operationId: 'listDestinations',
    summary: "The tenant's destinations, config-file ones included",
    auth: 'tenant',
    database: true,
    query: destinationListQuerySchema(),
    answers: {
      200: { description: 'a page', body: 'DestinationList' },
      400: { description: 'a cursor this API did not return', codes: ['invalid_request'] },
    },
    async handle({ ctx, tenant, query }) {
      const { type, event, health, ...pageQuery } = query;
      const entries = listDestinations(tenant, { type, event }).map((e) => ({ id: e.config.id, entry: e }));
      const { items, nextCursor } = page(entries, pageQuery);
      const breakers = health === 'true' ? await breakersOf(ctx, tenant.id) : undefined;
      return {
        status: 200,
        body: {
          destinations: items.map((i) => {
            const view = destinationView(i.entry, tenant.eventTypes);
            return breakers ? { ...view, health: breakers.get(i.id) ?? { state: 'closed', failures: 0 } } : view;
          }),
          ...(nextCursor ? { nextCursor } : {}),
        },
      };
    },
  }),
  route({
    method: 'get',
    path: '/v1/destinations/{id}',
    operationId: 'getDestination',
    summary: 'One destination, with its health (circuit breaker, deliveries waiting)',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    query: z.object({ waiting: waitingFlag }).strict(),
    answers: { 200: { description: 'the destination', body: 'Destination' }, 404: unknown },
    handle: async ({ ctx, tenant, params, query }) => ({
      status: 200,
      body: await destinationWithHealth(ctx, tenant, entryOf(tenant, params.id), query.waiting !== 'false'),
    }),
  }),
  route({
    method: 'patch',
    path: '/v1/destinations/{id}',
    operationId: 'updateDestination',
    summary: 'Change fields (null removes one); the next attempt of deliveries in flight uses them',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    body: { kind: 'json', schema: 'DestinationPatch', required: true, asSent: true },
    answers: { 200: { description: 'updated', body: 'Destination' }, 400: invalidDestination, 404: unknown, 409: configDefined },
    async handle({ ctx, tenant, params, body }) {
      const entry = await patchDestination(managementDeps(ctx), tenant, params.id, body);
      ctx.logger.info({ tenant: tenant.id, destination: entry.config.id }, 'destination updated');
      return { status: 200, body: destinationView(entry, tenant.eventTypes) };
    },
  }),
  route({
    method: 'delete',
    path: '/v1/destinations/{id}',
    operationId: 'deleteDestination',
    summary: 'Delete; its pending deliveries end cancelled ("destination deleted")',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    answers: { 204: { description: 'deleted' }, 404: unknown, 409: configDefined },
    async handle({ ctx, tenant, params }) {
      await deleteDestination(managementDeps(ctx), tenant, params.id);
      ctx.logger.info({ tenant: tenant.id, destination: params.id }, 'destination deleted');
      // After the answer: the sweep may take a while, and deliveries learn it at their next attempt anyway.
      const after = () =>
        cancelDeliveriesTo(ctx.clientFor(tenant), params.id, ctx.logger).then(
          () => undefined,
          (err: unknown) =>
            ctx.logger.warn(
              { err, tenant: tenant.id, destination: params.id },
              'cancelling deliveries to a deleted destination failed',
            ),
        );
      return { status: 204, after };
    },
  }),
  route({
    method: 'get',
    path: '/v1/destinations/{id}/secret',
    operationId: 'getDestinationSecret',
    summary: 'The signing secrets in use and when each expires',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    answers: {
      200: { description: 'secrets', body: 'Secrets' },
      404: unknown,
      409: { description: 'not an http destination', codes: ['conflict'] },
    },
    handle: ({ ctx, tenant, params }) => ({ status: 200, body: secretsView(entryOf(tenant, params.id), ctx.now()) }),
  }),
  route({
    method: 'post',
    path: '/v1/destinations/{id}/secret/rotate',
    operationId: 'rotateDestinationSecret',
    summary: 'A new secret signs at once; the previous ones also sign until the overlap ends',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    body: { kind: 'json', schema: 'RotateRequest', required: false, contentType: 'any' },
    answers: {
      200: { description: 'the secrets now in use', body: 'Secrets' },
      404: unknown,
      409: { description: 'config-file or not an http destination', codes: ['conflict', 'managed_by_config'] },
    },
    async handle({ ctx, tenant, params, body }) {
      const result = await rotateSecret(managementDeps(ctx), tenant, params.id, body);
      ctx.logger.info({ tenant: tenant.id, destination: params.id, overlapMs: body.overlap }, 'destination secret rotated');
      return { status: 200, body: result };
    },
  }),
  route({
    method: 'post',
    path: '/v1/destinations/{id}/test',
    operationId: 'sendTestEvent',
    summary: 'Send a signed barrage.test event to this destination through the normal path',
    auth: 'tenant',
    database: true,
    temporal: true,
    params: destinationParams,
    answers: { 202: { description: 'accepted', body: 'TestSent' }, 404: unknown },
    async handle({ ctx, tenant, params }) {
      const entry = entryOf(tenant, params.id);
      const body = {
        message: 'a test event from Barrage',
        destination: entry.config.id,
        sentAt: new Date(ctx.now()).toISOString(),
      };
      const outcome = await ctx.ingest({
        tenant,
        source: 'api',
        eventType: 'barrage.test',
        payload: { contentType: 'application/json', body: JSON.stringify(body), encoding: 'utf8' },
        destinations: [deliveryPlan(entry.config, tenant)],
      });
      const error = outcomeError(outcome);
      if (error) throw error;
      const event = (outcome as Extract<typeof outcome, { event: unknown }>).event;
      return { status: 202, body: { id: event.id, destination: entry.config.id } };
    },
  }),
];

/** Every breaker of the tenant from one read (the list's ?health=true); never-failed ones are closed. */
async function breakersOf(ctx: ReceiverContext, tenantId: string) {
  const rows = await databaseHealthStore(storesOf(ctx).database).readAll(tenantId);
  return new Map(rows.map((r) => [r.destinationId, breakerView(r.health)]));
}
