// One accepted callback: fan out to one child delivery per matched destination.
import * as wf from '@temporalio/workflow';
import {
  atRevision,
  deliverySearchAttributes,
  deliveryWorkflowId,
  type CallbackInput,
  type CallbackSummary,
  type DeliveryInput,
  type DeliveryState,
  eventMetaOf,
  temporalPriority,
} from '../src/contracts';
import { deliveryWorkflow } from './delivery';
import { PATCH_TILDE_CHILD_IDS } from './policies';

/** What a callback of revision 2 or later returns: the deliveries it started (their IDs). */
export interface CallbackStarted {
  eventId: string;
  deliveries: string[];
  /** Starts the server refused: the ID was taken (by a run of that delivery started before). */
  notStarted?: string[];
}

export async function callbackWorkflow(input: CallbackInput): Promise<CallbackSummary | CallbackStarted> {
  if (atRevision(input, 2)) return startAll(input);
  const { payload, destinations, idScheme } = input;
  const meta = eventMetaOf(input);
  // A callback of the release that put the scheme in the input has no marker: its input decides.
  const scheme = idScheme ?? (wf.patched(PATCH_TILDE_CHILD_IDS) ? 'current' : 'legacy');
  // allSettled: one destination's failure must never hide or cancel the others.
  const results = await Promise.allSettled(
    destinations.map((plan) =>
      wf.executeChild(deliveryWorkflow, {
        workflowId: deliveryWorkflowId(input.eventId, plan.destinationId, scheme),
        staticSummary: `${input.eventType} → ${plan.destinationId}`,
        typedSearchAttributes: deliverySearchAttributes(input, plan.destinationId),
        args: [{ event: meta, payload, plan }],
      }),
    ),
  );
  // No status search attribute on the parent: each delivery carries its own, where a failure
  // is, and the parent's would cost one more billed action per callback.
  return summarize(input, results);
}

/**
 * Every status is read from the deliveries, so the callback does not wait for them to finish: it
 * starts each child abandoned (ABANDON) and closes once the server has confirmed every start,
 * which costs it 2 workflow tasks instead of up to 1 + 2·D. It cannot close sooner: temporal-server
 * 1.32 drops the start of an abandoned child whose parent closed before it started.
 */
async function startAll(input: CallbackInput): Promise<CallbackStarted> {
  const { payload, destinations, revision, recordDelivered } = input;
  const event = eventMetaOf(input);
  const ids = destinations.map((plan) => deliveryWorkflowId(input.eventId, plan.destinationId));
  const initialStatus = input.deliverAt && Date.parse(input.deliverAt) > Date.now() ? 'scheduled' : 'delivering';
  // allSettled: a start the server refuses (its ID taken) must not stop the others.
  const starts = await Promise.allSettled(
    destinations.map((plan, i) =>
      wf.startChild(deliveryWorkflow, {
        workflowId: ids[i],
        parentClosePolicy: 'ABANDON',
        staticSummary: `${input.eventType} → ${plan.destinationId}`,
        typedSearchAttributes: deliverySearchAttributes(input, plan.destinationId, initialStatus),
        ...temporalPriority(input.priority),
        args: [{ event, payload, plan, revision, ...(recordDelivered ? { recordDelivered } : {}) } satisfies DeliveryInput],
      }),
    ),
  );
  const notStarted = ids.filter((_, i) => starts[i].status === 'rejected');
  return { eventId: input.eventId, deliveries: ids, ...(notStarted.length > 0 ? { notStarted } : {}) };
}

function summarize(input: CallbackInput, results: PromiseSettledResult<DeliveryState>[]): CallbackSummary {
  const destinations = results.map((result, i) =>
    result.status === 'fulfilled'
      ? { destinationId: result.value.destinationId, status: result.value.status, attempts: result.value.attempts.length }
      : { destinationId: input.destinations[i].destinationId, status: 'failed' as const, attempts: 0 },
  );
  const statuses = destinations.map((d) => d.status);
  const status = statuses.every((s) => s === 'delivered')
    ? 'delivered'
    : statuses.some((s) => s === 'failed')
      ? 'failed'
      : 'cancelled';
  return { eventId: input.eventId, status, destinations };
}
