// rateLimit.burst across worker processes: 200 events to a destination limited to 20/s with a
// burst of 5, served by two worker processes sharing the registry's PostgreSQL. Temporal's
// task-queue limit alone lets one second's worth go at once (up to 2 × 20 + 1 in a second, see
// rate-limits.test.ts); the shared bucket trims that to 20 + 5. Every event is delivered at its
// first attempt: an attempt held for a token is not an attempt.
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
import { busiestSecond, eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-burst';
const PER_SECOND = 20;
const BURST = 5;
const EVENTS = 200;
let sink: TestSink;
let procs: RoleProcesses;
let url = '';

beforeAll(async () => {
  sink = await startTestSink();
  const file = join(mkdtempSync(join(tmpdir(), 'barrage-burst-')), 'barrage.yaml');
  const limited = {
    id: 'limited',
    type: 'http',
    url: sink.url,
    secret: TEST_SECRET,
    events: ['limited.*'],
    rateLimit: { perSecond: PER_SECOND, burst: BURST },
  };
  writeFileSync(
    file,
    stringify({
      server: { port: 0, maxBodyBytes: 1_048_576 },
      temporal: { namespaceCacheRefresh: '2s', address: testTemporalAddress(), taskQueue: uniqueName('burst') },
      database: { url: 'env:DATABASE_URL' },
      security: { allowPrivateDestinations: true, encryptionKey: 'env:BARRAGE_ENCRYPTION_KEY' },
      log: { level: 'info' },
      tenants: [{ id: 'burst', namespace: 'barrage-burst', apiKeys: [KEY], destinations: [limited] }],
    }),
  );
  const env = { ...process.env, DATABASE_URL: await createTestDatabase('burst'), BARRAGE_ENCRYPTION_KEY: newEncryptionKey() };
  procs = await startRoleProcesses(file, env);
  url = procs.url;
}, 120_000);

afterAll(async () => {
  await procs?.stop();
  await sink?.close();
});

test(`${EVENTS} events at ${PER_SECOND}/s with a burst of ${BURST}: at most rate + burst in any second, all at the first attempt`, async () => {
  const ids: string[] = [];
  for (let i = 0; i < EVENTS / 100; i++) {
    const events = Array.from({ length: 100 }, (_, n) => ({ type: 'limited.item', data: { n: i * 100 + n } }));
    const res = await api(`${url}/v1/events/batch`, { key: KEY, body: { events } });
    expect(res.status).toBe(207);
    ids.push(...res.body.results.map((r: { id: string }) => r.id));
  }
  await sink.waitFor(EVENTS, 90_000);
  const times = sink.received.map((r) => r.at);
  const busiest = busiestSecond(times);
  const took = (Math.max(...times) - Math.min(...times)) / 1000;
  console.log(
    `[burst] ${EVENTS} at ${PER_SECOND}/s, burst ${BURST}: busiest second ${busiest} at the sink; ${took.toFixed(1)} s`,
  );
  expect(new Set(sink.received.map((r) => r.headers['webhook-id'])).size).toBe(EVENTS);
  // A worker starved of CPU can bunch a few requests it was allowed apart: a fifth more room, still
  // well under the 2 × 20 + 1 that Temporal's one-second bucket alone allows.
  expect(busiest).toBeLessThanOrEqual(Math.ceil(1.2 * (PER_SECOND + BURST)));
  expect(took).toBeGreaterThanOrEqual((EVENTS - PER_SECOND - BURST) / PER_SECOND);
  const last = await eventually(async () => {
    const got = await api(`${url}/v1/events/${ids[EVENTS - 1]}`, { key: KEY });
    return got.body.status === 'delivered' ? got.body : undefined;
  });
  expect(last.destinations[0].attempts).toBe(1);
}, 150_000);
