// A registry change reaches every other process within a second (the bound), on both
// engines; the periodic check catches a change whose notification never came.
import { sql } from 'kysely';
import { createApiKeyStore } from '../../../src/store/api-keys';
import { watchRegistry } from '../../../src/store/changes';
import { openDatabase, type Database } from '../../../src/store/database';
import { createTenantStore, TenantExistsError } from '../../../src/store/tenants';
import { createTestDatabase } from '../../helpers/postgres';

/** Resolves with the version and how long it took once `onChange` has fired `count` times. */
function changes(count: number) {
  const seen: number[] = [];
  let done!: (v: { versions: number[]; ms: number }) => void;
  const started = { at: Date.now() };
  const reached = new Promise<{ versions: number[]; ms: number }>((resolve) => (done = resolve));
  return {
    onChange: (version: number) => {
      seen.push(version);
      if (seen.length === count) done({ versions: [...seen], ms: Date.now() - started.at });
    },
    start: () => (started.at = Date.now()),
    reached: (timeoutMs: number) =>
      Promise.race([
        reached,
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error(`saw ${seen.length} of ${count} changes`)), timeoutMs),
        ),
      ]),
    seen,
  };
}

describe('on PostgreSQL, between two processes’ connections', () => {
  let writer: Database;
  let reader: Database;
  beforeAll(async () => {
    const url = await createTestDatabase('changes');
    writer = await openDatabase({ url, dataDir: '' });
    reader = await openDatabase({ url, dataDir: '' });
  }, 60_000);
  afterAll(async () => {
    await writer?.close();
    await reader?.close();
  });

  test('a tenant created and a key revoked through one are seen by the other within 1 s', async () => {
    const feed = changes(3);
    const watch = await watchRegistry(reader, { onChange: feed.onChange, checkEveryMs: 60_000 });
    try {
      const base = watch.version();
      feed.start();
      await createTenantStore(writer.db).create({ id: 'acme', namespace: 'acme', managed_by: 'api' });
      await expect(createTenantStore(writer.db).create({ id: 'acme', namespace: 'x', managed_by: 'api' })).rejects.toThrow(
        TenantExistsError,
      );
      const keys = createApiKeyStore(writer.db);
      const { record } = await keys.create('acme');
      await keys.revoke('acme', record.id);
      const { versions, ms } = await feed.reached(5_000);
      // Three changes (the refused duplicate is none), in order, each announced at commit.
      expect(versions).toEqual([base + 1, base + 2, base + 3]);
      expect(ms).toBeLessThan(1_000);
    } finally {
      await watch.close();
    }
  });

  test('a change whose notification never came is found by the periodic check', async () => {
    const feed = changes(1);
    const watch = await watchRegistry(reader, { onChange: feed.onChange, checkEveryMs: 200 });
    try {
      await sql`update registry_version set version = version + 1 where id = 1`.execute(writer.db);
      const { versions } = await feed.reached(5_000);
      expect(versions).toEqual([watch.version()]);
    } finally {
      await watch.close();
    }
  });
});

test('on PGlite, a change is announced in process', async () => {
  const database = await openDatabase({ url: '', dataDir: 'memory://' });
  const feed = changes(1);
  const watch = await watchRegistry(database, { onChange: feed.onChange, checkEveryMs: 60_000 });
  try {
    await createTenantStore(database.db).create({ id: 'acme', namespace: 'acme', managed_by: 'api' });
    expect((await feed.reached(5_000)).versions).toEqual([1]);
  } finally {
    await watch.close();
    await database.close();
  }
});
