// Destinations through the API. Writes go to the database and come back through the registry
// (this process reloads at once; the others within a second), so every role routes and delivers
// from the same in-memory view.
import { randomBytes } from 'node:crypto';
import { maxDestinationsOf, type BarrageConfig } from '../config';
import { matchesAny, matchesEvent } from '../delivery/patterns';
import type { Registry } from '../registry/live';
import type { DestinationEntry, LiveTenant } from '../registry/snapshot';
import type { Stores } from '../registry/stores';
import { ApiError, notFound } from '../base/api-error';
import { ConflictError, LimitReachedError } from '../store/errors';
import { createInput, patchInput } from './destination-input';
import { redact } from './redact';

export interface DestinationDeps {
  config: BarrageConfig;
  registry: Registry;
  stores: Stores;
}

export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** With the tenant's catalog, the view warns of patterns that match none of its types. */
export function destinationView(entry: DestinationEntry, catalog?: ReadonlyMap<string, unknown>) {
  const { secret: _, ...settings } = entry.config as Record<string, unknown>;
  const warnings = catalogWarnings(entry.config.events, catalog);
  return {
    ...(redact(settings) as Record<string, unknown>),
    description: entry.description,
    metadata: entry.metadata,
    disabled: entry.disabled,
    ...(entry.disabledAt ? { disabledAt: entry.disabledAt } : {}),
    ...(entry.disabledReason ? { disabledReason: entry.disabledReason } : {}),
    managedBy: entry.managedBy,
    ...(entry.createdAt ? { createdAt: entry.createdAt } : {}),
    ...(entry.updatedAt ? { updatedAt: entry.updatedAt } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}

/** A tenant without a catalog gets none: it has not said which types exist. */
function catalogWarnings(patterns: readonly string[], catalog?: ReadonlyMap<string, unknown>): string[] {
  if (!catalog?.size) return [];
  const names = [...catalog.keys()];
  return patterns
    .filter((p) => !names.some((name) => matchesEvent(p, name)))
    .map((p) => `events pattern "${p}" matches no type in the event-type catalog`);
}

export function listDestinations(tenant: LiveTenant, filter: { type?: string; event?: string }): DestinationEntry[] {
  return [...tenant.entries.values()].filter(
    (e) =>
      (filter.type === undefined || e.config.type === filter.type) &&
      (filter.event === undefined || (!e.disabled && matchesAny(e.config.events, filter.event))),
  );
}

export function entryOf(tenant: LiveTenant, id: string): DestinationEntry {
  const entry = tenant.entries.get(id);
  if (!entry) throw notFound('destination');
  return entry;
}

function writable(entry: DestinationEntry): DestinationEntry {
  if (entry.managedBy === 'config')
    throw new ApiError(409, 'managed_by_config', `destination ${entry.config.id} is defined in the config file; change it there`);
  return entry;
}

const inputContext = (deps: DestinationDeps, tenant: LiveTenant) => ({
  tenant,
  allowPrivateDestinations: deps.config.security.allowPrivateDestinations,
});

export async function createDestination(deps: DestinationDeps, tenant: LiveTenant, body: unknown): Promise<DestinationEntry> {
  const input = createInput(body, inputContext(deps, tenant));
  const max = maxDestinationsOf(deps.config, tenant);
  const existing = tenant.entries.get(input.id);
  if (existing) {
    writable(existing);
    throw new ApiError(409, 'conflict', `destination ${input.id} exists`);
  }
  const which =
    tenant.limits?.maxDestinations !== undefined ? 'the tenant’s limits.maxDestinations' : 'limits.maxDestinationsPerTenant';
  const limitReached = () => new ApiError(409, 'limit_reached', `${which} (${max}) reached`);
  if (tenant.entries.size >= max) throw limitReached();
  const configCount = [...tenant.entries.values()].filter((e) => e.managedBy === 'config').length;
  try {
    await deps.stores.destinations.create(
      {
        tenantId: tenant.id,
        id: input.id,
        spec: input.spec,
        description: input.description,
        metadata: input.metadata,
        disabled: input.disabled,
        secret: input.config.type === 'http' ? (input.secret ?? newSecret()) : undefined,
      },
      max - configCount,
    );
  } catch (err) {
    if (err instanceof LimitReachedError) throw limitReached();
    if (err instanceof ConflictError) throw new ApiError(409, 'conflict', `destination ${input.id} exists`);
    throw err;
  }
  return entryOf((await deps.registry.refresh()).tenant(tenant.id)!, input.id);
}

export async function patchDestination(deps: DestinationDeps, tenant: LiveTenant, id: string, body: unknown) {
  const entry = writable(entryOf(tenant, id));
  const input = patchInput(body, entry, inputContext(deps, tenant));
  const row = await deps.stores.destinations.update(tenant.id, id, input);
  if (!row) throw notFound('destination');
  const current = (await deps.registry.refresh()).tenant(tenant.id)!;
  // A destination that gained a signature (sqs → http) gets a secret like a new one would.
  if (input.config.type === 'http' && entryOf(current, id).secrets.length === 0) {
    await deps.stores.destinations.rotate(row.pk, newSecret(), 0, new Date());
    return entryOf((await deps.registry.refresh()).tenant(tenant.id)!, id);
  }
  return entryOf(current, id);
}

export async function deleteDestination(deps: DestinationDeps, tenant: LiveTenant, id: string): Promise<void> {
  writable(entryOf(tenant, id));
  if (!(await deps.stores.destinations.delete(tenant.id, id))) throw notFound('destination');
  await deps.registry.refresh();
}

export function secretsView(entry: DestinationEntry, now: number) {
  if (entry.config.type !== 'http') throw new ApiError(409, 'conflict', `${entry.config.type} destinations are not signed`);
  return {
    id: entry.config.id,
    secrets: entry.secrets.filter((s) => s.expiresAt === undefined || Date.parse(s.expiresAt) > now),
  };
}

export async function rotateSecret(
  deps: DestinationDeps,
  tenant: LiveTenant,
  id: string,
  request: { secret?: string; overlap: number },
) {
  const entry = writable(entryOf(tenant, id));
  if (entry.config.type !== 'http') throw new ApiError(409, 'conflict', `${entry.config.type} destinations are not signed`);
  const now = new Date();
  await deps.stores.destinations.rotate(entry.pk!, request.secret ?? newSecret(), request.overlap, now);
  return secretsView(entryOf((await deps.registry.refresh()).tenant(tenant.id)!, id), now.getTime());
}
