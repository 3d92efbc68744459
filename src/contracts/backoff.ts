import type { RetrySpec } from './types';

export interface NextAttemptInput {
  spec: RetrySpec;
  /** Attempts made so far (1 after the first). */
  attemptsMade: number;
  /** ms since the first attempt started. */
  elapsedMs: number;
  /** A uniform number in [0, 1): the workflow's deterministic Math.random(). */
  random: number;
  retryAfterMs?: number;
}

/**
 * The wait before the next attempt, or undefined when the policy is exhausted.
 * Retry-After wins over the computed backoff but is clamped to the policy's maximum interval,
 * so a destination cannot park a delivery for longer than its owner allowed.
 */
export function nextAttemptDelay(input: NextAttemptInput): number | undefined {
  const { spec, attemptsMade, elapsedMs, random, retryAfterMs } = input;
  if (attemptsMade >= spec.maximumAttempts) return undefined;
  const exponential = spec.initialIntervalMs * spec.backoffCoefficient ** (attemptsMade - 1);
  const jittered = exponential * (1 - spec.jitter + 2 * spec.jitter * random);
  const base = retryAfterMs !== undefined ? Math.max(retryAfterMs, 0) : jittered;
  const delay = Math.round(Math.min(base, spec.maximumIntervalMs));
  if (spec.horizonMs !== undefined && elapsedMs + delay > spec.horizonMs) return undefined;
  return delay;
}
