// Every timeout and retry policy the workflows use, defined once.
import type { ActivityOptions } from '@temporalio/workflow';
import { ATTEMPT_ACTIVITY_MAX_RUNS, rateLimitedTaskQueue, temporalPriority, type EventPriority } from '../src/contracts';

/** Headroom over the destination's own timeout before Temporal declares the activity lost. */
const ATTEMPT_GRACE_MS = 5_000;

export { ATTEMPT_ACTIVITY_MAX_RUNS } from '../src/contracts';

/**
 * Options for one delivery attempt. The activity turns every destination failure (and its own
 * bugs) into data, so Temporal's retries here only cover infrastructure and never count against
 * the destination's attempts. A holdable attempt (revision 3) is also retried while it is held
 * (paused destination, open circuit), for as long as that lasts: its policy sets no maximum, and
 * the activity itself ends the attempt after ATTEMPT_ACTIVITY_MAX_RUNS runs that were lost.
 */
export function attemptActivityOptions(
  timeoutMs: number,
  priority?: EventPriority,
  limited?: { taskQueue: string; destinationId: string; perSecond: number },
  holdable = false,
): ActivityOptions {
  const { priority: priorityKey } = temporalPriority(priority);
  return {
    startToCloseTimeout: timeoutMs + ATTEMPT_GRACE_MS,
    // A rate-limited destination's attempts queue under its own fairness key, weighted by its rate.
    ...(limited
      ? {
          taskQueue: rateLimitedTaskQueue(limited.taskQueue),
          priority: { ...priorityKey, fairnessKey: limited.destinationId, fairnessWeight: limited.perSecond },
        }
      : priorityKey
        ? { priority: priorityKey }
        : {}),
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '30s',
      ...(holdable ? {} : { maximumAttempts: ATTEMPT_ACTIVITY_MAX_RUNS }),
    },
  };
}

/** patched() marker: an activity that failed for good becomes the delivery's last attempt. */
export const PATCH_ATTEMPT_FAILURE_AS_RECORD = 'attempt-failure-as-record';

/**
 * patched() marker: children get IDs joined with "~" (`<event>~<destination>`,
 * `<delivery>~dead-letter-<n>`) instead of "." (which event and destination ids may contain, so
 * two pairs could share one ID). Histories recorded before replay with the IDs they started.
 */
export const PATCH_TILDE_CHILD_IDS = 'tilde-child-ids';
