import { createAttemptDelivery, type DeliverDeps } from './deliver';
import { createErasePage, type EraseDeps } from './erase';
import { createReplayPage, type ReplayDeps } from './replay';
import type { ErasurePageRequest, ErasurePageResult, ReplayPageRequest, ReplayPageResult } from '../src/contracts';

/** `replays` and `erasures` are absent in harnesses that run deliveries only. */
export type ActivityDeps = DeliverDeps & { replays?: ReplayDeps; erasures?: EraseDeps };

const missing = (what: string) => () => Promise.reject(new Error(`this worker was built without ${what} support`));

/** The only way activities are built: the worker passes real deps, tests pass fakes. */
export function createActivities(deps: ActivityDeps) {
  return {
    attemptDelivery: createAttemptDelivery(deps),
    replayPage: (deps.replays ? createReplayPage(deps.replays) : missing('replay')) as (
      r: ReplayPageRequest,
    ) => Promise<ReplayPageResult>,
    erasePage: (deps.erasures ? createErasePage(deps.erasures) : missing('erasure')) as (
      r: ErasurePageRequest,
    ) => Promise<ErasurePageResult>,
  };
}

export type Activities = ReturnType<typeof createActivities>;
