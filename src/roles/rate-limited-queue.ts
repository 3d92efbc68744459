// Per-destination rate limits, enforced by Temporal's matching service for every worker at once:
// rate-limited destinations' attempts go to their own activity task queue, each destination as a
// fairness key weighted by its perSecond, and the queue's per-key rate is 1/s, so a key's rate is
// its weight. An attempt over the limit waits in the task queue (no history event, no attempt used).
import { temporal } from '@temporalio/proto';
import type { NativeConnection } from '@temporalio/worker';
import { rateLimitedTaskQueue } from '../contracts';
import { destinationRateLimit } from '../config';
import type { LiveTenant } from '../registry/snapshot';

const PER_KEY_RATE = 1;
const ACTIVITY = temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY;
const REASON = 'barrage: destination rateLimit.perSecond';

/** destination id → perSecond, for the tenant's rate-limited destinations (disabled ones too; tenant default included). */
export function rateLimitsOf(tenant: LiveTenant | undefined): Map<string, number> {
  const limits = new Map<string, number>();
  for (const [id, entry] of tenant?.entries ?? []) {
    const rateLimit = destinationRateLimit(entry.config, tenant?.defaults);
    if (rateLimit) limits.set(id, rateLimit.perSecond);
  }
  return limits;
}

/**
 * Brings the queue's config to `wanted`: the per-key rate once, then weight overrides for the
 * destinations whose limit is new or changed (attempts already queued follow a change at once;
 * new ones also carry their weight) and none for those that lost theirs.
 */
export async function configureRateLimitedQueue(
  connection: NativeConnection,
  target: { namespace: string; taskQueue: string },
  wanted: ReadonlyMap<string, number>,
  applied: ReadonlyMap<string, number> | undefined,
): Promise<void> {
  const set = Object.fromEntries([...wanted].filter(([id, rate]) => applied?.get(id) !== rate));
  const unset = [...(applied?.keys() ?? [])].filter((id) => !wanted.has(id));
  if (applied && Object.keys(set).length === 0 && unset.length === 0) return;
  await connection.workflowService.updateTaskQueueConfig({
    namespace: target.namespace,
    identity: 'barrage',
    taskQueue: rateLimitedTaskQueue(target.taskQueue),
    taskQueueType: ACTIVITY,
    ...(applied ? {} : { updateFairnessKeyRateLimitDefault: { rateLimit: { requestsPerSecond: PER_KEY_RATE }, reason: REASON } }),
    setFairnessWeightOverrides: set,
    unsetFairnessWeightOverrides: unset,
  });
}
