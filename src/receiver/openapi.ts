// /openapi.json, generated from the same zod schemas the routes validate with.
import { z } from 'zod';
import { VERSION } from '../version';
import {
  acceptedSchema,
  attemptsResponseSchema,
  errorSchema,
  eventRequestSchema,
  eventStatusSchema,
  retryRequestSchema,
} from './schemas';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { target: 'openapi-3.0', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ content: { 'application/json': { schema: schema(s) } } });
const error = (description: string) => ({ description, ...json(errorSchema) });
const bearer = [{ apiKey: [] }];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: 'Barrage', version: VERSION, description: 'Callback hub on Temporal' },
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    paths: {
      '/v1/events': {
        post: {
          summary: 'Accept an event and deliver it to every subscribed destination',
          security: bearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }],
          requestBody: { required: true, ...json(eventRequestSchema) },
          responses: {
            202: { description: 'accepted (recorded by Temporal)', ...json(acceptedSchema) },
            200: { description: 'duplicate of an accepted event', ...json(acceptedSchema) },
            400: error('invalid JSON or schema'),
            401: error('missing or unknown API key'),
            413: error('body over server.maxBodyBytes'),
            415: error('not application/json'),
            503: error('Temporal unreachable; nothing accepted'),
          },
        },
      },
      '/v1/events/{id}': {
        get: {
          summary: 'Status of an event and each destination',
          security: bearer,
          parameters: [idParam],
          responses: { 200: { description: 'status', ...json(eventStatusSchema) }, 404: error('unknown event') },
        },
      },
      '/v1/events/{id}/attempts': {
        get: {
          summary: 'Every delivery attempt of an event',
          security: bearer,
          parameters: [idParam],
          responses: { 200: { description: 'attempts', ...json(attemptsResponseSchema) }, 404: error('unknown event') },
        },
      },
      '/v1/events/{id}/retry': {
        post: {
          summary: 'Deliver failed destinations again',
          security: bearer,
          parameters: [idParam],
          requestBody: { required: false, ...json(retryRequestSchema) },
          responses: { 202: { description: 'retries started' }, 404: error('unknown event or destination') },
        },
      },
      '/v1/sources/{sourceId}': {
        post: {
          summary: 'A raw inbound callback, verified as the source is configured',
          parameters: [{ name: 'sourceId', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            202: { description: 'accepted', ...json(acceptedSchema) },
            200: { description: 'duplicate', ...json(acceptedSchema) },
            400: error('no event type or invalid key'),
            401: error('signature or token did not verify'),
            404: error('unknown source'),
            413: error('body too large'),
          },
        },
      },
      '/healthz': { get: { summary: 'Process is up', responses: { 200: { description: 'ok' } } } },
      '/readyz': {
        get: {
          summary: 'Temporal reachable, namespaces ready',
          responses: { 200: { description: 'ready' }, 503: error('not ready') },
        },
      },
    },
  };
}
