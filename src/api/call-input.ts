// A route's input checked the same way whoever calls it: express (express.ts) or the library
// (invoke.ts). One copy, so a request the HTTP API refuses is refused in-process too.
import type { z } from 'zod';
import { invalidRequest, issueDetails } from '../base/api-error';
import type { Route } from './route';
import type { Components } from './schemas/components';

/** A raw body as read; a JSON one validated (left out and optional, as `{}`). */
export function readBody(spec: Route['body'], value: unknown, schemas: Components): unknown {
  if (spec?.kind !== 'json') return spec?.kind === 'raw' ? value : undefined;
  const parsed = (schemas.requests[spec.schema] as z.ZodType).safeParse(value === undefined && !spec.required ? {} : value);
  if (!parsed.success) throw invalidRequest('the request body does not match the schema', issueDetails(parsed.error));
  return spec.asSent ? value : parsed.data;
}

export function parseInput(schema: z.ZodType, value: unknown, where: 'path' | 'query'): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(`invalid ${where} parameters`, issueDetails(parsed.error));
  return parsed.data;
}
