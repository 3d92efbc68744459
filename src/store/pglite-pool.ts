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
    let release!: () => void;
    const previous = this.#free;
    this.#free = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return {
      query: async (sql, parameters) => {
        const result = await this.db.query(sql, [...parameters]);
        return { command: commandOf(sql), rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
      },
      release,
    };
  }

  async end(): Promise<void> {
    await this.#free;
    await this.db.close();
  }
}

/** pg reports the statement's command; Kysely reads it to count affected rows and aborted commits. */
function commandOf(sql: string): string {
  return (/^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1] ?? '').toUpperCase();
}
