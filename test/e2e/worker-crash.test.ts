// Kill -9 the worker process while deliveries are in flight; a new worker finishes every one,
// and the crash costs no attempt against the destination.
import { destination, testConfig, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const EVENTS = 12;
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
  // Slow destination: each request takes 1.5 s, so a kill lands mid-attempt.
  sink = await startTestSink(() => ({ status: 200, delayMs: 1500 }));
  const options = {
    address: testTemporalAddress(),
    taskQueue: uniqueName('crash'),
    tenants: [
      {
        id: 'crash',
        namespace: 'barrage-kill',
        apiKeys: ['key-crash'],
        destinations: [destination('slow', sink.url, { timeout: '3s' })],
      },
    ],
  };
  configFile = writeTestConfigFile('barrage-crash', options);
  receiver = await startHub(testConfig(options), ['receiver']);
});

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await receiver?.stop();
  await sink?.close();
});

test('a worker killed mid-run and started again still delivers everything, without spending attempts', async () => {
  const first = startWorker();
  await first.waitForOutput(/worker running/);
  const ids: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const res = await api(`${receiver.url}/v1/events`, { key: 'key-crash', body: { type: 'crash.test', data: { i } } });
    expect(res.status).toBe(202);
    ids.push(res.body.id);
  }
  await sink.waitFor(3, 30_000);
  first.child.kill('SIGKILL');
  expect(await first.exited).toBeNull();
  // Each answer takes 1.5 s, so the kill lands while these attempts are still open.
  const answeredBeforeKill = sink.received.filter((r) => r.answeredAt !== undefined).length;
  expect(answeredBeforeKill).toBeLessThan(EVENTS);

  const second = startWorker();
  await second.waitForOutput(/worker running/);
  const states = await eventually(
    async () => {
      const all = await Promise.all(ids.map((id) => api(`${receiver.url}/v1/events/${id}`, { key: 'key-crash' })));
      return all.every((s) => s.body.status === 'delivered') ? all.map((s) => s.body) : undefined;
    },
    60_000,
    'every event delivered after the restart',
  );

  expect(new Set(sink.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(ids));
  // The attempt cut off by the crash is re-run as the same attempt, not counted twice.
  for (const state of states)
    expect(state.destinations[0]).toMatchObject({ status: 'delivered', attempts: 1, lastAttempt: { attempt: 1 } });

  // With no worker running at all, status still reads from the stored results.
  second.child.kill('SIGKILL');
  await second.exited;
  const afterWorkersGone = await api(`${receiver.url}/v1/events/${ids[0]}`, { key: 'key-crash' });
  expect(afterWorkersGone).toMatchObject({ status: 200, body: { status: 'delivered' } });
});
