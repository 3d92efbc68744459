// The events API's read side: an event's state from Temporal, the callback's memo plus each
// delivery's stored result or live query.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  deliveryWorkflowId,
  QUERY,
  WORKFLOW,
  type CallbackInput,
  type CallbackMemo,
  type DeliveryState,
  type DeliveryStatus,
  type MessageOrigin,
} from '../contracts';
/** What any event id is made of (generated evt_… ids and clients' own): anything else is not one. */
const EVENT_ID_CHARS = /^[A-Za-z0-9._:-]{1,128}$/;

export interface EventStatus {
  id: string;
  type: string;
  source: string;
  receivedAt: string;
  idempotencyKey?: string;
  /** Lineage of a callback read from SQS or Kafka. */
  origin?: MessageOrigin;
  status: DeliveryStatus;
  destinations: DeliveryState[];
}

export async function readMemo(client: Client, eventId: string): Promise<CallbackMemo | undefined> {
  if (!EVENT_ID_CHARS.test(eventId)) return undefined;
  try {
    const description = await client.workflow.getHandle(eventId).describe();
    // A delivery's ID looks like an event id too; only a callback workflow is an event.
    if (description.type !== WORKFLOW.callback) return undefined;
    return description.memo as unknown as CallbackMemo;
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/**
 * A completed delivery answers from its stored result (no worker needed, no billed query);
 * a running one from its live query; one that was terminated from outside is cancelled.
 */
export async function deliveryState(client: Client, eventId: string, destinationId: string): Promise<DeliveryState> {
  const handle = client.workflow.getHandle(deliveryWorkflowId(eventId, destinationId));
  let status: string;
  try {
    status = (await handle.describe()).status.name;
  } catch (err) {
    // The parent has not started this child yet.
    if (err instanceof WorkflowNotFoundError) return { destinationId, status: 'pending', attempts: [] };
    throw err;
  }
  if (status === 'COMPLETED') return (await handle.result()) as DeliveryState;
  if (status === 'RUNNING') return handle.query<DeliveryState>(QUERY.deliveryState);
  const final = status === 'FAILED' || status === 'TIMED_OUT' ? 'failed' : 'cancelled';
  const attempts = await handle
    .query<DeliveryState>(QUERY.deliveryState)
    .then((s) => s.attempts)
    .catch(() => []);
  return { destinationId, status: final, attempts };
}

export async function readEventStatus(client: Client, eventId: string): Promise<EventStatus | undefined> {
  const memo = await readMemo(client, eventId);
  if (!memo) return undefined;
  const destinations = await Promise.all(memo.destinations.map((d) => deliveryState(client, eventId, d)));
  return {
    id: eventId,
    type: memo.eventType,
    source: memo.source,
    receivedAt: memo.receivedAt,
    ...(memo.idempotencyKey !== undefined ? { idempotencyKey: memo.idempotencyKey } : {}),
    ...(memo.origin ? { origin: memo.origin } : {}),
    status: overallStatus(destinations.map((d) => d.status)),
    destinations,
  };
}

/** In flight while any destination is; otherwise the worst settled outcome. */
export function overallStatus(statuses: DeliveryStatus[]): DeliveryStatus {
  if (statuses.length > 0 && statuses.every((s) => s === 'pending')) return 'pending';
  if (statuses.some((s) => s === 'delivering' || s === 'pending')) return 'delivering';
  if (statuses.includes('retrying')) return 'retrying';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('cancelled')) return 'cancelled';
  return 'delivered';
}

/** The callback's original input, read from its first history event (the payload is not in the memo). */
export async function readCallbackInput(client: Client, eventId: string): Promise<CallbackInput> {
  const history = await client.workflow.getHandle(eventId).fetchHistory();
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const payload = started?.input?.payloads?.[0];
  if (!payload) throw new Error(`callback ${eventId} has no recorded input`);
  return defaultPayloadConverter.fromPayload<CallbackInput>(payload);
}
