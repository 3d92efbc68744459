// A destination's maxInFlight, counted across every worker: an attempt takes a lease before its
// request and gives it back after. A lease whose worker died expires after the attempt's timeout,
// so a crash cannot shrink the destination's share for longer than one attempt could have run.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { Tables } from '../store/tables';
import type { DestinationKey } from './health-store';

export interface InFlightLeases {
  /** A lease id, or undefined when `max` attempts are in flight already. */
  acquire(key: DestinationKey, max: number, ttlMs: number): Promise<string | undefined>;
  release(lease: string): Promise<void>;
}

export function databaseLeases(database: Database): InFlightLeases {
  const db = database.db as Kysely<Tables>;
  return {
    acquire: (key, max, ttlMs) =>
      db.transaction().execute(async (tx) => {
        // Attempts to one destination take their leases one at a time; others are not held up.
        await sql`select pg_advisory_xact_lock(hashtext(${`barrage.leases:${key.tenantId}:${key.destinationId}`}))`.execute(tx);
        const mine = sql`tenant_id = ${key.tenantId} and destination_id = ${key.destinationId}`;
        await sql`delete from destination_leases where ${mine} and expires_at < now()`.execute(tx);
        const { rows } = await sql<{ n: string }>`select count(*) as n from destination_leases where ${mine}`.execute(tx);
        if (Number(rows[0].n) >= max) return undefined;
        const id = randomUUID();
        await sql`insert into destination_leases (id, tenant_id, destination_id, expires_at)
          values (${id}, ${key.tenantId}, ${key.destinationId}, now() + ${`${ttlMs} milliseconds`}::interval)`.execute(tx);
        return id;
      }),
    async release(lease) {
      await sql`delete from destination_leases where id = ${lease}`.execute(db);
    },
  };
}

export function memoryLeases(now: () => number = Date.now): InFlightLeases {
  const leases = new Map<string, { key: string; expiresAt: number }>();
  return {
    async acquire(key, max, ttlMs) {
      const id = JSON.stringify([key.tenantId, key.destinationId]);
      const at = now();
      let held = 0;
      for (const [lease, l] of leases) {
        if (l.expiresAt < at) leases.delete(lease);
        else if (l.key === id) held++;
      }
      if (held >= max) return undefined;
      const lease = randomUUID();
      leases.set(lease, { key: id, expiresAt: at + ttlMs });
      return lease;
    },
    async release(lease) {
      leases.delete(lease);
    },
  };
}
