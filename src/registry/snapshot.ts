// The registry as one process sees it at one moment: config-file tenants and destinations beside
// the API's. Built whole and swapped whole, so a request never sees half a change; the accept
// path reads routes from here and never from the database.
import type { DestinationConfig, TenantConfig } from '../config';
import { hashApiKey } from '../store/api-keys';
import type { CatalogType } from '../event-types/types';

export type ManagedBy = 'config' | 'api';

export interface SigningSecret {
  id: string;
  secret: string;
  createdAt?: string;
  /** Set while a rotation's overlap runs: signs beside the newer secret until then. */
  expiresAt?: string;
}

/** What the API shows of a destination beyond its delivery settings. */
export interface DestinationEntry {
  config: DestinationConfig;
  managedBy: ManagedBy;
  description: string;
  metadata: Record<string, string>;
  disabled: boolean;
  /** Since when it is disabled, and why when Barrage disabled it (API destinations). */
  disabledAt?: string;
  disabledReason?: string;
  /** The settings as the API took them (PATCH merges onto these); absent for config ones. */
  spec?: Record<string, unknown>;
  pk?: string;
  secrets: SigningSecret[];
  createdAt?: string;
  updatedAt?: string;
}

/** A tenant as every role uses it; `destinations` holds only the enabled ones (routing reads it). */
export interface LiveTenant extends TenantConfig {
  managedBy: ManagedBy;
  createdAt?: string;
  entries: Map<string, DestinationEntry>;
  /** Ids this tenant deleted through the API (not reused since): their deliveries end "cancelled". */
  deleted: Set<string>;
  /** Its event-type catalog, by name (empty without a database). */
  eventTypes?: Map<string, CatalogType>;
}

export interface KeyOwner {
  tenant: LiveTenant;
  /** Set for keys made through the API (their last use is recorded). */
  keyId?: string;
}

/**
 * A found destination comes with its tenant's defaults (a breaker it does not set itself) and,
 * when disabled, since when and why (its waiting deliveries end after disabledRetention).
 */
export type DestinationLookup =
  | {
      kind: 'found';
      destination: DestinationConfig;
      defaults?: TenantConfig['defaults'];
      disabled?: { at: number; reason?: string };
    }
  | { kind: 'deleted' }
  | { kind: 'missing' };

/** The same digest the store keeps for API keys, so both kinds are found in one map. */
export const keyDigest = hashApiKey;

export class RegistrySnapshot {
  private readonly byId = new Map<string, LiveTenant>();

  constructor(
    readonly version: number,
    readonly tenants: readonly LiveTenant[],
    private readonly keys: ReadonlyMap<string, { tenantId: string; keyId?: string }>,
  ) {
    for (const tenant of tenants) this.byId.set(tenant.id, tenant);
  }

  tenant(id: string): LiveTenant | undefined {
    return this.byId.get(id);
  }

  /**
   * The offered key is hashed before the lookup, so how long the lookup takes says nothing about
   * how close the offer came to a real key.
   */
  keyOwner(key: string): KeyOwner | undefined {
    const found = this.keys.get(keyDigest(key));
    const tenant = found && this.byId.get(found.tenantId);
    return tenant && { tenant, ...(found.keyId ? { keyId: found.keyId } : {}) };
  }

  /** A destination as an attempt uses it at `now`: with the secrets that still sign then. */
  destination(tenantId: string, destinationId: string, now: number): DestinationLookup {
    const tenant = this.byId.get(tenantId);
    const entry = tenant?.entries.get(destinationId);
    if (!entry) return tenant?.deleted.has(destinationId) ? { kind: 'deleted' } : { kind: 'missing' };
    const found = {
      kind: 'found' as const,
      destination: entry.config,
      defaults: tenant!.defaults,
      ...(entry.disabled && entry.disabledAt
        ? { disabled: { at: Date.parse(entry.disabledAt), reason: entry.disabledReason } }
        : {}),
    };
    if (entry.managedBy === 'config' || entry.config.type !== 'http') return found;
    const signing = entry.secrets.filter((s) => s.expiresAt === undefined || Date.parse(s.expiresAt) > now).map((s) => s.secret);
    return { ...found, destination: { ...entry.config, secret: signing.length ? signing : undefined } };
  }

  namespaces(): string[] {
    return this.tenants.map((t) => t.namespace);
  }
}
