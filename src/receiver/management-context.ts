// What the management routes share: the database (or the 501 that says it is missing), the
// parsing of list queries, and the caller's tenant for the routes an admin or a tenant may use.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { InvalidPageCursorError, pageOf } from '../management/pages';
import type { Stores } from '../registry/stores';
import type { LiveTenant } from '../registry/snapshot';
import type { ReceiverContext } from './context';
import { ApiError, notFound } from './errors';
import { issueDetails } from './schemas';

/** Management needs the database; `barrage start` without one runs from the config file alone. */
export function requireDatabase(ctx: ReceiverContext): RequestHandler {
  return (_req: Request, _res: Response, next: NextFunction) => {
    if (ctx.registry.stores) return next();
    next(
      new ApiError(
        501,
        'database_required',
        'tenants, keys and destinations are managed through the API only with a database: set database.url ' +
          '(env:DATABASE_URL), or run barrage dev (embedded). Without one they come from the config file.',
      ),
    );
  };
}

export const storesOf = (ctx: ReceiverContext): Stores => ctx.registry.stores!;

export function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.output<S> {
  const query = schema.safeParse(req.query);
  if (!query.success) throw new ApiError(400, 'invalid_request', 'invalid list query', issueDetails(query.error));
  return query.data;
}

export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ApiError(400, 'invalid_request', `invalid ${what}`, issueDetails(parsed.error));
  return parsed.data;
}

export function page<T extends { id: string }>(all: readonly T[], query: { limit: number; cursor?: string }) {
  try {
    return pageOf(all, query.limit, query.cursor);
  } catch (err) {
    if (err instanceof InvalidPageCursorError)
      throw new ApiError(400, 'invalid_request', 'cursor is not valid', [
        { path: 'cursor', message: 'pass the nextCursor of a previous page of this list' },
      ]);
    throw err;
  }
}

/** A tenant the caller may act on: any, for an admin; its own, for a tenant key (others are 404). */
export function tenantFor(ctx: ReceiverContext, res: Response, id: string): LiveTenant {
  const caller = res.locals.tenant as LiveTenant | undefined;
  if (caller && caller.id !== id) throw notFound('tenant');
  const tenant = ctx.registry.current().tenant(id);
  if (!tenant) throw notFound('tenant');
  return tenant;
}
