// The event-type catalog end to end: its routes, events checked against a type's schema on every
// accepting path (POST /v1/events, the batch route, an HTTP source), requireKnownEventTypes, the
// warnings on destinations, and another tenant's key seeing nothing.
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-catalog-a';
const KEY_STRICT = 'key-catalog-strict';
let hub: DatabaseHub;
let sink: TestSink;

const ORDER_SCHEMA = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
};

beforeAll(async () => {
  sink = await startTestSink();
  hub = await startDatabaseHub(
    testConfig({
      address: testTemporalAddress(),
      taskQueue: uniqueName('catalog'),
      tenants: [
        {
          id: 'catalog_a',
          namespace: 'barrage-catalog',
          apiKeys: [KEY],
          destinations: [{ id: 'all', type: 'http', url: sink.url, events: ['*'] }],
          sources: [{ id: 'shop', type: 'http', eventType: { jsonPath: '$.type' }, token: 'shop-token' }],
        },
        {
          id: 'catalog_strict',
          namespace: 'barrage-catalog-strict',
          apiKeys: [KEY_STRICT],
          destinations: [],
          requireKnownEventTypes: true,
        },
      ],
    }),
  );
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown, init: { method?: string; key?: string } = {}) =>
  api(`${hub.url}${path}`, { key: init.key ?? KEY, body, ...(init.method ? { method: init.method } : {}) });

test('create, read, list (paged), change and delete event types; bad schemas and examples are 400 by path', async () => {
  const created = await call('/v1/event-types', {
    name: 'order.created',
    description: 'an order was placed',
    schema: ORDER_SCHEMA,
    example: { amount: 12.5, currency: 'EUR' },
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ name: 'order.created', schema: ORDER_SCHEMA, deprecated: false });
  expect((await call('/v1/event-types', { name: 'order.created' })).body.error.code).toBe('conflict');
  const badExample = await call('/v1/event-types', { name: 'order.paid', schema: ORDER_SCHEMA, example: { amount: -1 } });
  expect(badExample.status).toBe(400);
  expect(badExample.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['example', 'example/amount']);
  const badSchema = await call('/v1/event-types', { name: 'order.paid', schema: { type: 'nonsense' } });
  expect([badSchema.status, badSchema.body.error.details[0].path]).toEqual([400, expect.stringMatching(/^schema/)]);
  expect((await call('/v1/event-types', { name: 'bad name!' })).status).toBe(400);
  expect((await call('/v1/event-types/order.paid')).status).toBe(404);

  for (const name of ['user.created', 'user.deleted']) expect((await call('/v1/event-types', { name })).status).toBe(201);
  const first = await call('/v1/event-types?limit=2');
  expect(first.body.eventTypes.map((t: { name: string }) => t.name)).toEqual(['order.created', 'user.created']);
  const second = await call(`/v1/event-types?limit=2&cursor=${first.body.nextCursor}`);
  expect(second.body.eventTypes.map((t: { name: string }) => t.name)).toEqual(['user.deleted']);
  expect(second.body.nextCursor).toBeUndefined();

  const deprecated = await call(
    '/v1/event-types/user.deleted',
    { deprecated: true, description: 'use user.removed' },
    { method: 'PATCH' },
  );
  expect(deprecated.body).toMatchObject({ deprecated: true, description: 'use user.removed' });
  expect((await call('/v1/event-types?deprecated=true')).body.eventTypes.map((t: { name: string }) => t.name)).toEqual([
    'user.deleted',
  ]);
  const badPatch = await call(
    '/v1/event-types/order.created',
    { example: { amount: 'x', currency: 'EUR' } },
    { method: 'PATCH' },
  );
  expect([badPatch.status, badPatch.body.error.details[0].path]).toEqual([400, 'example/amount']);
  expect((await call('/v1/event-types/user.deleted', undefined, { method: 'DELETE' })).status).toBe(204);
  expect((await call('/v1/event-types/user.deleted')).status).toBe(404);
  // Another tenant's key sees none of it.
  expect((await call('/v1/event-types/order.created', undefined, { key: KEY_STRICT })).status).toBe(404);
  expect((await call('/v1/event-types', undefined, { key: KEY_STRICT })).body.eventTypes).toEqual([]);
});

test('data that misses its type’s schema is 400 schema_mismatch by JSON pointer on every path, and nothing starts', async () => {
  const bad = await call('/v1/events', { type: 'order.created', id: 'cat-bad-1', data: { amount: -5, currency: 'euro' } });
  expect([bad.status, bad.body.error.code]).toEqual([400, 'schema_mismatch']);
  expect(bad.body.error.details.map((d: { pointer: string }) => d.pointer).sort()).toEqual(['/amount', '/currency']);
  expect((await call('/v1/events/cat-bad-1')).status).toBe(404);
  const good = await call('/v1/events', { type: 'order.created', id: 'cat-good-1', data: { amount: 5, currency: 'EUR' } });
  expect(good.status).toBe(202);
  // Types without a schema, and types not in the catalog, are not checked.
  expect((await call('/v1/events', { type: 'user.created', data: 'anything' })).status).toBe(202);
  expect((await call('/v1/events', { type: 'not.catalogued', data: 1 })).status).toBe(202);

  const batch = await call('/v1/events/batch', {
    events: [
      { type: 'order.created', data: { amount: 1, currency: 'USD' } },
      { type: 'order.created', data: { amount: 1 } },
    ],
  });
  expect(batch.body.results.map((r: { status: number }) => r.status)).toEqual([202, 400]);
  expect(batch.body.results[1].error).toMatchObject({
    code: 'schema_mismatch',
    details: [expect.objectContaining({ pointer: '/' })],
  });

  const source = (body: unknown) =>
    fetch(`${hub.url}/v1/sources/shop?token=shop-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const refused = await source({ type: 'order.created', amount: 'lots' });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('schema_mismatch');
  expect((await source({ type: 'order.created', amount: 3, currency: 'GBP' })).status).toBe(202);

  // A retry of an event accepted before the schema changed is a duplicate, not a 400.
  const tightened = await call(
    '/v1/event-types/order.created',
    { schema: { ...ORDER_SCHEMA, required: ['amount', 'currency', 'note'] }, example: { amount: 1, currency: 'EUR', note: 'n' } },
    { method: 'PATCH' },
  );
  expect(tightened.status).toBe(200);
  const retried = await call('/v1/events', { type: 'order.created', id: 'cat-good-1', data: { amount: 5, currency: 'EUR' } });
  expect([retried.status, retried.body.duplicate]).toEqual([200, true]);
  expect(
    (await call('/v1/events', { type: 'order.created', id: 'cat-new-1', data: { amount: 5, currency: 'EUR' } })).status,
  ).toBe(400);
  // A new schema applies to the next event.
  await call('/v1/event-types/order.created', { schema: null }, { method: 'PATCH' });
  expect((await call('/v1/events', { type: 'order.created', data: { amount: 'x' } })).status).toBe(202);
});

test('requireKnownEventTypes: an unknown type is 400 unknown_event_type until it is catalogued', async () => {
  const strict = (type: string) => call('/v1/events', { type, data: {} }, { key: KEY_STRICT });
  const refused = await strict('invoice.paid');
  expect([refused.status, refused.body.error.code, refused.body.error.details[0].path]).toEqual([
    400,
    'unknown_event_type',
    'type',
  ]);
  expect((await call('/v1/event-types', { name: 'invoice.paid' }, { key: KEY_STRICT })).status).toBe(201);
  expect((await strict('invoice.paid')).status).toBe(202);
});

test('a destination whose patterns match no catalogued type carries a warning, not an error', async () => {
  const lonely = await call('/v1/destinations', { id: 'lonely', url: sink.url, events: ['invoice.*', 'order.*'] });
  expect(lonely.status).toBe(201);
  expect(lonely.body.warnings).toEqual(['events pattern "invoice.*" matches no type in the event-type catalog']);
  expect((await call('/v1/destinations/all')).body.warnings).toBeUndefined();
  const listed = (await call('/v1/destinations')).body.destinations.find((d: { id: string }) => d.id === 'lonely');
  expect(listed.warnings).toHaveLength(1);
  // Each tenant is warned by its own catalog (the strict one holds invoice.paid only).
  const strictDest = await call('/v1/destinations', { url: sink.url, events: ['x.*'] }, { key: KEY_STRICT });
  expect(strictDest.body.warnings).toEqual(['events pattern "x.*" matches no type in the event-type catalog']);
});
