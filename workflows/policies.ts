// Every timeout and retry policy the workflows use, defined once.
import type { ActivityOptions } from '@temporalio/workflow';
import { rateLimitedTaskQueue, temporalPriority, type EventPriority } from '../src/contracts';

/** Headroom over the destination's own timeout before Temporal declares the activity lost. */
const ATTEMPT_GRACE_MS = 5_000;

/**
 * Runs of one attempt the activity may take for our own infrastructure's sake (worker crash,
 * activity timeout): about 4 minutes of backoff. Past that it is not bad luck but a fault, and
 * the delivery fails with the error in its last attempt record.
 */
export const ATTEMPT_ACTIVITY_MAX_RUNS = 10;

/**
 * Options for one delivery attempt. The activity turns every destination failure (and its own
 * bugs) into data, so Temporal's retries here only cover infrastructure and never count against
 * the destination's attempts.
 */
export function attemptActivityOptions(
  timeoutMs: number,
  priority?: EventPriority,
  limited?: { taskQueue: string; destinationId: string; perSecond: number },
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
      maximumAttempts: ATTEMPT_ACTIVITY_MAX_RUNS,
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
