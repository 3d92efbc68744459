// The route table called in-process: the library's methods run the very handler, validation and
// error mapping an HTTP request to the same route would, so the two cannot answer differently.
// What HTTP adds on top (the key check, reading bytes off a socket) is replaced by the caller
// naming its tenant; the body still goes through JSON text, so its size and depth limits apply.
import { ApiError, notFound } from '../base/api-error';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './bodies';
import { parseInput, readBody } from './call-input';
import type { ReceiverContext } from './context';
import { toApiError } from './errors';
import { databaseRequired } from './management-context';
import type { Reply, Route } from './route';
import type { Api } from './routes';

export interface Invocation {
  /** The tenant acting (tenant routes), by id. Admin routes take none. */
  tenant?: string;
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string | undefined>;
  /** Who acts, for audit lines (default: the library). */
  caller?: string;
}

export type Invoke = (operationId: string, input: Invocation) => Promise<Reply>;

export function routeInvoker(ctx: ReceiverContext, api: Api): Invoke {
  const byId = new Map(api.routes.map((r) => [r.operationId, r]));
  return async (operationId, input) => {
    const route = byId.get(operationId);
    if (!route) throw new Error(`no route ${operationId}`);
    try {
      const reply = await run(ctx, api, route, input);
      reply.after?.().catch((err: unknown) => ctx.logger.warn({ err }, 'work after an answer failed'));
      return reply;
    } catch (err) {
      throw rejected(ctx, operationId, err);
    }
  };
}

async function run(ctx: ReceiverContext, api: Api, route: Route, input: Invocation): Promise<Reply> {
  if (route.auth === 'source') throw new Error(`${route.operationId} is called by a source over HTTP only`);
  if (route.database && !ctx.registry.stores) throw databaseRequired();
  const tenant =
    route.auth === 'tenant' || (route.auth === 'adminOrTenant' && input.tenant) ? tenantOf(ctx, input.tenant) : undefined;
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const call = {
    ctx,
    tenant,
    caller: input.caller ?? 'the library (in-process)',
    params: route.params ? parseInput(route.params, input.params ?? {}, 'path') : {},
    query: route.query ? parseInput(route.query, input.query ?? {}, 'query') : {},
    body: readBody(route.body, asJson(ctx, route, input.body), api.schemas),
    header: (name: string) => headers[name.toLowerCase()],
  };
  return route.handle(call as never);
}

function tenantOf(ctx: ReceiverContext, id: string | undefined) {
  if (!id) throw new ApiError(400, 'invalid_request', 'name the tenant', [{ path: 'tenant', message: 'a tenant id' }]);
  const tenant = ctx.registry.current().tenant(id);
  if (!tenant) throw notFound('tenant');
  return tenant;
}

/** The body as the HTTP API would have received it: through JSON, within its limits. */
function asJson(ctx: ReceiverContext, route: Route, body: unknown): unknown {
  if (route.body?.kind !== 'json' || body === undefined) return body;
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `the body cannot be written as JSON: ${(err as Error).message}`);
  }
  const limit = ctx.config.server.maxBodyBytes;
  // Worded as the HTTP API words a body whose declared length is over the limit.
  const bytes = Buffer.byteLength(text);
  if (bytes > limit)
    throw new ApiError(413, 'payload_too_large', `Content-Length ${bytes} exceeds server.maxBodyBytes (${limit})`);
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH))
    throw new ApiError(400, 'invalid_request', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  return JSON.parse(text);
}

/** Logged as the HTTP layer logs a rejection; an unexpected error keeps its cause for the caller. */
function rejected(ctx: ReceiverContext, operationId: string, err: unknown): ApiError {
  const mapped = toApiError(err);
  const error =
    mapped === err || mapped.code !== 'internal' ? mapped : new ApiError(500, 'internal', 'internal error', undefined, err);
  const fields = { operation: operationId, status: error.status, code: error.code };
  if (error.status >= 500) ctx.logger.error({ ...fields, err: error.cause ?? err }, 'library call failed');
  else ctx.logger.warn({ ...fields, reason: error.message }, 'library call rejected');
  return error;
}
