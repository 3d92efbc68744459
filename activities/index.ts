import { createAttemptDelivery, type DeliverDeps } from './deliver';

export type ActivityDeps = DeliverDeps;

/** The only way activities are built: the worker passes real deps, tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return { attemptDelivery: createAttemptDelivery(deps) };
}

export type Activities = ReturnType<typeof createActivities>;
