// Express from the route table: each route's middleware chain in one fixed order (the database
// check on management routes, the key check, both before any body is read; then the body,
// validation, the handler), and the 405/Allow/OPTIONS answers for the paths the table knows.
import { Router, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { ApiError, notFound } from '../base/api-error';
import { findHttpSource } from '../config';
import { requireAdmin, requireAdminOrTenant, requireTenant } from './auth';
import { jsonBody, rawBody, requireJson } from './bodies';
import { parseInput, readBody } from './call-input';
import type { ReceiverContext } from './context';
import { requireDatabase } from './management-context';
import { expressPath, type Reply, type Route } from './route';
import type { Components } from './schemas/components';

export function routerFor(ctx: ReceiverContext, routes: readonly Route[], schemas: Components): Router {
  const router = Router();
  router.use(methodCheck(routes));
  for (const r of routes) router[r.method](expressPath(r.path), ...chain(ctx, r, schemas));
  return router;
}

function chain(ctx: ReceiverContext, r: Route, schemas: Components): RequestHandler[] {
  const handlers: RequestHandler[] = [...authFor(ctx, r)];
  const limit = ctx.config.server.maxBodyBytes;
  const body = r.body;
  if (body?.kind === 'json') {
    if (body.contentType !== 'any') handlers.push(requireJson);
    handlers.push(...jsonBody(limit, ctx.logger));
  } else if (body?.kind === 'raw') handlers.push(...rawBody(limit, ctx.logger));
  handlers.push(handlerFor(ctx, r, schemas));
  return handlers;
}

function authFor(ctx: ReceiverContext, r: Route): RequestHandler[] {
  // The database check comes before the key check on management routes: without a database
  // there are no keys to check against.
  const db = r.database ? [requireDatabase(ctx)] : [];
  switch (r.auth) {
    case 'tenant':
      return [...db, requireTenant(ctx)];
    case 'admin':
      return [...db, requireAdmin(ctx)];
    case 'adminOrTenant':
      return [...db, requireAdminOrTenant(ctx)];
    case 'source':
      return [requireSource(ctx)];
    case 'none':
      return [];
  }
}

/** Unknown sources are refused before their body is read. */
function requireSource(ctx: ReceiverContext): RequestHandler {
  return (req, res, next) => {
    const found = findHttpSource(ctx.config, String(req.params.sourceId));
    if (!found) return next(notFound('source'));
    // The registry's tenant: API destinations beside the file's, and its event-type catalog.
    res.locals.source = { ...found, tenant: ctx.registry.current().tenant(found.tenant.id) ?? found.tenant };
    next();
  };
}

function handlerFor(ctx: ReceiverContext, r: Route, schemas: Components): RequestHandler {
  const { params, query, body } = r;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const call = {
        ctx,
        req,
        tenant: res.locals.tenant,
        caller: (res.locals.caller as string | undefined) ?? 'an admin key',
        source: res.locals.source,
        params: params ? parseInput(params, req.params, 'path') : {},
        query: query ? parseInput(query, req.query, 'query') : {},
        header: (name: string) => req.get(name),
        body: readBody(body, req.body, schemas),
      };
      send(ctx, res, await r.handle(call as never));
    } catch (err) {
      next(err);
    }
  };
}

function send(ctx: ReceiverContext, res: Response, reply: Reply): void {
  res.status(reply.status);
  if (reply.body === undefined) res.end();
  else if (reply.contentType) res.type(reply.contentType).send(reply.body);
  else res.json(reply.body);
  reply.after?.().catch((err: unknown) => ctx.logger.warn({ err }, 'work after an answer failed'));
}

const METHOD_ORDER = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A known path with another method is 405 with Allow, not 404; OPTIONS is 204 with Allow. Runs
 * before the routes (whose own OPTIONS answer is plain text), and matches each request to its
 * most specific known path: /v1/events/batch is not /v1/events/{id}.
 */
function methodCheck(routes: readonly Route[]): RequestHandler {
  const byPath = new Map<string, string[]>();
  for (const r of routes) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r.method.toUpperCase()]);
  for (const methods of byPath.values()) methods.sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
  const known = [...byPath]
    .map(([path, methods]) => ({
      pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`),
      allow: [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])],
      params: (path.match(/\{/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params);
  return (req, res, next) => {
    const match = known.find((k) => k.pattern.test(req.path));
    if (!match || (match.allow.includes(req.method) && req.method !== 'OPTIONS')) return next();
    res.setHeader('allow', match.allow.join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(
      new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on this path (allowed: ${match.allow.join(', ')})`),
    );
  };
}
