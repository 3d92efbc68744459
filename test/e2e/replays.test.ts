// Bulk replay end to end: deliveries that failed while a destination was down are sent again
// once it is back, with their event id and webhook-id, attempts continuing the same list, at
// most limits.replayPerSecond a second; a second replay of the window finds nothing left; a
// replay can be cancelled; another tenant's key sees none of it.
import { MockActivityEnvironment } from '@temporalio/testing';
import { createReplayPage } from '../../activities/replay';
import { retryDeliveries } from '../../src/events/retry';
import type { BarrageConfig } from '../../src/config';
import { deliveryWorkflowId, type ReplayPageResult } from '../../src/contracts';
import { createLogger } from '../../src/telemetry/logger';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, temporalClient, type TestHub } from '../helpers/hub';
import { busiestSecond, eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-replays-a';
const KEY_B = 'key-replays-b';
const EVENTS = 8;
let hub: TestHub;
let sink: TestSink;
let config: BarrageConfig;
let up = false;

beforeAll(async () => {
  sink = await startTestSink((req) => ({ status: up || !req.path.endsWith('/down') ? 200 : 500 }));
  const once = { maximumAttempts: 2, initialInterval: '100ms', jitter: 0 };
  config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('replays'),
    tenants: [
      {
        id: 'replays_a',
        namespace: 'barrage-replays',
        apiKeys: [KEY],
        destinations: [
          { ...destination('down', `${sink.url}/down`, { events: ['order.*'], retry: once }), breaker: { enabled: false } },
          destination('fine', `${sink.url}/fine`, { events: ['order.paid'] }),
        ],
      },
      { id: 'replays_b', namespace: 'barrage-replays-b', apiKeys: [KEY_B], destinations: [] },
    ],
    raw: { limits: { replayPerSecond: 3 } },
  });
  hub = await startHub(config, ['receiver', 'worker']);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown, key = KEY) =>
  api(`${hub.url}${path}`, { key, body, ...(path.endsWith('/cancel') ? { method: 'POST' } : {}) });
const finished = (id: string, key = KEY) =>
  eventually(
    async () => {
      const res = await call(`/v1/replays/${id}`, undefined, key);
      return res.body.status !== 'running' ? res.body : undefined;
    },
    30_000,
    `replay ${id} to finish`,
  );
const receivedFor = (id: string, path: string) =>
  sink.received.filter((r) => r.headers['webhook-id'] === id && r.path.endsWith(path));

let since = '';
const ids: string[] = [];

test('failed deliveries are sent again once the destination is back: same ids, attempts go on, paced', async () => {
  since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  for (let i = 0; i < EVENTS; i++) {
    const res = await call('/v1/events', { type: 'order.created', id: uniqueName(`rp${i}`), data: { i } });
    expect(res.status).toBe(202);
    ids.push(res.body.id);
  }
  // Each fails twice, then for good.
  await eventually(
    async () => {
      const statuses = await Promise.all(ids.map(async (id) => (await call(`/v1/events/${id}`)).body.status));
      return statuses.every((s) => s === 'failed') ? true : undefined;
    },
    30_000,
    'every delivery failed',
  );
  up = true;
  const started = await call('/v1/replays', { since, destination: 'down' });
  expect(started.status).toBe(202);
  expect(started.body).toMatchObject({ status: 'running', filter: { since, statuses: ['failed'], destination: 'down' } });
  expect(started.body.id).toMatch(/^rpl_/);
  const done = await finished(started.body.id);
  expect(done).toMatchObject({ status: 'completed', matched: EVENTS, replayed: EVENTS, skipped: 0, errors: 0 });
  expect(done.finishedAt).toBeDefined();
  for (const id of ids) {
    const got = receivedFor(id, '/down');
    expect([id, got.length, got.at(-1)?.status]).toEqual([id, 3, 200]);
    const attempts = (await call(`/v1/events/${id}/attempts`)).body.attempts.map((a: { attempt: number; outcome: string }) => [
      a.attempt,
      a.outcome,
    ]);
    expect(attempts).toEqual([
      [1, 'retryable'],
      [2, 'retryable'],
      [3, 'delivered'],
    ]);
  }
  // limits.replayPerSecond 3: the replayed requests never came more than 3 (+1 at a page edge) in a second.
  const replayedAt = ids.map((id) => receivedFor(id, '/down').at(-1)!.at);
  expect(busiestSecond(replayedAt)).toBeLessThanOrEqual(4);
}, 90_000);

test('a second replay of the same window finds nothing failed; statuses: delivered sends again', async () => {
  const again = await finished((await call('/v1/replays', { since, destination: 'down' })).body.id);
  expect(again).toMatchObject({ status: 'completed', matched: 0, replayed: 0 });
  const paid = await call('/v1/events', { type: 'order.paid', id: uniqueName('paid'), data: {} });
  await eventually(async () => (receivedFor(paid.body.id, '/fine').length === 1 ? true : undefined), 10_000, 'paid delivered');
  const resend = await finished(
    (await call('/v1/replays', { since, statuses: ['delivered'], destination: 'fine', eventTypes: ['order.*'] })).body.id,
  );
  expect(resend).toMatchObject({ status: 'completed', matched: 1, replayed: 1 });
  await eventually(async () => (receivedFor(paid.body.id, '/fine').length === 2 ? true : undefined), 10_000, 'paid sent again');
});

test('cancel stops a replay; lists and other tenants', async () => {
  up = false;
  const more: string[] = [];
  for (let i = 0; i < 12; i++)
    more.push((await call('/v1/events', { type: 'order.created', id: uniqueName(`c${i}`), data: {} })).body.id);
  await eventually(
    async () =>
      (await Promise.all(more.map(async (id) => (await call(`/v1/events/${id}`)).body.status))).every((s) => s === 'failed')
        ? true
        : undefined,
    30_000,
    'the new ones failed',
  );
  const started = await call('/v1/replays', { since, destination: 'down' });
  const cancelled = await call(`/v1/replays/${started.body.id}/cancel`);
  expect(cancelled.status).toBe(200);
  const done = await finished(started.body.id);
  expect(done.status).toBe('cancelled');
  expect(done.replayed).toBeLessThan(12);
  const list = await call('/v1/replays?limit=2');
  expect(list.body.replays).toHaveLength(2);
  expect(list.body.nextCursor).toBeDefined();
  const next = await call(`/v1/replays?limit=10&cursor=${list.body.nextCursor}`);
  expect([...list.body.replays, ...next.body.replays].map((r: { id: string }) => r.id)).toContain(started.body.id);
  expect((await call(`/v1/replays/${started.body.id}`, undefined, KEY_B)).status).toBe(404);
  expect((await call('/v1/replays', undefined, KEY_B)).body.replays).toEqual([]);
  expect((await call('/v1/replays/rpl_nope')).status).toBe(404);
  const bad = await call('/v1/replays', { since: 'yesterday' });
  expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'since']);
  const backwards = await call('/v1/replays', { since, until: '2020-01-01T00:00:00Z' });
  expect([backwards.status, backwards.body.error.details[0].path]).toEqual([400, 'until']);
}, 90_000);

test('a page run again (its worker died after sending it) sends nothing twice', async () => {
  up = false;
  const dup: string[] = [];
  for (let i = 0; i < 3; i++)
    dup.push((await call('/v1/events', { type: 'order.dup', id: uniqueName(`d${i}`), data: {} })).body.id);
  await eventually(
    async () =>
      (await Promise.all(dup.map(async (id) => (await call(`/v1/events/${id}`)).body.status))).every((s) => s === 'failed')
        ? true
        : undefined,
    30_000,
    'the dup ones failed',
  );
  up = true;
  const client = await temporalClient(testTemporalAddress(), 'barrage-replays');
  try {
    const tenant = config.tenants[0];
    const page = createReplayPage({
      retry: retryDeliveries,
      clientFor: () => client,
      tenantOf: () => tenant,
      taskQueue: config.temporal.taskQueue,
      logger: createLogger('silent'),
    });
    const req = {
      replayId: 'rpl_same',
      tenantId: tenant.id,
      filter: { since, statuses: ['failed' as const], eventTypes: ['order.dup'] },
      limit: 10,
    };
    const first = (await new MockActivityEnvironment({ workflowNamespace: 'barrage-replays' }).run(
      page,
      req,
    )) as ReplayPageResult;
    expect(first.counts).toEqual({ matched: 3, replayed: 3, skipped: 0, errors: 0 });
    const again = (await new MockActivityEnvironment({ workflowNamespace: 'barrage-replays' }).run(
      page,
      req,
    )) as ReplayPageResult;
    expect(again.counts).toEqual({ matched: 3, replayed: 3, skipped: 0, errors: 0 });
    // A replay workflow in another namespace cannot act on this tenant, whatever its input says.
    await expect(new MockActivityEnvironment({ workflowNamespace: 'barrage-replays-b' }).run(page, req)).rejects.toThrow(
      /named tenant replays_a/,
    );
    for (const id of dup) {
      // Visibility may lag a moment behind the starts.
      const runs = await eventually(
        async () => {
          const found = [];
          for await (const run of client.workflow.list({ query: `WorkflowId = '${deliveryWorkflowId(id, 'down')}'` }))
            found.push(run.runId);
          return found.length >= 2 ? found : undefined;
        },
        10_000,
        `two runs of ${id}`,
      );
      expect([id, runs.length]).toEqual([id, 2]);
    }
  } finally {
    await client.connection.close();
  }
}, 60_000);
