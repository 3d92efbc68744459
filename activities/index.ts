import { createAttemptDelivery, type DeliverDeps } from './deliver';
import { createReplayPage, type ReplayDeps } from './replay';

/** `replays` is absent in harnesses that run deliveries only. */
export type ActivityDeps = DeliverDeps & { replays?: ReplayDeps };

/** The only way activities are built: the worker passes real deps, tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return {
    attemptDelivery: createAttemptDelivery(deps),
    replayPage: deps.replays
      ? createReplayPage(deps.replays)
      : () => Promise.reject(new Error('this worker was built without replay support')),
  };
}

export type Activities = ReturnType<typeof createActivities>;
