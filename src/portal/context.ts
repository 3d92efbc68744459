// What a portal page handler gets: the session, its tenant, and the route table bound to that
// tenant. Every id a page reads from a URL is resolved through those tenant routes, so another
// tenant's id is the same 404 the API answers, never its data.
import type { Request } from 'express';
import { ApiError } from '../base/api-error';
import type { Brand, PortalConfig } from '../config/portal';
import type { Invoke, Invocation } from '../api/invoke';
import type { LiveTenant } from '../registry/snapshot';
import type { Html } from './html';
import type { Capability, PortalSession } from '../management/portal-sessions';

export interface PortalPage {
  session: PortalSession;
  tenant: LiveTenant;
  /** portal.path: every link is built on it. */
  base: string;
  brand: Brand;
  can: (capability: Capability) => boolean;
  /** The tenant's own API route, answered body (an error is thrown as the ApiError the API answers). */
  call: <T = Record<string, unknown>>(operationId: string, input?: Omit<Invocation, 'tenant'>) => Promise<T>;
  req: Request;
  /** A path parameter of the page's route (:id, :name). */
  param: (name: string) => string;
}

/** What a handler answers: a page, or where to send the browser (after a form, 303). */
export type Outcome = { page: Html; status?: number } | { redirect: string };

export const redirect = (to: string): Outcome => ({ redirect: to });
export const page = (html: Html, status?: number): Outcome => ({ page: html, ...(status ? { status } : {}) });

export class PortalForbidden extends ApiError {
  constructor(capability: Capability) {
    super(403, 'forbidden', `this session may not do that (it lacks ${capability})`);
  }
}

export function requireCapability(p: PortalPage, capability: Capability): void {
  if (!p.can(capability)) throw new PortalForbidden(capability);
}

/** The hub's brand with the tenant's fields over it. */
export function brandOf(portal: PortalConfig, tenant: LiveTenant): Brand {
  return { ...portal.brand, ...(tenant.portal?.brand ?? {}) };
}

export function pageFor(
  req: Request,
  session: PortalSession,
  tenant: LiveTenant,
  portal: PortalConfig,
  invoke: Invoke,
): PortalPage {
  const caller = `portal session ${session.id}`;
  return {
    session,
    tenant,
    base: portal.path,
    brand: brandOf(portal, tenant),
    can: (c) => session.capabilities.has(c),
    call: async (operationId, input = {}) => (await invoke(operationId, { ...input, tenant: tenant.id, caller })).body as never,
    req,
    param: (name) => String(req.params[name] ?? ''),
  };
}
