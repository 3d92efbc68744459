// Scenario 18's measurements, the same for every system: accepts, end to end with CPU per delivery,
// deliveries with a sink failing half its requests, and what survives kill -9 of worker and store.
import type { Pool } from 'undici';
import { closedLoop, perSecond } from '../load';
import { httpAccepts, postEvent, type Bounds, type Throughput } from '../scenarios';
import type { BenchSink } from '../sink';
import { latencySummary } from '../stats';
import { API_KEY } from '../hub-config';
import { treeCpuSeconds } from '../server-metrics';
import { ROUTES } from './registry';
import type { System } from './systems';

const RECEIPT_TIMEOUT_MS = 60_000;

export const accepts = (system: System, bounds: Bounds): Promise<Throughput> =>
  httpAccepts(system.acceptPool, bounds, 202, 'p1.accept');

export interface PeerEndToEnd {
  destinations: number;
  deliveriesPerSecond: number;
  receiptP50: number;
  receiptP99: number;
  errors: number;
  /** CPU ms per delivery, each process with its children (a store's backends included). */
  cpuMsPerDelivery: Record<string, number>;
  cpuMsPerDeliveryTotal: number;
}

/** CPU seconds of each process (and its children) while `fn` runs and `settleMs` after it. */
async function cpuWhile<T>(system: System, fn: () => Promise<T>, settleMs: number) {
  const read = () => Object.fromEntries(Object.entries(system.pids()).map(([k, pid]) => [k, treeCpuSeconds(pid)]));
  const before = read();
  const result = await fn();
  // Work a system finishes after the receipt (completing a job, closing a workflow) is its cost too.
  await new Promise((r) => setTimeout(r, settleMs));
  const after = read();
  const seconds = Object.fromEntries(Object.keys(before).map((k) => [k, after[k] - before[k]]));
  return { result, seconds };
}

/** POST an event for D destinations, wait until the sink has all D; latency is per delivery. */
export async function endToEnd(system: System, sink: BenchSink, d: 1 | 3, bounds: Bounds): Promise<PeerEndToEnd> {
  const pool = system.pool!;
  const dests = d === 1 ? ROUTES.p1 : ROUTES.p3;
  const receipts: number[] = [];
  const { result, seconds } = await cpuWhile(
    system,
    () =>
      closedLoop(bounds, async () => {
        const t0 = performance.now();
        const id = await postEvent(pool, `p${d}.e2e`);
        const at = await Promise.all(dests.map((x) => sink.waitFor(`${id}/${x}`, RECEIPT_TIMEOUT_MS)));
        receipts.push(...at.map((t) => t - t0));
      }),
    1500,
  );
  if (result.completed === 0) throw new Error(`${system.name}: no delivery end to end (${result.firstError})`);
  const deliveries = result.completed * d;
  const cpuMsPerDelivery = Object.fromEntries(Object.entries(seconds).map(([k, s]) => [k, (s * 1000) / deliveries]));
  const latency = latencySummary(receipts);
  return {
    destinations: d,
    deliveriesPerSecond: perSecond(result) * d,
    receiptP50: latency.p50,
    receiptP99: latency.p99,
    errors: result.errors,
    cpuMsPerDelivery,
    cpuMsPerDeliveryTotal: Object.values(cpuMsPerDelivery).reduce((a, b) => a + b, 0),
  };
}

export interface PeerRetries {
  deliveriesPerSecond: number;
  /** CPU ms of every process per delivered event, its failed attempts included. */
  cpuMsPerDelivery: number;
  attemptsPerDelivery: number;
  receiptP50: number;
  receiptP99: number;
  /** Not received within the receipt timeout (still retrying, or dead-lettered). */
  notReceived: number;
}

/** Closed loop at c against a destination failing 50 %: backoff is 1 s, doubling, in every system. */
export async function retries(system: System, sink: BenchSink, bounds: Bounds): Promise<PeerRetries> {
  sink.flakyFailureRate = 0.5;
  const before = sink.requests.get('/flaky0') ?? 0;
  const receipts: number[] = [];
  const { result, seconds } = await cpuWhile(
    system,
    () =>
      closedLoop(bounds, async () => {
        const t0 = performance.now();
        const id = await postEvent(system.pool!, 'retry.run');
        receipts.push((await sink.waitFor(`${id}/flaky0`, 30_000)) - t0);
      }),
    1500,
  );
  const attempts = (sink.requests.get('/flaky0') ?? 0) - before;
  const latency = latencySummary(receipts);
  return {
    deliveriesPerSecond: perSecond(result),
    cpuMsPerDelivery: (Object.values(seconds).reduce((a, b) => a + b, 0) * 1000) / Math.max(1, result.completed),
    attemptsPerDelivery: attempts / Math.max(1, result.completed),
    receiptP50: latency.p50,
    receiptP99: latency.p99,
    notReceived: result.errors,
  };
}

export interface Durability {
  events: number;
  accepted: number;
  requests: number;
  clientRetries: number;
  /** Deliveries the accepted events owe (accepted × 3). */
  expected: number;
  delivered: number;
  /** Accepted (202 or 200) but never delivered: the figure that must be 0. */
  lost: number;
  /** Never accepted before the send deadline: the client knows, and could send again later. */
  notAccepted: number;
  /** 2xx receipts beyond the first for the same event and destination. */
  duplicated: number;
  secondsToLastDelivery: number;
  crashes: string[];
}

export interface DurabilityOptions {
  events: number;
  /** Events are sent no faster than this, so the crashes land while they still flow in. */
  perSecond: number;
  /** When each crash starts, ms after the first POST. */
  crashAtMs: number[];
  downMs: number;
  sendDeadlineMs: number;
  deliverDeadlineMs: number;
  tag: string;
}

/**
 * 1,000 events × 3 flaky destinations (30 % failures) while worker and store are killed -9 twice.
 * The client retries on 5xx and network errors with the same Idempotency-Key, like the chaos test.
 */
export async function durability(system: System, sink: BenchSink, o: DurabilityOptions): Promise<Durability> {
  if (!system.crash) throw new Error(`${system.name} cannot be crashed`);
  sink.flakyFailureRate = 0.3;
  const started = performance.now();
  const sent = { ids: new Map<number, string>(), requests: 0, retried: 0 };
  const crashes: string[] = [];
  const crashing = (async () => {
    for (const at of o.crashAtMs) {
      await new Promise((r) => setTimeout(r, Math.max(0, started + at - performance.now())));
      const t = performance.now();
      crashes.push(`${await system.crash!(o.downMs)} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  })();
  await Promise.all([sendAll(system.pool!, o, sent), crashing]);
  const keys = [...sent.ids.values()].flatMap((id) => ROUTES.chaos.map((d) => `${id}/${d}`));
  const deadline = performance.now() + o.deliverDeadlineMs;
  while (performance.now() < deadline && keys.some((k) => !sink.delivered.has(k))) await pause(500);
  const delivered = keys.filter((k) => sink.delivered.has(k));
  const last = Math.max(...delivered.map((k) => sink.delivered.get(k)!));
  return {
    events: o.events,
    accepted: sent.ids.size,
    requests: sent.requests,
    clientRetries: sent.retried,
    expected: keys.length,
    delivered: delivered.length,
    lost: keys.length - delivered.length,
    notAccepted: o.events - sent.ids.size,
    duplicated: keys.reduce((n, k) => n + Math.max(0, (sink.successes.get(k) ?? 0) - 1), 0),
    secondsToLastDelivery: (last - started) / 1000,
    crashes,
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

type Sent = { ids: Map<number, string>; requests: number; retried: number };

async function sendAll(pool: Pool, o: DurabilityOptions, sent: Sent): Promise<void> {
  const start = performance.now();
  const deadline = start + o.sendDeadlineMs;
  let next = 0;
  const user = async () => {
    while (next < o.events && performance.now() < deadline) {
      const i = next++;
      await pause(start + (i * 1000) / o.perSecond - performance.now());
      await sendOne(pool, i, o.tag, sent, deadline);
    }
  };
  await Promise.all(Array.from({ length: 8 }, user));
}

/** One event, retried on 5xx and network errors with the same key until accepted or the deadline. */
async function sendOne(pool: Pool, i: number, tag: string, sent: Sent, deadline: number): Promise<void> {
  for (let attempt = 0; performance.now() < deadline; attempt++) {
    sent.requests++;
    if (attempt > 0) sent.retried++;
    const answer = await pool
      .request({
        path: '/v1/events',
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json', 'idempotency-key': `${tag}-${i}` },
        body: JSON.stringify({ type: 'chaos.tick', data: { i } }),
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      })
      .then(
        async (r) => ({ status: r.statusCode, body: (await r.body.json().catch(() => ({}))) as { id?: string } }),
        () => ({ status: 0, body: {} as { id?: string } }),
      );
    if ((answer.status === 202 || answer.status === 200) && answer.body.id) return void sent.ids.set(i, answer.body.id);
    if (answer.status !== 0 && answer.status < 500) throw new Error(`event ${i}: unexpected ${answer.status}`);
    await pause(Math.min(250 * 2 ** attempt, 2000));
  }
}
