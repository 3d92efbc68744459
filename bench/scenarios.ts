// The measured scenarios. Each returns raw numbers for one run; run.ts repeats and summarizes.
import type { Client } from '@temporalio/client';
import type { Hub } from '../src/lib';
import { Pool } from 'undici';
import { callbackWorkflowId, deliveryWorkflowId } from '../src/contracts';
import type { TenantConfig } from '../src/config';
import type { Ingest } from '../src/ingest/ingest';
import { closedLoop, perSecond, type LoadResult } from './load';
import type { BenchSink } from './sink';
import { API_KEY } from './hub-config';
import { latencySummary } from './stats';

export interface Throughput {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  completed: number;
}

export interface Bounds {
  concurrency: number;
  durationMs: number;
  maxOperations: number;
}

const DELIVERY_TIMEOUT_MS = 60_000;

function throughput(result: LoadResult): Throughput {
  if (result.errors > 0 && result.completed === 0) throw new Error(`every operation failed: ${result.firstError}`);
  const { p50, p95, p99 } = latencySummary(result.latenciesMs);
  return { perSecond: perSecond(result), p50, p95, p99, errors: result.errors, completed: result.completed };
}

/** An HTTP client with keep-alive, as a production sender would use. */
export function httpPool(url: string, connections: number): Pool {
  return new Pool(url, { connections, keepAliveTimeout: 60_000, pipelining: 1 });
}

export async function postEvent(pool: Pool, type: string, data: unknown = { n: 1 }): Promise<string> {
  const res = await pool.request({
    path: '/v1/events',
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type, data }),
  });
  const text = await res.body.text();
  if (res.statusCode !== 202) throw new Error(`POST /v1/events answered ${res.statusCode}: ${text.slice(0, 200)}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** 1. The accept ceiling: the receiver's own ingest function, called directly (no HTTP). */
export async function rawStarts(
  ingest: Ingest,
  tenant: TenantConfig,
  bounds: Bounds,
  eventType = 'e2e.raw',
): Promise<Throughput> {
  const payload = { contentType: 'application/json', body: '{"n":1}', encoding: 'utf8' as const };
  const result = await closedLoop(bounds, async () => {
    const outcome = await ingest({ tenant, source: 'api', eventType, payload });
    // An outcome is data now: anything but an accept must fail the sample, not count as one.
    if (outcome.kind !== 'accepted') throw new Error(`raw start not accepted: ${outcome.kind}`);
  });
  return throughput(result);
}

/** 2 and 9. POSTs answered by a receiver (Barrage's, or the bare node:http baseline). */
export async function httpAccepts(pool: Pool, bounds: Bounds, expectStatus = 202, type = 'e2e.accept'): Promise<Throughput> {
  const body = JSON.stringify({ type, data: { n: 1 } });
  const result = await closedLoop(bounds, async () => {
    const res = await pool.request({
      path: '/v1/events',
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body,
    });
    await res.body.dump();
    if (res.statusCode !== expectStatus) throw new Error(`answered ${res.statusCode}`);
  });
  return throughput(result);
}

/** 2b. The same accepts through the library: hub.publish in this process, no HTTP hop. */
export async function libraryPublishes(hub: Hub, tenant: string, bounds: Bounds, type = 'e2e.library'): Promise<Throughput> {
  const result = await closedLoop(bounds, async () => {
    const accepted = await hub.publish({ tenant, type, data: { n: 1 } });
    if (accepted.duplicate) throw new Error('a fresh event was answered as a duplicate');
  });
  return throughput(result);
}

/** 3. Parent → one child → a no-op activity, started and awaited directly through Temporal. */
export async function floorTopology(client: Client, taskQueue: string, bounds: Bounds, runTag: string): Promise<Throughput> {
  const result = await closedLoop(bounds, async (i) => {
    await client.workflow.execute('floorParent', { taskQueue, workflowId: `floor-${runTag}-${i}`, args: [] });
  });
  return throughput(result);
}

/** Scenario 4 and 6 figures: throughput to completion (as the floor), latency to receipt. */
export interface EndToEnd extends Throughput {
  receiptP50: number;
  receiptP99: number;
  /** Callbacks found still open after their delivery closed (expected 0: see endToEnd). */
  callbacksOpenAfter: number;
}

/**
 * 4 and 6. POST an event, wait until the sink has it, then until its delivery workflow has closed.
 * The floor's end point is its parent's close (the parent awaits its child); a callback closes
 * before its delivery can (once the child's start is confirmed), so the delivery's close is the
 * later of the two. That is checked after the timed loop rather than awaited in it: a second
 * long-poll per callback would load the server the floor's single one does not.
 */
export async function endToEnd(
  ctx: { pool: Pool; sink: BenchSink; client: Client },
  route: { type: string; path: string },
  bounds: Bounds,
  ids?: string[],
): Promise<EndToEnd> {
  const receipts: number[] = [];
  const events: string[] = [];
  const result = await closedLoop(bounds, async () => {
    const t0 = performance.now();
    const id = await postEvent(ctx.pool, route.type);
    events.push(id);
    receipts.push((await ctx.sink.waitFor(`${id}${route.path}`, DELIVERY_TIMEOUT_MS)) - t0);
    await ctx.client.workflow.getHandle(deliveryWorkflowId(id, route.path.slice(1))).result();
  });
  ids?.push(...events);
  const receipt = latencySummary(receipts);
  const callbacksOpenAfter = await stillRunning(ctx.client, events.map(callbackWorkflowId));
  return { ...throughput(result), receiptP50: receipt.p50, receiptP99: receipt.p99, callbacksOpenAfter };
}

/** How many of these workflows are still running (described 20 at a time, outside any timed loop). */
async function stillRunning(client: Client, workflowIds: string[]): Promise<number> {
  let running = 0;
  for (let i = 0; i < workflowIds.length; i += 20) {
    const described = await Promise.all(workflowIds.slice(i, i + 20).map((id) => client.workflow.getHandle(id).describe()));
    running += described.filter((d) => d.status.name === 'RUNNING').length;
  }
  return running;
}

/** 5. One callback to N destinations: ms from POST until the last destination has it. */
export async function fanOut(pool: Pool, sink: BenchSink, n: number): Promise<number> {
  const started = performance.now();
  const id = await postEvent(pool, `fan${n}.burst`);
  const receipts = await Promise.all(Array.from({ length: n }, (_, i) => sink.waitFor(`${id}/d${i}`, DELIVERY_TIMEOUT_MS)));
  return Math.max(...receipts) - started;
}

/**
 * POSTs an event routed to d0…d<D-1> (the `cost<D>.*` types) and waits until every destination has
 * it and every delivery has closed; returns the event id.
 */
export async function deliveredToD(pool: Pool, sink: BenchSink, client: Client, type: string, d: number): Promise<string> {
  const id = await postEvent(pool, type);
  const destinations = Array.from({ length: d }, (_, i) => `d${i}`);
  await Promise.all(destinations.map((dest) => sink.waitFor(`${id}/${dest}`, DELIVERY_TIMEOUT_MS)));
  await Promise.all(destinations.map((dest) => client.workflow.getHandle(deliveryWorkflowId(id, dest)).result()));
  return id;
}

export interface Cost {
  destinations: number;
  historyEvents: number;
  actions: number;
  actionsByKind: Record<string, number>;
}

/** Temporal Cloud's billable actions, read from history events (see docs/PERFORMANCE.md). */
const ACTION_EVENTS: Record<string, string> = {
  EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: 'workflow started',
  EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: 'activity started',
  EVENT_TYPE_TIMER_STARTED: 'timer started',
  EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES: 'search attribute upsert',
  EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: 'signal',
};

/** 7. History events and actions of one delivered callback with D destinations. */
export async function costPerCallback(pool: Pool, sink: BenchSink, client: Client, d: number): Promise<Cost> {
  const id = await deliveredToD(pool, sink, client, `cost${d}.measure`, d);
  await client.workflow.getHandle(callbackWorkflowId(id)).result();
  const ids = [callbackWorkflowId(id), ...Array.from({ length: d }, (_, i) => deliveryWorkflowId(id, `d${i}`))];
  const cost: Cost = { destinations: d, historyEvents: 0, actions: 0, actionsByKind: {} };
  const { temporal } = await import('@temporalio/proto');
  const names = temporal.api.enums.v1.EventType;
  for (const workflowId of ids) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    for (const event of history.events ?? []) {
      cost.historyEvents++;
      // Temporal Cloud does not bill the TemporalChangeVersion upsert that comes with a patch marker.
      const versionOnly = Object.keys(
        event.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {},
      ).every((key) => key === 'TemporalChangeVersion');
      const kind =
        event.upsertWorkflowSearchAttributesEventAttributes && versionOnly
          ? undefined
          : ACTION_EVENTS[names[event.eventType ?? 0] as string];
      const retried = event.activityTaskStartedEventAttributes?.attempt && event.activityTaskStartedEventAttributes.attempt > 1;
      const action = kind ?? (retried ? 'activity retried' : undefined);
      if (!action) continue;
      cost.actions++;
      cost.actionsByKind[action] = (cost.actionsByKind[action] ?? 0) + 1;
    }
  }
  return cost;
}
