// kill -9 the worker process in the middle of a bulk replay: a new worker finishes the replay,
// every failed delivery is sent again, and none gets a second rerun because of the crash (each
// delivery workflow has exactly two runs: the one that failed and the replay's).
import { Connection, Client } from '@temporalio/client';
import { deliveryWorkflowId } from '../../src/contracts';
import { destination, testConfig, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const EVENTS = 24;
const KEY = 'key-replay-crash';
const NAMESPACE = 'barrage-replay-crash';
let sink: TestSink;
let receiver: TestHub;
let configFile: string;
let client: Client;
let up = false;
const workers: Spawned[] = [];

function startWorker(): Spawned {
  const worker = spawnLogged(process.execPath, [CLI, 'start', '--config', configFile, '--role', 'worker']);
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  // Down at first; once up, each request takes 200 ms so the kill lands mid-replay.
  sink = await startTestSink(() => (up ? { status: 200, delayMs: 200 } : { status: 500 }));
  const options = {
    address: testTemporalAddress(),
    taskQueue: uniqueName('replay-crash'),
    tenants: [
      {
        id: 'replay_crash',
        namespace: NAMESPACE,
        apiKeys: [KEY],
        destinations: [{ ...destination('down', sink.url, { retry: { maximumAttempts: 1 } }), breaker: { enabled: false } }],
      },
    ],
    raw: { limits: { replayPerSecond: 4 } },
  };
  configFile = writeTestConfigFile('barrage-replay-crash', options);
  receiver = await startHub(testConfig(options), ['receiver']);
  client = new Client({ connection: await Connection.connect({ address: testTemporalAddress() }), namespace: NAMESPACE });
}, 60_000);

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await receiver?.stop();
  await client?.connection.close();
  await sink?.close();
});

const call = (path: string, body?: unknown) => api(`${receiver.url}${path}`, { key: KEY, body });

test('a worker killed mid-replay: the replay finishes on the next worker, each delivery rerun once', async () => {
  const first = startWorker();
  await first.waitForOutput(/worker running/);
  const since = new Date(Date.now() - 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i++)
    ids.push((await call('/v1/events', { type: 'order.created', id: uniqueName(`k${i}`), data: { i } })).body.id);
  await sink.waitFor(EVENTS, 30_000);
  await eventually(
    async () =>
      (await Promise.all(ids.map(async (id) => (await call(`/v1/events/${id}`)).body.status))).every((s) => s === 'failed')
        ? true
        : undefined,
    30_000,
    'every delivery failed',
  );
  up = true;
  const replay = (await call('/v1/replays', { since })).body.id as string;
  // 4 a second: after a few, the worker dies in the middle of the run.
  await sink.waitFor(EVENTS + 6, 30_000);
  first.child.kill('SIGKILL');
  const second = startWorker();
  await second.waitForOutput(/worker running/);
  const done = await eventually(
    async () => {
      const res = await call(`/v1/replays/${replay}`);
      return res.body.status !== 'running' ? res.body : undefined;
    },
    60_000,
    'the replay to finish',
  );
  expect(done).toMatchObject({ status: 'completed', matched: EVENTS, replayed: EVENTS, errors: 0 });
  for (const id of ids) {
    // Received again (an attempt in flight at the kill may arrive twice: the attempt is retried, not the replay).
    expect(sink.received.filter((r) => r.headers['webhook-id'] === id && r.status === 200).length).toBeGreaterThanOrEqual(1);
    const runs = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = '${deliveryWorkflowId(id, 'down')}'` }))
      runs.push(run.runId);
    expect([id, runs.length]).toEqual([id, 2]);
  }
  expect((await call(`/v1/events/${ids[0]}`)).body.status).toBe('delivered');
}, 150_000);
