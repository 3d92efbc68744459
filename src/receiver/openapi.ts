// /openapi.json, generated from the same zod schemas the routes validate with. The schemas are
// named components, so references (the recursive JSON value among them) resolve.
import { z } from 'zod';
import { VERSION } from '../version';
import {
  acceptedSchema,
  batchRequestSchema,
  batchResponseSchema,
  attemptsResponseSchema,
  cancelResponseSchema,
  errorSchema,
  eventRequestSchema,
  listQuerySchema,
  eventListSchema,
  eventStatusSchema,
  jsonValueSchema,
  retryRequestSchema,
  retryResponseSchema,
} from './schemas';

const named = {
  JsonValue: jsonValueSchema,
  EventRequest: eventRequestSchema,
  Accepted: acceptedSchema,
  BatchRequest: batchRequestSchema,
  BatchResponse: batchResponseSchema,
  EventStatus: eventStatusSchema,
  EventList: eventListSchema,
  Attempts: attemptsResponseSchema,
  RetryRequest: retryRequestSchema,
  RetryResponse: retryResponseSchema,
  CancelResponse: cancelResponseSchema,
  Error: errorSchema,
} as const;
type Name = keyof typeof named;

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI 3.0 schema objects have no $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema]));
}

const json = (name: Name) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const error = (description: string) => ({ description, ...json('Error') });
const bearer = [{ apiKey: [] }];
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** What the HTTP server itself may answer to any request, before a route sees it. */
const transport = {
  408: error('request not received within server.headersTimeout / requestTimeout'),
  417: error('an Expect header other than 100-continue'),
  431: error('request line and headers over 16 KiB'),
};
const tenantCall = {
  401: error('missing or unknown API key'),
  503: error('Temporal unreachable or too slow; nothing changed, retry (Retry-After)'),
  ...transport,
};
const badPath = error('malformed percent-encoding in the path');
const bodyErrors = (what: string) => ({
  400: error(`${what}; or a body that does not match its Content-Encoding`),
  413: error('body (declared or decompressed) over server.maxBodyBytes, or too large for Temporal'),
  415: error('unsupported Content-Type, charset or Content-Encoding (gzip, deflate, br are supported)'),
});

/** The list's query parameters, from the same schema the route validates with. */
function listParameters() {
  const shape = listQuerySchema.shape;
  return Object.entries(shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: field.description,
    schema: z.toJSONSchema(field, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }),
  }));
}

export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: 'Barrage', version: VERSION, description: 'Callback hub on Temporal' },
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } }, schemas: componentSchemas() },
    paths: {
      '/v1/events': {
        get: {
          summary: "A page of the tenant's events, newest first (Temporal's visibility order)",
          security: bearer,
          parameters: listParameters(),
          responses: {
            200: { description: 'a page', ...json('EventList') },
            400: error('an invalid filter, limit or cursor'),
            ...tenantCall,
          },
        },
        post: {
          summary: 'Accept an event and deliver it to every subscribed destination',
          security: bearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, ...json('EventRequest') },
          responses: {
            202: { description: 'accepted (recorded by Temporal)', ...json('Accepted') },
            200: { description: 'duplicate of an accepted event', ...json('Accepted') },
            ...bodyErrors('invalid JSON, nesting over 64 levels, schema violation or bad Idempotency-Key'),
            ...tenantCall,
          },
        },
      },
      '/v1/events/batch': {
        post: {
          summary: 'Accept up to 100 events; each is answered as POST /v1/events would answer it',
          security: bearer,
          requestBody: { required: true, ...json('BatchRequest') },
          responses: {
            207: { description: 'one result per event, in order', ...json('BatchResponse') },
            ...bodyErrors('invalid JSON, nesting over 64 levels, or not {"events": [1–100 items]}'),
            ...tenantCall,
          },
        },
      },
      '/v1/events/{id}': {
        get: {
          summary: 'Status of an event and each destination',
          security: bearer,
          parameters: [pathParam('id')],
          responses: {
            200: { description: 'status', ...json('EventStatus') },
            400: badPath,
            404: error('unknown event'),
            ...tenantCall,
          },
        },
      },
      '/v1/events/{id}/attempts': {
        get: {
          summary: 'Every delivery attempt of an event',
          security: bearer,
          parameters: [pathParam('id')],
          responses: {
            200: { description: 'attempts', ...json('Attempts') },
            400: badPath,
            404: error('unknown event'),
            ...tenantCall,
          },
        },
      },
      '/v1/events/{id}/retry': {
        post: {
          summary: 'Deliver failed destinations again',
          security: bearer,
          parameters: [pathParam('id')],
          requestBody: { required: false, ...json('RetryRequest') },
          responses: {
            202: { description: 'retries started', ...json('RetryResponse') },
            ...bodyErrors('malformed path, invalid JSON or an invalid retry request'),
            404: error('unknown event or destination'),
            ...tenantCall,
          },
        },
      },
      '/v1/events/{id}/cancel': {
        post: {
          summary: 'Cancel every delivery of an event that is not final yet',
          security: bearer,
          parameters: [pathParam('id')],
          responses: {
            202: { description: 'cancellation requested', ...json('CancelResponse') },
            400: badPath,
            404: error('unknown event'),
            409: error('every delivery is already final'),
            413: error('a declared body over server.maxBodyBytes (Expect: 100-continue); this route reads none'),
            ...tenantCall,
          },
        },
      },
      '/v1/sources/{sourceId}': {
        post: {
          summary: 'A raw inbound callback, verified as the source is configured',
          parameters: [pathParam('sourceId')],
          requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            202: { description: 'accepted', ...json('Accepted') },
            200: { description: 'duplicate', ...json('Accepted') },
            ...bodyErrors('malformed path, no valid event type or an invalid idempotency key'),
            401: error('signature or token did not verify'),
            404: error('unknown source'),
            503: error('Temporal unreachable or too slow; nothing accepted, retry'),
            ...transport,
          },
        },
      },
      '/healthz': { get: { summary: 'Process is up', responses: { 200: { description: 'ok' }, ...transport } } },
      '/livez': { get: { summary: 'Process is up (same as /healthz)', responses: { 200: { description: 'ok' }, ...transport } } },
      '/readyz': {
        get: {
          summary: 'Temporal reachable, namespaces ready',
          responses: { 200: { description: 'ready' }, 503: error('not ready'), ...transport },
        },
      },
      '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.0' }, ...transport } } },
    },
  };
}
