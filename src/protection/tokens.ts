// A destination's rateLimit.burst, shared by every worker: a token bucket holding at most `burst`
// attempts, refilled at the rate. Temporal's task-queue limit keeps attempts near the rate without
// anyone polling, but its bucket always holds one second's worth; this trims the bursts to what
// the destination's owner asked for. Only destinations with a burst pay its round trip.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/database';
import type { Tables } from '../store/tables';
import type { DestinationKey } from './health-store';

export interface TokenBuckets {
  /** True when a token was taken; false when the bucket is empty. */
  take(key: DestinationKey, perSecond: number, burst: number): Promise<boolean>;
}

export function databaseTokens(database: Database): TokenBuckets {
  const db = database.db as Kysely<Tables>;
  return {
    async take(key, perSecond, burst) {
      // One statement, so two workers cannot both take the last token; a full bucket to start.
      const filled = sql`least(${burst}::float8, destination_tokens.tokens + extract(epoch from (clock_timestamp() - destination_tokens.at)) * ${perSecond}::float8)`;
      const { rows } = await sql<{ tokens: number }>`
        insert into destination_tokens (tenant_id, destination_id, tokens, at)
        values (${key.tenantId}, ${key.destinationId}, ${burst - 1}::float8, clock_timestamp())
        on conflict (tenant_id, destination_id) do update
          set tokens = ${filled} - 1, at = clock_timestamp()
          where ${filled} >= 1
        returning tokens`.execute(db);
      return rows.length > 0;
    },
  };
}

export function memoryTokens(now: () => number = Date.now): TokenBuckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(key, perSecond, burst) {
      const id = JSON.stringify([key.tenantId, key.destinationId]);
      const at = now();
      const bucket = buckets.get(id);
      const tokens = bucket ? Math.min(burst, bucket.tokens + ((at - bucket.at) / 1000) * perSecond) : burst;
      if (tokens < 1) return false;
      buckets.set(id, { tokens: tokens - 1, at });
      return true;
    },
  };
}
