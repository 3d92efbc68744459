// Where destinations' health is kept: PostgreSQL (or the embedded PGlite) when the process has a
// database, so every worker shares one breaker per destination and it survives restarts; memory
// otherwise (`barrage start` without database.url: one process, nothing to share with).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { Tables } from '../store/tables';
import { CLOSED, type Health } from './breaker';

export const HEALTH_CHANNEL = 'barrage_health';

export interface DestinationKey {
  tenantId: string;
  destinationId: string;
}

export interface HealthRow extends DestinationKey {
  health: Health;
}

export interface HealthStore {
  /** Applies `change` to the current health under a row lock; a returned `next` is written and announced. */
  update<T>(key: DestinationKey, change: (h: Health) => { next?: Health; value: T }): Promise<T>;
  read(key: DestinationKey): Promise<Health>;
  /** Every destination whose health was ever written (the rest are closed): all tenants', or one's. */
  readAll(tenantId?: string): Promise<HealthRow[]>;
  /** Called with each written row, from any process; resolves to the unsubscribe. */
  watch(onRow: (row: HealthRow) => void): Promise<() => Promise<void>>;
}

export function databaseHealthStore(database: Database): HealthStore {
  const db = database.db as Kysely<Tables>;
  const where = (key: DestinationKey) => sql`tenant_id = ${key.tenantId} and destination_id = ${key.destinationId}`;
  return {
    async update(key, change) {
      return db.transaction().execute(async (tx) => {
        await sql`insert into destination_health (tenant_id, destination_id, health) values (${key.tenantId}, ${key.destinationId}, ${JSON.stringify(CLOSED)})
          on conflict do nothing`.execute(tx);
        const { rows } = await sql<{
          health: Health;
        }>`select health from destination_health where ${where(key)} for update`.execute(tx);
        const { next, value } = change(rows[0]?.health ?? CLOSED);
        if (next) {
          const json = JSON.stringify(next);
          await sql`update destination_health set health = ${json}, updated_at = now() where ${where(key)}`.execute(tx);
          // Sent at commit: a process hears of the row only once it can read it.
          await sql`select pg_notify(${HEALTH_CHANNEL}, ${JSON.stringify({ ...key, health: next })})`.execute(tx);
        }
        return value;
      });
    },
    async read(key) {
      const { rows } = await sql<{ health: Health }>`select health from destination_health where ${where(key)}`.execute(db);
      return rows[0]?.health ?? CLOSED;
    },
    async readAll(tenantId) {
      const only = tenantId === undefined ? sql`` : sql`where tenant_id = ${tenantId}`;
      const { rows } = await sql<{ tenant_id: string; destination_id: string; health: Health }>`
        select tenant_id, destination_id, health from destination_health ${only}`.execute(db);
      return rows.map((r) => ({ tenantId: r.tenant_id, destinationId: r.destination_id, health: r.health }));
    },
    watch: (onRow) => database.listen(HEALTH_CHANNEL, (payload) => onRow(JSON.parse(payload) as HealthRow)),
  };
}

export function memoryHealthStore(): HealthStore {
  const rows = new Map<string, HealthRow>();
  const watchers = new Set<(row: HealthRow) => void>();
  const id = (key: DestinationKey) => JSON.stringify([key.tenantId, key.destinationId]);
  return {
    async update(key, change) {
      const { next, value } = change(rows.get(id(key))?.health ?? CLOSED);
      if (next) {
        const row = { tenantId: key.tenantId, destinationId: key.destinationId, health: next };
        rows.set(id(key), row);
        for (const watcher of watchers) watcher(row);
      }
      return value;
    },
    read: async (key) => rows.get(id(key))?.health ?? CLOSED,
    readAll: async (tenantId) => [...rows.values()].filter((r) => tenantId === undefined || r.tenantId === tenantId),
    async watch(onRow) {
      watchers.add(onRow);
      return async () => void watchers.delete(onRow);
    },
  };
}
