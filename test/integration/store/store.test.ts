// The registry store's own suite, run on both engines: a real PostgreSQL server (the test setup's
// private cluster) and the embedded PGlite. Same SQL, same migrations, same answers.
import { sql } from 'kysely';
import { createApiKeyStore, hashApiKey } from '../../../src/store/api-keys';
import { openDatabase, type Database, type Engine } from '../../../src/store/database';
import { migrateToLatest, MIGRATIONS } from '../../../src/store/migrations';
import { createTenantStore, TenantExistsError } from '../../../src/store/tenants';
import { createTestDatabase } from '../../helpers/postgres';

const engines: Engine[] = ['postgres', 'pglite'];

describe.each(engines)('registry store on %s', (engine) => {
  let database: Database;
  let url = '';
  beforeAll(async () => {
    url = engine === 'postgres' ? await createTestDatabase('store') : '';
    database = await openDatabase({ url, dataDir: 'memory://' });
  }, 60_000);
  afterAll(() => database?.close());

  const version = async () =>
    Number((await sql<{ version: string }>`select version from registry_version`.execute(database.db)).rows[0].version);

  test('opens on the engine it was asked for, with every migration applied once', async () => {
    expect(database.engine).toBe(engine);
    const applied = await database.db
      .selectFrom('barrage_migrations' as never)
      .select(sql<string>`name`.as('name'))
      .execute();
    expect(applied.map((r) => r.name)).toEqual(MIGRATIONS);
  });

  test('migrating again is a no-op', async () => {
    expect(await migrateToLatest(database.db as never)).toEqual([]);
  });

  test('tenants: create, get, list in pages, refuse a duplicate id or namespace, delete', async () => {
    const tenants = createTenantStore(database.db);
    const before = await version();
    await tenants.create({ id: 'acme', namespace: 'acme', managed_by: 'api' });
    await tenants.create({ id: 'beta', namespace: 'ns-beta', managed_by: 'config' });
    await expect(tenants.create({ id: 'acme', namespace: 'other', managed_by: 'api' })).rejects.toThrow(TenantExistsError);
    await expect(tenants.create({ id: 'gamma', namespace: 'acme', managed_by: 'api' })).rejects.toThrow(TenantExistsError);
    expect(await version()).toBe(before + 2);
    expect(await tenants.get('beta')).toMatchObject({ id: 'beta', namespace: 'ns-beta', managed_by: 'config', deleted_at: null });
    expect((await tenants.list({ limit: 1 })).map((t) => t.id)).toEqual(['acme']);
    expect((await tenants.list({ limit: 5, after: 'acme' })).map((t) => t.id)).toEqual(['beta']);
    expect(await tenants.delete('beta')).toBe(true);
    expect(await tenants.delete('beta')).toBe(false);
    expect(await tenants.get('beta')).toBeUndefined();
    // Deleted tenants keep their row: the id and namespace are not handed to someone else.
    await expect(tenants.create({ id: 'beta', namespace: 'ns-new', managed_by: 'api' })).rejects.toThrow(TenantExistsError);
  });

  test('tenant settings: keys set and removed in one statement; changes at once all apply', async () => {
    const tenants = createTenantStore(database.db);
    await tenants.create({ id: 'settled', namespace: 'settled', managed_by: 'api' });
    expect(await tenants.patchSettings('settled', { defaults: { maxInFlight: 3 } }, [])).toBe(true);
    await Promise.all([
      tenants.patchSettings('settled', { operatorDestination: 'ops' }, []),
      tenants.patchSettings('settled', { defaults: { ttl: 2000 } }, []),
    ]);
    expect((await tenants.get('settled'))?.settings).toEqual({ defaults: { ttl: 2000 }, operatorDestination: 'ops' });
    expect(await tenants.patchSettings('settled', {}, ['operatorDestination'])).toBe(true);
    expect((await tenants.get('settled'))?.settings).toEqual({ defaults: { ttl: 2000 } });
    expect(await tenants.patchSettings('nobody', {}, ['defaults'])).toBe(false);
  });

  test('API keys: shown once, stored as a hash only, found by the key, revoked', async () => {
    const keys = createApiKeyStore(database.db);
    const { key, record } = await keys.create('acme', 'ci');
    expect(key).toMatch(/^bk_[A-Za-z0-9_-]{32}$/);
    expect(record).toMatchObject({ tenant_id: 'acme', name: 'ci', prefix: key.slice(0, 10), hash: hashApiKey(key) });
    const rows = await sql<Record<string, unknown>>`select * from api_keys`.execute(database.db);
    expect(JSON.stringify(rows.rows)).not.toContain(key);
    expect((await keys.findByKey(key))?.id).toBe(record.id);
    expect(await keys.findByKey(`${key}x`)).toBeUndefined();
    expect((await keys.list('acme')).map((k) => k.id)).toEqual([record.id]);
    expect(await keys.revoke('other-tenant', record.id)).toBe(false);
    expect(await keys.revoke('acme', record.id)).toBe(true);
    expect(await keys.findByKey(key)).toBeUndefined();
    expect(await keys.list('acme')).toEqual([]);
  });

  test('a transaction in which a statement failed does not commit', async () => {
    const tenants = createTenantStore(database.db);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await tx.insertInto('tenants').values({ id: 'half', namespace: 'half', managed_by: 'api' }).execute();
        await sql`select 1 / 0`.execute(tx).catch(() => undefined);
      }),
    ).rejects.toThrow();
    expect(await tenants.get('half')).toBeUndefined();
  });

  test('deleting a tenant revokes its keys with it', async () => {
    const tenants = createTenantStore(database.db);
    const keys = createApiKeyStore(database.db);
    await tenants.create({ id: 'leaving', namespace: 'leaving', managed_by: 'api' });
    const { key } = await keys.create('leaving');
    expect(await keys.findByKey(key)).toBeDefined();
    await tenants.delete('leaving');
    expect(await keys.findByKey(key)).toBeUndefined();
  });

  test('a soft delete keeps the row, marked, with one version bump; a repeat changes nothing', async () => {
    const tenants = createTenantStore(database.db);
    const keys = createApiKeyStore(database.db);
    await tenants.create({ id: 'soft', namespace: 'soft', managed_by: 'api' });
    const { record } = await keys.create('soft');
    const before = await version();
    expect(await keys.revoke('soft', record.id)).toBe(true);
    expect(await version()).toBe(before + 1);
    expect(await keys.revoke('soft', record.id)).toBe(false);
    expect(await tenants.delete('soft')).toBe(true);
    expect(await tenants.delete('soft')).toBe(false);
    expect(await version()).toBe(before + 2);
    const row = await database.db.selectFrom('tenants').selectAll().where('id', '=', 'soft').executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeInstanceOf(Date);
    const key = await database.db.selectFrom('api_keys').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
    expect(key.revoked_at).toBeInstanceOf(Date);
  });

  test('a key’s last use is written at most once a minute', async () => {
    const keys = createApiKeyStore(database.db);
    const { key, record } = await keys.create('acme');
    const t0 = new Date('2026-12-01T10:00:00Z');
    await keys.touch(record.id, t0);
    await keys.touch(record.id, new Date(t0.getTime() + 30_000));
    expect((await keys.findByKey(key))?.last_used_at?.toISOString()).toBe(t0.toISOString());
    await keys.touch(record.id, new Date(t0.getTime() + 61_000));
    expect((await keys.findByKey(key))?.last_used_at?.toISOString()).toBe(new Date(t0.getTime() + 61_000).toISOString());
  });
});
