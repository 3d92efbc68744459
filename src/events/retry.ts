// POST /v1/events/{id}/retry: failed, cancelled or expired deliveries get a new run under the same
// workflow ID (numbering continues; a delivery of an event accepted before the "~" IDs keeps its
// legacy ID); a delivery waiting on its backoff or its scheduled time is told to go now.
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { deliveryWorkflow } from '../../workflows/delivery';
import {
  CURRENT_REVISION,
  deliverySearchAttributes,
  deliveryWorkflowId,
  eventMetaOf,
  SIGNAL,
  WORKFLOW,
  type DeliveryInput,
  type DeliveryPlan,
  type DeliveryStatus,
} from '../contracts';
import { deliveryPlan, type TenantConfig } from '../config';
import { deliveryView, readCallbackInput } from './status';

export interface RetryResult {
  retried: string[];
  /** Already delivered or still in progress without a wait to skip. */
  skipped: string[];
}

/** Final statuses a manual retry starts a new run for. */
const RERUNNABLE = new Set<DeliveryStatus>(['failed', 'cancelled', 'expired']);

export interface RetryOptions {
  tenant: TenantConfig;
  eventId: string;
  destinations: string[];
  taskQueue: string;
  recordDelivered?: boolean;
  /** Final statuses that get a new run (default failed, cancelled, expired; a replay may add delivered). */
  rerunnable?: ReadonlySet<DeliveryStatus>;
  /** Memo of the new run (a replay marks its runs, so it never sends one twice). */
  memo?: Record<string, unknown>;
}

export async function retryDeliveries(client: Client, options: RetryOptions): Promise<RetryResult> {
  const result: RetryResult = { retried: [], skipped: [] };
  const input = await readCallbackInput(client, options.eventId);
  const { payload } = input;
  const event = eventMetaOf(input);
  const { ttlMs: _eventTtl, ...eventWithoutTtl } = event;
  for (const destinationId of options.destinations) {
    const state = await deliveryView(client, options.eventId, destinationId);
    const workflowId = state.workflowId ?? deliveryWorkflowId(options.eventId, destinationId);
    if (state.status === 'retrying' || state.status === 'scheduled') {
      // It may have closed since the query: then there is nothing left to hurry.
      const signalled = await client.workflow
        .getHandle(workflowId)
        .signal(SIGNAL.retryNow)
        .then(() => true)
        .catch((err: unknown) => (err instanceof WorkflowNotFoundError ? false : Promise.reject(err)));
      (signalled ? result.retried : result.skipped).push(destinationId);
      continue;
    }
    const planned = currentPlan(options.tenant, input.destinations, destinationId);
    if (!(options.rerunnable ?? RERUNNABLE).has(state.status) || !planned) {
      result.skipped.push(destinationId);
      continue;
    }
    // "Now" also means "no ttl": one that expired would otherwise expire again at once.
    const { ttlMs: _planTtl, ...plan } = planned;
    const args: DeliveryInput = {
      event: eventWithoutTtl,
      payload,
      plan,
      previousAttempts: state.attempts,
      revision: CURRENT_REVISION,
      ...(options.recordDelivered ? { recordDelivered: true as const } : {}),
    };
    const started = await client.workflow
      .start<typeof deliveryWorkflow>(WORKFLOW.delivery, {
        workflowId,
        taskQueue: options.taskQueue,
        args: [args],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        staticSummary: `${options.memo ? 'replay' : 'manual retry'} of ${event.eventType} → ${destinationId}`,
        ...(options.memo ? { memo: options.memo } : {}),
        typedSearchAttributes: deliverySearchAttributes(event, destinationId),
      })
      .then(() => true)
      // A concurrent retry request started it first.
      .catch((err: unknown) => (err instanceof WorkflowExecutionAlreadyStartedError ? false : Promise.reject(err)));
    (started ? result.retried : result.skipped).push(destinationId);
  }
  return result;
}

/**
 * What a rerun delivers with: the destination's current settings, or for a one-off delivery (no
 * registered destination) the plan it was accepted with, its sealed target included.
 */
function currentPlan(tenant: TenantConfig, planned: readonly DeliveryPlan[], destinationId: string): DeliveryPlan | undefined {
  const oneOff = planned.find((p) => p.destinationId === destinationId && p.target);
  if (oneOff) return oneOff;
  const current = tenant.destinations.find((d) => d.id === destinationId);
  return current && deliveryPlan(current, tenant);
}
