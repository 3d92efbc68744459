// A tenant's event-type catalog: names, JSON Schemas its events' data must meet, examples.
import { catalogView } from '../../event-types/types';
import { createEventType, deleteEventType, typeOf, updateEventType, type CatalogDeps } from '../../management/event-types';
import type { ReceiverContext } from '../context';
import { page, storesOf } from '../management-context';
import { route } from '../route';
import { eventTypeListQuerySchema, eventTypeParams } from '../schemas/event-types';

const unknown = { description: 'unknown event type', codes: ['not_found' as const] };
const invalid = {
  description: 'a schema that is not JSON Schema 2020-12, or an example that does not meet it (every problem by path)',
  codes: ['invalid_request' as const],
};

const catalogDeps = (ctx: ReceiverContext): CatalogDeps => ({
  registry: ctx.registry,
  stores: storesOf(ctx),
  maxPerTenant: ctx.config.limits.maxEventTypesPerTenant,
});

export const eventTypeRoutes = () => [
  route({
    method: 'post',
    path: '/v1/event-types',
    operationId: 'createEventType',
    summary: 'Add an event type to the catalog; with a schema, events of the type must meet it',
    auth: 'tenant',
    database: true,
    body: { kind: 'json', schema: 'EventTypeRequest', required: true },
    answers: {
      201: { description: 'created', body: 'EventType' },
      400: invalid,
      409: {
        description: 'name taken (conflict) or limits.maxEventTypesPerTenant reached',
        codes: ['conflict', 'limit_reached'],
      },
    },
    async handle({ ctx, tenant, body }) {
      const type = await createEventType(catalogDeps(ctx), tenant, body);
      ctx.logger.info({ tenant: tenant.id, eventType: type.name, schema: type.schema !== undefined }, 'event type created');
      return { status: 201, body: catalogView(type) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/event-types',
    operationId: 'listEventTypes',
    summary: "The tenant's event types, by name",
    auth: 'tenant',
    database: true,
    query: eventTypeListQuerySchema,
    answers: {
      200: { description: 'a page', body: 'EventTypeList' },
      400: { description: 'a cursor this API did not return', codes: ['invalid_request'] },
    },
    handle({ tenant, query }) {
      const { deprecated, ...pageQuery } = query;
      const all = [...(tenant.eventTypes?.values() ?? [])]
        .filter((t) => deprecated === undefined || t.deprecated === (deprecated === 'true'))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((t) => ({ id: t.name, type: t }));
      const { items, nextCursor } = page(all, pageQuery);
      return { status: 200, body: { eventTypes: items.map((i) => catalogView(i.type)), ...(nextCursor ? { nextCursor } : {}) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/event-types/{name}',
    operationId: 'getEventType',
    summary: 'One event type, with its schema and example',
    auth: 'tenant',
    database: true,
    params: eventTypeParams,
    answers: { 200: { description: 'the event type', body: 'EventType' }, 404: unknown },
    handle: ({ tenant, params }) => ({ status: 200, body: catalogView(typeOf(tenant, params.name)) }),
  }),
  route({
    method: 'patch',
    path: '/v1/event-types/{name}',
    operationId: 'updateEventType',
    summary: 'Change fields; a new schema applies to events accepted from then on',
    auth: 'tenant',
    database: true,
    params: eventTypeParams,
    body: { kind: 'json', schema: 'EventTypePatch', required: true },
    answers: { 200: { description: 'updated', body: 'EventType' }, 400: invalid, 404: unknown },
    async handle({ ctx, tenant, params, body }) {
      const type = await updateEventType(catalogDeps(ctx), tenant, params.name, body);
      ctx.logger.info({ tenant: tenant.id, eventType: type.name, changed: Object.keys(body) }, 'event type updated');
      return { status: 200, body: catalogView(type) };
    },
  }),
  route({
    method: 'delete',
    path: '/v1/event-types/{name}',
    operationId: 'deleteEventType',
    summary: 'Remove it from the catalog; its events are no longer checked (refused with requireKnownEventTypes)',
    auth: 'tenant',
    database: true,
    params: eventTypeParams,
    answers: { 204: { description: 'deleted' }, 404: unknown },
    async handle({ ctx, tenant, params }) {
      await deleteEventType(catalogDeps(ctx), tenant, params.name);
      ctx.logger.info({ tenant: tenant.id, eventType: params.name }, 'event type deleted');
      return { status: 204 };
    },
  }),
];
