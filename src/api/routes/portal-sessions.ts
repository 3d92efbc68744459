// Minting and revoking tenant portal sessions (docs/PORTAL.md). The portal's pages are served
// by src/portal/router.ts; these are the API calls a tenant's backend makes to send a user there.
import type { LiveTenant } from '../../registry/snapshot';
import { mintSession, type SessionRequest } from '../../management/portal-sessions';
import type { ReceiverContext } from '../context';
import { storesOf, tenantFor } from '../management-context';
import { route } from '../route';
import { tenantParams } from '../schemas/management';

const unknownTenant = { description: 'no such tenant (or another tenant’s)', codes: ['not_found' as const] };
const disabled = { description: 'portal.enabled is false', codes: ['conflict' as const] };

const deps = (ctx: ReceiverContext) => ({
  store: storesOf(ctx).portalSessions,
  portal: ctx.config.portal,
  publicUrl: ctx.publicUrl,
  now: ctx.now,
});

async function mint(ctx: ReceiverContext, tenant: LiveTenant, body: SessionRequest, caller: string) {
  const session = await mintSession(deps(ctx), tenant.id, body, caller);
  ctx.logger.info(
    { tenant: tenant.id, session: session.id, capabilities: body.capabilities ?? 'all', by: caller },
    'portal session minted',
  );
  return { status: 201, body: session };
}

async function revoke(ctx: ReceiverContext, tenant: LiveTenant, caller: string) {
  const revoked = await storesOf(ctx).portalSessions.revokeAll(tenant.id, new Date(ctx.now()));
  ctx.logger.info({ tenant: tenant.id, revoked, by: caller }, 'portal sessions revoked');
  return { status: 200, body: { revoked } };
}

const created = { description: 'minted: send the user to url', body: 'PortalSession' as const };
const revokedAnswer = { description: 'every live session of the tenant ended', body: 'PortalSessionsRevoked' as const };

export const portalSessionRoutes = () => [
  route({
    method: 'post',
    path: '/v1/portal-sessions',
    operationId: 'createPortalSession',
    summary: 'Mint a tenant portal session for the calling tenant: a URL with a one-time code',
    auth: 'tenant',
    database: true,
    body: { kind: 'json', schema: 'PortalSessionRequest', required: false, contentType: 'any' },
    answers: { 201: created, 409: disabled },
    handle: ({ ctx, tenant, body, caller }) => mint(ctx, tenant, body, caller),
  }),
  route({
    method: 'delete',
    path: '/v1/portal-sessions',
    operationId: 'revokePortalSessions',
    summary: 'End every live portal session of the calling tenant',
    auth: 'tenant',
    database: true,
    answers: { 200: revokedAnswer },
    handle: ({ ctx, tenant, caller }) => revoke(ctx, tenant, caller),
  }),
  route({
    method: 'post',
    path: '/v1/tenants/{id}/portal-sessions',
    operationId: 'createTenantPortalSession',
    summary: 'Mint a portal session for a tenant (an admin key, or the tenant’s own)',
    auth: 'adminOrTenant',
    database: true,
    params: tenantParams,
    body: { kind: 'json', schema: 'PortalSessionRequest', required: false, contentType: 'any' },
    answers: { 201: created, 404: unknownTenant, 409: disabled },
    handle: ({ ctx, tenant, params, body, caller }) => mint(ctx, tenantFor(ctx, tenant, params.id), body, caller),
  }),
  route({
    method: 'delete',
    path: '/v1/tenants/{id}/portal-sessions',
    operationId: 'revokeTenantPortalSessions',
    summary: "End every live portal session of a tenant (an admin key, or the tenant's own)",
    auth: 'adminOrTenant',
    database: true,
    params: tenantParams,
    answers: { 200: revokedAnswer, 404: unknownTenant },
    handle: ({ ctx, tenant, params, caller }) => revoke(ctx, tenantFor(ctx, tenant, params.id), caller),
  }),
];
