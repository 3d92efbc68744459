// Admin routes: tenants (each a Temporal namespace) and their API keys.
import { Router } from 'express';
import { createKey, listKeys, revokeKey } from '../management/api-keys';
import { createTenant, deleteTenant, tenantView } from '../management/tenants';
import { requireAdmin, requireAdminOrTenant } from './auth';
import { jsonBody, requireJson } from './bodies';
import type { ReceiverContext } from './context';
import { notFound } from './errors';
import { page, parseBody, parseQuery, requireDatabase, storesOf, tenantFor } from './management-context';
import { apiKeyRequestSchema, pageQuerySchema, tenantRequestSchema } from './management-schemas';

export function tenantsRouter(ctx: ReceiverContext): Router {
  const router = Router();
  const json = jsonBody(ctx.config.server.maxBodyBytes, ctx.logger);
  const admin = [requireDatabase(ctx), requireAdmin(ctx)];
  const keys = [requireDatabase(ctx), requireAdminOrTenant(ctx)];
  const deps = () => ({ config: ctx.config, registry: ctx.registry, stores: storesOf(ctx), connection: ctx.connection });

  router.post('/v1/tenants', ...admin, requireJson, ...json, async (req, res) => {
    const input = parseBody(tenantRequestSchema, req.body, 'tenant');
    const tenant = await createTenant(deps(), input);
    ctx.logger.info({ tenant: tenant.id, namespace: tenant.namespace }, 'tenant created');
    res.status(201).json(tenantView(tenant));
  });

  router.get('/v1/tenants', ...admin, (req, res) => {
    const query = parseQuery(pageQuerySchema, req);
    const { items, nextCursor } = page(ctx.registry.current().tenants, query);
    res.json({ tenants: items.map(tenantView), ...(nextCursor ? { nextCursor } : {}) });
  });

  router.get('/v1/tenants/:id', ...admin, (req, res) => {
    const tenant = ctx.registry.current().tenant(String(req.params.id));
    if (!tenant) throw notFound('tenant');
    res.json(tenantView(tenant));
  });

  router.delete('/v1/tenants/:id', ...admin, async (req, res) => {
    const result = await deleteTenant(deps(), String(req.params.id));
    ctx.logger.info({ tenant: result.id, namespace: result.namespace }, 'tenant deleted (namespace kept)');
    res.json(result);
  });

  router.post('/v1/tenants/:id/api-keys', ...keys, ...json, async (req, res) => {
    const tenant = tenantFor(ctx, res, String(req.params.id));
    const { name } = parseBody(apiKeyRequestSchema, req.body, 'API key request');
    const created = await createKey(deps(), tenant, name);
    ctx.logger.info({ tenant: tenant.id, keyId: created.id }, 'API key created');
    res.status(201).json(created);
  });

  router.get('/v1/tenants/:id/api-keys', ...keys, async (req, res) => {
    const tenant = tenantFor(ctx, res, String(req.params.id));
    const query = parseQuery(pageQuerySchema, req);
    const { items, nextCursor } = page(await listKeys(deps(), tenant), query);
    res.json({ apiKeys: items, ...(nextCursor ? { nextCursor } : {}) });
  });

  router.delete('/v1/tenants/:id/api-keys/:keyId', ...keys, async (req, res) => {
    const tenant = tenantFor(ctx, res, String(req.params.id));
    await revokeKey(deps(), tenant, String(req.params.keyId));
    ctx.logger.info({ tenant: tenant.id, keyId: req.params.keyId }, 'API key revoked');
    res.status(204).end();
  });

  return router;
}
