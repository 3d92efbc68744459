// Soft deletion, the one way a registry row goes away: it is marked gone, never removed (its id
// stays taken, and pending work can tell "deleted" from "never existed"), in one transaction with
// what goes with it and the version bump that tells every process.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Tables } from './tables';
import { bumpVersion } from './version';

/** The tables whose rows are soft-deleted, and the column that marks a row gone. */
const GONE_COLUMN = { tenants: 'deleted_at', api_keys: 'revoked_at', destinations: 'deleted_at' } as const;
type SoftTable = keyof typeof GONE_COLUMN;

export interface SoftDeletion<T extends SoftTable> {
  table: T;
  /** The live row, by column values (its key, and its tenant where it has one). */
  where: Partial<Record<keyof Tables[T] & string, string>>;
  /** What goes with it, in the same transaction: given the row as marked and the time it was. */
  cascade?: (tx: Transaction<Tables>, row: Selectable<Tables[T]>, at: Date) => Promise<unknown>;
}

/** False when no live row matched (gone already, or never there): then nothing changes. */
export async function softDelete<T extends SoftTable>(db: Kysely<Tables>, deletion: SoftDeletion<T>): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const at = new Date();
    const row = await markGone(tx, deletion, at);
    if (!row) return false;
    await deletion.cascade?.(tx, row, at);
    await bumpVersion(tx);
    return true;
  });
}

async function markGone<T extends SoftTable>(
  tx: Transaction<Tables>,
  deletion: SoftDeletion<T>,
  at: Date,
): Promise<Selectable<Tables[T]> | undefined> {
  const table: string = deletion.table;
  const column: string = GONE_COLUMN[deletion.table];
  // Kysely cannot type a query over a table chosen at run time; SoftDeletion's type checks the
  // table and the keys, GONE_COLUMN the column.
  const untyped = tx as unknown as Transaction<Record<string, Record<string, unknown>>>;
  let query = untyped
    .updateTable(table)
    .set({ [column]: at })
    .where(column, 'is', null);
  for (const [key, value] of Object.entries(deletion.where)) query = query.where(key, '=', value);
  return (await query.returningAll().executeTakeFirst()) as Selectable<Tables[T]> | undefined;
}
