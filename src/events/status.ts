// The events API's read side: an event's state from Temporal, the callback's memo plus each
// delivery's stored result or live query.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import {
  WORKFLOW,
  type CallbackInput,
  type CallbackMemo,
  type DeliveryState,
  type DeliveryStatus,
  type MessageOrigin,
} from '../contracts';
import { deliveryStateOf, findDelivery, readDeadLetter, type DeadLetterState } from './deliveries';

/** What any event id is made of (generated evt_… ids and clients' own): anything else is not one. */
const EVENT_ID_CHARS = /^[A-Za-z0-9._:-]{1,128}$/;

/** One destination of an event as the API reads it: the delivery's own state, and where it lives. */
export interface DeliveryView extends DeliveryState {
  /** Its workflow ID (`<event>~<destination>`, or `<event>.<destination>` for an event accepted before that); absent while pending. */
  workflowId?: string;
  /** Set when it failed and had a dead-letter target: how that dead letter fared. */
  deadLetter?: DeadLetterState;
}

export interface EventStatus {
  id: string;
  type: string;
  source: string;
  receivedAt: string;
  idempotencyKey?: string;
  /** Lineage of a callback read from SQS or Kafka. */
  origin?: MessageOrigin;
  status: DeliveryStatus;
  destinations: DeliveryView[];
}

export async function readMemo(client: Client, eventId: string): Promise<CallbackMemo | undefined> {
  if (!EVENT_ID_CHARS.test(eventId)) return undefined;
  try {
    const description = await client.workflow.getHandle(eventId).describe();
    // A delivery's ID looks like an event id too; only a callback workflow is an event.
    if (description.type !== WORKFLOW.callback) return undefined;
    const memo = (description.memo ?? {}) as Partial<CallbackMemo> & Omit<CallbackMemo, 'destinations'>;
    // An event no destination subscribed to was written with an empty list, which Temporal's memo
    // does not give back: absent is "none".
    return { ...memo, destinations: memo.destinations ?? [] };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/** A delivery as the API shows it: pending until the callback starts it. */
export async function deliveryView(client: Client, eventId: string, destinationId: string): Promise<DeliveryView> {
  const found = await findDelivery(client, eventId, destinationId);
  if (!found) return { destinationId, status: 'pending', attempts: [] };
  const state = await deliveryStateOf(found, destinationId);
  const deadLetter = await readDeadLetter(client, { workflowId: found.workflowId, state });
  return { ...state, workflowId: found.workflowId, ...(deadLetter ? { deadLetter } : {}) };
}

export async function readEventStatus(client: Client, eventId: string): Promise<EventStatus | undefined> {
  const memo = await readMemo(client, eventId);
  if (!memo) return undefined;
  const destinations = await Promise.all(memo.destinations.map((d) => deliveryView(client, eventId, d)));
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
  if (statuses.includes('scheduled')) return 'scheduled';
  if (statuses.includes('failed')) return 'failed';
  if (statuses.includes('expired')) return 'expired';
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
