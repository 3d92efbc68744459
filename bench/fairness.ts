// Scenario 15: fairness between tenants. Tenant B posts one event at a time to a fast destination
// and times accept → receipt, first with nothing else running, then while tenant A's burst of
// 2,000 events (batches of 100, 20 at once) is accepted and waits for a destination that takes
// 300 ms an answer. Run once whatever --runs says: A's backlog takes minutes to drain on two cores,
// so it is the last scenario and the server is stopped behind it. BENCH_FIXED_WORKFLOW_TASKS=1
// gives the figure with fixed slots (worker.adaptiveWorkflowTasks: false) for comparison.
import type { Pool } from 'undici';
import { API_KEY, TENANT_B } from './hub-config';
import type { BenchSink } from './sink';

export interface FairnessRun {
  mode: 'adaptive' | 'fixed';
  burst: number;
  idleP50: number;
  busyP50: number;
  busyMax: number;
  /** busyP50 ÷ idleP50; the target is ≤ 3. */
  ratio: number;
  /** Of A's burst, how many had not reached the slow destination when B's last probe had. */
  backlogLeft: number;
}

const PROBES = 20;

async function post(
  pool: Pool,
  key: string,
  body: unknown,
  path = '/v1/events',
): Promise<{ status: number; json: { id?: string } }> {
  const res = await pool.request({
    path,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.statusCode, json: (await res.body.json()) as { id?: string } };
}

/** B's accept → receipt latencies (ms), one event at a time, `gapMs` apart. */
async function probeB(pool: Pool, sink: BenchSink, gapMs: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < PROBES; i++) {
    const answer = await post(pool, TENANT_B.apiKey, { type: 'probe.sent', data: { i } });
    if (answer.status !== 202) throw new Error(`tenant B's event answered ${answer.status}`);
    const accepted = performance.now();
    latencies.push((await sink.waitFor(`${answer.json.id}/fast`, 60_000)) - accepted);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return latencies;
}

export async function fairnessBurst(pool: Pool, sink: BenchSink, burst = 2_000): Promise<FairnessRun> {
  await probeB(pool, sink, 50); // warm-up: B's namespace's first tasks
  const idle = await probeB(pool, sink, 200);
  const slowBefore = sink.requests.get('/slow') ?? 0;
  const batches = Array.from({ length: burst / 100 }, (_, b) =>
    post(
      pool,
      API_KEY,
      { events: Array.from({ length: 100 }, (_, n) => ({ type: 'burst.item', data: { n: b * 100 + n } })) },
      '/v1/events/batch',
    ),
  );
  const [busy] = await Promise.all([new Promise((r) => setTimeout(r, 500)).then(() => probeB(pool, sink, 200)), ...batches]);
  const idleP50 = median(idle);
  const busyP50 = median(busy);
  return {
    mode: process.env.BENCH_FIXED_WORKFLOW_TASKS ? 'fixed' : 'adaptive',
    burst,
    idleP50,
    busyP50,
    busyMax: Math.max(...busy),
    ratio: busyP50 / idleP50,
    backlogLeft: burst - ((sink.requests.get('/slow') ?? 0) - slowBefore),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
