// Scenario 17's tenant, filled through the API as a tenant would fill it: 1,000 endpoints (10 take
// each catalogued type), a catalog of 101 event types with schemas, a few hundred events delivered
// by a worker (so attempts, stats and "delivered" exist), then the bulk of the events through
// POST /v1/events/batch: real callback workflows in the tenant's namespace. By default the bulk is
// of types no endpoint takes, and a worker closes each callback as it would in a settled tenant;
// with --portal-backlog it is of catalogued types (10 endpoints each) sent to a task queue no worker
// polls, so every callback stays running, as scenarios 1 and 2 leave theirs: a tenant whose workers
// are down, the worst case for Temporal visibility.
import { Connection } from '@temporalio/client';
import type { Pool } from 'undici';
import { WORKFLOW } from '../src/contracts';
import { API_KEY } from './hub-config';
import { closedLoop } from './load';
import type { BenchSink } from './sink';

export const PORTAL_DESTINATIONS = 1000;
export const PORTAL_TYPES = 100;
/** Events delivered end to end (each to 3 endpoints) before the bulk is accepted. */
export const LIVE_EVENTS = 300;
export const LIVE_ENDPOINTS = 3;
export const LIVE_PATH = '/portal-live';
const BATCH = 100;
const BATCH_CONCURRENCY = 8;
/** However slow the dev server gets, population stops here and the count reached is reported. */
const POPULATE_DEADLINE_MS = 45 * 60_000;
const LIVE_DEADLINE_MS = 180_000;
const CLOSE_DEADLINE_MS = 30 * 60_000;

export interface Population {
  /** Callback workflows started by the batches: closed by a worker, or (backlog) left running. */
  bulk: number;
  backlog: boolean;
  bulkFailed: number;
  bulkSeconds: number;
  /** Events delivered end to end before the bulk. */
  delivered: number;
  deliveredSeconds: number;
  /** One of each, for the event detail pages. */
  deliveredId: string;
  bulkId: string;
}

export async function call(pool: Pool, method: string, path: string, body: unknown, expect: number): Promise<unknown> {
  const res = await pool.request({
    path,
    method: method as 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.body.text();
  if (res.statusCode !== expect) throw new Error(`${method} ${path} answered ${res.statusCode}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

const typeName = (k: number) => `type${k % PORTAL_TYPES}.created`;
/** The bulk's types: catalogued ones when it is a backlog, else types no endpoint takes. */
export const bulkType = (backlog: boolean) => (backlog ? typeName : (k: number) => `audit${k % PORTAL_TYPES}.logged`);
const SCHEMA = {
  type: 'object',
  required: ['n', 'customer'],
  properties: { n: { type: 'integer' }, customer: { type: 'string' }, amount: { type: 'number' } },
};
const dataOf = (n: number) => ({ n, customer: `cus_${n % 5000}`, amount: (n % 977) + 0.5 });

/** ep<i> takes type<i % 100>.*; the first 3 also take live.*, which only the delivered events have. */
export async function registerTenant(pool: Pool, sinkUrl: string): Promise<void> {
  const types = [...Array.from({ length: PORTAL_TYPES }, (_, k) => typeName(k)), 'live.order'];
  await closedLoop({ concurrency: 8, durationMs: 300_000, maxOperations: types.length }, async (i) => {
    const name = types[i];
    const body = { name, description: `Sent when ${name.split('.')[0]} is created`, schema: SCHEMA, example: dataOf(1) };
    await call(pool, 'POST', '/v1/event-types', body, 201);
  }).then(failOnError('registering event types'));
  await closedLoop({ concurrency: 8, durationMs: 600_000, maxOperations: PORTAL_DESTINATIONS }, async (i) => {
    const live = i < LIVE_ENDPOINTS;
    await call(
      pool,
      'POST',
      '/v1/destinations',
      {
        id: `ep${i}`,
        url: `${sinkUrl}${live ? LIVE_PATH : '/portal'}`,
        description: `Customer ${i} production endpoint`,
        events: [`type${i % PORTAL_TYPES}.*`, ...(live ? ['live.*'] : [])],
      },
      201,
    );
  }).then(failOnError('registering destinations'));
}

const failOnError = (what: string) => (r: { errors: number; completed: number; firstError?: string }) => {
  if (r.errors > 0) throw new Error(`${what}: ${r.errors} failed (${r.firstError})`);
  return r;
};

/** Until the other receiver's registry has the last endpoint (it learns it from the database). */
export async function waitForEndpoints(pool: Pool): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    const res = await pool.request({
      path: `/v1/destinations/ep${PORTAL_DESTINATIONS - 1}`,
      method: 'GET',
      headers: { authorization: `Bearer ${API_KEY}` },
    });
    await res.body.text();
    if (res.statusCode === 200) return;
    if (performance.now() > deadline) throw new Error('the intake receiver did not see the endpoints within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** LIVE_EVENTS events to the worker's receiver, then until the sink has every delivery. */
export async function deliverLive(pool: Pool, sink: BenchSink): Promise<{ id: string; seconds: number }> {
  const started = performance.now();
  const before = sink.requests.get(LIVE_PATH) ?? 0;
  let first = '';
  await closedLoop({ concurrency: 8, durationMs: LIVE_DEADLINE_MS, maxOperations: LIVE_EVENTS }, async (i) => {
    const answer = (await call(pool, 'POST', '/v1/events', { type: 'live.order', data: dataOf(i) }, 202)) as { id: string };
    if (i === 0) first = answer.id;
  }).then(failOnError('posting the delivered events'));
  const want = before + LIVE_EVENTS * LIVE_ENDPOINTS;
  while ((sink.requests.get(LIVE_PATH) ?? 0) < want) {
    if (performance.now() - started > LIVE_DEADLINE_MS)
      throw new Error(`only ${(sink.requests.get(LIVE_PATH) ?? 0) - before} of ${want - before} deliveries arrived`);
    await new Promise((r) => setTimeout(r, 250));
  }
  // The deliveries close and the workers flush their stats (every second) just after the receipts.
  await new Promise((r) => setTimeout(r, 3_000));
  return { id: first, seconds: (performance.now() - started) / 1000 };
}

interface BatchAnswer {
  results: { status: number; id?: string }[];
}

/** `events` in batches of 100, 8 at once. */
export async function populate(
  pool: Pool,
  events: number,
  type: (k: number) => string,
  progress: (msg: string) => void,
): Promise<{ accepted: number; failed: number; seconds: number; firstId: string }> {
  const started = performance.now();
  let accepted = 0;
  let failed = 0;
  let firstId = '';
  const ticker = setInterval(() => {
    const s = (performance.now() - started) / 1000;
    progress(`populating: ${accepted} of ${events} accepted in ${s.toFixed(0)} s (${(accepted / s).toFixed(0)}/s)`);
  }, 30_000);
  try {
    const batches = Math.ceil(events / BATCH);
    const loop = await closedLoop(
      { concurrency: BATCH_CONCURRENCY, durationMs: POPULATE_DEADLINE_MS, maxOperations: batches },
      async (b) => {
        const size = Math.min(BATCH, events - b * BATCH);
        const body = {
          events: Array.from({ length: size }, (_, j) => ({ type: type(b * BATCH + j), data: dataOf(b * BATCH + j) })),
        };
        const answer = (await call(pool, 'POST', '/v1/events/batch', body, 207)) as BatchAnswer;
        for (const r of answer.results) if (r.status === 202) accepted++;
        failed += answer.results.filter((r) => r.status !== 202).length;
        if (b === 0) firstId = answer.results[0]?.id ?? '';
      },
    );
    failed += loop.errors * BATCH;
    if (loop.completed < batches)
      progress(`populating stopped at its ${POPULATE_DEADLINE_MS / 60_000}-minute bound: ${accepted} of ${events}`);
  } finally {
    clearInterval(ticker);
  }
  return { accepted, failed, seconds: (performance.now() - started) / 1000, firstId };
}

/** Until no callback of the tenant runs any more (the worker has closed the bulk), within 30 minutes. */
export async function waitClosed(
  address: string,
  namespace: string,
  progress: (msg: string) => void,
): Promise<{ seconds: number; running: number }> {
  const connection = await Connection.connect({ address });
  const started = performance.now();
  const query = `WorkflowType = '${WORKFLOW.callback}' AND ExecutionStatus = 'Running'`;
  let told = started;
  try {
    for (;;) {
      const { count } = await connection.workflowService.countWorkflowExecutions({ namespace, query });
      const running = Number(count ?? 0);
      const seconds = (performance.now() - started) / 1000;
      if (running === 0 || seconds * 1000 > CLOSE_DEADLINE_MS) return { seconds, running };
      if (performance.now() - told > 30_000) {
        progress(`${running} callbacks still running ${seconds.toFixed(0)} s after the last accept`);
        told = performance.now();
      }
      await new Promise((r) => setTimeout(r, 2_000));
    }
  } finally {
    await connection.close();
  }
}
