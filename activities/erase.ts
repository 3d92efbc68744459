import { ApplicationFailure, Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { TenantConfig } from '../src/config';
import {
  deliveryWorkflowId,
  NO_ERASURE_COUNTS,
  WORKFLOW,
  type CallbackInput,
  type CallbackMemo,
  type ErasureCounts,
  type ErasurePageRequest,
  type ErasurePageResult,
} from '../src/contracts';
import { filterMatches, payloadJson } from '../src/delivery/filter';
import { GRPC, grpcCode } from '../src/base/grpc';
import { visibilityString } from '../src/base/visibility';
import type { Logger } from '../src/telemetry/logger';

export interface EraseDeps {
  clientFor: (tenant: TenantConfig) => Client;
  tenantOf: (tenantId: string) => TenantConfig | undefined;
  /** src/events/status.ts's readCallbackInput, passed in (activities do not import what imports workflows). */
  readInput: (client: Client, eventId: string) => Promise<CallbackInput>;
  logger: Logger;
  /** How long running workflows get to end "cancelled" before they are deleted anyway. */
  cancelWaitMs?: number;
  /** How long the last page waits for Temporal to have removed what it deleted. */
  settleMs?: number;
}

/**
 * Temporal deletes a closed workflow in the background, once its queues have acknowledged the close
 * (about 30 s on a default server; 1 s ack intervals on Barrage's dev server make it a few seconds).
 * An erasure is "completed" only when its last page's events are gone; earlier pages' deletions
 * were requested before it and land first.
 */
const SETTLE_MS = 5 * 60_000;
const SWEEP_PAUSE_MS = 500;

type Verdict = 'erased' | 'notFound' | 'kept';

/** Counts a page's verdicts, and keeps the ids it erased (the last page waits for them to go). */
class Tally {
  readonly counts: ErasureCounts = { ...NO_ERASURE_COUNTS };
  readonly erased: string[] = [];

  add(verdict: Verdict | 'error', id: string): void {
    if (verdict === 'erased') {
      this.erased.push(id);
      this.counts.erased++;
    } else if (verdict === 'notFound') this.counts.notFound++;
    else if (verdict === 'kept') this.counts.examined++;
    else this.counts.errors++;
  }
}

interface PageScope {
  deps: EraseDeps;
  client: Client;
  tenant: TenantConfig;
  req: ErasurePageRequest;
  /** The page's erased events, looked at once more before the page ends. */
  sweeps: { query: string; eventId: string; deleted: Set<string> }[];
}

/** One page of an erasure: these ids, or one page of the window's events the filter is tried on. */
export function createErasePage(deps: EraseDeps) {
  return async function erasePage(req: ErasurePageRequest): Promise<ErasurePageResult> {
    const tenant = deps.tenantOf(req.tenantId);
    if (!tenant) throw ApplicationFailure.nonRetryable(`tenant ${req.tenantId} no longer exists`, 'TenantGone');
    // The input names the tenant, but only its own namespace's workflow may act on it.
    if (tenant.namespace !== Context.current().info.workflowNamespace)
      throw ApplicationFailure.nonRetryable(
        `an erasure in namespace ${Context.current().info.workflowNamespace} named tenant ${tenant.id}`,
        'TenantMismatch',
      );
    const scope: PageScope = { deps, client: deps.clientFor(tenant), tenant, req, sweeps: [] };
    const tally = new Tally();
    const page =
      'eventIds' in req.target ? await byIds(scope, req.target.eventIds, tally) : await byFilter(scope, req.target, tally);
    await sweep(scope);
    if (page.done) await settle(scope.client, tally.erased, deps.settleMs ?? SETTLE_MS);
    return { counts: tally.counts, ...page };
  };
}

async function byIds(scope: PageScope, eventIds: string[], tally: Tally) {
  const { req } = scope;
  const ids = eventIds.slice(req.offset, req.offset + req.limit);
  for (const id of ids) tally.add(await guarded(scope, id, () => eraseEvent(scope, id)), id);
  return { size: ids.length, done: req.offset + ids.length >= eventIds.length };
}

async function byFilter(
  scope: PageScope,
  target: { filter: Record<string, unknown>; since: string; until?: string },
  tally: Tally,
) {
  const { client, req, deps } = scope;
  const window = [
    `StartTime >= ${visibilityString(target.since)}`,
    ...(target.until ? [`StartTime <= ${visibilityString(target.until)}`] : []),
  ];
  const page = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query: [`WorkflowType = '${WORKFLOW.callback}'`, ...window].join(' AND '),
    pageSize: req.limit,
    ...(req.pageToken ? { nextPageToken: Buffer.from(req.pageToken, 'base64') } : {}),
  });
  const ids = (page.executions ?? []).map((e) => e.execution?.workflowId ?? '').filter(Boolean);
  for (const id of ids) {
    const verdict = await guarded(scope, id, async () => {
      const input = await deps.readInput(client, id);
      const subject = {
        type: input.eventType,
        source: input.source,
        data: payloadJson(input.payload),
        ...(input.metadata ? { metadata: input.metadata } : {}),
      };
      return filterMatches(target.filter, subject) ? eraseEvent(scope, id) : 'kept';
    });
    tally.add(verdict, id);
  }
  const token = page.nextPageToken;
  const next = token && token.length ? Buffer.from(token).toString('base64') : undefined;
  return { size: ids.length, ...(next ? { nextPageToken: next } : {}), done: next === undefined };
}

async function guarded(scope: PageScope, eventId: string, fn: () => Promise<Verdict>): Promise<Verdict | 'error'> {
  Context.current().heartbeat();
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return 'notFound';
    const { tenant, req } = scope;
    scope.deps.logger.warn({ err, tenant: tenant.id, erasure: req.erasureId, eventId }, 'erasing an event failed');
    return 'error';
  }
}

/**
 * Every workflow of the event: its deliveries and dead letters (children of the callback, or
 * of a delivery rerun by hand or by a replay, which has no parent), then the callback itself, so
 * a page run again after a crash still finds the event and finishes it.
 */
async function eraseEvent(scope: PageScope, eventId: string): Promise<Verdict> {
  const { deps, client, tenant } = scope;
  const callback = await client.workflow.getHandle(eventId).describe();
  if (callback.type !== WORKFLOW.callback) return 'notFound';
  const deliveries =
    ((callback.memo ?? {}) as Partial<CallbackMemo>).destinations?.map((d) => deliveryWorkflowId(eventId, d)) ?? [];
  const quoted = (ids: string[]) => ids.map(visibilityString).join(', ');
  const roots = [eventId, ...deliveries];
  const query = `RootWorkflowId IN (${quoted(roots)})${deliveries.length ? ` OR WorkflowId IN (${quoted(deliveries)})` : ''}`;
  const children = await deleteAll(client, query, eventId, new Set(), deps.cancelWaitMs ?? 10_000);
  for (const run of await executions(client, `WorkflowId = ${visibilityString(eventId)}`)) await deleteRun(client, run);
  await deleteRun(client, { workflowId: eventId, runId: callback.runId, running: false });
  // A rerun started (by hand or by a replay) just before may not be in visibility yet: the page looks again.
  scope.sweeps.push({ query, eventId, deleted: children });
  deps.logger.info(
    { audit: 'erasure', tenant: tenant.id, erasure: scope.req.erasureId, eventId, workflows: children.size + 1 },
    'event erased',
  );
  return 'erased';
}

interface Run {
  workflowId: string;
  runId: string;
  running: boolean;
}

/** Every run the query finds but `deleted`: running ones cancelled first. Returns the run ids deleted. */
async function deleteAll(
  client: Client,
  query: string,
  eventId: string,
  deleted: Set<string>,
  cancelWaitMs: number,
): Promise<Set<string>> {
  const fresh = (await executions(client, query)).filter((r) => r.workflowId !== eventId && !deleted.has(r.runId));
  await cancelRunning(client, fresh, cancelWaitMs);
  for (const run of fresh) {
    await deleteRun(client, run);
    deleted.add(run.runId);
  }
  return deleted;
}

/** Once per page, after a pause: what visibility showed late for the page's erased events. */
async function sweep(scope: PageScope): Promise<void> {
  if (scope.sweeps.length === 0) return;
  await new Promise((r) => setTimeout(r, SWEEP_PAUSE_MS));
  for (const s of scope.sweeps) {
    Context.current().heartbeat();
    await deleteAll(scope.client, s.query, s.eventId, s.deleted, scope.deps.cancelWaitMs ?? 10_000);
  }
}

async function executions(client: Client, query: string): Promise<Run[]> {
  const runs: Run[] = [];
  for await (const e of client.workflow.list({ query }))
    runs.push({ workflowId: e.workflowId, runId: e.runId, running: e.status.name === 'RUNNING' });
  return runs;
}

/** Running deliveries end "cancelled" (Temporal's cancellation), then are deleted; a slow one is deleted anyway. */
async function cancelRunning(client: Client, runs: Run[], waitMs: number): Promise<void> {
  const running = runs.filter((r) => r.running);
  await Promise.all(
    running.map((r) =>
      client.workflow
        .getHandle(r.workflowId, r.runId)
        .cancel()
        .catch(() => undefined),
    ),
  );
  const deadline = Date.now() + waitMs;
  for (const run of running) {
    while (Date.now() < deadline) {
      Context.current().heartbeat();
      const status = await client.workflow
        .getHandle(run.workflowId, run.runId)
        .describe()
        .then((d) => d.status.name)
        .catch(() => 'GONE');
      if (status !== 'RUNNING') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function settle(client: Client, eventIds: readonly string[], waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  let left = [...eventIds];
  while (left.length > 0 && Date.now() < deadline) {
    Context.current().heartbeat();
    const still = await Promise.all(
      left.map((id) =>
        client.workflow
          .getHandle(id)
          .describe()
          .then(() => true)
          .catch((err: unknown) => !(err instanceof WorkflowNotFoundError)),
      ),
    );
    left = left.filter((_, i) => still[i]);
    if (left.length) await new Promise((r) => setTimeout(r, 1000));
  }
  if (left.length) throw new Error(`Temporal has not removed ${left.length} erased event(s) yet; the page runs again`);
}

async function deleteRun(client: Client, run: Run): Promise<void> {
  await client.workflowService
    .deleteWorkflowExecution({
      namespace: client.options.namespace,
      workflowExecution: { workflowId: run.workflowId, runId: run.runId },
    })
    .catch((err: unknown) => {
      if (grpcCode(err) !== GRPC.NOT_FOUND) throw err;
    });
}
