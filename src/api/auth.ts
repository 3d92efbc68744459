import { timingSafeEqual, createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { LiveTenant } from '../registry/snapshot';
import type { ReceiverContext } from './context';
import { ApiError } from './errors';

const TOUCH_EVERY_MS = 60_000;

function bearer(req: Request): string {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  if (!match) throw new ApiError(401, 'unauthorized', 'missing "Authorization: Bearer <api key>"');
  return match[1];
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();
/** Digests of the configured admin keys, computed once per loaded config rather than per request. */
const adminDigests = new WeakMap<ReceiverContext['config'], Buffer[]>();

/** Admin keys are few and from the config: each is compared in constant time. */
function isAdminKey(ctx: ReceiverContext, key: string): boolean {
  let digests = adminDigests.get(ctx.config);
  if (!digests) adminDigests.set(ctx.config, (digests = ctx.config.security.adminApiKeys.map(sha256)));
  const offered = sha256(key);
  return digests.some((d) => timingSafeEqual(d, offered));
}

/**
 * Middleware: the caller's tenant into res.locals.tenant, before any body is read. The registry
 * is in memory, so a revoked key is refused as soon as the change arrives (within a second).
 */
export function requireTenant(ctx: ReceiverContext) {
  const touched = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = bearer(req);
    const owner = ctx.registry.current().keyOwner(key);
    if (!owner) {
      if (isAdminKey(ctx, key)) throw new ApiError(403, 'forbidden', 'this route takes a tenant API key, not an admin key');
      throw new ApiError(401, 'unauthorized', 'unknown API key');
    }
    if (owner.keyId) recordUse(ctx, touched, owner.keyId);
    res.locals.tenant = owner.tenant;
    // Who, for audit lines: the key's id (never the key), or that it came from the config file.
    res.locals.caller = owner.keyId ? `key ${owner.keyId}` : 'a config-file key';
    next();
  };
}

/** Admin routes: a key from security.adminApiKeys. A tenant's key is known here but not enough. */
export function requireAdmin(ctx: ReceiverContext) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const key = bearer(req);
    if (isAdminKey(ctx, key)) return next();
    if (ctx.registry.current().keyOwner(key))
      throw new ApiError(403, 'forbidden', 'this route takes an admin key (security.adminApiKeys)');
    throw new ApiError(401, 'unauthorized', 'unknown API key');
  };
}

/** The API-key routes: an admin key, or the key of the tenant named in the path. */
export function requireAdminOrTenant(ctx: ReceiverContext) {
  const tenantAuth = requireTenant(ctx);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAdminKey(ctx, bearer(req))) return next();
    tenantAuth(req, res, next);
  };
}

/** Last use is written at most once a minute per key and process, never awaited by the request. */
function recordUse(ctx: ReceiverContext, touched: Map<string, number>, keyId: string): void {
  const stores = ctx.registry.stores;
  const now = ctx.now();
  if (!stores || now - (touched.get(keyId) ?? -Infinity) < TOUCH_EVERY_MS) return;
  touched.set(keyId, now);
  stores.apiKeys.touch(keyId, new Date(now)).catch((err: unknown) => ctx.logger.warn({ err, keyId }, 'recording key use failed'));
}

export const tenantOf = (res: Response) => res.locals.tenant as LiveTenant;
