import { nextAttemptDelay, type RetrySpec } from '../../../src/contracts';

const spec: RetrySpec = {
  initialIntervalMs: 1000,
  backoffCoefficient: 2,
  maximumIntervalMs: 10_000,
  maximumAttempts: 5,
  jitter: 0,
};

describe('nextAttemptDelay', () => {
  test.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
  ])('after %i attempt(s) waits %i ms', (attemptsMade, expected) => {
    expect(nextAttemptDelay({ spec, attemptsMade, elapsedMs: 0, random: 0.5 })).toBe(expected);
  });

  test('is capped by the maximum interval', () => {
    expect(nextAttemptDelay({ spec: { ...spec, maximumAttempts: 10 }, attemptsMade: 6, elapsedMs: 0, random: 0.5 })).toBe(10_000);
  });

  test('stops after maximumAttempts', () => {
    expect(nextAttemptDelay({ spec, attemptsMade: 5, elapsedMs: 0, random: 0.5 })).toBeUndefined();
  });

  test('stops when the next attempt would pass the horizon', () => {
    const withHorizon = { ...spec, horizonMs: 5000 };
    expect(nextAttemptDelay({ spec: withHorizon, attemptsMade: 2, elapsedMs: 2500, random: 0.5 })).toBe(2000);
    expect(nextAttemptDelay({ spec: withHorizon, attemptsMade: 3, elapsedMs: 4500, random: 0.5 })).toBeUndefined();
  });

  test('jitter spreads the wait within ±jitter', () => {
    const jittered = { ...spec, jitter: 0.2 };
    expect(nextAttemptDelay({ spec: jittered, attemptsMade: 1, elapsedMs: 0, random: 0 })).toBe(800);
    expect(nextAttemptDelay({ spec: jittered, attemptsMade: 1, elapsedMs: 0, random: 0.999999 })).toBe(1200);
  });

  test('Retry-After replaces the backoff and is clamped to the maximum interval', () => {
    expect(nextAttemptDelay({ spec, attemptsMade: 1, elapsedMs: 0, random: 0.5, retryAfterMs: 2000 })).toBe(2000);
    expect(nextAttemptDelay({ spec, attemptsMade: 1, elapsedMs: 0, random: 0.5, retryAfterMs: 3_600_000 })).toBe(10_000);
  });
});
