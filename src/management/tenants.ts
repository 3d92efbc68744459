// Tenants through the API: each is a Temporal namespace, created and configured here before the
// row is written, so the workers that pick the row up find a namespace ready to serve.
import type { Connection } from '@temporalio/client';
import type { BarrageConfig } from '../config';
import { namespaceOptions } from '../config/derived';
import type { Registry } from '../registry/live';
import type { LiveTenant } from '../registry/snapshot';
import type { Stores } from '../registry/stores';
import { ApiError, notFound } from '../base/api-error';
import { SEARCH_ATTRIBUTES } from '../contracts';
import { ConflictError, LimitReachedError } from '../store/errors';
import {
  ensureNamespace,
  missingSearchAttributes,
  namespaceSetupHint,
  setRetention,
  waitUntilReady,
} from '../temporal/namespaces';

export interface TenantDeps {
  config: BarrageConfig;
  registry: Registry;
  stores: Stores;
  connection: Connection;
}

export function tenantView(t: LiveTenant) {
  return {
    id: t.id,
    namespace: t.namespace,
    managedBy: t.managedBy,
    ...(t.createdAt ? { createdAt: t.createdAt } : {}),
    destinations: t.entries.size,
    ...(t.defaults ? { defaults: t.defaults } : {}),
    ...(t.operatorDestination ? { operatorDestination: t.operatorDestination } : {}),
    ...(t.retention !== undefined ? { retention: t.retention } : {}),
    requireKnownEventTypes: t.requireKnownEventTypes ?? false,
    ...(t.limits ? { limits: t.limits } : {}),
    ...(t.portal ? { portal: t.portal } : {}),
  };
}

export interface TenantPatch {
  defaults?: Record<string, unknown> | null;
  operatorDestination?: string | null;
  retention?: number | null;
  requireKnownEventTypes?: boolean | null;
  limits?: { maxDestinations?: number } | null;
  portal?: { brand?: Record<string, unknown> } | null;
}

/**
 * Changes an API tenant's settings: each field given replaces the stored one, null removes it.
 * operatorDestination must name one of the tenant's destinations now (its events would go nowhere).
 */
export async function updateTenant(deps: TenantDeps, id: string, patch: TenantPatch): Promise<LiveTenant> {
  const tenant = deps.registry.current().tenant(id);
  if (!tenant) throw notFound('tenant');
  if (tenant.managedBy === 'config') throw existingTenant(tenant);
  const operator = patch.operatorDestination;
  if (operator && !tenant.entries.has(operator)) {
    throw new ApiError(400, 'invalid_request', `operatorDestination: tenant ${id} has no destination ${operator}`, [
      { path: 'operatorDestination', message: `no destination ${operator}: create it first` },
    ]);
  }
  if (patch.retention !== undefined) await applyRetention(deps, tenant, patch.retention);
  const given = Object.entries(patch).filter(([, value]) => value !== undefined);
  const set = Object.fromEntries(given.filter(([, value]) => value !== null));
  const remove = given.filter(([, value]) => value === null).map(([key]) => key);
  if (!(await deps.stores.tenants.patchSettings(id, set, remove))) throw notFound('tenant');
  return (await deps.registry.refresh()).tenant(id)!;
}

export async function createTenant(
  deps: TenantDeps,
  input: { id: string; namespace?: string; defaults?: Record<string, unknown> },
): Promise<LiveTenant> {
  const { config, registry, stores } = deps;
  const namespace = input.namespace ?? input.id;
  const snapshot = registry.current();
  const existing = snapshot.tenant(input.id);
  if (existing) throw existingTenant(existing);
  if (snapshot.tenants.some((t) => t.namespace === namespace))
    throw new ApiError(409, 'conflict', `namespace ${namespace} belongs to another tenant`);
  if (snapshot.tenants.length >= config.limits.maxTenants)
    throw new ApiError(409, 'limit_reached', `limits.maxTenants (${config.limits.maxTenants}) reached`);
  await prepareNamespace(deps, namespace);
  try {
    const settings = input.defaults ? JSON.stringify({ defaults: input.defaults }) : null;
    await stores.tenants.create(
      { id: input.id, namespace, managed_by: 'api', settings },
      config.limits.maxTenants - config.tenants.length,
    );
  } catch (err) {
    if (err instanceof LimitReachedError)
      throw new ApiError(409, 'limit_reached', `limits.maxTenants (${config.limits.maxTenants}) reached`);
    // A deleted tenant keeps its id (its histories stay under it).
    if (err instanceof ConflictError)
      throw new ApiError(409, 'conflict', `tenant ${input.id} or namespace ${namespace} exists or existed`);
    throw err;
  }
  return (await registry.refresh()).tenant(input.id)!;
}

/**
 * Retention lives in the namespace, so it changes there first; the stored setting follows, and
 * start-up brings the namespace back to it (temporal.namespaceRetention when removed).
 */
async function applyRetention(deps: TenantDeps, tenant: LiveTenant, retention: number | null): Promise<void> {
  if (!deps.config.temporal.manageNamespaces)
    throw new ApiError(
      409,
      'conflict',
      `temporal.manageNamespaces is false: change namespace ${tenant.namespace}’s retention in Temporal (temporal operator namespace update --retention)`,
      [{ path: 'retention', message: 'Barrage does not manage this namespace' }],
    );
  const { retentionMs } = namespaceOptions(deps.config, { retention: retention ?? undefined });
  await setRetention(deps.connection, tenant.namespace, retentionMs);
}

async function prepareNamespace(deps: TenantDeps, namespace: string): Promise<void> {
  const { config, connection } = deps;
  if (config.temporal.manageNamespaces) {
    await ensureNamespace(connection, namespace, namespaceOptions(config));
    return;
  }
  const missing = await missingSearchAttributes(connection, namespace);
  // Present, but each frontend validates starts against its cached copy: wait until it is usable.
  if (missing && missing.length === 0) return waitUntilReady(connection, namespace, 30_000);
  const problem = missing ? `lacks search attributes ${missing.map((m) => m.name).join(', ')}` : 'does not exist';
  throw new ApiError(
    422,
    'namespace_not_ready',
    `namespace ${namespace} ${problem} and temporal.manageNamespaces is false: ${namespaceSetupHint(namespace, missing)}, then retry`,
    [
      ...(missing ? [] : [{ path: 'namespace', message: `create namespace ${namespace}` }]),
      ...(missing ?? Object.values(SEARCH_ATTRIBUTES)).map((sa) => ({
        path: `searchAttributes.${sa.name}`,
        message: `add ${sa.name} of type ${sa.type}`,
      })),
    ],
  );
}

export function existingTenant(t: LiveTenant): ApiError {
  return t.managedBy === 'config'
    ? new ApiError(409, 'managed_by_config', `tenant ${t.id} is defined in the config file; change it there`)
    : new ApiError(409, 'conflict', `tenant ${t.id} exists`);
}

export async function deleteTenant(deps: TenantDeps, id: string) {
  const tenant = deps.registry.current().tenant(id);
  if (!tenant) throw notFound('tenant');
  if (tenant.managedBy === 'config') throw existingTenant(tenant);
  if (!(await deps.stores.tenants.delete(id))) throw notFound('tenant');
  // A tenant made again under the same id must not inherit the old one's browser sessions.
  await deps.stores.portalSessions.revokeAll(id, new Date());
  await deps.registry.refresh();
  return {
    id,
    deleted: true as const,
    namespace: tenant.namespace,
    namespaceKept: true as const,
    note: `accepting and serving stopped; namespace ${tenant.namespace} and its histories are kept (delete them in Temporal if you must)`,
  };
}
