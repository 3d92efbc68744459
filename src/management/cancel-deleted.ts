// When a destination is deleted, its deliveries still running are told to end "cancelled" with
// the reason "destination deleted" (not failed, no dead letter). Visibility may lag a start by a
// moment; such a delivery learns the same at its next attempt, when the destination is gone.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, SIGNAL, WORKFLOW } from '../contracts';
import type { Logger } from '../telemetry/logger';

/** Bounds one deletion's sweep; the attempt-time check covers any beyond it. */
const MAX_SIGNALLED = 10_000;
export const DELETED_REASON = 'destination deleted';

export async function cancelDeliveriesTo(client: Client, destinationId: string, logger: Logger): Promise<number> {
  const query =
    `WorkflowType = '${WORKFLOW.delivery}' AND ExecutionStatus = 'Running' AND ` +
    `${SEARCH_ATTRIBUTES.destination.name} = '${destinationId}'`;
  let signalled = 0;
  for await (const execution of client.workflow.list({ query, pageSize: 500 })) {
    if (signalled >= MAX_SIGNALLED) break;
    await client.workflow
      .getHandle(execution.workflowId, execution.runId)
      .signal(SIGNAL.cancelDelivery, { reason: DELETED_REASON })
      .then(() => signalled++)
      .catch((err: unknown) => {
        if (!(err instanceof WorkflowNotFoundError)) throw err;
      });
  }
  logger.info(
    { namespace: client.options.namespace, destination: destinationId, signalled },
    'cancelled deliveries to a deleted destination',
  );
  return signalled;
}
