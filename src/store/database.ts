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
  /** Trouble on a connection nobody is using at that moment (a server restart, say). */
  onError?: (err: Error) => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const onError = options.onError ?? (() => undefined);
  const engine = await (options.url ? postgresEngine(options.url, onError) : pgliteEngine(options.dataDir));
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

async function postgresEngine(url: string, onError: (err: Error) => void): Promise<EngineParts> {
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: url, max: 10 });
  // pg reports an idle connection's loss as an 'error' event: unheard, it would end the process.
  pool.on('error', onError);
  const listen: Database['listen'] = (channel, onMessage) => postgresListener(url, channel, onMessage, onError);
  return { name: 'postgres', pool, listen };
}

/** A connection of its own (a pooled one would be handed to others), reconnected when it drops. */
async function postgresListener(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onError: (err: Error) => void,
): Promise<() => Promise<void>> {
  const { Client } = await import('pg');
  let closed = false;
  let client: import('pg').Client | undefined;
  const open = async (): Promise<void> => {
    const next = new Client({ connectionString: url });
    next.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
    next.on('error', (err) => {
      onError(err);
      next.end().catch(() => undefined);
      // The periodic version check covers what is missed until the listener is back.
      if (!closed) setTimeout(() => void open().catch(onError), 1_000).unref();
    });
    try {
      await next.connect();
      await next.query(`listen ${quoteIdentifier(channel)}`);
    } catch (err) {
      await next.end().catch(() => undefined);
      throw err;
    }
    client = next;
  };
  await open();
  return async () => {
    closed = true;
    await client?.end().catch(() => undefined);
  };
}

async function pgliteEngine(dataDir: string): Promise<EngineParts> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const pool = new PGlitePool(pglite);
  const listen: Database['listen'] = async (channel, onMessage) => {
    const unlisten = await pool.exclusive(() => pglite.listen(channel, onMessage));
    return () => pool.exclusive(() => unlisten());
  };
  return { name: 'pglite', pool: pool as unknown as import('pg').Pool, listen };
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
