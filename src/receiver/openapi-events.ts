// The events, sources and health paths of the OpenAPI document.
import { badPath, bearer, bodyErrors, error, json, listParameters, pathParam, tenantCall, transport } from './openapi-parts';

export const eventPaths = {
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
  '/metrics': {
    get: {
      summary: "Prometheus metrics of this process's roles (text exposition format)",
      responses: { 200: { description: 'metrics', content: { 'text/plain': { schema: { type: 'string' } } } }, ...transport },
    },
  },
  '/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.0' }, ...transport } } },
};
