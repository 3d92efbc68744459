// Bad input on the management routes: each gets its 4xx and code, and nothing is stored.
// One receiver (no worker needed) on a fresh PostgreSQL database, SSRF guard on.
import { sql } from 'kysely';
import type { BarrageConfig } from '../../src/config';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';

const ADMIN = 'input-admin-key';
const CFG_KEY = 'input-config-key';
let config: BarrageConfig;
let hub: TestHub;
let reg: TestRegistry;
let keyA = '';
let keyB = '';
const tenantA = `in_a_${Date.now().toString(36)}`;
const tenantB = `in_b_${Date.now().toString(36)}`;

beforeAll(async () => {
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('input'),
    tenants: [
      {
        id: 'cfg',
        namespace: 'barrage-e2e-b',
        apiKeys: [CFG_KEY],
        destinations: [destination('from-file', 'https://f.example/h')],
      },
    ],
    raw: {
      security: { allowPrivateDestinations: false, adminApiKeys: [ADMIN] },
      limits: { maxDestinationsPerTenant: 3, maxTenants: 3 },
    },
  });
  reg = await openTestRegistry(config);
  hub = await startHub(config, ['receiver'], undefined, { registry: reg.registry });
  // Both use namespaces the test setup registered, so no namespace is created here.
  for (const [id, namespace] of [
    [tenantA, 'barrage-hostile'],
    [tenantB, 'barrage-fuzz'],
  ]) {
    expect((await call('/v1/tenants', { key: ADMIN, body: { id, namespace } })).status).toBe(201);
  }
  keyA = (await call(`/v1/tenants/${tenantA}/api-keys`, { key: ADMIN, method: 'POST' })).body.key;
  keyB = (await call(`/v1/tenants/${tenantB}/api-keys`, { key: ADMIN, method: 'POST' })).body.key;
  expect((await call('/v1/destinations', { key: keyA, body: { id: 'a-one', url: 'https://a.example/h' } })).status).toBe(201);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await reg?.close();
});

const call = (path: string, init: Parameters<typeof api>[1] = {}) => api(`${hub.url}${path}`, init);
const counts = async () => {
  const row = await sql<Record<string, string>>`select
      (select count(*) from tenants) as tenants, (select count(*) from api_keys) as keys,
      (select count(*) from destinations) as destinations, (select count(*) from destination_secrets) as secrets`.execute(
    reg.stores.db,
  );
  return row.rows[0];
};

describe('bad destinations: 4xx with details, nothing stored', () => {
  const cases: [string, Parameters<typeof api>[1], number, string, string?][] = [
    ['unknown type', { body: { type: 'ftp', url: 'https://a.example/h' } }, 400, 'invalid_request', 'type'],
    ['invalid URL', { body: { url: 'not a url' } }, 400, 'invalid_request', 'url'],
    ['missing URL', { body: { events: ['a'] } }, 400, 'invalid_request', 'url'],
    ['invalid pattern', { body: { url: 'https://a.example/h', events: [''] } }, 400, 'invalid_request', 'events.0'],
    ['id over 128 characters', { body: { id: 'x'.repeat(129), url: 'https://a.example/h' } }, 400, 'invalid_request', 'id'],
    ['id outside the alphabet', { body: { id: 'a/b', url: 'https://a.example/h' } }, 400, 'invalid_request', 'id'],
    ['a bad secret', { body: { url: 'https://a.example/h', secret: 'hunter2' } }, 400, 'invalid_request', 'secret'],
    [
      'env: references never read this process’s environment',
      { body: { type: 'sqs', queueUrl: 'https://sqs.example/1/q', accessKeyId: 'env:HOME', secretAccessKey: 'env:PATH' } },
      400,
      'invalid_request',
      'accessKeyId',
    ],
    [
      'an unknown dead letter',
      { body: { url: 'https://a.example/h', deadLetter: 'nope' } },
      400,
      'invalid_request',
      'deadLetter',
    ],
    ['loopback literal', { body: { url: 'http://127.0.0.1:9/h' } }, 400, 'destination_not_allowed', 'url'],
    ['IPv6 loopback', { body: { url: 'http://[::1]/h' } }, 400, 'destination_not_allowed', 'url'],
    ['mapped IPv4', { body: { url: 'http://[::ffff:10.0.0.1]/h' } }, 400, 'destination_not_allowed', 'url'],
    ['localhost', { body: { url: 'http://localhost:8080/h' } }, 400, 'destination_not_allowed', 'url'],
    ['metadata address', { body: { url: 'http://169.254.169.254/latest' } }, 400, 'destination_not_allowed', 'url'],
    ['duplicate id', { body: { id: 'a-one', url: 'https://a.example/h' } }, 409, 'conflict'],
    ['a config id', { key: CFG_KEY, body: { id: 'from-file', url: 'https://a.example/h' } }, 409, 'managed_by_config'],
    [
      'wrong content type',
      { raw: '{"url":"https://a.example/h"}', headers: { 'content-type': 'text/plain' } },
      415,
      'unsupported_media_type',
    ],
    ['oversized body', { body: { url: 'https://a.example/h', description: 'x'.repeat(5000) } }, 413, 'payload_too_large'],
    ['invalid JSON', { raw: '{"url":', headers: { 'content-type': 'application/json' } }, 400, 'invalid_json'],
    // Reported by the type it names: kafka's missing fields, not http's.
    ['kafka with an http field', { body: { type: 'kafka', url: 'https://a.example/h' } }, 400, 'invalid_request', 'brokers'],
  ];
  // A rest parameter: jest would pass `done` into a fifth named one that a row leaves out.
  test.each(cases)('%s', async (...row) => {
    const [, init, status, code, path] = row;
    const before = await counts();
    const res = await call('/v1/destinations', { key: keyA, ...init });
    expect(res).toMatchObject({ status, body: { error: { code } } });
    if (path) expect(res.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    expect(await counts()).toEqual(before);
  });

  test('PATCH with bad fields, or onto a private URL, changes nothing', async () => {
    const before = await counts();
    const patch = (body: unknown) => call('/v1/destinations/a-one', { key: keyA, method: 'PATCH', body });
    expect((await patch({ url: 'http://10.1.2.3/' })).body.error.code).toBe('destination_not_allowed');
    expect((await patch({ timeout: 'soon' })).body.error.details).toEqual([expect.objectContaining({ path: 'timeout' })]);
    expect((await patch({ id: 'renamed' })).body.error.details).toEqual([expect.objectContaining({ path: 'id' })]);
    expect((await patch({ secret: 'whsec_x' })).body.error.details).toEqual([expect.objectContaining({ path: 'secret' })]);
    expect(await counts()).toEqual(before);
    expect((await call('/v1/destinations/a-one', { key: keyA })).body).toMatchObject({ url: 'https://a.example/h' });
  });

  test('the limit: over limits.maxDestinationsPerTenant is 409 limit_reached', async () => {
    for (const id of ['a-two', 'a-three'])
      expect((await call('/v1/destinations', { key: keyA, body: { id, url: 'https://a.example/h' } })).status).toBe(201);
    const before = await counts();
    expect((await call('/v1/destinations', { key: keyA, body: { url: 'https://a.example/h' } })).body.error.code).toBe(
      'limit_reached',
    );
    expect(await counts()).toEqual(before);
    for (const id of ['a-two', 'a-three'])
      expect((await call(`/v1/destinations/${id}`, { key: keyA, method: 'DELETE' })).status).toBe(204);
  });
});

describe('a PATCH can change the type', () => {
  test('http → sqs (the old fields removed with null) → http again, which gets a signing secret', async () => {
    const patch = (body: unknown) => call('/v1/destinations/a-one', { key: keyA, method: 'PATCH', body });
    const queueUrl = 'https://sqs.us-east-1.amazonaws.com/123456789012/orders';
    const toSqs = await patch({ type: 'sqs', queueUrl, url: null, headers: null });
    expect(toSqs).toMatchObject({ status: 200, body: { id: 'a-one', type: 'sqs', queueUrl } });
    expect(toSqs.body.url).toBeUndefined();
    expect((await call('/v1/destinations/a-one/secret', { key: keyA })).body.error.code).toBe('conflict');
    const toHttp = await patch({ type: 'http', url: 'https://a.example/h', queueUrl: null });
    expect(toHttp).toMatchObject({ status: 200, body: { id: 'a-one', type: 'http', url: 'https://a.example/h' } });
    const secrets = await call('/v1/destinations/a-one/secret', { key: keyA });
    expect(secrets.body.secrets).toEqual([expect.objectContaining({ secret: expect.stringMatching(/^whsec_/) })]);
  });
});

describe('routing follows the registry', () => {
  test('a disabled destination is not matched for new events; enabled again, it is', async () => {
    const made = await call('/v1/destinations', {
      key: keyA,
      body: { id: 'a-dis', url: 'https://a.example/h', events: ['dis.*'] },
    });
    expect(made.status).toBe(201);
    const routed = async () => (await call('/v1/events', { key: keyA, body: { type: 'dis.x', data: {} } })).body.destinations;
    const listed = async () =>
      (await call('/v1/destinations?event=dis.x', { key: keyA })).body.destinations.map((d: { id: string }) => d.id);
    // a-one takes every type ("*", the default).
    expect([await routed(), await listed()]).toEqual([
      ['a-dis', 'a-one'],
      ['a-dis', 'a-one'],
    ]);
    const patch = (disabled: boolean) => call('/v1/destinations/a-dis', { key: keyA, method: 'PATCH', body: { disabled } });
    expect((await patch(true)).body).toMatchObject({ disabled: true });
    expect([await routed(), await listed()]).toEqual([['a-one'], ['a-one']]);
    expect((await patch(false)).body).toMatchObject({ disabled: false });
    expect(await routed()).toEqual(['a-dis', 'a-one']);
    expect((await call('/v1/destinations/a-dis', { key: keyA, method: 'DELETE' })).status).toBe(204);
  });
});

describe('config-file things are read-only; keys must fit the route', () => {
  test('config destinations and tenants: 409 managed_by_config', async () => {
    const listed = await call('/v1/destinations', { key: CFG_KEY });
    expect(listed.body.destinations).toEqual([expect.objectContaining({ id: 'from-file', managedBy: 'config' })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    for (const [method, path, body] of [
      ['PATCH', '/v1/destinations/from-file', { description: 'x' }],
      ['DELETE', '/v1/destinations/from-file', undefined],
      ['POST', '/v1/destinations/from-file/secret/rotate', {}],
    ] as const) {
      expect((await call(path, { key: CFG_KEY, method, body })).body.error.code).toBe('managed_by_config');
    }
    expect((await call('/v1/tenants/cfg', { key: ADMIN, method: 'DELETE' })).body.error.code).toBe('managed_by_config');
    expect((await call('/v1/tenants', { key: ADMIN, body: { id: 'cfg' } })).body.error.code).toBe('managed_by_config');
    expect((await call('/v1/tenants', { key: ADMIN })).body.tenants).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: 'cfg', managedBy: 'config' })]),
    );
  });

  test('a tenant key on an admin route is 403; an admin key on a tenant route is 403; no key is 401', async () => {
    expect((await call('/v1/tenants', { key: keyA })).body.error.code).toBe('forbidden');
    expect((await call('/v1/destinations', { key: ADMIN })).body.error.code).toBe('forbidden');
    expect((await call('/v1/tenants')).status).toBe(401);
    expect((await call('/v1/destinations', { key: 'nope' })).status).toBe(401);
  });

  test('bad tenants: invalid id, taken namespace, over limits.maxTenants — nothing stored', async () => {
    const before = await counts();
    expect((await call('/v1/tenants', { key: ADMIN, body: { id: 'Has Spaces' } })).body.error.details).toEqual([
      expect.objectContaining({ path: 'id' }),
    ]);
    expect((await call('/v1/tenants', { key: ADMIN, body: { id: 'other', namespace: 'barrage-hostile' } })).body.error.code).toBe(
      'conflict',
    );
    expect((await call('/v1/tenants', { key: ADMIN, body: { id: 'fourth', namespace: 'barrage-e2e' } })).body.error.code).toBe(
      'limit_reached',
    );
    expect(await counts()).toEqual(before);
  });

  test('lists page with limit and cursor; a forged cursor is 400', async () => {
    const first = await call('/v1/tenants?limit=2', { key: ADMIN });
    expect(first.body.tenants).toHaveLength(2);
    const second = await call(`/v1/tenants?limit=2&cursor=${first.body.nextCursor}`, { key: ADMIN });
    expect(second.body.tenants).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    expect((await call('/v1/tenants?cursor=_w', { key: ADMIN })).status).toBe(400);
    expect((await call('/v1/tenants?limit=501', { key: ADMIN })).status).toBe(400);
  });
});

describe('cross-tenant: B sees none of A', () => {
  test("every one of A's destinations, keys and events is 404 to B", async () => {
    const event = await call('/v1/events', { key: keyA, body: { id: 'a-private-event', type: 'x.y', data: {} } });
    expect([202, 503]).toContain(event.status);
    for (const [method, path] of [
      ['GET', '/v1/destinations/a-one'],
      ['PATCH', '/v1/destinations/a-one'],
      ['DELETE', '/v1/destinations/a-one'],
      ['GET', '/v1/destinations/a-one/secret'],
      ['POST', '/v1/destinations/a-one/secret/rotate'],
      ['POST', '/v1/destinations/a-one/test'],
      ['GET', `/v1/tenants/${tenantA}/api-keys`],
      ['POST', `/v1/tenants/${tenantA}/api-keys`],
      ['DELETE', `/v1/tenants/${tenantA}/api-keys/anything`],
      ['GET', '/v1/events/a-private-event'],
      ['POST', '/v1/events/a-private-event/cancel'],
    ] as const) {
      const res = await call(path, { key: keyB, method, ...(method === 'PATCH' ? { body: { description: 'x' } } : {}) });
      expect([path, method, res.status]).toEqual([path, method, 404]);
    }
    expect((await call('/v1/destinations', { key: keyB })).body.destinations).toEqual([]);
  });
});
