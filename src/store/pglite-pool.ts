// PGlite (PostgreSQL as WebAssembly, in process) behind the small part of pg's Pool that Kysely's
// PostgresDialect uses. Both engines then share Kysely's Postgres adapter, query compiler and
// migration lock, so the same SQL and migrations run on both. PGlite has one connection: a client
// is handed out only after the previous one is released, which keeps transactions whole.
import type { PGlite } from '@electric-sql/pglite';

interface PoolClient {
  query(sql: string, parameters: readonly unknown[]): Promise<{ command: string; rowCount: number; rows: unknown[] }>;
  release(): void;
}

export class PGlitePool {
  #free: Promise<void> = Promise.resolve();

  constructor(private readonly db: PGlite) {}

  async connect(): Promise<PoolClient> {
    const release = await this.#acquire();
    // As on PostgreSQL, the COMMIT of a transaction in which a statement failed reports ROLLBACK
    // (Kysely turns that into its aborted-transaction error).
    let failedInTransaction = false;
    return {
      query: async (sql, parameters) => {
        const command = commandOf(sql);
        if (command === 'BEGIN' || command === 'START') failedInTransaction = false;
        try {
          const result = await this.db.query(sql, [...parameters]);
          const reported = command === 'COMMIT' && failedInTransaction ? 'ROLLBACK' : command;
          return { command: reported, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        } catch (err) {
          failedInTransaction = true;
          throw err;
        }
      },
      release,
    };
  }

  /** Runs `work` while holding the one connection (LISTEN must not land inside someone's transaction). */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.#acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  async end(): Promise<void> {
    await this.#free;
    await this.db.close();
  }

  async #acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.#free;
    this.#free = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }
}

/**
 * The statement's command word, as pg reports it: the first word, or for `WITH …` the first word
 * after the common table expressions (their parenthesised bodies are skipped whole).
 */
export function commandOf(sql: string): string {
  const text = sql.trimStart();
  if (!/^with\b/i.test(text)) return (/^(\w+)/.exec(text)?.[1] ?? '').toUpperCase();
  let depth = 0;
  let outside = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0) outside += ch;
  }
  return (/\b(select|insert|update|delete|merge|values)\b/i.exec(outside.replace(/^with\b/i, ''))?.[1] ?? '').toUpperCase();
}
