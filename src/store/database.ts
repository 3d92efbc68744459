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
  /** LISTEN on a channel (its own connection on PostgreSQL); resolves to the unlisten. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… ; empty → the embedded PGlite. */
  url: string;
  /** The embedded database's directory; "memory://" keeps it in memory (tests). */
  dataDir: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const engine = await (options.url ? postgresEngine(options.url) : pgliteEngine(options.dataDir));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool: engine.pool }) });
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, engine: engine.name, listen: engine.listen, close: () => db.destroy() };
}

interface EngineParts {
  name: Engine;
  pool: import('pg').Pool;
  listen: Database['listen'];
}

async function postgresEngine(url: string): Promise<EngineParts> {
  const { Client, Pool } = await import('pg');
  const listen: Database['listen'] = async (channel, onMessage) => {
    // A pooled connection would be handed to others; a listener keeps one of its own.
    const client = new Client({ connectionString: url });
    client.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
    client.on('error', () => undefined);
    await client.connect();
    await client.query(`listen ${quoteIdentifier(channel)}`);
    return () => client.end();
  };
  return { name: 'postgres', pool: new Pool({ connectionString: url, max: 10 }), listen };
}

async function pgliteEngine(dataDir: string): Promise<EngineParts> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const listen: Database['listen'] = async (channel, onMessage) => {
    const unlisten = await pglite.listen(channel, onMessage);
    return () => unlisten();
  };
  return { name: 'pglite', pool: new PGlitePool(pglite) as unknown as import('pg').Pool, listen };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
