// Chaos on the production topology: 1,000 callbacks to 3 destinations whose sink fails 30 % of
// requests at random, while one worker, the receiver, temporal-server and its PostgreSQL are each
// killed with SIGKILL and started again at random moments. The client retries on 5xx and network
// errors with an Idempotency-Key, as a careful sender would. Every accepted callback must reach
// all 3 destinations; a destination may see a delivery twice, but only ever with the same
// webhook-id. The counts are printed for docs/PRODUCTION.md.
import { freePortOutsideEphemeralRange } from '../../src/net/free-port';
import { startTestCluster, type TestCluster } from '../helpers/cluster';
import { destination, uniqueName, writeTestConfigFile } from '../helpers/config';
import { CLI, listeningUrl, spawnLogged, type Spawned } from '../helpers/process';
import { startTestSink, type TestSink } from '../helpers/sink';

const CALLBACKS = 1000;
const CONCURRENCY = 8;
const KEY = 'key-chaos';
const DESTINATIONS = ['d1', 'd2', 'd3'];
const SEND_DEADLINE_MS = 240_000;
const DELIVERY_DEADLINE_MS = 300_000;
const SEED = Date.now() % 100_000;
let seed = SEED;
/** A small seeded generator, so a failing run can be repeated with its printed seed. */
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

let cluster: TestCluster;
let sink: TestSink;
let configFile: string;
let receiverUrl: string;
const processes: Record<'receiver' | 'workerA' | 'workerB', Spawned | undefined> = {
  receiver: undefined,
  workerA: undefined,
  workerB: undefined,
};

const spawnRole = (role: 'receiver' | 'worker') =>
  spawnLogged(process.execPath, [CLI, 'start', '--config', configFile, '--role', role]);

async function startReceiver(): Promise<void> {
  processes.receiver = spawnRole('receiver');
  receiverUrl = await listeningUrl(processes.receiver);
}

async function startWorker(name: 'workerA' | 'workerB'): Promise<void> {
  processes[name] = spawnRole('worker');
  await processes[name]!.waitForOutput(/worker running/, 120_000);
}

beforeAll(async () => {
  console.log(`[chaos] seed ${SEED}`);
  cluster = await startTestCluster();
  sink = await startTestSink(() => ({ status: random() < 0.3 ? 500 : 200 }));
  const port = await freePortOutsideEphemeralRange();
  configFile = writeTestConfigFile('barrage-chaos', {
    address: cluster.address,
    taskQueue: uniqueName('chaos'),
    tenants: [
      {
        id: 'chaos',
        namespace: 'barrage-chaos',
        apiKeys: [KEY],
        destinations: DESTINATIONS.map((d) =>
          destination(d, `${sink.url}/${d}`, {
            retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '2s', maximumAttempts: 100, jitter: 0.2 },
          }),
        ),
      },
    ],
    raw: { server: { port, maxBodyBytes: 4096 } },
  });
  await startReceiver();
  await Promise.all([startWorker('workerA'), startWorker('workerB')]);
}, 240_000);

afterAll(async () => {
  for (const p of Object.values(processes)) p?.child.kill('SIGKILL');
  await sink?.close();
  await cluster?.stop();
});

interface Sent {
  ids: Map<number, string>;
  requests: number;
  retried: number;
}

/** One callback, retried on 5xx and network errors with the same key until accepted. */
async function sendOne(i: number, sent: Sent, deadline: number): Promise<void> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    sent.requests++;
    if (attempt > 0) sent.retried++;
    const answer = await fetch(`${receiverUrl}/v1/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', 'idempotency-key': `chaos-${i}` },
      body: JSON.stringify({ type: 'chaos.tick', data: { i } }),
      signal: AbortSignal.timeout(10_000),
    }).then(
      async (r) => ({ status: r.status, body: (await r.json().catch(() => ({}))) as { id?: string } }),
      () => ({ status: 0, body: {} as { id?: string } }),
    );
    if (answer.status === 202 || answer.status === 200) return void sent.ids.set(i, answer.body.id!);
    if (answer.status !== 0 && answer.status < 500) throw new Error(`callback ${i}: unexpected ${answer.status}`);
    await new Promise((r) => setTimeout(r, Math.min(250 * 2 ** attempt, 2000)));
  }
  throw new Error(`callback ${i} not accepted before the deadline`);
}

async function sendAll(sent: Sent): Promise<void> {
  const deadline = Date.now() + SEND_DEADLINE_MS;
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLBACKS) await sendOne(next++, sent, deadline);
    }),
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Each of the four is killed once, in a random order, at random moments while callbacks flow. */
async function chaos(log: string[]): Promise<void> {
  const kills: Record<string, () => Promise<void>> = {
    worker: async () => {
      processes.workerA!.child.kill('SIGKILL');
      await processes.workerA!.exited;
      await pause(500 + random() * 2000);
      await startWorker('workerA');
    },
    receiver: async () => {
      processes.receiver!.child.kill('SIGKILL');
      await processes.receiver!.exited;
      await pause(500 + random() * 2000);
      await startReceiver();
    },
    'temporal-server': async () => {
      await cluster.server.kill();
      await pause(500 + random() * 2000);
      await cluster.server.start();
    },
    postgresql: async () => {
      await cluster.postgres.kill();
      await pause(500 + random() * 2000);
      await cluster.postgres.start();
    },
  };
  const order = Object.keys(kills).sort(() => random() - 0.5);
  for (const name of order) {
    await pause(2000 + random() * 6000);
    const started = Date.now();
    await kills[name]();
    log.push(`${name} killed and back in ${Date.now() - started} ms`);
  }
}

test('1,000 callbacks × 3 destinations, 30 % sink failures, each process killed -9: all delivered, duplicates only repeat a webhook-id', async () => {
  const sent: Sent = { ids: new Map(), requests: 0, retried: 0 };
  const log: string[] = [];
  await Promise.all([sendAll(sent), chaos(log)]);
  expect(sent.ids.size).toBe(CALLBACKS);
  const accepted = new Set(sent.ids.values());
  expect(accepted.size).toBe(CALLBACKS);

  const delivered = (d: string) =>
    sink.received.filter((r) => r.path.endsWith(`/${d}`) && r.status === 200).map((r) => String(r.headers['webhook-id']));
  const deadline = Date.now() + DELIVERY_DEADLINE_MS;
  let missing = Infinity;
  while (Date.now() < deadline) {
    missing = DESTINATIONS.reduce((n, d) => {
      const got = new Set(delivered(d));
      return n + [...accepted].filter((id) => !got.has(id)).length;
    }, 0);
    if (missing === 0) break;
    await pause(1000);
  }
  const report = DESTINATIONS.map((d) => {
    const ids = delivered(d);
    return `${d}: ${new Set(ids).size} delivered, ${ids.length - new Set(ids).size} repeated, ${sink.received.filter((r) => r.path.endsWith(`/${d}`)).length} requests`;
  });
  console.log(
    `[chaos] seed ${SEED}; ${log.join('; ')}\n[chaos] ${sent.ids.size} accepted from ${sent.requests} requests (${sent.retried} retries); ${report.join('; ')}`,
  );
  expect(missing).toBe(0);
  // Every request any destination saw belongs to an accepted callback: a repeat is the same webhook-id.
  for (const r of sink.received) expect(accepted.has(String(r.headers['webhook-id']))).toBe(true);
}, 900_000);
