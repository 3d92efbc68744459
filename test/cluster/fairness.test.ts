// Fairness between tenants, on temporal-server + PostgreSQL: tenant A posts a burst of 2,000
// events to a slow destination; tenant B's deliveries to a fast one keep their pace. Each tenant is
// its own namespace, so B's tasks never wait in A's queues; what they share is the server, and
// there each namespace's worker keeps only as many workflow tasks in flight as its round trips
// show the server can take without queueing (worker.adaptiveWorkflowTasks, src/roles/adaptive-slots.ts).
// With fixed slots (100 a namespace) B's p50 accept → delivered was 13–15× its idle value during
// the burst on this 2-core machine; adaptive, 2.9–3.1× (docs/PERFORMANCE.md, "Fairness between tenants").
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const BURST = 2_000;
const PROBES = 20;
let hub: TestHub;
let slow: TestSink;
let fast: TestSink;

beforeAll(async () => {
  slow = await startTestSink(() => ({ status: 200, delayMs: 300 }));
  fast = await startTestSink();
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('fair'),
    tenants: [
      { id: 'fair-a', namespace: 'barrage-e2e', apiKeys: ['key-a'], destinations: [destination('slow', slow.url)] },
      { id: 'fair-b', namespace: 'barrage-e2e-b', apiKeys: ['key-b'], destinations: [destination('fast', fast.url)] },
    ],
    raw: { server: { port: 0, maxBodyBytes: 1_048_576 } },
  });
  hub = await startHub(config);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await slow?.close();
  await fast?.close();
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** B's accept → delivered latencies (from the 202 to the sink having it) for `count` events posted `gapMs` apart. */
async function measureB(count: number, gapMs: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const before = fast.received.length;
    const res = await api(`${hub.url}/v1/events`, { key: 'key-b', body: { type: 'probe.sent', data: { i } } });
    expect(res.status).toBe(202);
    const accepted = Date.now();
    // Generous: in CI, beside the other tier, the first of B's events after A's 2,000 starts once
    // took over 30 s (the p50 is what is measured; the maximum is logged).
    const got = await eventually(async () => fast.received[before], 120_000, 'B delivered');
    latencies.push(got.at - accepted);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return latencies;
}

test('tenant B keeps its latency while tenant A bursts 2,000 events to a slow destination', async () => {
  await measureB(3, 100); // warm-up: a namespace's first deliveries also start its pollers' work
  const idle = median(await measureB(PROBES, 200));
  const batches = Array.from({ length: BURST / 100 }, (_, b) =>
    api(`${hub.url}/v1/events/batch`, {
      key: 'key-a',
      body: { events: Array.from({ length: 100 }, (_, n) => ({ type: 'bulk.item', data: { n: b * 100 + n } })) },
    }),
  );
  // B measures while A's burst is accepted and its backlog waits for the slow destination.
  const [busyLatencies, answers] = await Promise.all([
    new Promise((r) => setTimeout(r, 500)).then(() => measureB(PROBES, 200)),
    Promise.all(batches),
  ]);
  for (const a of answers) expect(a.status).toBe(207);
  const backlogLeft = BURST - slow.received.length;
  const busy = median(busyLatencies);
  console.log(
    `[fairness] B p50 accept→delivered: idle ${idle} ms, during A's burst of ${BURST} ${busy} ms ` +
      `(${(busy / idle).toFixed(2)}×, target 3×); max ${Math.max(...busyLatencies)} ms; ${backlogLeft} of A's undelivered when B finished`,
  );
  // Every one of B's deliveries went while most of A's still waited: none queued behind A's backlog.
  expect(backlogLeft).toBeGreaterThan(BURST / 2);
  // The target is 3×; on this machine the runs measured 2.9–3.7× alone, and up to 7.4× in a
  // CI run whose other suites loaded both cores, so the check allows 10×: fixed slots measured
  // 13–15× (alone), which it still catches. The figure itself is the bench's (scenario 15).
  expect(busy).toBeLessThan(10 * idle);
  // A is served too, not parked behind B: its deliveries go on arriving. (The rest of its backlog,
  // minutes of work on two cores, is left on this test's own task queue when the hub stops.)
  // (In CI beside the chaos test, A's first deliveries came after more than 90 s: its 2,000 callback
  // tasks go first.)
  await eventually(async () => (slow.received.length >= 1 ? true : undefined), 240_000, "A's deliveries under way");
}, 600_000);
