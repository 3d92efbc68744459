// Every timeout and retry policy the workflows use, defined once.
import type { ActivityOptions } from '@temporalio/workflow';

/** Headroom over the destination's own timeout before Temporal declares the activity lost. */
const ATTEMPT_GRACE_MS = 5_000;

/**
 * Options for one delivery attempt. The activity turns every destination failure into data,
 * so Temporal's retries here only cover our own infrastructure (worker crash, activity timeout)
 * and never count against the destination's attempts.
 */
export function attemptActivityOptions(timeoutMs: number): ActivityOptions {
  return {
    startToCloseTimeout: timeoutMs + ATTEMPT_GRACE_MS,
    retry: {
      initialInterval: '1s',
      backoffCoefficient: 2,
      maximumInterval: '30s',
    },
  };
}
