// POST /v1/events/{id}/cancel: every delivery not yet final is cancelled through Temporal's own
// cancellation, which the delivery workflow ends as "cancelled" (no dead letter).
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { deliveryWorkflowId, type DeliveryStatus } from '../contracts';
import type { EventStatus } from './status';

const FINAL: readonly DeliveryStatus[] = ['delivered', 'failed', 'cancelled', 'expired'];

export interface CancelResult {
  /** Deliveries asked to stop; they read "cancelled" once their current step ends. */
  cancelled: string[];
  /** Already delivered, failed, cancelled or expired: left as they are. */
  final: string[];
}

export async function cancelDeliveries(client: Client, event: EventStatus): Promise<CancelResult> {
  const result: CancelResult = { cancelled: [], final: [] };
  for (const delivery of event.destinations) {
    if (FINAL.includes(delivery.status)) {
      result.final.push(delivery.destinationId);
      continue;
    }
    const handle = client.workflow.getHandle(delivery.workflowId ?? deliveryWorkflowId(event.id, delivery.destinationId));
    // It may have closed since the status was read: then it is final.
    const asked = await handle
      .cancel()
      .then(() => true)
      .catch((err: unknown) => (err instanceof WorkflowNotFoundError ? false : Promise.reject(err)));
    (asked ? result.cancelled : result.final).push(delivery.destinationId);
  }
  return result;
}
