// The circuit breaker across worker processes (two `barrage start --role worker` on one
// PostgreSQL): a sink that fails every request for a while opens the shared circuit after 5
// failures; while it is open the sink sees only the probes; after it recovers every event is
// delivered with no manual call, and no delivery used more attempts than the failures it saw.
// Then the same with a worker killed (SIGKILL) while the circuit is open.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { newEncryptionKey } from '../../src/store/secret-box';
import { TEST_SECRET, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { createTestDatabase } from '../helpers/postgres';
import { startRoleProcesses, type RoleProcesses } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-breaker';
const EVENTS = 20;
const COOL_DOWN_MS = 3_000;
const PROBES = 3;
const sinks: Record<string, TestSink> = {};
const outages: Record<string, { endsAt?: number; lengthMs: number }> = {
  steady: { lengthMs: 20_000 },
  killed: { lengthMs: 15_000 },
};
let procs: RoleProcesses;
let url = '';

const breakerDestination = (id: string) => ({
  id,
  type: 'http',
  url: sinks[id].url,
  secret: TEST_SECRET,
  events: [`${id}.*`],
  timeout: '3s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '4s', maximumAttempts: 40, jitter: 0 },
  breaker: { failures: 5, coolDown: `${COOL_DOWN_MS}ms`, maxCoolDown: '6s', probes: PROBES },
});

beforeAll(async () => {
  for (const id of Object.keys(outages)) {
    // Fails everything from the first request until the outage has lasted its length.
    sinks[id] = await startTestSink((req) => {
      const outage = outages[id];
      outage.endsAt ??= req.at + outage.lengthMs;
      return { status: req.at < outage.endsAt ? 503 : 200 };
    });
  }
  const file = join(mkdtempSync(join(tmpdir(), 'barrage-breaker-')), 'barrage.yaml');
  writeFileSync(
    file,
    stringify({
      server: { port: 0 },
      temporal: { namespaceCacheRefresh: '2s', address: testTemporalAddress(), taskQueue: uniqueName('breaker') },
      database: { url: 'env:DATABASE_URL' },
      security: { allowPrivateDestinations: true, encryptionKey: 'env:BARRAGE_ENCRYPTION_KEY' },
      log: { level: 'info' },
      tenants: [
        { id: 'brk', namespace: 'barrage-breaker', apiKeys: [KEY], destinations: Object.keys(outages).map(breakerDestination) },
      ],
    }),
  );
  const env = { ...process.env, DATABASE_URL: await createTestDatabase('breaker'), BARRAGE_ENCRYPTION_KEY: newEncryptionKey() };
  procs = await startRoleProcesses(file, env);
  url = procs.url;
}, 120_000);

afterAll(async () => {
  await procs?.stop();
  for (const sink of Object.values(sinks)) await sink.close();
});

const health = async (id: string) => (await api(`${url}/v1/destinations/${id}`, { key: KEY })).body.health;

/** Posts the events, waits for the circuit to open, and returns when it did and the event ids. */
async function floodAndOpen(id: string): Promise<{ ids: string[]; openedAt: number }> {
  const events = Array.from({ length: EVENTS }, (_, n) => ({ type: `${id}.created`, data: { n } }));
  const res = await api(`${url}/v1/events/batch`, { key: KEY, body: { events } });
  expect(res.status).toBe(207);
  const opened = await eventually(
    async () => {
      const h = await health(id);
      return h.state === 'open' ? h : undefined;
    },
    20_000,
    'the circuit to open',
  );
  expect(opened.lastError).toMatch(/503/);
  return { ids: res.body.results.map((r: { id: string }) => r.id), openedAt: Date.parse(opened.since) };
}

/**
 * Every event delivered; each used the attempts it failed plus the one that went through — or
 * fewer, where a killed worker's request reached the sink but its attempt was never recorded (the
 * run is lost and made again by the other worker under the same attempt number).
 */
async function expectAllDeliveredHonestly(id: string, ids: string[], workerKilled = false): Promise<void> {
  const sink = sinks[id];
  await eventually(
    async () => (new Set(sink.received.filter((r) => r.status === 200).map(eventOf)).size >= EVENTS ? true : undefined),
    90_000,
    'every event delivered',
  );
  const failuresSeen = new Map<string, number>();
  for (const r of sink.received) if (r.status === 503) failuresSeen.set(eventOf(r), (failuresSeen.get(eventOf(r)) ?? 0) + 1);
  for (const eventId of ids) {
    const status = await eventually(
      async () => {
        const got = await api(`${url}/v1/events/${eventId}`, { key: KEY });
        return got.body.destinations?.[0]?.status === 'delivered' ? got.body : undefined;
      },
      30_000,
      `event ${eventId} delivered`,
    );
    const honest = (failuresSeen.get(eventId) ?? 0) + 1;
    if (workerKilled) expect(status.destinations[0].attempts).toBeLessThanOrEqual(honest);
    else expect(status.destinations[0].attempts).toBe(honest);
  }
  expect((await health(id)).state).toBe('closed');
}

const eventOf = (r: { headers: Record<string, unknown> }) => String(r.headers['webhook-id']).split('~')[0];

/** Requests the sink got after the circuit opened and before it recovered: the probes. */
function probesDuringOutage(id: string, openedAt: number): number {
  const endsAt = outages[id].endsAt!;
  // Attempts already running when it opened may still land in the first moment after.
  return sinks[id].received.filter((r) => r.at > openedAt + 500 && r.at < endsAt).length;
}

/** At most PROBES per cool-down window that could end inside the outage. */
const probeCeiling = (id: string, openedAt: number) => PROBES * Math.ceil((outages[id].endsAt! - openedAt) / COOL_DOWN_MS);

test('opens after 5 failures, only probes reach the sink while open, all delivered after recovery', async () => {
  const { ids, openedAt } = await floodAndOpen('steady');
  await expectAllDeliveredHonestly('steady', ids);
  const probes = probesDuringOutage('steady', openedAt);
  const failures = sinks.steady.received.filter((r) => r.status === 503).length;
  console.log(
    `[breaker] ${EVENTS} events, ${outages.steady.lengthMs / 1000} s outage: ${failures} failed requests in all, ` +
      `${probes} while open (ceiling ${probeCeiling('steady', openedAt)}); ${sinks.steady.received.length} requests in all`,
  );
  expect(probes).toBeGreaterThan(0);
  expect(probes).toBeLessThanOrEqual(probeCeiling('steady', openedAt));
}, 150_000);

test('a worker killed while the circuit is open: the other holds on, all delivered after recovery', async () => {
  const { ids, openedAt } = await floodAndOpen('killed');
  procs.workers[0].child.kill('SIGKILL');
  await procs.workers[0].exited;
  procs.workers[0] = procs.start('worker');
  await procs.workers[0].waitForOutput(/"msg":"worker running"/);
  await expectAllDeliveredHonestly('killed', ids, true);
  const probes = probesDuringOutage('killed', openedAt);
  console.log(`[breaker] worker killed while open: ${probes} requests while open (ceiling ${probeCeiling('killed', openedAt)})`);
  expect(probes).toBeLessThanOrEqual(probeCeiling('killed', openedAt));
}, 150_000);
