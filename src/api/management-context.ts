// What the management routes share: the database (or the 501 that says it is missing), list
// pages, and the caller's tenant for the routes an admin or a tenant may use.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ApiError, invalidCursor, notFound } from '../base/api-error';
import { InvalidPageCursorError, pageOf } from '../management/pages';
import type { Stores } from '../registry/stores';
import type { LiveTenant } from '../registry/snapshot';
import type { ReceiverContext } from './context';

/** Management needs the database; `barrage start` without one runs from the config file alone. */
export const databaseRequired = () =>
  new ApiError(
    501,
    'database_required',
    'tenants, keys and destinations are managed through the API only with a database: set database.url ' +
      '(env:DATABASE_URL), or run barrage dev (embedded). Without one they come from the config file.',
  );

export function requireDatabase(ctx: ReceiverContext): RequestHandler {
  return (_req: Request, _res: Response, next: NextFunction) => next(ctx.registry.stores ? undefined : databaseRequired());
}

export const storesOf = (ctx: ReceiverContext): Stores => ctx.registry.stores!;

/** The services' dependencies, as the management routes hand them over. */
export const managementDeps = (ctx: ReceiverContext) => ({
  config: ctx.config,
  registry: ctx.registry,
  stores: storesOf(ctx),
  connection: ctx.connection,
});

export function page<T extends { id: string }>(all: readonly T[], query: { limit: number; cursor?: string }) {
  try {
    return pageOf(all, query.limit, query.cursor);
  } catch (err) {
    if (err instanceof InvalidPageCursorError) throw invalidCursor();
    throw err;
  }
}

/** A tenant the caller may act on: any, for an admin; its own, for a tenant key (others are 404). */
export function tenantFor(ctx: ReceiverContext, caller: LiveTenant | undefined, id: string): LiveTenant {
  if (caller && caller.id !== id) throw notFound('tenant');
  const tenant = ctx.registry.current().tenant(id);
  if (!tenant) throw notFound('tenant');
  return tenant;
}
