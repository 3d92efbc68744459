// A tenant's API keys through the API: the key is shown once at creation and stored as a hash;
// revoking one reaches every receiver with the registry's next change (within a second).
import type { Registry } from '../registry/live';
import type { LiveTenant } from '../registry/snapshot';
import type { Stores } from '../registry/stores';
import { ApiError, notFound } from '../base/api-error';
import type { ApiKey } from '../store/tables';

export interface KeyDeps {
  registry: Registry;
  stores: Stores;
}

export function keyView(k: ApiKey) {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.created_at.toISOString(),
    lastUsedAt: k.last_used_at ? k.last_used_at.toISOString() : null,
  };
}

/** The config file is where a config tenant's keys live. */
function writable(tenant: LiveTenant): void {
  if (tenant.managedBy === 'config')
    throw new ApiError(409, 'managed_by_config', `tenant ${tenant.id} is defined in the config file; its keys are set there`);
}

export async function createKey(deps: KeyDeps, tenant: LiveTenant, name?: string) {
  writable(tenant);
  const { key, record } = await deps.stores.apiKeys.create(tenant.id, name);
  await deps.registry.refresh();
  return { ...keyView(record), key };
}

export async function listKeys(deps: KeyDeps, tenant: LiveTenant) {
  if (tenant.managedBy === 'config') return [];
  return (await deps.stores.apiKeys.list(tenant.id)).map(keyView);
}

export async function revokeKey(deps: KeyDeps, tenant: LiveTenant, keyId: string): Promise<void> {
  writable(tenant);
  if (!(await deps.stores.apiKeys.revoke(tenant.id, keyId))) throw notFound('API key');
  await deps.registry.refresh();
}
