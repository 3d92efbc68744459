// Admin routes: tenants (each a Temporal namespace) and their API keys.
import { notFound } from '../../base/api-error';
import { createKey, listKeys, revokeKey } from '../../management/api-keys';
import { createTenant, deleteTenant, tenantView, updateTenant } from '../../management/tenants';
import { managementDeps, page, tenantFor } from '../management-context';
import { route } from '../route';
import { configDefined } from './answers';
import { apiKeyParams, pageQuerySchema, tenantParams } from '../schemas/management';

const unknownTenant = { description: 'unknown tenant (or, for a tenant key, another tenant)', codes: ['not_found' as const] };

export const tenantRoutes = [
  route({
    method: 'post',
    path: '/v1/tenants',
    operationId: 'createTenant',
    summary: 'Create a tenant: its Temporal namespace is registered and served within seconds',
    auth: 'admin',
    database: true,
    temporal: true,
    body: { kind: 'json', schema: 'TenantRequest', required: true },
    answers: {
      201: { description: 'created', body: 'Tenant' },
      409: {
        description: 'id or namespace taken (conflict, managed_by_config) or limits.maxTenants reached (limit_reached)',
        codes: ['conflict', 'managed_by_config', 'limit_reached'],
      },
      422: {
        description:
          'temporal.manageNamespaces is false and the namespace does not exist or lacks search attributes: details name what to create',
        codes: ['namespace_not_ready'],
      },
    },
    async handle({ ctx, body }) {
      const tenant = await createTenant(managementDeps(ctx), body);
      ctx.logger.info({ tenant: tenant.id, namespace: tenant.namespace }, 'tenant created');
      return { status: 201, body: tenantView(tenant) };
    },
  }),
  route({
    method: 'get',
    path: '/v1/tenants',
    operationId: 'listTenants',
    summary: 'Every tenant, config-file ones included',
    auth: 'admin',
    database: true,
    query: pageQuerySchema,
    answers: {
      200: { description: 'a page', body: 'TenantList' },
      400: { description: 'a cursor this API did not return', codes: ['invalid_request'] },
    },
    handle({ ctx, query }) {
      const { items, nextCursor } = page(ctx.registry.current().tenants, query);
      return { status: 200, body: { tenants: items.map(tenantView), ...(nextCursor ? { nextCursor } : {}) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/tenants/{id}',
    operationId: 'getTenant',
    summary: 'One tenant',
    auth: 'admin',
    database: true,
    params: tenantParams,
    answers: { 200: { description: 'the tenant', body: 'Tenant' }, 404: unknownTenant },
    handle({ ctx, params }) {
      const tenant = ctx.registry.current().tenant(params.id);
      if (!tenant) throw notFound('tenant');
      return { status: 200, body: tenantView(tenant) };
    },
  }),
  route({
    method: 'patch',
    path: '/v1/tenants/{id}',
    operationId: 'updateTenant',
    summary:
      "Change a tenant's settings: defaults for its destinations, operator destination, retention, limits, requireKnownEventTypes",
    auth: 'admin',
    database: true,
    params: tenantParams,
    body: { kind: 'json', schema: 'TenantPatch', required: true },
    answers: {
      200: { description: 'the tenant as changed', body: 'Tenant' },
      400: { description: 'operatorDestination names no destination of the tenant', codes: ['invalid_request'] },
      404: unknownTenant,
      409: {
        description: 'defined in the config file (managed_by_config); retention with temporal.manageNamespaces false (conflict)',
        codes: ['managed_by_config', 'conflict'],
      },
    },
    async handle({ ctx, params, body }) {
      const tenant = await updateTenant(managementDeps(ctx), params.id, body);
      ctx.logger.info({ tenant: tenant.id, changed: Object.keys(body) }, 'tenant updated');
      return { status: 200, body: tenantView(tenant) };
    },
  }),
  route({
    method: 'delete',
    path: '/v1/tenants/{id}',
    operationId: 'deleteTenant',
    summary: 'Stop accepting and serving a tenant; its namespace and histories are kept',
    auth: 'admin',
    database: true,
    params: tenantParams,
    answers: { 200: { description: 'deleted', body: 'TenantDeleted' }, 404: unknownTenant, 409: configDefined },
    async handle({ ctx, params }) {
      const result = await deleteTenant(managementDeps(ctx), params.id);
      ctx.logger.info({ tenant: result.id, namespace: result.namespace }, 'tenant deleted (namespace kept)');
      return { status: 200, body: result };
    },
  }),
  route({
    method: 'post',
    path: '/v1/tenants/{id}/api-keys',
    operationId: 'createApiKey',
    summary: 'Create an API key: shown in plain text this once',
    auth: 'adminOrTenant',
    database: true,
    params: tenantParams,
    body: { kind: 'json', schema: 'ApiKeyRequest', required: false, contentType: 'any' },
    answers: { 201: { description: 'created', body: 'CreatedApiKey' }, 404: unknownTenant, 409: configDefined },
    async handle({ ctx, tenant: caller, params, body }) {
      const tenant = tenantFor(ctx, caller, params.id);
      const created = await createKey(managementDeps(ctx), tenant, body.name);
      ctx.logger.info({ tenant: tenant.id, keyId: created.id }, 'API key created');
      return { status: 201, body: created };
    },
  }),
  route({
    method: 'get',
    path: '/v1/tenants/{id}/api-keys',
    operationId: 'listApiKeys',
    summary: "A tenant's live keys (never the keys themselves)",
    auth: 'adminOrTenant',
    database: true,
    params: tenantParams,
    query: pageQuerySchema,
    answers: { 200: { description: 'a page', body: 'ApiKeyList' }, 404: unknownTenant },
    async handle({ ctx, tenant: caller, params, query }) {
      const tenant = tenantFor(ctx, caller, params.id);
      const { items, nextCursor } = page(await listKeys(managementDeps(ctx), tenant), query);
      return { status: 200, body: { apiKeys: items, ...(nextCursor ? { nextCursor } : {}) } };
    },
  }),
  route({
    method: 'delete',
    path: '/v1/tenants/{id}/api-keys/{keyId}',
    operationId: 'revokeApiKey',
    summary: 'Revoke a key: refused everywhere within a second',
    auth: 'adminOrTenant',
    database: true,
    params: apiKeyParams,
    answers: {
      204: { description: 'revoked' },
      404: { description: 'unknown tenant or key', codes: ['not_found'] },
      409: configDefined,
    },
    async handle({ ctx, tenant: caller, params }) {
      const tenant = tenantFor(ctx, caller, params.id);
      await revokeKey(managementDeps(ctx), tenant, params.keyId);
      ctx.logger.info({ tenant: tenant.id, keyId: params.keyId }, 'API key revoked');
      return { status: 204 };
    },
  }),
];
