// A destination's rateLimit, enforced by Temporal for all workers together: 300 events to a
// destination limited to 20/s, served by two worker roles, arrive at no more than 20/s plus one
// second's burst in any second; all are delivered at their first attempt (waiting for the limit
// is not a failure); an unlimited destination of the same tenant keeps the main task queue.
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { deliveryWorkflowId } from '../../src/contracts';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-rate';
const PER_SECOND = 20;
let limited: TestSink;
let free: TestSink;
const hubs: TestHub[] = [];
const taskQueue = uniqueName('rate');

beforeAll(async () => {
  limited = await startTestSink();
  free = await startTestSink();
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue,
    tenants: [
      {
        id: 'rate',
        namespace: 'barrage-rate',
        apiKeys: [KEY],
        destinations: [
          destination('limited', limited.url, { events: ['limited.*'], rateLimit: { perSecond: PER_SECOND } }),
          destination('free', free.url, { events: ['free.*'] }),
        ],
      },
    ],
    raw: { server: { port: 0, maxBodyBytes: 1_048_576 } },
  });
  hubs.push(await startHub(config, ['receiver']));
  hubs.push(await startHub(config, ['worker']), await startHub(config, ['worker']));
}, 60_000);

afterAll(async () => {
  for (const hub of hubs) await hub.stop();
  await limited?.close();
  await free?.close();
});

/** The task queue a delivery's first attempt was scheduled on, from its history. */
async function attemptQueue(eventId: string, destinationId: string): Promise<string | undefined> {
  const client = await temporalClient(testTemporalAddress(), 'barrage-rate');
  try {
    const history = await client.workflow.getHandle(deliveryWorkflowId(eventId, destinationId)).fetchHistory();
    return (
      history.events!.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes?.taskQueue
        ?.name ?? undefined
    );
  } finally {
    await client.connection.close();
  }
}

/** The most arrivals in any one-second window. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

test('300 events at 20/s: within the limit plus one second’s burst, all delivered at the first attempt', async () => {
  const url = `${hubs[0].url}/v1/events/batch`;
  const started = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const events = Array.from({ length: 100 }, (_, n) => ({ type: 'limited.item', data: { n: i * 100 + n } }));
    const res = await api(url, { key: KEY, body: { events } });
    expect(res.status).toBe(207);
    ids.push(...res.body.results.map((r: { id: string }) => r.id));
  }
  // An unlimited destination of the same tenant keeps the main queue: not held to the limit.
  const quick = await api(`${hubs[0].url}/v1/events`, { key: KEY, body: { type: 'free.item', data: {} } });
  await limited.waitFor(300, 60_000);
  const took = (Date.now() - started) / 1000;
  const busiest = busiestSecond(limited.received.map((r) => r.at));
  const freeAt = (await free.waitFor(1, 30_000))[0].at;
  const limitedBeforeFree = limited.received.filter((r) => r.at <= freeAt).length;
  console.log(
    `[rate limit] 300 at ${PER_SECOND}/s: ${took.toFixed(1)} s; busiest second ${busiest}; ` +
      `the unlimited destination's event arrived after ${limitedBeforeFree} limited ones`,
  );
  expect(new Set(limited.received.map((r) => r.headers['webhook-id'])).size).toBe(300);
  // One second's worth may go at once (Temporal's bucket), then the rate: at most twice the rate in
  // any second, plus 5 % for when the sink's clock sees requests that left a few ms apart.
  expect(busiest).toBeLessThanOrEqual(Math.ceil(2 * PER_SECOND * 1.05));
  expect(took).toBeGreaterThanOrEqual((300 - 2 * PER_SECOND) / PER_SECOND);
  const last = await eventually(async () => {
    const got = await api(`${hubs[0].url}/v1/events/${ids[299]}`, { key: KEY });
    return got.body.status === 'delivered' ? got.body : undefined;
  });
  expect(last.destinations[0].attempts).toBe(1);
  expect(await attemptQueue(ids[0], 'limited')).toBe(`${taskQueue}-rate-limited`);
  expect(await attemptQueue(quick.body.id, 'free')).toBe(taskQueue);
}, 90_000);
