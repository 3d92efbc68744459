import { attemptActivityOptions, ATTEMPT_ACTIVITY_MAX_RUNS } from '../../../workflows/policies';

test("the attempt activity's own retries are bounded, so a fault cannot retry forever", () => {
  const options = attemptActivityOptions(10_000);
  expect(options.retry?.maximumAttempts).toBe(ATTEMPT_ACTIVITY_MAX_RUNS);
  expect(ATTEMPT_ACTIVITY_MAX_RUNS).toBeGreaterThan(1);
  expect(options.startToCloseTimeout).toBe(15_000);
});
