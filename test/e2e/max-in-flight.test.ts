// maxInFlight across workers: two worker roles on one PostgreSQL deliver 30 events to a
// destination capped at 3 attempts in flight, whose every answer takes 300 ms. The sink never has
// more than 3 requests open at once; every event is delivered at its first attempt (waiting for a
// place is not a failure).
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-in-flight';
const MAX = 3;
const hubs: TestHub[] = [];
const registries: TestRegistry[] = [];
let sink: TestSink;

beforeAll(async () => {
  sink = await startTestSink(() => ({ status: 200, delayMs: 300 }));
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('in-flight'),
    tenants: [
      {
        id: 'inflight',
        namespace: 'barrage-in-flight',
        apiKeys: [KEY],
        destinations: [{ id: 'capped', type: 'http', url: sink.url, events: ['*'], maxInFlight: MAX }],
      },
    ],
    raw: { server: { port: 0, maxBodyBytes: 1_048_576 }, security: { allowPrivateDestinations: true } },
  });
  const first = await openTestRegistry(config);
  registries.push(first, await openTestRegistry(config, first));
  hubs.push(await startHub(config, ['receiver', 'worker'], undefined, { registry: registries[0].registry }));
  hubs.push(await startHub(config, ['worker'], undefined, { registry: registries[1].registry }));
}, 60_000);

afterAll(async () => {
  for (const hub of hubs) await hub.stop();
  for (const r of registries) await r.close();
  await sink?.close();
});

/** The most requests the sink had open at one moment. */
function mostOpenAtOnce(): number {
  const edges = sink.received.flatMap((r) => [
    { at: r.at, d: 1 },
    { at: r.answeredAt!, d: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.d - b.d);
  let open = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (open += e.d));
  return most;
}

test(`30 events, maxInFlight ${MAX}, two workers: never more than ${MAX} open at the sink, all at the first attempt`, async () => {
  const events = Array.from({ length: 30 }, (_, n) => ({ type: 'item.created', data: { n } }));
  const res = await api(`${hubs[0].url}/v1/events/batch`, { key: KEY, body: { events } });
  expect(res.status).toBe(207);
  await sink.waitFor(30, 60_000);
  await eventually(async () => (sink.received.every((r) => r.answeredAt !== undefined) ? true : undefined), 5_000, 'answers');
  const most = mostOpenAtOnce();
  console.log(`[maxInFlight] 30 events at ${MAX} in flight, 300 ms each: at most ${most} open at the sink`);
  expect(most).toBeLessThanOrEqual(MAX);
  expect(most).toBeGreaterThan(1);
  for (const { id } of res.body.results as { id: string }[]) {
    const status = await eventually(
      async () => {
        const got = await api(`${hubs[0].url}/v1/events/${id}`, { key: KEY });
        return got.body.destinations?.[0]?.status === 'delivered' ? got.body : undefined;
      },
      30_000,
      'delivered',
    );
    expect(status.destinations[0].attempts).toBe(1);
  }
}, 120_000);
