// GET /metrics after a known mix of callbacks, read with the Prometheus project's own text-format
// parser (prometheus_client, not a regular expression): the counters equal what the sink saw.
import type { BarrageConfig } from '../../src/config';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { parsePrometheus, sampleValue, type PromSample } from '../helpers/prometheus';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'metrics-key';
let hub: TestHub;
let sink: TestSink;
let config: BarrageConfig;

beforeAll(async () => {
  // The first attempt of each event fails (503), the second succeeds.
  const seen = new Set<string>();
  sink = await startTestSink((r) => {
    if (r.path.endsWith('/stuck')) return { status: 503 };
    const id = String(r.headers['webhook-id']);
    if (seen.has(id)) return { status: 200 };
    seen.add(id);
    return { status: 503 };
  });
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('metrics'),
    tenants: [
      {
        id: 'metered',
        // Its own namespace (the hub registers it): the backlog gauge counts a whole namespace.
        namespace: uniqueName('barrage-metrics'),
        apiKeys: [KEY],
        destinations: [
          destination('flaky-sink', sink.url, { events: ['m.*'] }),
          destination('stuck-sink', `${sink.url}/stuck`, {
            events: ['stuck.*'],
            retry: { initialInterval: '1h', maximumInterval: '1h', maximumAttempts: 3, jitter: 0 },
          }),
        ],
        sources: [{ id: uniqueName('msrc'), token: 'metrics-source-token', eventType: { header: 'X-Type' } }],
      },
    ],
  });
  hub = await startHub(config);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

async function scrape(): Promise<PromSample[]> {
  const res = await fetch(`${hub.url}/metrics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return parsePrometheus(await res.text());
}

test('counters and histograms equal what happened: 3 accepted, 1 duplicate, 1 invalid; 3 × (503, then 200)', async () => {
  const source = config.tenants[0].sources[0].id;
  for (const n of [1, 2, 3]) {
    expect(
      (await api(`${hub.url}/v1/events`, { key: KEY, body: { id: `metered-${n}`, type: 'm.created', data: { n } } })).status,
    ).toBe(202);
  }
  expect((await api(`${hub.url}/v1/events`, { key: KEY, body: { id: 'metered-1', type: 'm.created', data: {} } })).status).toBe(
    200,
  );
  expect(
    (
      await api(`${hub.url}/v1/sources/${source}?token=metrics-source-token`, {
        raw: '{}',
        headers: { 'content-type': 'application/json' },
      })
    ).status,
  ).toBe(400);
  await sink.waitFor(6, 30_000);
  const samples = await eventually(async () => {
    const all = await scrape();
    return sampleValue(all, 'barrage_delivery_attempts_total', { outcome: 'delivered' }) === 3 ? all : undefined;
  });
  const received = (source: string, result: string) =>
    sampleValue(samples, 'barrage_events_received_total', { tenant: 'metered', source, result }) ?? 0;
  expect([received('api', 'accepted'), received('api', 'duplicate'), received(source, 'invalid')]).toEqual([3, 1, 1]);
  const dest = { tenant: 'metered', destination: 'flaky-sink' };
  const attempts = (outcome: string, status_class: string) =>
    sampleValue(samples, 'barrage_delivery_attempts_total', { ...dest, outcome, status_class });
  expect([attempts('retryable', '5xx'), attempts('delivered', '2xx')]).toEqual([3, 3]);
  expect(sink.received.filter((r) => r.headers['webhook-id']?.toString().startsWith('metered-'))).toHaveLength(6);
  expect(sampleValue(samples, 'barrage_delivery_attempt_duration_seconds_count', dest)).toBe(6);
  expect(sampleValue(samples, 'barrage_delivery_attempt_duration_seconds_bucket', { ...dest, le: '+Inf' })).toBe(6);
  expect(sampleValue(samples, 'barrage_accept_duration_seconds_count', { tenant: 'metered', source: 'api' })).toBe(4);
  expect(sampleValue(samples, 'barrage_accept_duration_seconds_count', { tenant: 'metered', source })).toBe(1);
  expect(samples.find((s) => s.name === 'barrage_process_resident_memory_bytes')?.type).toBe('gauge');
  // Reported by each delivery workflow as it ends (a Temporal sink), so read when all have.
  const finished = await eventually(async () => {
    const all = await scrape();
    return sampleValue(all, 'barrage_deliveries_total', { ...dest, status: 'delivered' }) === 3 ? all : undefined;
  });
  expect(sampleValue(finished, 'barrage_delivery_latency_seconds_count', dest)).toBe(3);
  expect(sampleValue(finished, 'barrage_deliveries_total', { ...dest, status: 'failed' })).toBeUndefined();
}, 60_000);

test('labels stay bounded: no event id, URL or payload in any label', async () => {
  const text = await (await fetch(`${hub.url}/metrics`)).text();
  expect(text).not.toContain('metered-1');
  expect(text).not.toContain(sink.url);
  const labels = parsePrometheus(text).flatMap((s) => Object.keys(s.labels));
  expect([...new Set(labels)].sort()).toEqual(
    expect.arrayContaining(['destination', 'outcome', 'result', 'source', 'status_class', 'tenant']),
  );
});

test('the backlog gauge reads open deliveries from Temporal visibility', async () => {
  expect((await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'stuck.x', data: {} } })).status).toBe(202);
  const samples = await eventually(
    async () => {
      const all = await scrape();
      return sampleValue(all, 'barrage_deliveries_open', { tenant: 'metered', status: 'retrying' }) === 1 ? all : undefined;
    },
    30_000,
    'one retrying delivery in the gauge',
  );
  expect(sampleValue(samples, 'barrage_deliveries_open', { tenant: 'metered', status: 'delivering' })).toBe(0);
}, 60_000);
