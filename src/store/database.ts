// Opens the registry database: PostgreSQL when a URL is configured, else the embedded PGlite
// under a data directory. Either way the schema is migrated before anything else uses it.
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import { migrateToLatest } from './migrations';
import { PGlitePool } from './pglite-pool';
import type { Tables } from './tables';

export type Engine = 'postgres' | 'pglite';

export interface Database {
  db: Kysely<Tables>;
  engine: Engine;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; empty → the embedded PGlite. */
  url: string;
  /** The embedded database's directory; "memory://" keeps it in memory (tests). */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const engine: Engine = options.url ? 'postgres' : 'pglite';
  const pool = engine === 'postgres' ? await postgresPool(options.url) : await pglitePool(options.dataDir);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, engine, close: () => db.destroy() };
}

async function postgresPool(url: string) {
  const { Pool } = await import('pg');
  return new Pool({ connectionString: url, max: 10 });
}

async function pglitePool(dataDir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  return new PGlitePool(await PGlite.create(dataDir)) as unknown as import('pg').Pool;
}
