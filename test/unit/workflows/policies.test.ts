import { attemptActivityOptions, ATTEMPT_ACTIVITY_MAX_RUNS } from '../../../workflows/policies';

test("the attempt activity's own retries are bounded, so a fault cannot retry forever", () => {
  const options = attemptActivityOptions(10_000);
  expect(options.retry?.maximumAttempts).toBe(ATTEMPT_ACTIVITY_MAX_RUNS);
  expect(ATTEMPT_ACTIVITY_MAX_RUNS).toBeGreaterThan(1);
  expect(options.startToCloseTimeout).toBe(15_000);
});

test('a holdable attempt (revision 3) sets no maximum: held runs are retries too, and the activity bounds its lost runs', () => {
  const options = attemptActivityOptions(10_000, undefined, undefined, true);
  expect(options.retry).not.toHaveProperty('maximumAttempts');
  expect(options.retry).toMatchObject({ initialInterval: '1s', maximumInterval: '30s' });
  expect(options.startToCloseTimeout).toBe(15_000);
});
