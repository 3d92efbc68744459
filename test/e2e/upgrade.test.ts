// An upgrade meets deliveries the previous release started: the previous release (built from git,
// test/helpers/previous-release.ts) accepts events whose deliveries then wait on a retry timer or
// are mid-attempt, its worker is killed (SIGKILL) and today's worker takes over; every delivery
// is delivered, the waiting ones at their second attempt and the interrupted ones at their first.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { callbackWorkflowId } from '../../src/contracts';
import { TEST_SECRET, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, temporalClient } from '../helpers/hub';
import { previousReleaseCli } from '../helpers/previous-release';
import { CLI, listeningUrl, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-upgrade';
const NAMESPACE = 'barrage-upgrade';
const EVENTS = 5;
let later: TestSink;
let slow: TestSink;
const processes: Spawned[] = [];
let url = '';
let file = '';

/** Answers each event's first request with `first`, later ones with 200. */
function firstThen(first: { status: number; delayMs?: number }) {
  const seen = new Set<string>();
  return (req: { headers: Record<string, unknown> }) => {
    const id = String(req.headers['webhook-id']);
    const isFirst = !seen.has(id);
    seen.add(id);
    return isFirst ? first : { status: 200 };
  };
}

beforeAll(async () => {
  const oldCli = previousReleaseCli();
  later = await startTestSink(firstThen({ status: 503 }));
  slow = await startTestSink(firstThen({ status: 200, delayMs: 60_000 }));
  const destination = (id: string, sinkUrl: string, extra: Record<string, unknown>) => ({
    id,
    type: 'http',
    url: sinkUrl,
    secret: TEST_SECRET,
    events: ['*'],
    ...extra,
  });
  file = join(mkdtempSync(join(tmpdir(), 'barrage-upgrade-')), 'barrage.yaml');
  writeFileSync(
    file,
    stringify({
      server: { port: 0 },
      // The previous release reads this file too: only keys it knows.
      temporal: { address: testTemporalAddress(), taskQueue: uniqueName('upgrade') },
      security: { allowPrivateDestinations: true },
      log: { level: 'info' },
      tenants: [
        {
          id: 'upg',
          namespace: NAMESPACE,
          apiKeys: [KEY],
          destinations: [
            destination('later', later.url, { retry: { initialInterval: '8s', maximumAttempts: 5, jitter: 0 } }),
            destination('slow', slow.url, { timeout: '4s' }),
          ],
        },
      ],
    }),
  );
  const receiver = spawnLogged(process.execPath, [oldCli, 'start', '--config', file, '--role', 'receiver']);
  const oldWorker = spawnLogged(process.execPath, [oldCli, 'start', '--config', file, '--role', 'worker']);
  processes.push(receiver, oldWorker);
  url = await listeningUrl(receiver);
  await oldWorker.waitForOutput(/"msg":"worker running"/);
}, 300_000);

afterAll(async () => {
  for (const p of processes) p.child.kill('SIGTERM');
  await Promise.all(processes.map((p) => p.exited));
  await later?.close();
  await slow?.close();
});

test('deliveries started by the previous release finish on today’s worker', async () => {
  const events = Array.from({ length: EVENTS }, (_, n) => ({ type: 'order.created', data: { n } }));
  const res = await api(`${url}/v1/events/batch`, { key: KEY, body: { events } });
  expect(res.status).toBe(207);
  const ids: string[] = res.body.results.map((r: { id: string }) => r.id);
  // Each "later" delivery failed once and waits on its 8 s timer; each "slow" one is mid-request.
  await later.waitFor(EVENTS, 20_000);
  await slow.waitFor(EVENTS, 20_000);
  const client = await temporalClient(testTemporalAddress(), NAMESPACE);
  try {
    const started = await client.workflow.getHandle(callbackWorkflowId(ids[0])).fetchHistory();
    const input = started.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    expect(JSON.parse(Buffer.from(input.data!).toString()).revision).toBe(2);
  } finally {
    await client.connection.close();
  }
  const [, oldWorker] = processes;
  oldWorker.child.kill('SIGKILL');
  await oldWorker.exited;
  const newWorker = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'worker']);
  processes.push(newWorker);
  await newWorker.waitForOutput(/"msg":"worker running"/);
  for (const id of ids) {
    const status = await eventually(
      async () => {
        const got = await api(`${url}/v1/events/${id}`, { key: KEY });
        const all = got.body.destinations ?? [];
        return all.length === 2 && all.every((d: { status: string }) => d.status === 'delivered') ? got.body : undefined;
      },
      90_000,
      `event ${id} delivered to both`,
    );
    const attempts = Object.fromEntries(
      status.destinations.map((d: { destination: string; attempts: number }) => [d.destination, d.attempts]),
    );
    expect(attempts).toEqual({ later: 2, slow: 1 });
  }
  expect(later.received.filter((r) => r.status === 200)).toHaveLength(EVENTS);
}, 180_000);
