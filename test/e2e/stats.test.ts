// Per-destination stats end to end: a real worker delivers to a sink that refuses each event's
// first attempt, writes its counts to PostgreSQL in batches, and the stats routes answer them
// (totals, ratio, latency, last attempt, deliveries waiting, a series that adds up).
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-stats-a';
const KEY_B = 'key-stats-b';
let hub: DatabaseHub;
let sink: TestSink;

beforeAll(async () => {
  // Each event's first attempt to "flaky" is refused with 503; everything else is taken.
  const seen = new Set<string>();
  sink = await startTestSink((req) => {
    const id = String(req.headers['webhook-id']);
    if (!req.path.endsWith('/flaky') || seen.has(id)) return { status: 200 };
    seen.add(id);
    return { status: 503 };
  });
  hub = await startDatabaseHub(
    testConfig({
      address: testTemporalAddress(),
      taskQueue: uniqueName('stats'),
      tenants: [
        {
          id: 'stats_a',
          namespace: 'barrage-stats',
          apiKeys: [KEY],
          destinations: [
            // Five first attempts fail in a row: without this the circuit would open and hold the retries.
            { ...destination('flaky', `${sink.url}/flaky`, { events: ['order.*'] }), breaker: { enabled: false } },
            destination('steady', `${sink.url}/steady`, { events: ['order.created'] }),
          ],
        },
        { id: 'stats_b', namespace: 'barrage-stats-b', apiKeys: [KEY_B], destinations: [] },
      ],
      raw: { stats: { flushInterval: '200ms' } },
    }),
  );
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, key = KEY) => api(`${hub.url}${path}`, { key });
const sum = (points: { attempts: number }[]) => points.reduce((n, p) => n + p.attempts, 0);

test('attempts, success ratio, latency, the last attempt and a series, per destination and for the tenant', async () => {
  for (let i = 0; i < 3; i++)
    expect((await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'order.created', data: { i } } })).status).toBe(202);
  for (let i = 0; i < 2; i++)
    expect((await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'order.paid', data: { i } } })).status).toBe(202);
  // flaky: 5 events × 2 attempts; steady: 3 events × 1.
  await sink.waitFor(13);
  const flaky = await eventually(
    async () => {
      const res = await call('/v1/destinations/flaky/stats');
      return res.body.attempts === 10 && res.body.deliveriesWaiting === 0 ? res.body : undefined;
    },
    20_000,
    'flaky stats written',
  );
  expect(flaky).toMatchObject({ destination: 'flaky', window: '1h', attempts: 10, delivered: 5, failed: 5, successRatio: 0.5 });
  expect(flaky.latencyMs.p50).toBeGreaterThan(0);
  expect(flaky.latencyMs.p99).toBeGreaterThanOrEqual(flaky.latencyMs.p50);
  expect(flaky.lastAttempt).toMatchObject({ outcome: 'delivered', statusCode: 200 });
  expect(flaky.series).toHaveLength(60);
  expect(sum(flaky.series)).toBe(10);
  const day = (await call('/v1/destinations/flaky/stats?window=24h')).body;
  expect([day.series.length, sum(day.series), day.attempts]).toEqual([24, 10, 10]);
  expect((await call('/v1/destinations/flaky/stats?window=7d')).body.series).toHaveLength(168);

  const tenant = await eventually(
    async () => {
      const res = await call('/v1/stats');
      return res.body.attempts === 13 ? res.body : undefined;
    },
    10_000,
    'tenant stats',
  );
  expect(tenant).toMatchObject({ attempts: 13, delivered: 8, failed: 5, deliveriesWaiting: 0 });
  expect(tenant.destinations).toEqual([
    { id: 'flaky', attempts: 10, delivered: 5, failed: 5, successRatio: 0.5 },
    { id: 'steady', attempts: 3, delivered: 3, failed: 0, successRatio: 1 },
  ]);
  // The newest attempt to each destination, and the visibility count left out on request.
  expect(tenant.lastAttempts.map((l: { destination: string }) => l.destination).sort()).toEqual(['flaky', 'steady']);
  const uncounted = await call('/v1/stats?window=1h&waiting=false');
  expect(uncounted.body).toMatchObject({ attempts: 13 });
  expect(uncounted.body.deliveriesWaiting).toBeUndefined();
  expect((await call('/v1/destinations/flaky?waiting=false')).body.health.deliveriesWaiting).toBeUndefined();
  expect((await call('/v1/destinations/flaky')).body.health.deliveriesWaiting).toBe(0);
});

test('a destination with no attempts answers zeros; unknown ids, other tenants and bad windows do not', async () => {
  const b = await call('/v1/stats', KEY_B);
  expect(b.body).toMatchObject({ attempts: 0, successRatio: null, destinations: [] });
  expect(b.body.latencyMs).toBeUndefined();
  expect((await call('/v1/destinations/flaky/stats', KEY_B)).status).toBe(404);
  expect((await call('/v1/destinations/nope/stats')).status).toBe(404);
  const bad = await call('/v1/destinations/flaky/stats?window=2h');
  expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'window']);
});
