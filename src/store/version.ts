import { sql, type Kysely, type Transaction } from 'kysely';
import type { Tables } from './tables';

/** The channel every registry change is announced on, with the new version as the payload. */
export const REGISTRY_CHANNEL = 'barrage_registry';

/**
 * Every registry change bumps the version in its own transaction and announces it. NOTIFY is sent
 * at commit, so no process hears of a change it cannot yet read; one that misses the message
 * still sees the version move on its next periodic check.
 */
export async function bumpVersion(tx: Transaction<Tables>): Promise<void> {
  await sql`with bumped as (update registry_version set version = version + 1 where id = 1 returning version)
    select pg_notify(${REGISTRY_CHANNEL}, version::text) from bumped`.execute(tx);
}

export async function registryVersion(db: Kysely<Tables>): Promise<number> {
  const row = await db.selectFrom('registry_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.version);
}
