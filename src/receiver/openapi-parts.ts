// Pieces every part of the OpenAPI document uses: references to named schemas, error answers,
// and what the HTTP server itself may answer before any route runs.
import { z } from 'zod';
import type { Name } from './openapi-schemas';
import { listQuerySchema } from './schemas';

export const json = (name: Name) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
export const error = (description: string) => ({ description, ...json('Error') });
export const bearer = [{ apiKey: [] }];
export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

/** What the HTTP server itself may answer to any request, before a route sees it. */
export const transport = {
  408: error('request not received within server.headersTimeout / requestTimeout'),
  417: error('an Expect header other than 100-continue'),
  431: error('request line and headers over 16 KiB'),
};
export const tenantCall = {
  401: error('missing or unknown API key'),
  503: error('Temporal unreachable or too slow; nothing changed, retry (Retry-After)'),
  ...transport,
};
export const badPath = error('malformed percent-encoding in the path');
export const bodyErrors = (what: string) => ({
  400: error(`${what}; or a body that does not match its Content-Encoding`),
  413: error('body (declared or decompressed) over server.maxBodyBytes, or too large for Temporal'),
  415: error('unsupported Content-Type, charset or Content-Encoding (gzip, deflate, br are supported)'),
});

/** The list's query parameters, from the same schema the route validates with. */
export function listParameters() {
  const shape = listQuerySchema.shape;
  return Object.entries(shape).map(([name, field]) => ({
    name,
    in: 'query',
    required: false,
    description: field.description,
    schema: z.toJSONSchema(field, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }),
  }));
}
