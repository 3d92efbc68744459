// Destination filters end to end: written through the API (bad ones refused by path, nothing
// stored) and the config file, tried with filter-test, and routing real events to a real sink.
import fc from 'fast-check';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY_A = 'key-filters-a';
const KEY_B = 'key-filters-b';
let hub: DatabaseHub;
let sink: TestSink;

const BIG_ORDERS = { data: { amount: { $gte: 1000 }, currency: { $in: ['EUR', 'USD'] } } };

beforeAll(async () => {
  sink = await startTestSink();
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('filters'),
    tenants: [
      {
        id: 'filters_a',
        namespace: 'barrage-filters',
        apiKeys: [KEY_A],
        destinations: [
          {
            id: 'file-eu',
            type: 'http',
            url: `${sink.url}/file-eu`,
            events: ['order.*'],
            filter: { 'metadata.region': { $startsWith: 'eu-' } },
          },
        ],
      },
      { id: 'filters_b', namespace: 'barrage-filters-b', apiKeys: [KEY_B], destinations: [] },
    ],
    // Room for a filter over its own 8 KiB limit.
    raw: { server: { port: 0, maxBodyBytes: 65_536 } },
  });
  hub = await startDatabaseHub(config);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown, init: { method?: string; key?: string } = {}) =>
  api(`${hub.url}${path}`, { key: init.key ?? KEY_A, body, ...(init.method ? { method: init.method } : {}) });
const destinationCount = async () => (await call('/v1/destinations')).body.destinations.length;

test('a filter is stored and shown; bad ones are 400 at their path and nothing is stored', async () => {
  const created = await call('/v1/destinations', { id: 'big', url: `${sink.url}/big`, events: ['order.*'], filter: BIG_ORDERS });
  expect(created.status).toBe(201);
  expect(created.body.filter).toEqual(BIG_ORDERS);
  // No event-type catalog: no warnings.
  expect(created.body.warnings).toBeUndefined();
  expect((await call('/v1/destinations/big')).body.filter).toEqual(BIG_ORDERS);
  const before = await destinationCount();
  const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
  const cases: [unknown, string, RegExp][] = [
    [{ data: { amount: { $gtx: 1 } } }, 'filter.data.amount.$gtx', /unknown operator \$gtx/],
    [{ data: { amount: { $gte: [1] } } }, 'filter.data.amount.$gte', /takes a number or a string/],
    [{ $or: [{ data: { c: { $in: 'EUR' } } }] }, 'filter.$or.0.data.c.$in', /non-empty array/],
    [{ amount: 1 }, 'filter.amount', /type, source, data, metadata/],
    [{ data: deep }, 'filter.data.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a', /deeper than 16/],
    [{ data: { note: 'x'.repeat(8200) } }, 'filter', /8192 bytes/],
    [['not', 'an', 'object'], 'filter', /object/],
    // Sent as an own "__proto__" key (JSON.parse keeps it): never a prototype, and the rest is still checked.
    [JSON.parse('{"data":{"__proto__":{"$exist":true},"a":{"$bogus":1}}}'), 'filter.data.a.$bogus', /unknown operator/],
  ];
  for (const [filter, path, message] of cases) {
    const res = await call('/v1/destinations', { url: `${sink.url}/bad`, filter });
    expect([path, res.status, res.body.error.code]).toEqual([path, 400, 'invalid_request']);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]),
    );
  }
  const patched = await call(
    '/v1/destinations/big',
    { filter: { data: { amount: { $gte: 'x', $nope: 1 } } } },
    { method: 'PATCH' },
  );
  expect(patched.status).toBe(400);
  expect(await destinationCount()).toBe(before);
  expect((await call('/v1/destinations/big')).body.filter).toEqual(BIG_ORDERS);
});

test('routing: a destination gets the events its filter matches, on data and on metadata', async () => {
  const send = async (data: unknown, metadata?: Record<string, string>) => {
    const res = await call('/v1/events', { type: 'order.created', data, ...(metadata ? { metadata } : {}) });
    expect(res.status).toBe(202);
    return res.body as { id: string; destinations: string[] };
  };
  expect((await send({ amount: 1500, currency: 'EUR' })).destinations).toEqual(['big']);
  expect((await send({ amount: 999, currency: 'EUR' })).destinations).toEqual([]);
  expect((await send({ amount: 5000, currency: 'JPY' })).destinations).toEqual([]);
  const both = await send({ amount: 2000, currency: 'USD' }, { region: 'eu-west' });
  expect(both.destinations.sort()).toEqual(['big', 'file-eu']);
  const batch = await call('/v1/events/batch', {
    events: [
      { type: 'order.created', data: { amount: 1 }, metadata: { region: 'eu-north' } },
      { type: 'order.created', data: 'just text' },
    ],
  });
  expect(batch.body.results.map((r: { destinations: string[] }) => r.destinations)).toEqual([['file-eu'], []]);
  // The sink gets exactly the routed deliveries: 1 + 2 + 1.
  await eventually(async () => (sink.received.length >= 4 ? true : undefined), 30_000, 'four deliveries');
  await new Promise((r) => setTimeout(r, 1_000));
  const byPath = sink.received.map((r) => r.path.split('/').pop()).sort();
  expect(byPath).toEqual(['big', 'big', 'file-eu', 'file-eu']);
});

test('filter-test says whether an event matches, and where it missed', async () => {
  const test = (body: unknown, id = 'big', key = KEY_A) =>
    call(`/v1/destinations/${id}/filter-test`, body, { method: 'POST', key });
  expect((await test({ event: { type: 'order.created', data: { amount: 1000, currency: 'USD' } } })).body).toEqual({
    matches: true,
  });
  expect((await test({ event: { type: 'order.created', data: { amount: 10, currency: 'USD' } } })).body).toEqual({
    matches: false,
    path: 'data.amount',
    reason: '10 is not $gte 1000',
  });
  expect((await test({ event: { type: 'user.created', data: {} } })).body).toMatchObject({ matches: false, path: 'type' });
  expect((await test({ event: { type: 'order.created' } })).body).toEqual({
    matches: false,
    path: 'data',
    reason: 'the payload is not JSON',
  });
  const draft = await test({
    event: { type: 'order.created', data: { amount: 10 } },
    filter: { data: { amount: { $lt: 100 } } },
  });
  expect(draft.body).toEqual({ matches: true });
  expect((await test({ event: { type: 'order.created', metadata: { region: 'eu-x' } } }, 'file-eu')).body).toEqual({
    matches: true,
  });
  const bad = await test({ event: { type: 'order.created' }, filter: { data: { $huh: 1 } } });
  expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'filter.data.$huh']);
  expect((await test({ event: {} })).status).toBe(400);
  expect((await test({ event: { type: 'order.created' } }, 'nope')).status).toBe(404);
  // Another tenant's destination is not found, never tested.
  expect((await test({ event: { type: 'order.created' } }, 'big', KEY_B)).status).toBe(404);
  // The draft was not saved.
  expect((await call('/v1/destinations/big')).body.filter).toEqual(BIG_ORDERS);
});

test('PATCH filter: null removes it, and the next event routes without it', async () => {
  const removed = await call('/v1/destinations/big', { filter: null }, { method: 'PATCH' });
  expect(removed.status).toBe(200);
  expect(removed.body.filter).toBeUndefined();
  const routed = await eventually(
    async () => {
      const res = await call('/v1/events', { type: 'order.created', data: { amount: 1 } });
      return res.body.destinations.includes('big') ? res.body : undefined;
    },
    10_000,
    'routing without the filter',
  );
  expect(routed.destinations).toEqual(['big']);
});

test('hostile filters (fast-check, fixed seed): every answer is 200 or a 400 naming a path, never a 5xx', async () => {
  const keys = [
    'data',
    'type',
    'metadata',
    'data.amount',
    'x',
    '__proto__',
    '$eq',
    '$in',
    '$gt',
    '$and',
    '$or',
    '$not',
    '$exist',
    '$contains',
    '$zz',
  ];
  const { node } = fc.letrec((tie) => ({
    node: fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 3 }),
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }), tie('node'), fc.array(tie('node'), { maxLength: 2 })),
  }));
  const seen = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(node, fc.jsonValue({ maxDepth: 3 }), async (filter, data) => {
      const res = await call(
        '/v1/destinations/big/filter-test',
        { event: { type: 'order.created', data }, filter },
        { method: 'POST' },
      );
      seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
      if (res.status === 200) expect(typeof res.body.matches).toBe('boolean');
      else {
        expect(res.status).toBe(400);
        expect(res.body.error.details[0].path).toMatch(/^(filter|event)/);
      }
    }),
    { seed: 20_261_205, numRuns: 300 },
  );
  // Both kinds of answer were reached.
  expect([...seen.keys()].sort()).toEqual([200, 400]);
}, 60_000);
