// Erasures as the API sees them: each is an erasure workflow in the tenant's namespace (its
// state is Temporal's), started for one event (DELETE /v1/events/{id}) or many (POST /v1/erasures).
import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { notFound } from '../base/api-error';
import {
  erasureWorkflowId,
  NO_ERASURE_COUNTS,
  QUERY,
  WORKFLOW,
  type ErasureInput,
  type ErasureState,
  type ErasureTarget,
} from '../contracts';

/** What an erasure is shown as erasing: the ids, or the filter's field names (never its values) and window. */
export type ShownTarget = { eventIds: string[] } | { filterFields: string[]; since: string; until?: string };

export interface ErasureView extends ErasureState {
  id: string;
  target: ShownTarget;
}

/** The filter's values identify whom the erasure is about: kept in the workflow's input only, never shown. */
export function shownTarget(target: ErasureTarget): ShownTarget {
  if ('eventIds' in target) return target;
  return { filterFields: Object.keys(target.filter), since: target.since, ...(target.until ? { until: target.until } : {}) };
}

export async function startErasure(
  client: Client,
  options: { tenantId: string; target: ErasureTarget; perSecond: number; taskQueue: string; now: number },
): Promise<ErasureView> {
  const erasureId = `ers_${randomBytes(10).toString('hex')}`;
  const startedAt = new Date(options.now).toISOString();
  const input: ErasureInput = {
    erasureId,
    tenantId: options.tenantId,
    target: options.target,
    perSecond: options.perSecond,
    startedAt,
  };
  await client.workflow.start<(input: ErasureInput) => Promise<ErasureState>>(WORKFLOW.erasure, {
    workflowId: erasureWorkflowId(erasureId),
    taskQueue: options.taskQueue,
    args: [input],
    memo: { target: shownTarget(options.target), startedAt },
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    staticSummary: 'eventIds' in options.target ? `erasure of ${options.target.eventIds.length} event(s)` : 'erasure by filter',
  });
  return { id: erasureId, target: shownTarget(options.target), status: 'running', ...NO_ERASURE_COUNTS, startedAt };
}

export async function erasureView(client: Client, erasureId: string): Promise<ErasureView> {
  const handle = client.workflow.getHandle(erasureWorkflowId(erasureId));
  const description = await handle.describe().catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? notFound('erasure') : err;
  });
  if (description.type !== WORKFLOW.erasure) throw notFound('erasure');
  const target = description.memo?.target as ShownTarget;
  const status = description.status.name;
  if (status === 'COMPLETED') return { id: erasureId, target, ...((await handle.result()) as ErasureState) };
  const startedAt = String(description.memo?.startedAt ?? description.startTime.toISOString());
  const counts = await handle.query<ErasureState>(QUERY.erasureState).catch(() => ({ ...NO_ERASURE_COUNTS, startedAt }));
  if (status === 'RUNNING') return { id: erasureId, target, ...counts, status: 'running' };
  const finishedAt = description.closeTime?.toISOString();
  return {
    id: erasureId,
    target,
    ...counts,
    status: status === 'CANCELLED' ? 'cancelled' : 'failed',
    ...(finishedAt ? { finishedAt } : {}),
  };
}
