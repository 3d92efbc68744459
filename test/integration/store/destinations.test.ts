// The destination store and the registry built from it, on both engines: a real PostgreSQL
// server (the test setup's private cluster) and the embedded PGlite.
import { sql } from 'kysely';
import { parseConfig } from '../../../src/config';
import { liveRegistry, type Registry } from '../../../src/registry/live';
import { createStores, type Stores } from '../../../src/registry/stores';
import { openDatabase, type Database, type Engine } from '../../../src/store/database';
import { ConflictError, LimitReachedError } from '../../../src/store/errors';
import { createSecretBox, newEncryptionKey } from '../../../src/store/secret-box';
import { createLogger } from '../../../src/telemetry/logger';
import { createTestDatabase } from '../../helpers/postgres';

const engines: Engine[] = ['postgres', 'pglite'];
const SECRET = 'whsec_' + Buffer.from('a-signing-secret-of-24-bytes').toString('base64');
const ROTATED = 'whsec_' + Buffer.from('the-next-secret-24-bytes').toString('base64');
const spec = (url: string) => ({ type: 'http', url, events: ['order.*'], timeout: '5s' });

describe.each(engines)('destination store on %s', (engine) => {
  let database: Database;
  let stores: Stores;
  beforeAll(async () => {
    const url = engine === 'postgres' ? await createTestDatabase('dest') : '';
    database = await openDatabase({ url, dataDir: 'memory://' });
    stores = createStores(database, createSecretBox(newEncryptionKey()));
    await stores.tenants.create({ id: 'acme', namespace: 'acme', managed_by: 'api' });
  }, 60_000);
  afterAll(() => database?.close());

  const fields = { description: '', metadata: {}, disabled: false };

  test('create, get, update, delete; a deleted id can be taken again and is remembered as deleted', async () => {
    const row = await stores.destinations.create(
      { tenantId: 'acme', id: 'orders', spec: spec('https://a.example/h'), ...fields, secret: SECRET },
      10,
    );
    expect(row).toMatchObject({ id: 'orders', tenant_id: 'acme', spec: spec('https://a.example/h'), disabled: false });
    await expect(
      stores.destinations.create({ tenantId: 'acme', id: 'orders', spec: spec('https://b.example/h'), ...fields }, 10),
    ).rejects.toThrow(ConflictError);
    const updated = await stores.destinations.update('acme', 'orders', {
      ...fields,
      spec: spec('https://b.example/h'),
      description: 'B',
    });
    expect(updated).toMatchObject({ description: 'B', spec: spec('https://b.example/h') });
    expect(await stores.destinations.delete('acme', 'orders')).toBe(true);
    expect(await stores.destinations.delete('acme', 'orders')).toBe(false);
    expect(await stores.destinations.get('acme', 'orders')).toBeUndefined();
    expect(await stores.destinations.deletedIds()).toEqual([{ tenant_id: 'acme', id: 'orders' }]);
    await stores.destinations.create({ tenantId: 'acme', id: 'orders', spec: spec('https://c.example/h'), ...fields }, 10);
    expect(await stores.destinations.deletedIds()).toEqual([]);
    await stores.destinations.delete('acme', 'orders');
  });

  test('the limit holds even for creates that race each other', async () => {
    const make = (i: number) =>
      stores.destinations.create({ tenantId: 'acme', id: `race-${i}`, spec: spec('https://a.example/h'), ...fields }, 3);
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(make));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => r.reason)).toEqual([0, 1, 2].map(() => expect.any(LimitReachedError)));
    for (let i = 0; i < 6; i++) await stores.destinations.delete('acme', `race-${i}`);
  });

  test('secrets: sealed at rest (no plaintext in any row), rotation overlaps, then the old one drops out', async () => {
    const row = await stores.destinations.create(
      { tenantId: 'acme', id: 'signed', spec: spec('https://a.example/h'), ...fields, secret: SECRET },
      10,
    );
    const now = new Date();
    await stores.destinations.rotate(row.pk, ROTATED, 60_000, now);
    const rows = await sql<Record<string, unknown>>`select * from destination_secrets`.execute(database.db);
    const everything =
      JSON.stringify((await sql`select * from destinations`.execute(database.db)).rows) + JSON.stringify(rows.rows);
    expect(everything).not.toContain(SECRET.slice(6));
    expect(everything).not.toContain(ROTATED.slice(6));
    const during = (await stores.destinations.secrets([row.pk], now)).get(row.pk)!;
    expect(during.map((s) => s.secret)).toEqual([ROTATED, SECRET]);
    expect(during[0].expiresAt).toBeNull();
    expect(during[1].expiresAt?.getTime()).toBe(now.getTime() + 60_000);
    const after = (await stores.destinations.secrets([row.pk], new Date(now.getTime() + 60_001))).get(row.pk)!;
    expect(after.map((s) => s.secret)).toEqual([ROTATED]);
  });

  test('a sealed secret opens only on its own row and only under its key', async () => {
    const box = createSecretBox(newEncryptionKey());
    const sealed = box.seal(SECRET, 'sec_1');
    expect(box.open(sealed, 'sec_1')).toBe(SECRET);
    expect(() => box.open(sealed, 'sec_2')).toThrow(/does not decrypt/);
    expect(() => createSecretBox(newEncryptionKey()).open(sealed, 'sec_1')).toThrow(/does not decrypt/);
  });

  describe('the registry built from it', () => {
    let registry: Registry;
    const config = parseConfig(
      'tenants:\n  - id: cfg\n    apiKeys: [cfg_key]\n    destinations: [{ id: from-file, url: "https://f.example/h" }]',
      {},
    );
    beforeAll(async () => {
      registry = await liveRegistry({ config, stores, logger: createLogger('silent'), checkEveryMs: 200 });
    });
    afterAll(() => registry?.close());

    test('config tenants and API tenants side by side; keys authenticate from memory; changes arrive by notification', async () => {
      const snapshot = registry.current();
      expect(snapshot.tenants.map((t) => [t.id, t.managedBy])).toEqual([
        ['cfg', 'config'],
        ['acme', 'api'],
      ]);
      expect(snapshot.keyOwner('cfg_key')?.tenant.id).toBe('cfg');
      const { key, record } = await stores.apiKeys.create('acme');
      const changed = new Promise((resolve) => registry.subscribe(resolve));
      await changed;
      expect(registry.current().keyOwner(key)).toMatchObject({ tenant: { id: 'acme' }, keyId: record.id });
      await stores.apiKeys.revoke('acme', record.id);
      await registry.refresh();
      expect(registry.current().keyOwner(key)).toBeUndefined();
    });

    test('an API destination under a config tenant: routed when enabled, found at attempt time with the secrets signing then', async () => {
      await stores.destinations.create(
        { tenantId: 'cfg', id: 'api-dest', spec: spec('https://x.example/h'), ...fields, secret: SECRET },
        10,
      );
      const snapshot = await registry.refresh();
      const tenant = snapshot.tenant('cfg')!;
      expect(tenant.destinations.map((d) => d.id)).toEqual(['from-file', 'api-dest']);
      const found = snapshot.destination('cfg', 'api-dest', Date.now());
      expect(found).toMatchObject({
        kind: 'found',
        destination: { url: 'https://x.example/h', secret: [SECRET], timeout: 5000 },
      });
      await stores.destinations.update('cfg', 'api-dest', { ...fields, disabled: true, spec: spec('https://x.example/h') });
      const disabled = await registry.refresh();
      expect(disabled.tenant('cfg')!.destinations.map((d) => d.id)).toEqual(['from-file']);
      expect(disabled.destination('cfg', 'api-dest', Date.now()).kind).toBe('found');
      await stores.destinations.delete('cfg', 'api-dest');
      expect((await registry.refresh()).destination('cfg', 'api-dest', Date.now())).toEqual({ kind: 'deleted' });
      expect(registry.current().destination('cfg', 'never-was', Date.now())).toEqual({ kind: 'missing' });
    });
  });
});
