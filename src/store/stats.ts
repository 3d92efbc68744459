// Per-destination attempt aggregates: counts and a latency sketch per minute and per hour, and
// each destination's last attempt. Workers add to them in batches; pruning keeps only what the
// longest window reads.
import { sql, type Kysely } from 'kysely';
import type { DestinationStatsRow, LastAttemptRow, Tables } from './tables';

export type Granularity = 'minute' | 'hour';

export interface StatsDelta {
  tenantId: string;
  destinationId: string;
  granularity: Granularity;
  bucket: Date;
  attempts: number;
  delivered: number;
  failed: number;
  latency: readonly number[];
}

export interface LastAttempt {
  tenantId: string;
  destinationId: string;
  at: Date;
  outcome: string;
  statusCode?: number;
  error?: string;
}

/** As PostgreSQL writes an integer array, so both drivers (pg, PGlite) pass it the same way. */
const intArray = (values: readonly number[]) => sql<number[]>`${`{${values.join(',')}}`}::integer[]`;

export function createStatsStore(db: Kysely<Tables>) {
  return {
    /** One transaction; rows in key order, so two workers adding at once lock in the same order. */
    async add(deltas: readonly StatsDelta[], lasts: readonly LastAttempt[]): Promise<void> {
      if (deltas.length === 0 && lasts.length === 0) return;
      const key = (d: StatsDelta) => `${d.tenantId}\u0000${d.destinationId}\u0000${d.granularity}\u0000${d.bucket.toISOString()}`;
      const sorted = [...deltas].sort((a, b) => (key(a) < key(b) ? -1 : 1));
      await db.transaction().execute(async (tx) => {
        if (sorted.length) await addCounts(tx, sorted);
        const lastKey = (l: LastAttempt) => `${l.tenantId}\u0000${l.destinationId}`;
        for (const last of [...lasts].sort((a, b) => (lastKey(a) < lastKey(b) ? -1 : 1))) await setLast(tx, last);
      });
    },

    /** Drops minutes before `minutesBefore` and hours before `hoursBefore`; how many rows went. */
    async prune(minutesBefore: Date, hoursBefore: Date): Promise<number> {
      const result = await db
        .deleteFrom('destination_stats')
        .where((eb) =>
          eb.or([
            eb.and([eb('granularity', '=', 'minute'), eb('bucket', '<', minutesBefore)]),
            eb.and([eb('granularity', '=', 'hour'), eb('bucket', '<', hoursBefore)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** A tenant's rows (one destination's, when given) from `since` on, oldest first. */
    async range(q: {
      tenantId: string;
      destinationId?: string;
      granularity: Granularity;
      since: Date;
    }): Promise<DestinationStatsRow[]> {
      let query = db
        .selectFrom('destination_stats')
        .selectAll()
        .where('tenant_id', '=', q.tenantId)
        .where('granularity', '=', q.granularity)
        .where('bucket', '>=', q.since);
      if (q.destinationId !== undefined) query = query.where('destination_id', '=', q.destinationId);
      const rows = await query.orderBy('bucket').execute();
      return rows.map((r) => ({ ...r, latency: parsedArray(r.latency) }));
    },

    async lastAttempts(tenantId: string, destinationId?: string): Promise<LastAttemptRow[]> {
      let query = db.selectFrom('destination_last_attempts').selectAll().where('tenant_id', '=', tenantId);
      if (destinationId !== undefined) query = query.where('destination_id', '=', destinationId);
      return query.execute();
    },
  };
}

async function addCounts(tx: Kysely<Tables>, deltas: readonly StatsDelta[]): Promise<void> {
  await tx
    .insertInto('destination_stats')
    .values(
      deltas.map((d) => ({
        tenant_id: d.tenantId,
        destination_id: d.destinationId,
        granularity: d.granularity,
        bucket: d.bucket,
        attempts: d.attempts,
        delivered: d.delivered,
        failed: d.failed,
        latency: intArray(d.latency),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'destination_id', 'granularity', 'bucket']).doUpdateSet({
        attempts: sql`destination_stats.attempts + excluded.attempts`,
        delivered: sql`destination_stats.delivered + excluded.delivered`,
        failed: sql`destination_stats.failed + excluded.failed`,
        latency: sql`(select array_agg(a + b order by i) from unnest(destination_stats.latency, excluded.latency) with ordinality as t(a, b, i))`,
      }),
    )
    .execute();
}

/** The newest attempt wins, whichever worker flushes last. */
async function setLast(tx: Kysely<Tables>, last: LastAttempt): Promise<void> {
  const row = {
    tenant_id: last.tenantId,
    destination_id: last.destinationId,
    at: last.at,
    outcome: last.outcome,
    status_code: last.statusCode ?? null,
    error: last.error ?? null,
  };
  await tx
    .insertInto('destination_last_attempts')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'destination_id'])
        .doUpdateSet({ at: row.at, outcome: row.outcome, status_code: row.status_code, error: row.error })
        .where('destination_last_attempts.at', '<=', row.at),
    )
    .execute();
}

/** pg parses integer[]; a driver that hands back PostgreSQL's text form is parsed here. */
function parsedArray(value: unknown): number[] {
  if (Array.isArray(value)) return value.map(Number);
  if (typeof value === 'string') return value.replace(/[{}]/g, '').split(',').filter(Boolean).map(Number);
  return [];
}
