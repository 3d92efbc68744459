// breaker.failureRatio: a destination failing every other request never fails 5 times in a row,
// so only the ratio over a window can open its circuit; with it set, it opens, and the attempts
// wait (none used) instead of going on failing half the time.
import { uniqueName } from '../helpers/config';
import { api } from '../helpers/hub';
import { startTenantHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-breaker-ratio';
let hub: DatabaseHub;
let sink: TestSink;

beforeAll(async () => {
  // Every other request fails: 503, 200, 503, 200, …
  sink = await startTestSink((_req, n) => ({ status: n % 2 === 0 ? 503 : 200 }));
  hub = await startTenantHub(
    { id: 'ratio', namespace: 'barrage-breaker-ratio', apiKeys: [KEY], destinations: [] },
    uniqueName('breaker-ratio'),
  );
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown) => api(`${hub.url}${path}`, { key: KEY, body });

test('a failure ratio over a window opens the circuit where consecutive failures would not', async () => {
  const retry = { initialInterval: '200ms', backoffCoefficient: 1, maximumAttempts: 20, jitter: 0 };
  // failures: 100 — only the ratio can open it (the unit tests show alternation never reaches 5 in a row).
  const breaker = { failures: 100, failureRatio: 0.4, minimumAttempts: 10, window: '1m', coolDown: '1m' };
  const res = await call('/v1/destinations', { id: 'halfway', url: sink.url, events: ['halfway.*'], retry, breaker });
  expect(res.status).toBe(201);
  for (let i = 0; i < 12; i++) expect((await call('/v1/events', { type: 'halfway.tick', data: { i } })).status).toBe(202);
  const health = await eventually(
    async () => {
      const h = (await call('/v1/destinations/halfway')).body.health;
      return h?.state === 'open' ? h : undefined;
    },
    30_000,
    'the circuit open',
  );
  expect(health.lastError).toMatch(/503/);
  // Open: the attempts wait (none used, no requests) until the cool-down ends; at most one let
  // through just before it opened may still land.
  const seen = sink.received.length;
  await new Promise((r) => setTimeout(r, 2_000));
  expect(sink.received.length - seen).toBeLessThanOrEqual(1);
}, 90_000);
