// Where the end-to-end time goes: stage gaps read from the histories of delivered callbacks.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { callbackWorkflowId, deliveryWorkflowId } from '../src/contracts';
import { latencySummary } from './stats';

const T = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

function timeOf(events: HistoryEvent[], type: temporal.api.enums.v1.EventType): number {
  const event = events.find((e) => e.eventType === type);
  if (!event?.eventTime) return NaN;
  return Number(event.eventTime.seconds) * 1000 + (event.eventTime.nanos ?? 0) / 1e6;
}

export const STAGES = [
  'callback started → its first workflow task',
  'first workflow task → delivery workflow started',
  'delivery started → its first workflow task',
  'first workflow task → attempt activity started (queue wait)',
  'attempt activity (the HTTP POST)',
  'attempt done → delivery workflow closed',
  'delivery closed → callback workflow closed',
] as const;

export type StageProfile = Record<(typeof STAGES)[number], { p50: number; p95: number; n: number }>;

/** Stage gaps in ms (p50, p95) over the given delivered callbacks to destination `destinationId`. */
export async function stageProfile(client: Client, eventIds: string[], destinationId: string): Promise<StageProfile> {
  const samples: number[][] = STAGES.map(() => []);
  for (const id of eventIds) {
    const parent = (await client.workflow.getHandle(callbackWorkflowId(id)).fetchHistory()).events ?? [];
    const child = (await client.workflow.getHandle(deliveryWorkflowId(id, destinationId)).fetchHistory()).events ?? [];
    const points = [
      timeOf(parent, T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED),
      timeOf(parent, T.EVENT_TYPE_WORKFLOW_TASK_STARTED),
      timeOf(child, T.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED),
      timeOf(child, T.EVENT_TYPE_WORKFLOW_TASK_STARTED),
      timeOf(child, T.EVENT_TYPE_ACTIVITY_TASK_STARTED),
      timeOf(child, T.EVENT_TYPE_ACTIVITY_TASK_COMPLETED),
      timeOf(child, T.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED),
      // A callback that does not wait for its deliveries (revision 2) closed before them: 0 here.
      Math.max(
        timeOf(parent, T.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED),
        timeOf(child, T.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED),
      ),
    ];
    for (let i = 0; i < STAGES.length; i++) samples[i].push(points[i + 1] - points[i]);
  }
  return Object.fromEntries(
    STAGES.map((name, i) => {
      const { p50, p95, n } = latencySummary(samples[i].filter(Number.isFinite));
      return [name, { p50, p95, n }];
    }),
  ) as StageProfile;
}
