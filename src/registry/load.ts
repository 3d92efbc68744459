// Builds a snapshot: the config file's tenants as they are, then the database's rows on top.
import {
  destinationSchema,
  tenantSettingsSchema,
  type BarrageConfig,
  type DestinationConfig,
  type TenantConfig,
} from '../config';
import type { Logger } from '../telemetry/logger';
import type { OpenedSecret } from '../store/destinations';
import type { Stores } from './stores';
import { keyDigest, RegistrySnapshot, type DestinationEntry, type LiveTenant } from './snapshot';
import { registryVersion } from '../store/version';
import type { DestinationRow, EventTypeRow } from '../store/tables';
import { compileSchema } from '../event-types/schemas';
import { catalogTypeOf, type CatalogType } from '../event-types/types';

/** The API's destinations are parsed with no environment: "env:NAME" never reads this process's. */
const API_ENV = {};

export function configSnapshot(config: BarrageConfig): RegistrySnapshot {
  return new RegistrySnapshot(0, config.tenants.map(configTenant), configKeys(config));
}

/** The config file's keys by digest; the database's are added beside them. */
function configKeys(config: BarrageConfig): Map<string, { tenantId: string; keyId?: string }> {
  return new Map(config.tenants.flatMap((t) => t.apiKeys.map((key) => [keyDigest(key), { tenantId: t.id }] as const)));
}

/**
 * What one load parsed and opened, for the next: a row whose `updated_at` did not move is not
 * parsed again and a secret is not decrypted again, so a change costs little with many destinations.
 */
export interface LoadCache {
  parsed: Map<string, DestinationEntry | undefined>;
  secrets: Map<string, string>;
  /** Event types by tenant, name and updated_at: a schema is compiled once per version. */
  types: Map<string, CatalogType>;
}

export const emptyLoadCache = (): LoadCache => ({ parsed: new Map(), secrets: new Map(), types: new Map() });

export async function loadSnapshot(
  config: BarrageConfig,
  stores: Stores,
  logger: Logger,
  cache: LoadCache = emptyLoadCache(),
  now = new Date(),
): Promise<RegistrySnapshot> {
  // The version first: the rows read after it are at least that new.
  const version = await registryVersion(stores.db);
  const [tenantRows, keyRows, destinationRows, deleted, typeRows] = await Promise.all([
    stores.tenants.all(),
    stores.apiKeys.all(),
    stores.destinations.all(),
    stores.destinations.deletedIds(),
    stores.eventTypes.all(),
  ]);
  const secrets = await stores.destinations.secrets(
    destinationRows.map((d) => d.pk),
    now,
    cache.secrets,
  );
  const next = emptyLoadCache();
  for (const list of secrets.values()) for (const s of list) next.secrets.set(s.id, s.secret);
  const tenants = new Map<string, LiveTenant>(config.tenants.map((t) => [t.id, configTenant(t)]));
  const keys = configKeys(config);
  for (const row of tenantRows) {
    if (tenants.has(row.id)) continue;
    tenants.set(row.id, {
      ...{ id: row.id, namespace: row.namespace, apiKeys: [], destinations: [], sources: [] },
      ...storedSettings(row, logger),
      managedBy: 'api',
      createdAt: row.created_at.toISOString(),
      entries: new Map(),
      deleted: new Set(),
      eventTypes: new Map(),
    });
  }
  for (const row of keyRows) if (tenants.has(row.tenant_id)) keys.set(row.hash, { tenantId: row.tenant_id, keyId: row.id });
  for (const row of deleted) tenants.get(row.tenant_id)?.deleted.add(row.id);
  for (const row of destinationRows) {
    const tenant = tenants.get(row.tenant_id);
    if (!tenant || tenant.entries.has(row.id)) continue;
    const entry = cachedEntry(cache, next, row, secrets.get(row.pk) ?? [], logger);
    if (!entry) continue;
    tenant.entries.set(row.id, entry);
    if (!entry.disabled) tenant.destinations.push(entry.config);
  }
  for (const row of typeRows) tenants.get(row.tenant_id)?.eventTypes?.set(row.name, cachedType(cache, next, row, logger));
  Object.assign(cache, next);
  return new RegistrySnapshot(version, [...tenants.values()], keys);
}

function cachedEntry(cache: LoadCache, next: LoadCache, row: DestinationRow, secrets: OpenedSecret[], logger: Logger) {
  const key = `${row.pk}@${row.updated_at.toISOString()}`;
  const known = cache.parsed.get(key);
  const parsed = known ?? (cache.parsed.has(key) ? undefined : apiEntry(row, [], logger));
  next.parsed.set(key, parsed);
  // Secrets change without the row (rotation and expiry), so they are attached every time.
  return parsed && { ...parsed, secrets: secretsOf(secrets) };
}

function cachedType(cache: LoadCache, next: LoadCache, row: EventTypeRow, logger: Logger): CatalogType {
  const key = `${row.tenant_id}/${row.name}@${row.updated_at.toISOString()}`;
  let type = cache.types.get(key);
  if (!type) {
    const compiled = row.schema === null ? undefined : compileSchema(row.schema);
    // Stored by a version whose validator took it: this one's refuses it. Events of the type are
    // then accepted unchecked rather than refused for a problem the sender cannot fix.
    if (compiled && !compiled.ok)
      logger.error(
        { tenant: row.tenant_id, eventType: row.name, problems: compiled.problems },
        'stored event-type schema does not compile: not checked',
      );
    type = catalogTypeOf(row, compiled?.ok ? compiled.validate : undefined);
  }
  next.types.set(key, type);
  return type;
}

function configTenant(t: TenantConfig): LiveTenant {
  const entries = new Map<string, DestinationEntry>(
    t.destinations.map((d) => [
      d.id,
      {
        config: d,
        managedBy: 'config',
        description: '',
        metadata: {},
        disabled: false,
        secrets:
          d.type === 'http' && d.secret !== undefined
            ? [d.secret].flat().map((secret, i) => ({ id: `config-${i}`, secret }))
            : [],
      },
    ]),
  );
  return { ...t, destinations: [...t.destinations], managedBy: 'config', entries, deleted: new Set(), eventTypes: new Map() };
}

/** A tenant's stored settings; ones a newer version wrote in a shape this one refuses are left out, loudly. */
function storedSettings(row: { id: string; settings: Record<string, unknown> | null }, logger: Logger) {
  if (!row.settings) return {};
  const parsed = tenantSettingsSchema.safeParse(row.settings);
  if (parsed.success) return parsed.data;
  logger.error({ tenant: row.id, issues: parsed.error.issues }, 'stored tenant settings do not parse: left out');
  return {};
}

/** Parses a stored destination; one a newer version wrote in a shape this one refuses is skipped, loudly. */
export function parseSpec(id: string, spec: Record<string, unknown>) {
  return destinationSchema(API_ENV).safeParse({ ...spec, id });
}

/** Secrets as the API shows them (times as RFC 3339). */
export const secretsOf = (secrets: OpenedSecret[]) =>
  secrets.map((s) => ({
    id: s.id,
    secret: s.secret,
    createdAt: s.createdAt.toISOString(),
    ...(s.expiresAt ? { expiresAt: s.expiresAt.toISOString() } : {}),
  }));

function apiEntry(row: DestinationRow, secrets: OpenedSecret[], logger: Logger): DestinationEntry | undefined {
  const parsed = parseSpec(row.id, row.spec);
  if (!parsed.success) {
    logger.error(
      { tenant: row.tenant_id, destination: row.id, issues: parsed.error.issues },
      'stored destination does not parse: skipped',
    );
    return undefined;
  }
  const config: DestinationConfig = parsed.data;
  return {
    config,
    managedBy: 'api',
    description: row.description,
    metadata: row.metadata,
    disabled: row.disabled,
    ...(row.disabled && row.disabled_at ? { disabledAt: row.disabled_at.toISOString() } : {}),
    ...(row.disabled && row.disabled_reason ? { disabledReason: row.disabled_reason } : {}),
    spec: row.spec,
    pk: row.pk,
    secrets: secretsOf(secrets),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
