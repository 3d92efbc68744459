// kill -9 the worker process in the middle of an erasure: a new worker finishes it and every
// event is gone (a page run again finds the events it had erased already as notFound).
import { destination, testConfig, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const EVENTS = 20;
const KEY = 'key-erasure-crash';
let sink: TestSink;
let receiver: TestHub;
let configFile: string;
const workers: Spawned[] = [];

function startWorker(): Spawned {
  const worker = spawnLogged(process.execPath, [CLI, 'start', '--config', configFile, '--role', 'worker']);
  workers.push(worker);
  return worker;
}

beforeAll(async () => {
  sink = await startTestSink();
  const options = {
    address: testTemporalAddress(),
    taskQueue: uniqueName('erasure-crash'),
    tenants: [
      { id: 'erasure_crash', namespace: 'barrage-erasure-crash', apiKeys: [KEY], destinations: [destination('ok', sink.url)] },
    ],
    raw: { limits: { replayPerSecond: 3 } },
  };
  configFile = writeTestConfigFile('barrage-erasure-crash', options);
  receiver = await startHub(testConfig(options), ['receiver']);
}, 60_000);

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await receiver?.stop();
  await sink?.close();
});

const call = (path: string, body?: unknown) => api(`${receiver.url}${path}`, { key: KEY, body });

test('a worker killed mid-erasure: the next one finishes it, every event erased', async () => {
  const first = startWorker();
  await first.waitForOutput(/worker running/);
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i++)
    ids.push((await call('/v1/events', { type: 'order.created', id: uniqueName(`x${i}`), data: { i } })).body.id);
  await sink.waitFor(EVENTS, 30_000);
  const erasure = (await call('/v1/erasures', { eventIds: ids })).body.id as string;
  // 3 a second: a few pages in, the worker dies.
  await eventually(
    async () => ((await call(`/v1/erasures/${erasure}`)).body.erased >= 4 ? true : undefined),
    30_000,
    'some erased',
  );
  first.child.kill('SIGKILL');
  const second = startWorker();
  await second.waitForOutput(/worker running/);
  const done = await eventually(
    async () => {
      const res = await call(`/v1/erasures/${erasure}`);
      return res.body.status !== 'running' ? res.body : undefined;
    },
    60_000,
    'the erasure to finish',
  );
  expect(done.status).toBe('completed');
  expect(done.errors).toBe(0);
  expect(done.erased + done.notFound).toBe(EVENTS);
  expect(done.erased).toBeGreaterThanOrEqual(EVENTS - 3);
  for (const id of ids)
    await eventually(async () => ((await call(`/v1/events/${id}`)).status === 404 ? true : undefined), 15_000, id);
}, 150_000);
