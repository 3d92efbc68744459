import { sql, type Transaction } from 'kysely';
import type { Tables } from './tables';

/** Every registry change bumps the version in the same transaction, so no change can go unseen. */
export async function bumpVersion(tx: Transaction<Tables>): Promise<void> {
  await sql`update registry_version set version = version + 1 where id = 1`.execute(tx);
}
