import type { NextFunction, Request, Response } from 'express';
import { tenantByApiKey, type BarrageConfig, type TenantConfig } from '../config';
import { ApiError } from './errors';

/** Bearer API key → tenant. Every /v1/events call is scoped to that tenant's namespace. */
export function authenticate(config: BarrageConfig, req: Request): TenantConfig {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError(401, 'unauthorized', 'missing "Authorization: Bearer <api key>"');
  const tenant = tenantByApiKey(config, match[1]);
  if (!tenant) throw new ApiError(401, 'unauthorized', 'unknown API key');
  return tenant;
}

/** Middleware: the caller's tenant into res.locals.tenant, before any body is read. */
export function requireTenant(config: BarrageConfig) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.locals.tenant = authenticate(config, req);
    next();
  };
}

export const tenantOf = (res: Response) => res.locals.tenant as TenantConfig;
