// Two processes starting together against one empty PostgreSQL database: both migrate, each
// migration is applied once (Kysely's migrator holds an advisory lock), neither fails.
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS } from '../../../src/store/migrations';
import { spawnLogged } from '../../helpers/process';
import { createTestDatabase } from '../../helpers/postgres';

const DIST = join(__dirname, '..', '..', '..', 'dist', 'src', 'store', 'database.js');
const OPEN = `require(${JSON.stringify(DIST)}).openDatabase({ url: process.env.URL, dataDir: '' }).then((d) => d.close()).then(() => console.log('migrated'))`;

test('two processes migrating one database at once: both succeed, each migration applied once', async () => {
  const url = await createTestDatabase('race');
  const starts = [0, 1].map(() => spawnLogged(process.execPath, ['-e', OPEN], { env: { ...process.env, URL: url } }));
  const exits = await Promise.all(starts.map((p) => p.exited));
  expect(exits).toEqual([0, 0]);
  for (const p of starts) expect(p.output()).toContain('migrated');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>('select name from barrage_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS);
    const version = await client.query<{ n: string }>('select count(*) as n from registry_version');
    expect(version.rows[0].n).toBe('1');
  } finally {
    await client.end();
  }
});
