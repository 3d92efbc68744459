// Finding the workflow of one delivery (and of its dead letter) and reading its state. Events
// accepted before the "~" separator have their deliveries under legacy `<event>.<destination>`
// IDs, which another workflow may hold instead, so a legacy candidate counts only once it proves
// to be the delivery asked for.
import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription, type WorkflowHandle } from '@temporalio/client';
import { deadLetterWorkflowId, deliveryWorkflowId, QUERY, SA, WORKFLOW, type DeliveryState } from '../contracts';

export interface FoundWorkflow {
  workflowId: string;
  handle: WorkflowHandle;
  description: WorkflowExecutionDescription;
}

export async function describeWorkflow(client: Client, workflowId: string): Promise<FoundWorkflow | undefined> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    return { workflowId, handle, description: await handle.describe() };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) return undefined;
    throw err;
  }
}

/**
 * The delivery of this event to this destination, under today's ID or else the legacy one.
 * Undefined while the callback has not started it.
 */
export async function findDelivery(client: Client, eventId: string, destinationId: string): Promise<FoundWorkflow | undefined> {
  // Neither part can contain the separator, so this ID names this pair and nothing else.
  const current = await describeWorkflow(client, deliveryWorkflowId(eventId, destinationId));
  if (current) return current;
  const legacy = await describeWorkflow(client, deliveryWorkflowId(eventId, destinationId, 'legacy'));
  return legacy && isLegacyDelivery(legacy.description, eventId, destinationId) ? legacy : undefined;
}

/**
 * `<event>.<destination>` may be another event's callback, another pair's delivery (`a.b` → `c`
 * and `a` → `b.c`) or a dead letter. It is this delivery when it is a delivery workflow started by
 * this event's callback; a manual retry's run has no parent, but with its destination fixed the
 * ID fixes the event.
 */
function isLegacyDelivery(description: WorkflowExecutionDescription, eventId: string, destinationId: string): boolean {
  if (description.type !== WORKFLOW.delivery) return false;
  if (description.parentExecution) return description.parentExecution.workflowId === eventId;
  return description.typedSearchAttributes.get(SA.destination) === destinationId;
}

/**
 * A completed delivery answers from its stored result (no worker needed, no billed query);
 * a running one from its live query; one that was terminated from outside is cancelled.
 */
export async function deliveryStateOf(found: FoundWorkflow, destinationId: string): Promise<DeliveryState> {
  const { handle } = found;
  const status = found.description.status.name;
  if (status === 'COMPLETED') return (await handle.result()) as DeliveryState;
  if (status === 'RUNNING') return handle.query<DeliveryState>(QUERY.deliveryState);
  const final = status === 'FAILED' || status === 'TIMED_OUT' ? 'failed' : 'cancelled';
  const attempts = await handle
    .query<DeliveryState>(QUERY.deliveryState)
    .then((s) => s.attempts)
    .catch(() => []);
  return { destinationId, status: final, attempts };
}

/** Where a failed delivery's dead letter stands: what its destination's operator has, or why not. */
export interface DeadLetterState {
  /** The dead-letter destination. */
  destination: string;
  /** Its own delivery's status: "pending" until the failed delivery has started it. */
  status: DeliveryState['status'];
  attempts: number;
  /** Why it was cancelled ("destination deleted": the target is gone, nobody got the dead letter). */
  cancelReason?: string;
  /** The last attempt's error, when it has not been delivered. */
  lastError?: string;
}

/** The dead letter of a delivery that failed with a dead-letter target; undefined otherwise. */
export async function readDeadLetter(
  client: Client,
  delivery: { workflowId: string; state: DeliveryState },
): Promise<DeadLetterState | undefined> {
  const { state, workflowId } = delivery;
  const destination = state.deadLetteredTo;
  if (state.status !== 'failed' || destination === undefined) return undefined;
  for (const scheme of ['current', 'legacy'] as const) {
    const found = await describeWorkflow(client, deadLetterWorkflowId(workflowId, state.attempts.length, scheme));
    // A legacy `.dead-letter-<n>` ID could be a delivery of this event's own; a dead letter's parent is its delivery.
    if (found?.description.parentExecution?.workflowId !== workflowId) continue;
    const dead = await deliveryStateOf(found, destination);
    const last = dead.attempts[dead.attempts.length - 1];
    return {
      destination,
      status: dead.status,
      attempts: dead.attempts.length,
      ...(dead.cancelReason !== undefined ? { cancelReason: dead.cancelReason } : {}),
      ...(last?.error !== undefined && dead.status !== 'delivered' ? { lastError: last.error } : {}),
    };
  }
  return { destination, status: 'pending', attempts: 0 };
}
