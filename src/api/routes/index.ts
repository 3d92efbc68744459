// The route table: every route of the HTTP API, in one list. Express, /openapi.json, the typed
// client and the fuzz tests are all derived from it.
import type { Route } from '../route';
import { route } from '../route';
import { buildOpenApiDocument } from '../openapi';
import { components } from '../schemas/components';
import { batchRoutes } from './batch';
import { deliveryRoutes } from './deliveries';
import { destinationControlRoutes } from './destination-controls';
import { destinationFilterRoutes } from './destination-filter';
import { destinationRoutes } from './destinations';
import { eventRoutes } from './events';
import { eventPayloadRoutes } from './event-payload';
import { eventTypeRoutes } from './event-types';
import { statsRoutes } from './stats';
import { replayRoutes } from './replays';
import { erasureRoutes } from './erasures';
import { portalSessionRoutes } from './portal-sessions';
import { healthRoutes } from './health';
import { sourceRoutes } from './sources';
import { tenantRoutes } from './tenants';

export interface Api {
  routes: Route[];
  schemas: ReturnType<typeof components>;
  document: ReturnType<typeof buildOpenApiDocument>;
}

/** Built when a receiver starts (plug-in types registered by then are in it). */
export function buildApi(): Api {
  const schemas = components();
  const routes: Route[] = [
    ...batchRoutes,
    ...eventRoutes,
    ...eventPayloadRoutes,
    ...deliveryRoutes,
    ...sourceRoutes,
    ...tenantRoutes,
    ...destinationRoutes(),
    ...destinationControlRoutes(),
    ...destinationFilterRoutes(),
    ...eventTypeRoutes(),
    ...statsRoutes(),
    ...replayRoutes(),
    ...erasureRoutes(),
    ...portalSessionRoutes(),
    ...healthRoutes,
  ];
  const all = [...routes, openApiRoute(() => document)];
  const document = buildOpenApiDocument(all, schemas);
  return { routes: all, schemas, document };
}

function openApiRoute(document: () => unknown): Route {
  return route({
    method: 'get',
    path: '/openapi.json',
    operationId: 'openapi',
    summary: 'This document',
    auth: 'none',
    answers: { 200: { description: 'OpenAPI 3.0', body: 'json' } },
    handle: () => ({ status: 200, body: document() }),
  });
}

/** The document as a receiver built now would serve it. */
export const openApiDocument = () => buildApi().document;
