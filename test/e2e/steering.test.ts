// Priority, scheduled delivery and expiry through the HTTP API, on real Temporal and real sinks:
// bad values are refused before anything starts; a scheduled event waits, shows "scheduled" and
// can be cancelled; a ttl against a sink that always fails ends "expired"; under a backlog, high
// priority events overtake low ones.
import type { BarrageConfig } from '../../src/config';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { parsePrometheus, sampleValue } from '../helpers/prometheus';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-steering';
const sinks = {} as Record<'ok' | 'down' | 'slow' | 'feed', TestSink>;
let hub: TestHub;
let config: BarrageConfig;

beforeAll(async () => {
  sinks.ok = await startTestSink();
  sinks.down = await startTestSink(() => ({ status: 503 }));
  sinks.feed = await startTestSink(() => ({ status: 503 }));
  // One attempt at a time, 40 ms each: a backlog builds in Temporal's task queue.
  sinks.slow = await startTestSink(() => ({ status: 200, delayMs: 40 }));
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('steering'),
    tenants: [
      {
        id: 'steering',
        namespace: 'barrage-steering',
        apiKeys: [KEY],
        destinations: [
          destination('ok', sinks.ok.url, { events: ['ok.*'] }),
          destination('down', sinks.down.url, {
            events: ['down.*'],
            retry: { initialInterval: '300ms', maximumInterval: '300ms', maximumAttempts: 50, jitter: 0 },
          }),
          destination('slow', sinks.slow.url, { events: ['backlog.*'] }),
          destination('feed', sinks.feed.url, { events: ['feed.*'], retry: { initialInterval: '300ms', jitter: 0 } }),
        ],
        sources: [{ id: 'stale-feed', eventType: { fixed: 'feed.item' }, token: 'feed-token', priority: 'low', ttl: '1s' }],
      },
    ],
    raw: { worker: { maxConcurrentActivities: 1 }, server: { port: 0, maxBodyBytes: 1_048_576 } },
  });
  hub = await startHub(config);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  for (const sink of Object.values(sinks)) await sink.close();
});

const post = (body: Record<string, unknown>) => api(`${hub.url}/v1/events`, { key: KEY, body });
const eventOf = (id: string) => api(`${hub.url}/v1/events/${id}`, { key: KEY });

test.each([
  ['priority', { priority: 'urgent' }, 'priority'],
  ['ttl that is not a duration', { ttl: 'soon' }, 'ttl'],
  ['ttl of zero', { ttl: '0s' }, 'ttl'],
  ['deliverAt in the past', { deliverAt: new Date(Date.now() - 60_000).toISOString() }, 'deliverAt'],
  ['deliverAt past limits.maxScheduleAhead', { deliverAt: new Date(Date.now() + 40 * 86_400_000).toISOString() }, 'deliverAt'],
  ['deliverAt that is not RFC 3339', { deliverAt: 'tomorrow' }, 'deliverAt'],
])('bad %s: 400 naming the field, nothing started', async (_name, extra, field) => {
  const id = uniqueName('bad');
  const res = await post({ type: 'ok.bad', id, data: {}, ...extra });
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('invalid_request');
  expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  expect((await eventOf(id)).status).toBe(404);
});

test('deliverAt: "scheduled" with its time, listed as scheduled, delivered no earlier', async () => {
  const deliverAt = new Date(Date.now() + 3000).toISOString();
  const sent = await post({ type: 'ok.later', data: { n: 1 }, deliverAt, priority: 'high' });
  expect(sent.status).toBe(202);
  const waiting = await eventually(async () => {
    const got = await eventOf(sent.body.id);
    return got.body.status === 'scheduled' ? got.body : undefined;
  });
  expect(waiting.destinations[0]).toMatchObject({ status: 'scheduled', nextAttemptAt: deliverAt });
  const listed = await eventually(async () => {
    const page = await api(`${hub.url}/v1/events?status=scheduled`, { key: KEY });
    return page.body.events.some((e: { id: string }) => e.id === sent.body.id) ? true : undefined;
  });
  expect(listed).toBe(true);
  const got = await eventually(async () => sinks.ok.received.find((r) => r.headers['webhook-id'] === sent.body.id), 20_000);
  expect(got.at).toBeGreaterThanOrEqual(Date.parse(deliverAt));
  const done = await eventually(async () => ((await eventOf(sent.body.id)).body.status === 'delivered' ? true : undefined));
  expect(done).toBe(true);
}, 30_000);

test('a scheduled event cancelled before its time is never sent', async () => {
  const sent = await post({ type: 'ok.never', data: {}, deliverAt: new Date(Date.now() + 600_000).toISOString() });
  await eventually(async () => ((await eventOf(sent.body.id)).body.status === 'scheduled' ? true : undefined));
  expect((await api(`${hub.url}/v1/events/${sent.body.id}/cancel`, { key: KEY, method: 'POST' })).status).toBe(202);
  const final = await eventually(async () => {
    const got = await eventOf(sent.body.id);
    return got.body.status === 'cancelled' ? got.body : undefined;
  });
  expect(final.destinations[0].attempts).toBe(0);
  expect(sinks.ok.received.filter((r) => r.headers['webhook-id'] === sent.body.id)).toEqual([]);
});

test('ttl 2s against a sink that always fails: "expired", no attempt after it, counted in the metric; retry sends it again', async () => {
  const sent = await post({ type: 'down.stale', data: {}, ttl: '2s' });
  expect(sent.status).toBe(202);
  const final = await eventually(async () => {
    const got = await eventOf(sent.body.id);
    return got.body.status === 'expired' ? got.body : undefined;
  }, 20_000);
  const delivery = final.destinations[0];
  expect(delivery.status).toBe('expired');
  const expiresAt = Date.parse(delivery.expiresAt);
  expect(expiresAt).toBe(Date.parse(final.receivedAt) + 2000);
  const attemptsAt = sinks.down.received.filter((r) => r.headers['webhook-id'] === sent.body.id).map((r) => r.at);
  expect(attemptsAt.length).toBeGreaterThanOrEqual(2);
  expect(attemptsAt.length).toBe(delivery.attempts);
  for (const at of attemptsAt) expect(at).toBeLessThan(expiresAt + 100);
  const metrics = parsePrometheus(await (await fetch(`${hub.url}/metrics`)).text());
  expect(sampleValue(metrics, 'barrage_deliveries_total', { tenant: 'steering', destination: 'down', status: 'expired' })).toBe(
    1,
  );
  // A manual retry means "now", without the ttl: one more attempt, numbering continued.
  sinks.down.respond = () => ({ status: 200 });
  const retried = await api(`${hub.url}/v1/events/${sent.body.id}/retry`, { key: KEY, method: 'POST' });
  expect(retried.body.retried).toEqual(['down']);
  const delivered = await eventually(async () => {
    const got = await eventOf(sent.body.id);
    return got.body.status === 'delivered' ? got.body : undefined;
  }, 20_000);
  expect(delivered.destinations[0].lastAttempt.attempt).toBe(delivery.attempts + 1);
}, 40_000);

test('a source’s configured ttl and priority apply to its callbacks', async () => {
  const res = await fetch(`${hub.url}/v1/sources/stale-feed?token=feed-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"n":1}',
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const final = await eventually(async () => {
    const got = await eventOf(id);
    return got.body.status === 'expired' ? got.body : undefined;
  }, 20_000);
  expect(Date.parse(final.destinations[0].expiresAt)).toBe(Date.parse(final.receivedAt) + 1000);
  const workflowId = final.destinations[0].workflowId;
  const client = await temporalClient(testTemporalAddress(), 'barrage-steering');
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  await client.connection.close();
  const scheduled = history.events!.find((e) => e.activityTaskScheduledEventAttributes)!;
  expect(scheduled.activityTaskScheduledEventAttributes!.priority?.priorityKey).toBe(5);
}, 30_000);

test('under a backlog, high priority events overtake the low ones posted before them', async () => {
  const low = 300;
  const batch = (priority: string, n: number, from: number) =>
    api(`${hub.url}/v1/events/batch`, {
      key: KEY,
      body: { events: Array.from({ length: n }, (_, i) => ({ type: 'backlog.item', data: { i: from + i }, priority })) },
    });
  for (let i = 0; i < low; i += 100) expect((await batch('low', 100, i)).status).toBe(207);
  const high = await batch('high', 20, low);
  const highIds = new Set<string>(high.body.results.map((r: { id: string }) => r.id));
  expect(highIds.size).toBe(20);
  await sinks.slow.waitFor(low + 20, 60_000);
  const order = sinks.slow.received.map((r) => String(r.headers['webhook-id']));
  const lastHigh = Math.max(...[...highIds].map((id) => order.indexOf(id)));
  const lowAfterLastHigh = order.slice(lastHigh + 1).filter((id) => !highIds.has(id)).length;
  console.log(
    `[priority] ${low} low then 20 high: last high delivered ${lastHigh + 1}th; ${lowAfterLastHigh} low still waiting then`,
  );
  // Without priority every high would come after all the low ones posted before it.
  expect(lowAfterLastHigh).toBeGreaterThan(low / 2);
}, 120_000);
