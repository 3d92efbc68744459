import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const EventType = temporal.api.enums.v1.EventType;
export type EventTypeName = keyof typeof EventType;

/** Counts a workflow's history events by type, e.g. 'EVENT_TYPE_TIMER_STARTED'. */
export async function countEvents(client: Client, workflowId: string, type: EventTypeName): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? []).filter((e) => e.eventType === EventType[type]).length;
}
