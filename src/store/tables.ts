// The registry's tables as Kysely sees them. Delivery state is not here: it lives in Temporal.
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface TenantsTable {
  id: string;
  namespace: string;
  /** "api" (managed through the API) or "config" (loaded from the config file, read-only). */
  managed_by: string;
  /** `{ defaults?, operatorDestination? }` as the API took them (JSON); null when never set. */
  settings: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  deleted_at: Timestamp | null;
}

export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  name: string | null;
  /** The first characters of the key, to recognise it in a list; never enough to use it. */
  prefix: string;
  /** SHA-256 of the key, hex. The key itself is shown once and never stored. */
  hash: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface RegistryVersionTable {
  id: Generated<number>;
  /** Bumped by every change, so a process that missed a notification sees it on its next check. */
  version: ColumnType<string, string | undefined, string>;
}

export interface DestinationsTable {
  pk: string;
  tenant_id: string;
  id: string;
  /** The destination as the API took it (type and settings), without the secret. */
  spec: ColumnType<Record<string, unknown>, string, string>;
  description: string;
  metadata: ColumnType<Record<string, string>, string, string>;
  disabled: boolean;
  /** Set while disabled: since when, and why when Barrage disabled it (a 410, a circuit open too long). */
  disabled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  disabled_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  deleted_at: Timestamp | null;
}

export interface DestinationSecretsTable {
  id: string;
  destination_pk: string;
  /** AES-256-GCM under security.encryptionKey (see secret-box.ts); never the secret itself. */
  sealed: string;
  created_at: CreatedAt;
  /** Set when a rotation replaces it: it signs beside the new one until then. */
  expires_at: Timestamp | null;
}

/** A destination's circuit breaker, shared by every worker (src/protection/breaker.ts's Health). */
export interface DestinationHealthTable {
  tenant_id: string;
  destination_id: string;
  health: ColumnType<Record<string, unknown>, string, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** An attempt in flight to a destination that has maxInFlight (src/protection/in-flight.ts). */
/** rateLimit.burst's token bucket per destination. */
export interface DestinationTokensTable {
  tenant_id: string;
  destination_id: string;
  tokens: number;
  at: Timestamp;
}

export interface DestinationLeasesTable {
  id: string;
  tenant_id: string;
  destination_id: string;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

/** A secret signing a tenant's one-off deliveries (src/store/tenant-secrets.ts). */
export interface TenantSecretsTable {
  id: string;
  tenant_id: string;
  /** AES-256-GCM under security.encryptionKey, bound to the id. */
  sealed: string;
  created_at: CreatedAt;
  expires_at: Timestamp | null;
}

/** One entry of a tenant's event-type catalog (src/store/event-types.ts). */
export interface EventTypesTable {
  tenant_id: string;
  name: string;
  description: string;
  /** JSON text on write (a JSON value may be a bare string, which the driver would not encode). */
  schema: ColumnType<unknown, string | null, string | null>;
  example: ColumnType<unknown, string | null, string | null>;
  deprecated: boolean;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Attempts to a destination in one minute or hour (src/store/stats.ts). */
export interface DestinationStatsTable {
  tenant_id: string;
  destination_id: string;
  granularity: 'minute' | 'hour';
  bucket: ColumnType<Date, Date | string, Date | string>;
  attempts: number;
  delivered: number;
  failed: number;
  /** src/stats/sketch.ts's histogram. */
  latency: number[];
}

export interface DestinationLastAttemptsTable {
  tenant_id: string;
  destination_id: string;
  at: ColumnType<Date, Date | string, Date | string>;
  outcome: string;
  status_code: number | null;
  error: string | null;
}

/** A tenant portal session (src/store/portal-sessions.ts): digests only, never a code or a cookie. */
export interface PortalSessionsTable {
  id: string;
  tenant_id: string;
  /** SHA-256 of the one-time code; null once exchanged. */
  code_hash: string | null;
  code_expires_at: ColumnType<Date, Date | string, Date | string>;
  /** SHA-256 of the cookie's token; null until the code is exchanged. */
  token_hash: string | null;
  capabilities: string[];
  return_url: string | null;
  /** Who minted it, for audit lines (a key id, an admin key). */
  created_by: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  revoked_at: Timestamp | null;
}

export interface Tables {
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  registry_version: RegistryVersionTable;
  destinations: DestinationsTable;
  destination_secrets: DestinationSecretsTable;
  destination_health: DestinationHealthTable;
  destination_leases: DestinationLeasesTable;
  destination_tokens: DestinationTokensTable;
  tenant_secrets: TenantSecretsTable;
  event_types: EventTypesTable;
  destination_stats: DestinationStatsTable;
  destination_last_attempts: DestinationLastAttemptsTable;
  portal_sessions: PortalSessionsTable;
}

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type DestinationRow = Selectable<DestinationsTable>;
export type DestinationSecretRow = Selectable<DestinationSecretsTable>;
export type EventTypeRow = Selectable<EventTypesTable>;
export type DestinationStatsRow = Selectable<DestinationStatsTable>;
export type LastAttemptRow = Selectable<DestinationLastAttemptsTable>;
export type PortalSessionRow = Selectable<PortalSessionsTable>;
