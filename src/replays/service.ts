// Bulk replays as the API sees them: each is a replay workflow in the tenant's namespace, so its
// state is Temporal's (no table of replays), and another tenant's key finds none of it.
import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { ApiError, notFound } from '../base/api-error';
import {
  NO_COUNTS,
  QUERY,
  replayWorkflowId,
  WORKFLOW,
  type ReplayFilter,
  type ReplayInput,
  type ReplayState,
  type ReplayStatus,
} from '../contracts';
import { replayQuery } from './query';

export interface ReplayView extends ReplayState {
  id: string;
  filter: ReplayFilter;
}

export const newReplayId = () => `rpl_${randomBytes(10).toString('hex')}`;

function checkWindow(filter: ReplayFilter): void {
  if (filter.until && Date.parse(filter.until) < Date.parse(filter.since))
    throw new ApiError(400, 'invalid_request', 'until is before since', [{ path: 'until', message: 'must not be before since' }]);
}

/**
 * How many delivery runs a replay with this filter would find now: an upper bound (event-type
 * patterns and runs superseded by a later one are told apart only as the replay pages).
 */
export async function previewReplay(client: Client, filter: ReplayFilter): Promise<number> {
  checkWindow(filter);
  const { count } = await client.workflow.count(replayQuery(filter));
  return count;
}

export async function startReplay(
  client: Client,
  options: { tenantId: string; filter: ReplayFilter; perSecond: number; taskQueue: string; now: number },
): Promise<ReplayView> {
  checkWindow(options.filter);
  const replayId = newReplayId();
  const startedAt = new Date(options.now).toISOString();
  const input: ReplayInput = {
    replayId,
    tenantId: options.tenantId,
    filter: options.filter,
    perSecond: options.perSecond,
    startedAt,
  };
  await client.workflow.start<(input: ReplayInput) => Promise<ReplayState>>(WORKFLOW.replay, {
    workflowId: replayWorkflowId(replayId),
    taskQueue: options.taskQueue,
    args: [input],
    memo: { filter: options.filter, startedAt },
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    staticSummary: `replay of ${options.filter.statuses.join('/')} deliveries since ${options.filter.since}`,
  });
  return { id: replayId, filter: options.filter, status: 'running', ...NO_COUNTS, startedAt };
}

export async function replayView(client: Client, replayId: string): Promise<ReplayView> {
  const handle = client.workflow.getHandle(replayWorkflowId(replayId));
  const description = await handle.describe().catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? notFound('replay') : err;
  });
  if (description.type !== WORKFLOW.replay) throw notFound('replay');
  const state = await stateOf(handle, description);
  return { id: replayId, filter: (description.memo?.filter ?? {}) as ReplayFilter, ...state };
}

/** The workflow's own account: its result once it ended, its query while it runs. */
async function stateOf(
  handle: ReturnType<Client['workflow']['getHandle']>,
  description: WorkflowExecutionDescription,
): Promise<ReplayState> {
  const memoStart = String(description.memo?.startedAt ?? description.startTime.toISOString());
  const status = description.status.name;
  if (status === 'COMPLETED') return (await handle.result()) as ReplayState;
  const counts = await handle.query<ReplayState>(QUERY.replayState).catch(() => ({ ...NO_COUNTS, startedAt: memoStart }));
  const closed: ReplayStatus = status === 'CANCELLED' ? 'cancelled' : 'failed';
  const finishedAt = description.closeTime?.toISOString();
  return status === 'RUNNING' || status === 'CONTINUED_AS_NEW'
    ? { ...counts, status: 'running' }
    : { ...counts, status: closed, ...(finishedAt ? { finishedAt } : {}) };
}

/** Asks it to stop, and waits a little for it to say it has. */
export async function cancelReplay(client: Client, replayId: string): Promise<ReplayView> {
  const view = await replayView(client, replayId);
  if (view.status !== 'running') return view;
  const handle = client.workflow.getHandle(replayWorkflowId(replayId));
  await handle.cancel();
  await Promise.race([handle.result().catch(() => undefined), new Promise((r) => setTimeout(r, 5_000))]);
  return replayView(client, replayId);
}

/** The tenant's replays, newest first in visibility's order (running ones first). */
export async function listReplays(
  client: Client,
  page: { limit: number; token?: Buffer },
): Promise<{
  replays: { id: string; status: ReplayStatus; startedAt: string; finishedAt?: string; filter: ReplayFilter }[];
  nextToken?: Buffer;
}> {
  const response = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    // A long replay continues as new every 100 pages: its earlier runs are not replays of their own.
    query: `WorkflowType = '${WORKFLOW.replay}' AND ExecutionStatus != 'ContinuedAsNew'`,
    pageSize: page.limit,
    ...(page.token ? { nextPageToken: page.token } : {}),
  });
  const replays = await Promise.all(
    (response.executions ?? []).map(async (e) => {
      const id = (e.execution?.workflowId ?? '').replace(/^replay~/, '');
      const view = await replayView(client, id);
      return {
        id,
        status: view.status,
        startedAt: view.startedAt,
        ...(view.finishedAt ? { finishedAt: view.finishedAt } : {}),
        filter: view.filter,
      };
    }),
  );
  const token = response.nextPageToken;
  return { replays, ...(token && token.length ? { nextToken: Buffer.from(token) } : {}) };
}
