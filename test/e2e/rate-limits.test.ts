// A destination's rateLimit, enforced by Temporal for all workers together: 300 events to a
// destination limited to 20/s, served by two worker roles, arrive at no more than 20/s plus one
// second's burst in any second; all are delivered at their first attempt (waiting for the limit
// is not a failure); an unlimited destination of the same tenant keeps the main task queue.
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import type { Client } from '@temporalio/client';
import { deliveryWorkflowId } from '../../src/contracts';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { busiestSecond, eventually, startTestSink, type TestSink } from '../helpers/sink';

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
  await client?.connection.close();
  for (const hub of hubs) await hub.stop();
  await limited?.close();
  await free?.close();
});

let client: Client | undefined;
const historyOf = async (eventId: string, destinationId: string) => {
  client ??= await temporalClient(testTemporalAddress(), 'barrage-rate');
  return (await client.workflow.getHandle(deliveryWorkflowId(eventId, destinationId)).fetchHistory()).events ?? [];
};

/** The task queue a delivery's first attempt was scheduled on, from its history. */
async function attemptQueue(eventId: string, destinationId: string): Promise<string | undefined> {
  const scheduled = (await historyOf(eventId, destinationId)).find((e) => e.activityTaskScheduledEventAttributes);
  return scheduled?.activityTaskScheduledEventAttributes?.taskQueue?.name ?? undefined;
}

/** When Temporal handed the delivery's first attempt to a worker (its ActivityTaskStarted). */
async function attemptStartedAt(eventId: string, destinationId: string): Promise<number> {
  const started = (await historyOf(eventId, destinationId)).find((e) => e.activityTaskStartedEventAttributes)!;
  return Number(started.eventTime!.seconds) * 1000 + Math.floor((started.eventTime!.nanos ?? 0) / 1e6);
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
  const dispatched = busiestSecond(await Promise.all(ids.map((id) => attemptStartedAt(id, 'limited'))));
  const freeAt = (await free.waitFor(1, 30_000))[0].at;
  const limitedBeforeFree = limited.received.filter((r) => r.at <= freeAt).length;
  console.log(
    `[rate limit] 300 at ${PER_SECOND}/s: ${took.toFixed(1)} s; busiest second ${dispatched} handed out by Temporal, ` +
      `${busiest} at the sink; ` +
      `the unlimited destination's event arrived after ${limitedBeforeFree} limited ones`,
  );
  expect(new Set(limited.received.map((r) => r.headers['webhook-id'])).size).toBe(300);
  // Where the limit is enforced, Temporal hands attempts to workers: one second's worth may go at
  // once (its bucket), then the rate, so at most twice the rate (+1 at the window's edge) in any
  // second. The sink sees the same stream after the workers: a worker starved of CPU (the whole
  // suite runs beside this test) can bunch a few, so it gets half again as much room (a clean-clone
  // CI run saw 51 at the sink while Temporal handed out no more than the bound).
  expect(dispatched).toBeLessThanOrEqual(2 * PER_SECOND + 1);
  expect(busiest).toBeLessThanOrEqual(3 * PER_SECOND);
  expect(took).toBeGreaterThanOrEqual((300 - 2 * PER_SECOND) / PER_SECOND);
  const last = await eventually(async () => {
    const got = await api(`${hubs[0].url}/v1/events/${ids[299]}`, { key: KEY });
    return got.body.status === 'delivered' ? got.body : undefined;
  });
  expect(last.destinations[0].attempts).toBe(1);
  expect(await attemptQueue(ids[0], 'limited')).toBe(`${taskQueue}-rate-limited`);
  expect(await attemptQueue(quick.body.id, 'free')).toBe(taskQueue);
}, 90_000);
