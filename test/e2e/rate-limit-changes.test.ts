// A rate limit set, changed and removed through the destinations API reaches the task queue that
// enforces it: the worker follows the registry and keeps the queue's per-destination weights (its
// rates) in step, read back from Temporal's own description of the queue.
import { rateLimitedTaskQueue } from '../../src/contracts';
import { uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, temporalClient } from '../helpers/hub';
import { startTenantHub, type DatabaseHub } from '../helpers/registry';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-rate-changes';
const NAMESPACE = 'barrage-rate-changes';
const taskQueue = uniqueName('rate-changes');
let hub: DatabaseHub;
let sink: TestSink;

beforeAll(async () => {
  sink = await startTestSink();
  hub = await startTenantHub({ id: 'rates', namespace: NAMESPACE, apiKeys: [KEY], destinations: [] }, taskQueue);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

/** The weight overrides and per-key rate Temporal holds for the rate-limited activity queue. */
async function queueConfig() {
  const client = await temporalClient(testTemporalAddress(), NAMESPACE);
  try {
    const answer = await client.workflowService.describeTaskQueue({
      namespace: NAMESPACE,
      taskQueue: { name: rateLimitedTaskQueue(taskQueue) },
      taskQueueType: 2, // activity
      reportConfig: true,
    });
    return {
      perKey: answer.config?.fairnessKeysRateLimitDefault?.rateLimit?.requestsPerSecond,
      weights: { ...(answer.config?.fairnessWeightOverrides ?? {}) },
    };
  } finally {
    await client.connection.close();
  }
}

const untilWeights = (want: Record<string, number>) =>
  eventually(async () => {
    const got = await queueConfig();
    return JSON.stringify(got.weights) === JSON.stringify(want) ? got : undefined;
  }, 10_000);

test('create, change and remove a rate limit: the queue follows; a limited delivery is served', async () => {
  const created = await api(`${hub.url}/v1/destinations`, {
    key: KEY,
    body: { id: 'hooks', url: sink.url, events: ['rate.*'], rateLimit: { perSecond: 5 } },
  });
  expect(created.status).toBe(201);
  expect(created.body.rateLimit).toEqual({ perSecond: 5 });
  expect(await untilWeights({ hooks: 5 })).toEqual({ perKey: 1, weights: { hooks: 5 } });

  const sent = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'rate.one', data: {} } });
  expect(sent.status).toBe(202);
  expect((await sink.waitFor(1))[0].headers['webhook-id']).toBe(sent.body.id);

  const changed = await api(`${hub.url}/v1/destinations/hooks`, {
    method: 'PATCH',
    key: KEY,
    body: { rateLimit: { perSecond: 50 } },
  });
  expect(changed.status).toBe(200);
  await untilWeights({ hooks: 50 });

  const removed = await api(`${hub.url}/v1/destinations/hooks`, { method: 'PATCH', key: KEY, body: { rateLimit: null } });
  expect(removed.status).toBe(200);
  expect(removed.body.rateLimit).toBeUndefined();
  await untilWeights({});
}, 60_000);

test('a rate limit of zero or below is refused with the field named, and nothing is stored', async () => {
  for (const perSecond of [0, -1]) {
    const res = await api(`${hub.url}/v1/destinations`, {
      key: KEY,
      body: { id: `bad-${perSecond + 1}`, url: sink.url, rateLimit: { perSecond } },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('rateLimit.perSecond');
  }
  const list = await api(`${hub.url}/v1/destinations`, { key: KEY });
  expect(list.body.destinations.map((d: { id: string }) => d.id)).not.toContain('bad-1');
});
