// One accepted callback: fan out to one child delivery per matched destination and wait for all.
import * as wf from '@temporalio/workflow';
import {
  deliverySearchAttributes,
  deliveryWorkflowId,
  type CallbackInput,
  type CallbackSummary,
  type DeliveryState,
  type EventMeta,
} from '../src/contracts';
import { deliveryWorkflow } from './delivery';
import { PATCH_TILDE_CHILD_IDS } from './policies';

export async function callbackWorkflow(input: CallbackInput): Promise<CallbackSummary> {
  const { payload, destinations, idScheme, ...event } = input;
  const meta: EventMeta = event;
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
